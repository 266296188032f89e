"""Events of instruction cards 1 and 4: roles, conditions, the draft and its marked words, the
wall and the sketch."""

from __future__ import annotations

from boards.events.base import Event
from boards.state import RolePerson, WallItem


class RolePersonSaved(Event, tag="role_person_saved"):
    """A name on a role as it now is (added, moved or confirmed)."""

    board: str
    section: str
    person: RolePerson


class RolePersonRemoved(Event, tag="role_person_removed"):
    board: str
    section: str
    person: str


class ConditionSet(Event, tag="condition_set"):
    board: str
    section: str
    row: str
    column: str
    text: str
    who: str


class DraftWritten(Event, tag="draft_written"):
    board: str
    section: str
    text: str


class WordMarked(Event, tag="word_marked"):
    """Who marked is kept for the rules; others see the count change, never who."""

    board: str
    section: str
    version: int
    word: int
    marked: bool
    participant: str


class WallItemSaved(Event, tag="wall_item_saved"):
    board: str
    section: str
    item: WallItem


class WallDotMoved(Event, tag="wall_dot_moved"):
    """A dot put on (``add``) or taken off an item; who is kept for the rules, never shown."""

    board: str
    section: str
    item: str
    add: bool
    participant: str


class WallVisibilitySet(Event, tag="wall_visibility_set"):
    """Dots hidden until the reveal; the reveal carries the counts."""

    board: str
    section: str
    hidden: bool
    counts: dict[str, int] | None = None
