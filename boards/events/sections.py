"""Events of a section's plain content: dots, notes and a text field, and a dot section's
counts hidden or revealed."""

from __future__ import annotations

from boards.events.base import Event


class DotPlaced(Event, tag="dot_placed"):
    board: str
    section: str
    option: str
    participant: str
    group: str


class DotRemoved(Event, tag="dot_removed"):
    board: str
    section: str
    option: str
    participant: str
    group: str


class TextSet(Event, tag="text_set"):
    board: str
    section: str
    field: str
    text: str


class NoteAdded(Event, tag="note_added"):
    board: str
    section: str
    note: str
    lane: str
    text: str
    owner: str
    author: str  # a participant id, or "facilitator"


class NoteEdited(Event, tag="note_edited"):
    board: str
    section: str
    note: str
    lane: str
    text: str
    owner: str
    version: int


class NoteRemoved(Event, tag="note_removed"):
    board: str
    section: str
    note: str


class VisibilitySet(Event, tag="visibility_set"):
    """``counts`` (option -> group -> n) is the tally at the moment of a reveal,
    so that a client replaying the log sees the same numbers it would have seen live."""

    board: str
    section: str
    hidden: bool
    counts: dict[str, dict[str, int]] | None = None
