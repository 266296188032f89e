"""The welcome frame, with the session view encoded once per change and audience, not per hello.

A wave of projector hellos on a large board used to encode the whole board for each socket.
Here the view's bytes are kept until the state's sequence number moves, and each welcome is the
small per-socket map with those bytes spliced in as the ``state`` value (MessagePack concatenates).
"""

from __future__ import annotations

from typing import Any

import msgpack

from boards.projection import Audience, session_view
from boards.state import SessionState
from server import frames


class WelcomeCache:
    def __init__(self) -> None:
        self._seq = -1
        self._views: dict[Audience, bytes] = {}

    def view(self, state: SessionState, audience: Audience) -> bytes:
        """The encoded session view for ``audience`` at the state's current seq."""
        if state.seq != self._seq:
            self._views.clear()
            self._seq = state.seq
        encoded = self._views.get(audience)
        if encoded is None:
            encoded = self._views[audience] = frames.encode(session_view(state, audience, None))
        return encoded

    def frame(self, fields: dict[str, Any], state: SessionState | None, audience: Audience) -> bytes:
        """``fields`` as a MessagePack map, plus ``state``: the shared view, when given."""
        packer = msgpack.Packer(use_bin_type=True)
        parts = [packer.pack_map_header(len(fields) + (state is not None))]
        for key, value in fields.items():
            parts += [packer.pack(key), packer.pack(value)]
        if state is not None:
            parts += [packer.pack("state"), self.view(state, audience)]
        return b"".join(parts)
