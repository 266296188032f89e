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
from boards.facilitation import dot_sections, finished_voting
from boards.state import SessionState
from boards.template import DotSection
from boards.templates import TEMPLATES

Audience = Literal["facilitator", "others"]

_ANONYMISED = (e.DotPlaced, e.DotRemoved)


def masked_for_others(record: e.Record, state: SessionState) -> bool:
    """Is this event hidden from non-facilitators: a dot in a hidden section, or a check-out
    answer? ``state`` is the state just after the event: what counts is the visibility when it
    happened, not when it is replayed."""
    ev = record.event
    if isinstance(ev, e.CheckedOut):
        return True
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
    elif masked and audience != "facilitator":
        body = {"type": "masked"}
    else:
        body = msgspec.to_builtins(ev)
        if isinstance(ev, e.ParticipantJoined) and audience != "facilitator":
            del body["proxy"]  # only the facilitator knows who is there without a device
    return {"type": "event", "seq": record.seq, "at": record.at, "event": body}


def dot_progress(state: SessionState, board_id: str, section: DotSection, audience: Audience) -> dict[str, Any]:
    """How many people of each group have placed all their dots in a section; the facilitator
    also gets who (names are theirs to see, never where anyone's dots are)."""
    finished = finished_voting(state, board_id, section)
    done: dict[str, int] = {}
    for pid in finished:
        group = state.participants[pid].group
        done[group] = done.get(group, 0) + 1
    body: dict[str, Any] = {"board": board_id, "section": section.id, "done": done}
    if audience == "facilitator":
        body["finished"] = finished
    return body


def all_progress(state: SessionState, audience: Audience) -> list[dict[str, Any]]:
    return [dot_progress(state, b, s, audience) for b, s in dot_sections(state)]


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
            "locked": board.locked,
            "texts": board.texts,
            "dots": dots,
            "notes": {s: list(notes.values()) for s, notes in board.notes.items()},
            "stakeholders": {s: list(items.values()) for s, items in board.stakeholders.items()},
            "checks": board.checks,
        }
    facilitator = audience == "facilitator"
    participants = {
        pid: (p if facilitator else {"name": p.name, "group": p.group}) for pid, p in state.participants.items()
    }
    view = {
        "session": state.session,
        "seq": state.seq,
        "title": state.title,
        "created_at": state.created_at,
        "step": state.step,
        "step_board": state.step_board,
        "hold": state.hold,
        "step_minutes": state.step_minutes,
        "step_log": state.step_log,
        "joining_open": state.joining_open,
        "closed_at": state.closed_at,
        "timer": state.timer,
        "participants": participants,
        "boards": boards,
        "templates": {b.template: TEMPLATES[b.template] for b in state.boards.values()},
    }
    if facilitator:
        view["checkouts"] = state.checkouts
        view["proxy_dots"] = {pid: own_dots(state, pid) for pid, p in state.participants.items() if p.proxy}
    return msgspec.to_builtins(view)


def own_dots(state: SessionState, participant: str) -> dict[str, dict[str, list[str]]]:
    """A participant's own dots: board -> section -> options."""
    return {
        board_id: {s: list(v.by_person.get(participant, [])) for s, v in board.dots.items()}
        for board_id, board in state.boards.items()
    }


def own_view(state: SessionState, participant: str) -> dict[str, Any]:
    """The private ``you`` frame: a participant's own dots and closing-round answer."""
    checkout = state.checkouts.get(participant)
    return {"type": "you", "dots": own_dots(state, participant),
            "checkout": msgspec.to_builtins(checkout) if checkout else None}
