"""What the secret kinds (the decision tree, the radar) share with each other: a person's marks
hidden from the room until the reveal, a vote closed by the reveal, progress per group, and the
frames that never carry who marked what (the same approach as :mod:`boards.kinds.dots`)."""

from __future__ import annotations

from typing import Any

from boards import events as e
from boards.errors import DomainError, ErrorCode
from boards.kinds.base import Audience, as_logged
from boards.state import SessionState


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
