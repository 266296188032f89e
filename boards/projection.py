"""What each audience sees: anonymity by projection.

The log knows who placed which dot; what leaves the server is counts per option
per group. A participant additionally gets their own dots (``you``). When the
facilitator hides a section, participants and the projector see neither counts
nor dot events of it until the reveal, which carries the tally.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from boards import events as e
from boards.state import SessionState
from boards.templates import TEMPLATES

Audience = Literal["facilitator", "others"]

_ANONYMISED = (e.DotPlaced, e.DotRemoved)


def masked_for_others(record: e.Record, state: SessionState) -> bool:
    """Is this a dot event in a section hidden from non-facilitators? ``state`` is the state just
    after the event: what counts is the visibility when it happened, not when it is replayed."""
    ev = record.event
    return isinstance(ev, _ANONYMISED) and state.boards[ev.board].dots[ev.section].hidden


def event_view(record: e.Record, audience: Audience, masked: bool) -> dict[str, Any]:
    """The frame body for one logged event, as ``audience`` may see it (``masked``: see
    :func:`masked_for_others`)."""
    ev = record.event
    body: dict[str, Any]
    if isinstance(ev, _ANONYMISED):
        if masked and audience != "facilitator":
            # Keep the sequence number flowing so clients detect no gap, but say nothing.
            body = {"type": "masked"}
        else:
            body = msgspec.to_builtins(ev)
            del body["participant"]
    else:
        body = msgspec.to_builtins(ev)
    return {"type": "event", "seq": record.seq, "at": record.at, "event": body}


def session_view(state: SessionState, audience: Audience, participant: str | None) -> dict[str, Any]:
    """The whole session as ``audience`` may see it, for a (re)joining client."""
    boards = {}
    for board_id, board in state.boards.items():
        dots = {}
        for section_id, vote in board.dots.items():
            masked = vote.hidden and audience != "facilitator"
            dots[section_id] = {"hidden": vote.hidden, "counts": {} if masked else vote.counts}
        boards[board_id] = {
            "template": board.template,
            "texts": board.texts,
            "dots": dots,
            "notes": {s: list(notes.values()) for s, notes in board.notes.items()},
            "stakeholders": {s: list(items.values()) for s, items in board.stakeholders.items()},
            "checks": board.checks,
        }
    view = {
        "session": state.session,
        "seq": state.seq,
        "title": state.title,
        "created_at": state.created_at,
        "step": state.step,
        "timer": state.timer,
        "participants": {pid: p for pid, p in state.participants.items()},
        "boards": boards,
        "templates": {b.template: TEMPLATES[b.template] for b in state.boards.values()},
    }
    return msgspec.to_builtins(view)


def own_dots(state: SessionState, participant: str) -> dict[str, dict[str, list[str]]]:
    """A participant's own dots: board -> section -> options."""
    return {
        board_id: {s: list(v.by_person.get(participant, [])) for s, v in board.dots.items()}
        for board_id, board in state.boards.items()
    }
