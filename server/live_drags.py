"""Drags of a session held live: shown to the others as they happen, coalesced (at most
``1 / DRAG_FLUSH_SECONDS`` a second per session), never logged. A mixin of
``server.live.LiveSession``."""

from __future__ import annotations

import asyncio
import logging

import msgpack

from boards import gate
from boards.actors import Actor
from boards.kinds.stakeholders import check_drag
from server import frames
from server.logs import session_ref

log = logging.getLogger("samenspel.live")

DRAG_FLUSH_SECONDS = 0.05  # drags are relayed at most 20 times a second per session


class Drags:
    """Drags of ``LiveSession`` (its state, sockets and broker)."""

    def relay_drag(self, actor: Actor, drag: frames.Drag) -> None:
        """Queue a drag position for the others; several within one flush interval send only the last."""
        check_drag(self.state, actor, drag.board, drag.section, drag.item)
        if actor.role == "participant":
            gate.check_action(self.state, drag.board, drag.section, "map")
        self._drags[(drag.board, drag.section, drag.item)] = {
            "type": "drag", "board": drag.board, "section": drag.section, "item": drag.item,
            "surface": drag.surface, "x": min(1.0, max(0.0, drag.x)), "y": min(1.0, max(0.0, drag.y)),
            "end": drag.end, "by": actor.author_id,
        }
        if self._drag_flush is None:
            self._drag_flush = asyncio.get_running_loop().call_later(DRAG_FLUSH_SECONDS, self._flush_drags)

    def _flush_drags(self) -> None:
        self._drag_flush = None
        encoded = [frames.encode(d) for d in self._drags.values()]
        self._drags.clear()
        self._send_drags(encoded)
        self._spawn(self._publish_drags(encoded))

    def _send_drags(self, encoded: list[bytes]) -> None:
        for frame in encoded:
            self.send_to_all(frame)

    async def _publish_drags(self, encoded: list[bytes]) -> None:
        try:
            await self.backend.broker.publish(self.id, msgpack.packb({"drags": encoded, "from": self.instance}))
        except Exception:  # a lost drag frame is harmless: the drop is logged
            log.debug("drag publish for session %s failed", session_ref(self.id))
