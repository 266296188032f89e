"""The registry of kinds of section: the one list the engine, the step rules, projection, removal,
the summary and the exports loop over. A kind lives in one module here (docs/kinds.md).

The order of ``KINDS`` is the order of their parts everywhere (a board's state, its summary, the
events that take a removed person's content away, the CSV files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from boards import commands as c
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, require
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch
from boards.kinds.agreements import Agreements
from boards.kinds.checklist import Checklist
from boards.kinds.conditions import Conditions
from boards.kinds.dots import Dots
from boards.kinds.draft import Draft
from boards.kinds.notes import Notes
from boards.kinds.openquestion import OpenQuestion
from boards.kinds.radar import Radar
from boards.kinds.review import Review
from boards.kinds.roles import Roles
from boards.kinds.stakeholders import Stakeholders
from boards.kinds.sketch import SketchKind
from boards.kinds.stand import Stand
from boards.kinds.statements import Statements
from boards.kinds.text import Text
from boards.kinds.tree import Tree
from boards.kinds.wall import WallKind
from boards.kinds.weighting import WeightingKind
from boards.kinds.wordcloud import WordCloudKind
from boards.state import BoardState, SessionState
from boards.template import Permission

KINDS: tuple[Kind, ...] = (Text(), Dots(), Notes(), Stakeholders(), Checklist(), Tree(), Radar(), Review(), Roles(),
                           Conditions(), Draft(), WallKind(), WordCloudKind(), OpenQuestion(), Statements(), Stand(),
                           SketchKind(), WeightingKind(), Agreements())

_BY_SPEC: dict[type, Kind] = {k.spec: k for k in KINDS}
_BY_EVENT: dict[type, Kind] = {t: k for k in KINDS for t in k.events}
_BY_COMMAND: dict[type, Kind] = {t: k for k in KINDS for t in k.handlers}

def set_hidden(state: SessionState, actor: Actor, cmd: c.SetHidden, ctx: Context) -> list:
    """Hide a section's marks until the reveal, or reveal them: one command for every kind that
    hides (``Kind.set_hidden``), so a client needs one button, not one per kind."""
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    section = board.spec.section(cmd.section)
    events = kind_of(section).set_hidden(cmd.board, board, section, cmd.hidden) if section else None
    if events is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no section {cmd.section!r} that can be hidden on this board")
    return events


# Every kind's command handlers, for ``decide``.
HANDLERS: dict[type, Callable] = {t: h for k in KINDS for t, h in k.handlers.items()}
HANDLERS[c.SetHidden] = set_hidden  # hiding until the reveal is asked of the section's kind

# What step permission each participant command of a kind needs, for the gate.
PERMISSIONS: dict[type, Permission] = {t: p for k in KINDS for t, p in k.permissions.items()}

__all__ = ["KINDS", "HANDLERS", "PERMISSIONS", "Audience", "Kind", "SummaryAudience", "Touch", "kind_of",
           "kind_of_event", "kind_of_command", "listed", "sections", "new_board", "with_new_sections"]


def kind_of(section: Any) -> Kind:
    """The kind of a template's section."""
    return _BY_SPEC[type(section)]


def kind_of_event(event: Any) -> Kind | None:
    """The kind whose fold applies this event; None for the session's own events."""
    return _BY_EVENT.get(type(event))


def kind_of_command(command: Any) -> Kind | None:
    return _BY_COMMAND.get(type(command))


def listed(kind: Kind, template: Any) -> bool:
    """Is ``kind`` part of a board of ``template`` (its view, summary and exports)?"""
    return kind.always_listed or any(kind_of(s) is kind for s in template.sections)


def sections(state: SessionState, kind: Kind | None = None) -> Iterator[tuple[str, BoardState, Any, Kind]]:
    """Every section of the session (of one kind), in board and template order:
    (board id, board, section, its kind)."""
    for board_id, board in state.boards.items():
        for section in board.spec.sections:
            k = kind_of(section)
            if kind is None or k is kind:
                yield board_id, board, section, k


def with_new_sections(state: SessionState) -> SessionState:
    """A kept snapshot's state with every section its template gained since (card 4's ambition,
    issue 18) empty, as a log replayed from the start has it; the rest as it was."""
    for _board_id, board, section, kind in sections(state):
        content = kind.content(board)
        if section.id not in content:
            content[section.id] = kind.empty(section)
    return state


def new_board(template_id: str, sheet: Any = None) -> BoardState:
    """An empty board of the given template (``sheet``: a template of its own, from a file), every
    section with its kind's empty content."""
    board = BoardState(template=template_id, sheet=sheet)
    for section in board.spec.sections:
        k = kind_of(section)
        getattr(board, k.slot)[section.id] = k.empty(section)
    return board
