"""The run sheet (draaiboek) as session data: the facilitator adds, edits, moves, copies and
removes blocks (the template's steps, each with its plan and, maybe, an activity: a section of a
registered kind), before and during the session.

A board starts from its shipped template (named by id) or from a template file (``board_loaded``,
which carries the whole template). The first block change copies the shipped template into the
board (``BoardState.sheet``); every change after works on that copy, so a kept log replays to the
same run sheet. Minutes go through ``step_minutes_set`` like before, so the timer, "ahead/behind"
and the time-up actions see a block like any step.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from boards import commands as c
from boards import events as e
from boards import kinds
from boards.activities import ALLOWS, make_section
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, require
from boards.state import BoardState, SessionState, planned_minutes
from boards.template import Label, Plan, Step, Template

__all__ = ["HANDLERS", "MAX_BLOCKS", "MAX_SECTIONS", "apply_event"]

MAX_BLOCKS = 60  # steps of one board (docs/security.md)
MAX_SECTIONS = 60  # sections of one board
MINUTE_MS = 60_000


def _step(board: BoardState, step_id: str) -> Step:
    step = board.spec.step(step_id)
    if step is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no block {step_id!r} on this board")
    return step


def _room(board: BoardState, sections: int) -> None:
    if len(board.spec.steps) >= MAX_BLOCKS:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"a run sheet holds at most {MAX_BLOCKS} blocks")
    if len(board.spec.sections) + sections > MAX_SECTIONS:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"a board holds at most {MAX_SECTIONS} activities")


def add_block(state: SessionState, actor: Actor, cmd: c.AddBlock, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    _room(board, 1 if cmd.activity else 0)
    count = len(board.spec.steps)
    index = count if cmd.index is None else cmd.index
    if index > count:
        raise DomainError(ErrorCode.INVALID, f"index {index} is past the end of the run sheet ({count} blocks)")
    title = cmd.title.strip()
    if not title:
        raise DomainError(ErrorCode.INVALID, "a block needs a title")
    step_id = ctx.new_id()
    sections = []
    if cmd.activity is not None:
        sections.append(make_section(cmd.activity, ctx.new_id(), step_id, title, cmd.prompt.strip(), cmd.items))
    step = Step(id=step_id, label=Label(title, title), minutes=cmd.minutes,
                sections=tuple(s.id for s in sections), allows=ALLOWS[cmd.activity] if cmd.activity else ())
    return [e.BlockAdded(board=cmd.board, index=index, step=step, sections=sections)]


def copy_block(state: SessionState, actor: Actor, cmd: c.CopyBlock, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    step = _step(board, cmd.step)
    _room(board, len(step.sections))
    step_id = ctx.new_id()
    ids = {old: ctx.new_id() for old in step.sections}
    sections = [msgspec.structs.replace(board.spec.section(old), id=new, step=step_id) for old, new in ids.items()
                if board.spec.section(old) is not None]
    copy = msgspec.structs.replace(step, id=step_id, sections=tuple(s.id for s in sections),
                                   minutes=planned_minutes(state, cmd.board, step))
    index = board.spec.steps.index(step) + 1
    return [e.BlockAdded(board=cmd.board, index=index, step=copy, sections=sections)]


def edit_block(state: SessionState, actor: Actor, cmd: c.EditBlock, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    step = _step(board, cmd.step)
    label = step.label if cmd.title is None else Label(cmd.title.strip(), cmd.title.strip())
    if not label.nl:
        raise DomainError(ErrorCode.INVALID, "a block needs a title")
    plan = step.plan
    changes = {}
    if cmd.goal is not None:
        changes["goal"] = Label(cmd.goal.strip(), cmd.goal.strip())
    if cmd.materials is not None:
        changes["materials"] = Label(cmd.materials.strip(), cmd.materials.strip())
    if cmd.who is not None:
        changes["who"] = cmd.who.strip()
    if cmd.essential is not None:
        changes["essential"] = cmd.essential
    plan = msgspec.structs.replace(plan, **changes)
    events: list[e.Event] = []
    if label != step.label or plan != step.plan:
        events.append(e.BlockEdited(board=cmd.board, step=step.id, label=label, plan=plan))
    if cmd.minutes is not None and cmd.minutes != planned_minutes(state, cmd.board, step):
        events.append(e.StepMinutesSet(board=cmd.board, step=step.id, minutes=cmd.minutes))
        t = state.timer  # the current block's clock follows while it has not started (as set_step_minutes)
        is_current = state.step == step.id and state.step_board == cmd.board
        if is_current and t.running_since is None and not t.paused and not t.expired:
            events.append(e.TimerSet(duration_ms=cmd.minutes * MINUTE_MS))
    return events


def move_block(state: SessionState, actor: Actor, cmd: c.MoveBlock, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    step = _step(board, cmd.step)
    if cmd.index >= len(board.spec.steps):
        raise DomainError(ErrorCode.INVALID, f"index {cmd.index} is past the end of the run sheet")
    if board.spec.steps.index(step) == cmd.index:
        return []
    return [e.BlockMoved(board=cmd.board, step=step.id, index=cmd.index)]


def remove_block(state: SessionState, actor: Actor, cmd: c.RemoveBlock, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    step = _step(board, cmd.step)
    if state.step == step.id and state.step_board == cmd.board:
        raise DomainError(ErrorCode.BLOCK_RAN, "this is the current block; choose another block first")
    if any(v.board == cmd.board and v.step == step.id for v in state.step_log):
        raise DomainError(ErrorCode.BLOCK_RAN, "this block has run; its time and results stay on the run sheet")
    if len(board.spec.steps) == 1:
        raise DomainError(ErrorCode.INVALID, "a run sheet keeps at least one block")
    others = {s for st in board.spec.steps if st.id != step.id for s in st.sections}
    gone = [s for s in step.sections if s not in others and board.spec.section(s) is not None]
    return [e.BlockRemoved(board=cmd.board, step=step.id, sections=gone)]


HANDLERS: dict[type, Callable] = {
    c.AddBlock: add_block,
    c.CopyBlock: copy_block,
    c.EditBlock: edit_block,
    c.MoveBlock: move_block,
    c.RemoveBlock: remove_block,
}


# --- the fold --------------------------------------------------------------------------------


def _sheet(board: BoardState) -> Template:
    """The board's own template: the shipped one copied on the first change."""
    return board.spec


