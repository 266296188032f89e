"""Which kinds of section a session's boards use, for its board, projector and summary documents:
they preload those kinds' client code and no other (server/pages.py; docs/decisions.md, 76).

Only a hint: a kind missing here is loaded by the page itself (one round trip later), one too many
is fetched for nothing; the page is right either way. So it is found cheaply and never waits long:
from the live session when this server holds it (the facilitator's screen keeps it held while the
room joins), else from the first records of the session's log (``session_created`` names shipped
templates, ``board_loaded`` carries a template file). A block a run sheet added later, a log
trimmed behind a snapshot, a store that is down or slow: the base list (no kinds).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterable

from boards import events as e
from boards.state import SessionState
from boards.template import Template
from boards.templates import TEMPLATES
from server.hub import Hub
from server.networks import is_network_id
from server.records import unpack_record

log = logging.getLogger("samenspel.pages")

SESSION_PATH = re.compile(r"^/[bps]/([A-Za-z0-9_-]{1,64})/?$")  # board, projector, summary, as client/main.js routes
LOOKUP_TIMEOUT_S = 0.25  # a page never waits longer than this for its hint


def _types(templates: Iterable[Template]) -> frozenset[str]:
    return frozenset(s.__struct_config__.tag for t in templates for s in t.sections)


def of_state(state: SessionState) -> frozenset[str]:
    return _types(b.spec for b in state.boards.values())


async def _from_log(hub: Hub, session_id: str) -> frozenset[str]:
    data = await hub.backend.log.read(session_id, 0, limit=2)
    records = [unpack_record(d).event for d in data]
    if not records or not isinstance(records[0], e.SessionCreated):
        return frozenset()  # trimmed behind a snapshot, or no such session
    templates = [TEMPLATES[b] for b in records[0].boards if b in TEMPLATES]
    templates += [r.sheet for r in records[1:] if isinstance(r, e.BoardLoaded)]
    return _types(templates)


async def for_path(hub: Hub, path: str) -> frozenset[str]:
    """The kinds of the session a board, projector or summary path names; empty when unknown."""
    match = SESSION_PATH.match(path)
    if match is None or is_network_id(match[1]):
        return frozenset()
    try:
        live = hub.sessions.get(match[1])
        if live is not None:
            return of_state(live.state)
        if not hub.store_ready:
            return frozenset()
        return await asyncio.wait_for(_from_log(hub, match[1]), LOOKUP_TIMEOUT_S)
    except Exception as exc:  # noqa: BLE001 (only a hint: the page does without it)
        log.debug("no kinds for the page of a session: %r", exc)
        return frozenset()
