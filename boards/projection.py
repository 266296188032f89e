"""What each audience sees, and what a logged event sends to whom.

The log knows who did what (who placed which dot); what leaves the server is what each kind of
section shows its audiences (:mod:`boards.kinds`): counts per option per group for a dot vote,
a participant's own marks to them alone (``you``), a hidden section's events masked until the
reveal, which carries the tally. The session's own parts are here: a check-out answer is the
facilitator's alone, and so is knowing who is in the room without a device.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec

from boards import events as e
from boards import kinds
from boards.kinds import Audience, Touch
from boards.kinds.base import Kind
from boards.state import SessionState
from boards.template import DotSection

__all__ = ["Audience", "Deliveries", "all_progress", "dot_progress", "event_view",
           "masked_for_others", "own_dots", "own_view", "progress_frames", "session_view", "Touch", "welcome_fields"]


def masked_for_others(record: e.Record, state: SessionState) -> bool:
    """Is this event hidden from non-facilitators: a mark in a hidden section, or a check-out
    answer? ``state`` is the state just after the event: what counts is the visibility when it
    happened, not when it is replayed."""
    ev = record.event
    if isinstance(ev, e.CheckedOut):
        return True
    kind = kinds.kind_of_event(ev)
    return kind is not None and kind.masked(state.boards[ev.board], ev)


def event_view(record: e.Record, audience: Audience, masked: bool) -> dict[str, Any]:
    """The frame for one logged event, as ``audience`` may see it (``masked``: see
    :func:`masked_for_others`)."""
    return {"type": "event", "seq": record.seq, "at": record.at, "event": event_body(record, audience, masked)}


def event_body(record: e.Record, audience: Audience, masked: bool) -> dict[str, Any]:
    """The event itself as ``audience`` may see it: what ``event_view``'s frame carries (the fan-out
    encodes it once and puts the envelope around it, server.lot)."""
    ev = record.event
    kind = kinds.kind_of_event(ev)
    body = kind.event_body(ev, audience, masked) if kind is not None else None
    if body is None:
        if masked and audience != "facilitator":
            body = {"type": "masked"}
        else:
            body = msgspec.to_builtins(ev)
            if isinstance(ev, e.ParticipantJoined) and audience != "facilitator":
                del body["proxy"]  # only the facilitator knows who is there without a device
            if isinstance(ev, e.BlockAdded):  # what a screen puts in each new section's place
                body["contents"] = {
                    s.id: {"slot": (k := kinds.kind_of(s)).slot, "content": msgspec.to_builtins(k.view(k.empty(s), audience))}
                    for s in ev.sections}
    return body


def dot_progress(state: SessionState, board_id: str, section: DotSection, audience: Audience) -> dict[str, Any]:
    """How many people of each group have placed all their dots in a section (see ``Dots.progress``)."""
    return kinds.kind_of(section).progress(state, board_id, section, audience)


def all_progress(state: SessionState, audience: Audience,
                 only: set[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    """The progress of every section that has one (or of the sections in ``only``)."""
    out = []
    for board_id, _board, section, kind in kinds.sections(state):
        if only is None or (board_id, section.id) in only:
            body = kind.progress(state, board_id, section, audience)
            if body is not None:
                out.append(body)
    return out


# The kinds that keep marks of a person (they override ``Kind.own``); every other kind's ``own`` is
# None, so their sections are not asked (an own view is built after every mark: decision 73).
_KEEPS_OWN = frozenset(type(k) for k in kinds.KINDS if type(k).own is not Kind.own)


def own_dots(state: SessionState, participant: str) -> dict[str, dict[str, Any]]:
    """A participant's own marks: board -> section -> what is theirs in it (a dot vote: its options).
    Every section whose kind keeps marks of a person is in it."""
    out: dict[str, dict[str, Any]] = {}
    for board_id, board in state.boards.items():
        out[board_id] = mine_here = {}
        for section in board.spec.sections:
            kind = kinds.kind_of(section)
            if type(kind) in _KEEPS_OWN:
                mine = kind.own(kind.content(board)[section.id], participant)
                if mine is not None:
                    mine_here[section.id] = mine
    return out


def own_view(state: SessionState, participant: str) -> dict[str, Any]:
    """The private ``you`` frame: a participant's own marks and closing-round answer."""
    checkout = state.checkouts.get(participant)
    return {"type": "you", "dots": own_dots(state, participant),
            "checkout": msgspec.to_builtins(checkout) if checkout else None}


