"""The welcome frame: the session view encoded once per change and shared by every hello."""

from __future__ import annotations

import msgpack

from boards import commands as c
from boards.projection import session_view
from server.welcome import WelcomeCache
from tests.unit.boards.helpers import FACILITATOR, Session


def test_the_session_view_is_encoded_once_per_change_and_shared():
    """Two hellos at one seq share the very same bytes; a change makes new ones; the frame decodes whole."""
    session = Session(boards=("stakeholders",))
    cache = WelcomeCache()
    first = cache.view(session.state, "others")
    assert cache.view(session.state, "others") is first
    session.run(FACILITATOR, c.AddStakeholder(board="stakeholders", section="map", category="Zorg"))
    second = cache.view(session.state, "others")
    assert second is not first
    frame = msgpack.unpackb(cache.frame({"type": "welcome", "seq": session.state.seq}, session.state, "others"))
    assert frame["type"] == "welcome"
    assert frame["state"] == msgpack.unpackb(msgpack.packb(session_view(session.state, "others", None)))
    assert "state" not in msgpack.unpackb(cache.frame({"type": "welcome"}, None, "others"))