def _set(board: BoardState, **changes) -> None:
    board.sheet = msgspec.structs.replace(_sheet(board), **changes)


def apply_event(state: SessionState, ev: e.Event) -> bool:
    """Fold a run sheet event; False if ``ev`` is not one of this module's."""
    match ev:
        case e.BoardLoaded():
            state.boards[ev.board] = kinds.new_board(ev.board, ev.sheet)
        case e.BlockAdded():
            board = state.boards[ev.board]
            sheet = _sheet(board)
            steps = list(sheet.steps)
            steps.insert(ev.index, ev.step)
            _set(board, steps=tuple(steps), sections=sheet.sections + tuple(ev.sections))
            for section in ev.sections:
                k = kinds.kind_of(section)
                getattr(board, k.slot)[section.id] = k.empty(section)
        case e.BlockEdited():
            board = state.boards[ev.board]
            _set(board, steps=tuple(msgspec.structs.replace(s, label=ev.label, plan=ev.plan) if s.id == ev.step else s
                                    for s in _sheet(board).steps))
        case e.BlockMoved():
            board = state.boards[ev.board]
            steps = list(_sheet(board).steps)
            step = next(s for s in steps if s.id == ev.step)
            steps.remove(step)
            steps.insert(ev.index, step)
            _set(board, steps=tuple(steps))
        case e.BlockRemoved():
            board = state.boards[ev.board]
            sheet = _sheet(board)
            for section in sheet.sections:
                if section.id in ev.sections:
                    getattr(board, kinds.kind_of(section).slot).pop(section.id, None)
            board.locked = [s for s in board.locked if s not in ev.sections]
            _set(board, steps=tuple(s for s in sheet.steps if s.id != ev.step),
                 sections=tuple(s for s in sheet.sections if s.id not in ev.sections))
            state.step_minutes.pop(f"{ev.board}/{ev.step}", None)
        case _:
            return False
    return True