def session_view(state: SessionState, audience: Audience, participant: str | None) -> dict[str, Any]:
    """The whole session as ``audience`` may see it, for a (re)joining client."""
    boards = {}
    for board_id, board in state.boards.items():
        view: dict[str, Any] = {"template": board.template, "locked": board.locked}
        for kind in kinds.KINDS:
            if kinds.listed(kind, board.spec):
                view[kind.slot] = {s: kind.view(content, audience) for s, content in kind.content(board).items()}
        boards[board_id] = view
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
        "templates": {b.template: b.spec for b in state.boards.values()},
    }
    if facilitator:
        view["checkouts"] = state.checkouts
        view["proxy_dots"] = {pid: own_dots(state, pid) for pid, p in state.participants.items() if p.proxy}
    return msgspec.to_builtins(view)


def welcome_fields(state: SessionState, participant: str | None, audience: Audience) -> dict[str, Any]:
    """What a welcome carries besides the session: a participant's own marks and check-out answer
    (``you``, ``checkout``), and every section's progress."""
    out: dict[str, Any] = {}
    if participant:
        out["you"] = own_dots(state, participant)
        out["checkout"] = own_view(state, participant)["checkout"]
    out["progress"] = all_progress(state, audience)
    return out


# --- what a group of logged events sends, besides the events themselves ----------------------


def touches(ev: e.Event) -> Touch:
    """What else than the board an event changes: a kind says it of its events; the session's own
    events are here."""
    kind = kinds.kind_of_event(ev)
    touch = kind.touches(ev) if kind is not None else None
    if touch is not None:
        return touch
    if isinstance(ev, e.CheckedOut):
        return Touch(own=ev.participant)
    if isinstance(ev, e.ParticipantRemoved):
        # Who is done changed everywhere; their sockets close; people in the room count as online.
        return Touch(all_progress=True, removed=ev.participant, presence=True)
    if isinstance(ev, e.ParticipantJoined):
        # Who can confirm an agreement changed (boards/kinds/agreements.py: "everyone" grew; only
        # progress that changed is sent); people in the room count as online.
        return Touch(all_progress=True, presence=ev.proxy)
    if isinstance(ev, _TIMER_EVENTS):
        return Touch(timer=True)
    return Touch()


_TIMER_EVENTS = (e.TimerSet, e.TimerStarted, e.TimerPaused, e.TimerExtended, e.TimerReset, e.TimerExpired)


@dataclass
class Deliveries:
    """What a group of records applied together sends besides their events: gathered per record
    (``add``), sent once for the group (thirty votes: one progress frame per screen, not thirty).
    ``sections``: the sections whose progress changed, in order, each with who acted in it."""

    sections: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    everything: bool = False  # every section's progress (after a removal), and no one's marks

    def add(self, touch: Touch) -> None:
        for section in touch.progress:
            acted = self.sections.setdefault(section, [])
            if touch.acted_for is not None:
                acted.append(touch.acted_for)
        self.everything |= touch.all_progress


# One send of progress: the bodies per audience, and the marks of people in the room for the facilitator.
ProgressSend = tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]


def progress_frames(state: SessionState, due: Deliveries) -> list[ProgressSend]:
    """The progress to send for ``due``, in order: every section's after a removal, else per section
    that changed its progress and, for the facilitator, the own marks of each person in the room
    they acted for there."""
    if due.everything:
        return [(_progress_bodies(state, None), [])]
    sends = []
    for (board_id, section_id), acted in due.sections.items():
        proxies = [{"type": "proxy_dots", "participant": p, "dots": own_dots(state, p)}
                   for p in dict.fromkeys(acted)
                   if (person := state.participants.get(p)) is not None and person.proxy]
        sends.append((_progress_bodies(state, {(board_id, section_id)}), proxies))
    return sends


def _progress_bodies(state: SessionState, only: set[tuple[str, str]] | None) -> dict[str, list[dict[str, Any]]]:
    return {audience: [{"type": "progress", **body} for body in all_progress(state, audience, only)]
            for audience in ("facilitator", "others")}


__all__ += ["ProgressSend", "touches"]
