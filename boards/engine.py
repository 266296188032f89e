"""The rules: ``decide`` turns a command into events or refuses it; ``apply`` folds an event.

Both are pure: no I/O, no clock, no randomness. The caller passes the time and a
source of fresh ids in a :class:`Context`, and appends the events to the log
before applying them. The rules of each kind of section are in :mod:`boards.kinds`; the
facilitator's controls and who is in, in :mod:`boards.facilitation`.
"""

from __future__ import annotations

from collections.abc import Callable

from boards import commands as c
from boards import events as e
from boards import facilitation, gate, kinds, runsheet, template_check, timer
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import require
from boards.state import Participant, SessionState
from boards.templates import TEMPLATES


def decide(state: SessionState, actor: Actor, command: c.Command, ctx: Context) -> list[e.Event]:
    """Check ``command`` against the state and the actor's role; return the events it causes."""
    handler = _HANDLERS.get(type(command))
    if handler is None:
        raise DomainError(ErrorCode.UNKNOWN_COMMAND, f"unknown command {type(command).__name__}")
    gate.check(state, actor, command)
    return handler(state, actor, command, ctx)


def rehearse(steps: list[tuple[Actor, c.Command]], now: int) -> SessionState:
    """Run commands against a scratch session, raising the first refusal: to check a batch
    before any of it is stored."""
    state = SessionState(session="rehearsal")
    ids = iter(range(1_000_000))
    ctx = Context(now=now, new_id=lambda: f"r{next(ids)}")
    for actor, command in steps:
        for event in decide(state, actor, command, ctx):
            apply(state, e.Record(seq=state.seq + 1, at=now, event=event))
    return state


def _create_session(state: SessionState, actor: Actor, cmd: c.CreateSession, ctx: Context):
    require(actor, "system")
    if state.seq != 0:
        raise DomainError(ErrorCode.INVALID, "session exists already")
    if cmd.sheet is not None:  # a template file, checked whole (boards/template_file.py)
        if cmd.boards:
            raise DomainError(ErrorCode.INVALID, "a session from a template file has that board only")
        problems = template_check.problems(cmd.sheet)
        if problems:
            raise DomainError(ErrorCode.BAD_TEMPLATE, problems[0].text())
        return [e.SessionCreated(title=cmd.title.strip(), boards=[]),
                e.BoardLoaded(board=cmd.sheet.id, sheet=cmd.sheet)]
    if not cmd.boards:
        raise DomainError(ErrorCode.INVALID, "a session needs at least one board")
    for board_id in cmd.boards:
        if board_id not in TEMPLATES:
            raise DomainError(ErrorCode.NOT_FOUND, f"no board template {board_id!r}")
    if len(set(cmd.boards)) != len(cmd.boards):
        raise DomainError(ErrorCode.INVALID, "a board may appear only once")
    return [e.SessionCreated(title=cmd.title.strip(), boards=list(cmd.boards))]


_HANDLERS: dict[type, Callable] = {
    c.CreateSession: _create_session,
    **kinds.HANDLERS,
    **facilitation.HANDLERS,
    **runsheet.HANDLERS,
}


# --- the fold --------------------------------------------------------------------------------


def apply(state: SessionState, record: e.Record) -> None:
    """Fold one logged event into the state. Events were checked by ``decide``: no checks here."""
    ev = record.event
    kind = kinds.kind_of_event(ev)
    if kind is not None:
        kind.apply(state.boards[ev.board], ev)
        state.seq = record.seq
        return
    match ev:
        case e.SessionCreated():
            state.created_at = record.at
            state.title = ev.title
            state.boards = {b: kinds.new_board(b) for b in ev.boards}
        case e.ParticipantJoined():
            state.participants[ev.participant] = Participant(name=ev.name, group=ev.group, proxy=ev.proxy)
        case e.TimerSet():
            timer.set_duration(state.timer, ev.duration_ms)
        case e.TimerStarted():
            timer.start(state.timer, ev.at)
        case e.TimerPaused():
            timer.pause(state.timer, ev.at)
        case e.TimerExtended():
            timer.extend(state.timer, ev.at, ev.ms)
        case e.TimerReset():
            timer.reset(state.timer, ev.duration_ms)
        case e.TimerExpired():
            timer.expire(state.timer)
        case _:
            if not runsheet.apply_event(state, ev):
                facilitation.apply_event(state, ev, record.at)
    state.seq = record.seq
