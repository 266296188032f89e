"""What the secret kinds (the decision tree, the radar) share with each other: a person's marks
hidden from the room until the reveal, a vote closed by the reveal, progress per group, and the
frames that never carry who marked what (the same approach as :mod:`boards.kinds.dots`).

:class:`Ballot` is their hide and reveal: a kind of it says which events are a person's marks,
how its reveal event is made, and where a vote keeps each person's marks."""

from __future__ import annotations

from typing import Any, ClassVar

from boards import events as e
from boards.errors import DomainError, ErrorCode
from boards.kinds.base import Audience, Kind, Touch, as_logged
from boards.state import BoardState, SessionState


def require_open(hidden: bool) -> None:
    """A vote is cast while hidden; after the reveal the room discusses what it sees."""
    if not hidden:
        raise DomainError(ErrorCode.ALREADY_REVEALED,
                          "the answers are revealed; the facilitator can hide them again to vote anew")


def anonymous_body(ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any]:
    """A person's mark as ``audience`` sees it: masked for others while hidden, and never with the
    participant's id (their own marks reach them in ``you``)."""
    if masked and audience != "facilitator":
        return {"type": "masked"}  # the sequence number flows on, so clients see no gap
    body = as_logged(ev)
    del body["participant"]
    return body


def progress(state: SessionState, board_id: str, section_id: str, finished: list[str],
             audience: Audience) -> dict[str, Any]:
    """How many of each group are done; the facilitator also gets who (never what they chose)."""
    done: dict[str, int] = {}
    for pid in finished:
        group = state.participants[pid].group
        done[group] = done.get(group, 0) + 1
    body: dict[str, Any] = {"board": board_id, "section": section_id, "done": done}
    if audience == "facilitator":
        body["finished"] = finished
    return body


def withheld(vote: Any, audience: Audience) -> bool:
    """Are the vote's marks kept from ``audience`` (hidden, and not the facilitator)?"""
    return vote.hidden and audience != "facilitator"


class Ballot(Kind):
    """A kind whose sections are a secret vote: each person's marks hidden from the room until the
    reveal (``set_hidden``, or a step's time-up with reveal), masked frames meanwhile, a person's
    own marks in ``you``, progress per group, and a removed person's marks taken away. Its content
    (the vote) has ``hidden``; a kind of it says the rest."""

    marks_events: ClassVar[tuple[type, ...]]  # the events that are a person's marks (with ``participant``)

    def visibility(self, board_id: str, section_id: str, vote: Any, hidden: bool) -> e.Event:
        """The event that hides the vote, or reveals it (with what the room then sees)."""
        raise NotImplementedError

    def marks(self, vote: Any) -> dict[str, dict[str, Any]]:
        """Participant -> their marks in the vote (item -> mark)."""
        raise NotImplementedError

    def to_finish(self, section: Any) -> int:
        """How many marks make a person done."""
        raise NotImplementedError

    def set_hidden(self, board_id: str, board: BoardState, section: Any, hidden: bool) -> list[e.Event]:
        return [self.visibility(board_id, section.id, self.content(board)[section.id], hidden)]

    def time_up(self, board_id: str, board: BoardState, section: Any, reveal: bool) -> list[e.Event]:
        vote = self.content(board)[section.id]
        return [self.visibility(board_id, section.id, vote, False)] if reveal and vote.hidden else []

    def masked(self, board: BoardState, ev: e.Event) -> bool:
        return isinstance(ev, self.marks_events) and self.content(board)[ev.section].hidden

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        return anonymous_body(ev, audience, masked) if isinstance(ev, self.marks_events) else None

    def own(self, vote: Any, participant: str) -> dict[str, Any]:
        return dict(self.marks(vote).get(participant, {}))

    def progress(self, state: SessionState, board_id: str, section: Any, audience: Audience) -> dict:
        """Who has marked every item."""
        marks = self.marks(self.content(state.boards[board_id])[section.id])
        count = self.to_finish(section)
        finished = [pid for pid in state.participants if len(marks.get(pid, {})) >= count]
        return progress(state, board_id, section.id, finished, audience)

    def touches(self, ev: e.Event) -> Touch | None:
        if isinstance(ev, self.marks_events):
            return Touch(own=ev.participant, progress=[(ev.board, ev.section)], acted_for=ev.participant)
        return None
