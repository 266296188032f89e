"""Events of the stakeholder map (instruction card 2), its checklist, and the review of open
actions."""

from __future__ import annotations

from boards.events.base import Event
from boards.state import ReviewItem, Stakeholder


class StakeholderSaved(Event, tag="stakeholder_saved"):
    """The whole stakeholder as it now is (a new one, or a change of any kind).

    ``change`` says what kind of change (add, edit, move, matrix, relevance, remove,
    restore, note, undo) and ``by`` whose (a participant id or "facilitator").
    """

    board: str
    section: str
    item: Stakeholder
    change: str
    by: str


class CheckSet(Event, tag="check_set"):
    board: str
    section: str
    item: str
    checked: bool


class ReviewSeeded(Event, tag="review_seeded"):
    board: str
    section: str
    items: list[ReviewItem]


class ReviewMarked(Event, tag="review_marked"):
    board: str
    section: str
    item: str
    mark: str
