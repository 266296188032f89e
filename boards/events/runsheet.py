"""Events of the run sheet (boards/runsheet.py): a board loaded from a template file, blocks."""

from __future__ import annotations

from boards.events.base import Event
from boards.template import Label, Plan, Section, Step, Template


class BoardLoaded(Event, tag="board_loaded"):
    """A board made from a template file: ``sheet`` is the whole template, kept in the log (a board
    of a shipped template is named by id in ``session_created`` instead)."""

    board: str
    sheet: Template


class BlockAdded(Event, tag="block_added"):
    """A block put at ``index`` of the board's steps, with the sections of its activity (new and
    empty). Frames add ``contents``: section id -> {slot, content}, each section's empty view."""

    board: str
    index: int
    step: Step
    sections: list[Section] = []


class BlockEdited(Event, tag="block_edited"):
    """A block's title and plan as they now are (its minutes change by ``step_minutes_set``)."""

    board: str
    step: str
    label: Label
    plan: Plan


class BlockMoved(Event, tag="block_moved"):
    board: str
    step: str
    index: int


class BlockRemoved(Event, tag="block_removed"):
    """A block taken off, and ``sections``: those of its activities no other block used (gone too)."""

    board: str
    step: str
    sections: list[str] = []
