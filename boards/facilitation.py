"""The facilitator's controls: steps, timer, locks, who is in, the closing round, closing.

``HANDLERS`` turn commands into events (pure, like the rest of the engine); ``apply_event``
folds the events of this module into the state.
"""

from __future__ import annotations

from collections.abc import Callable

from boards import commands as c
from boards import events as e
from boards import kinds, timer
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, proxy_person, require, require_participant
from boards.state import CheckOut, SessionState, StepVisit, current_step, planned_minutes, session_groups
from boards.template import Step

__all__ = ["HANDLERS", "apply_event", "proxy_person", "time_up_events"]

MAX_PARTICIPANTS = 200
MINUTE_MS = 60_000


# --- steps -----------------------------------------------------------------------------------


def _find_step(state: SessionState, step_id: str, board_id: str | None) -> tuple[str, Step]:
    for bid, board in state.boards.items():
        if board_id is not None and bid != board_id:
            continue
        step = board.spec.step(step_id)
        if step is not None:
            return bid, step
    raise DomainError(ErrorCode.NOT_FOUND, f"no step {step_id!r}")


def set_step(state: SessionState, actor: Actor, cmd: c.SetStep, ctx: Context):
    require(actor, "facilitator")
    if cmd.step is None:
        return [e.StepSet(step=None, board=None), e.TimerSet(duration_ms=0)]
    board_id, step = _find_step(state, cmd.step, cmd.board)
    # A new step starts from its own clock: set (not started), and any time-up of before is gone.
    minutes = planned_minutes(state, board_id, step)
    return [e.StepSet(step=step.id, board=board_id), e.TimerSet(duration_ms=minutes * MINUTE_MS)]


def set_step_minutes(state: SessionState, actor: Actor, cmd: c.SetStepMinutes, ctx: Context):
    require(actor, "facilitator")
    find_board(state, cmd.board)
    _find_step(state, cmd.step, cmd.board)
    events: list[e.Event] = [e.StepMinutesSet(board=cmd.board, step=cmd.step, minutes=cmd.minutes)]
    # Changing the current step's minutes before its timer started changes the clock too.
    t = state.timer
    is_current = state.step == cmd.step and state.step_board == cmd.board
    if is_current and not timer.is_running(t) and not t.paused and not t.expired:
        events.append(e.TimerSet(duration_ms=cmd.minutes * MINUTE_MS))
    return events


def time_up_events(state: SessionState) -> list[e.Event]:
    """What the current step does when its time is up: lock its sections, and what each section's
    kind does besides (a hidden dot vote is revealed on "lock_reveal")."""
    step = current_step(state)
    if step is None or step.time_up == "nothing":
        return []
    board = state.boards[state.step_board]
    events: list[e.Event] = []
    for section_id in step.sections:
        if section_id not in board.locked:
            events.append(e.SectionLockSet(board=state.step_board, section=section_id, locked=True))
        section = board.spec.section(section_id)
        if section is not None:
            events += kinds.kind_of(section).time_up(state.step_board, board, section, step.time_up == "lock_reveal")
    return events


# --- the timer -------------------------------------------------------------------------------


def run_timer(state: SessionState, actor: Actor, cmd: c.Timer, ctx: Context):
    require(actor, "facilitator")
    t = state.timer
    running = timer.is_running(t)
    if cmd.action == "set":
        if cmd.seconds is None:
            raise DomainError(ErrorCode.INVALID, "set needs seconds")
        return [e.TimerSet(duration_ms=cmd.seconds * 1000)]
    if cmd.action == "start":
        if running:
            raise DomainError(ErrorCode.TIMER_STATE, "the timer is already running")
        if cmd.seconds is not None:  # what the panel shows is what starts
            return [e.TimerSet(duration_ms=cmd.seconds * 1000), e.TimerStarted(at=ctx.now)]
        if timer.remaining(t, ctx.now) <= 0:
            raise DomainError(ErrorCode.TIMER_STATE, "set a time first (or add a minute)")
        return [e.TimerStarted(at=ctx.now)]
    if cmd.action == "pause":
        if not running:
            raise DomainError(ErrorCode.TIMER_STATE, "the timer is not running")
        return [e.TimerPaused(at=ctx.now)]
    if cmd.action == "add":
        return [e.TimerExtended(at=ctx.now, ms=(cmd.seconds or 60) * 1000)]
    step = current_step(state)
    to = planned_minutes(state, state.step_board, step) * MINUTE_MS if step else None
    return [e.TimerReset(duration_ms=to)]


def expire_timer(state: SessionState, actor: Actor, cmd: c.ExpireTimer, ctx: Context):
    require(actor, "system")
    end = timer.deadline(state.timer)
    if end is None or end > ctx.now:
        return []  # paused, reset or extended meanwhile, or already expired: nothing to do
    return [e.TimerExpired(at=end), *time_up_events(state)]


# --- locks -----------------------------------------------------------------------------------


def set_locked(state: SessionState, actor: Actor, cmd: c.SetLocked, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    if board.spec.section(cmd.section) is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no section {cmd.section!r} on this board")
    if (cmd.section in board.locked) == cmd.locked:
        return []
    return [e.SectionLockSet(board=cmd.board, section=cmd.section, locked=cmd.locked)]


def set_hold(state: SessionState, actor: Actor, cmd: c.SetHold, ctx: Context):
    require(actor, "facilitator")
    return [] if state.hold == cmd.hold else [e.HoldSet(hold=cmd.hold)]


# --- who is in -------------------------------------------------------------------------------


def join(state: SessionState, actor: Actor, cmd: c.Join, ctx: Context):
    require(actor, "system")
    if state.closed_at is not None:
        raise DomainError(ErrorCode.SESSION_CLOSED, "this session has ended")
    if not state.joining_open:
        raise DomainError(ErrorCode.JOINING_CLOSED, "the facilitator has closed this session to newcomers")
    name = cmd.name.strip()
    if not name:
        raise DomainError(ErrorCode.INVALID, "a display name is needed")
    participant = cmd.participant or ctx.new_id()
    if participant in state.participants:
        raise DomainError(ErrorCode.INVALID, "that participant exists already")
    return [_joined(state, participant, name, cmd.group, proxy=False)]


def add_proxy(state: SessionState, actor: Actor, cmd: c.AddProxy, ctx: Context):
    require(actor, "facilitator")
    name = cmd.name.strip()
    if not name:
        # A name nobody has yet: "Gast 1", "Gast 2", ...
        taken = {p.name for p in state.participants.values()}
        name = next(f"Gast {n}" for n in range(1, MAX_PARTICIPANTS + 2) if f"Gast {n}" not in taken)
    return [_joined(state, ctx.new_id(), name, cmd.group, proxy=True)]


def _joined(state: SessionState, participant: str, name: str, group: str, proxy: bool) -> e.ParticipantJoined:
    if not any(g.id == group for g in session_groups(state)):
        raise DomainError(ErrorCode.UNKNOWN_GROUP, f"no group {group!r} on this board")
    if len(state.participants) >= MAX_PARTICIPANTS:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"a session holds at most {MAX_PARTICIPANTS} people")
    return e.ParticipantJoined(participant=participant, name=name, group=group, proxy=proxy)


def set_joining(state: SessionState, actor: Actor, cmd: c.SetJoining, ctx: Context):
    require(actor, "facilitator")
    return [] if state.joining_open == cmd.open else [e.JoiningSet(open=cmd.open)]


def remove_participant(state: SessionState, actor: Actor, cmd: c.RemoveParticipant, ctx: Context):
    require(actor, "facilitator")
    person = state.participants.get(cmd.participant)
    if person is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no such participant")
    events: list[e.Event] = []
    if cmd.with_content:  # per board, each kind takes away what is theirs
        for board_id, board in state.boards.items():
            for kind in kinds.KINDS:
                for section in board.spec.sections:
                    if kinds.kind_of(section) is kind:
                        events += kind.remove_person(board_id, board, section, cmd.participant, person)
    events.append(e.ParticipantRemoved(participant=cmd.participant))
    return events


# --- the close -------------------------------------------------------------------------------


def check_out(state: SessionState, actor: Actor, cmd: c.CheckOut, ctx: Context):
    require_participant(state, actor)
    return [e.CheckedOut(participant=actor.participant, rating=cmd.rating, text=cmd.text.strip())]


def close_session(state: SessionState, actor: Actor, cmd: c.CloseSession, ctx: Context):
    require(actor, "facilitator")
    events: list[e.Event] = [e.SessionClosed()]
    if timer.is_running(state.timer):
        events.insert(0, e.TimerPaused(at=ctx.now))
    return events


HANDLERS: dict[type, Callable] = {
    c.Join: join,
    c.Timer: run_timer,
    c.ExpireTimer: expire_timer,
    c.SetStep: set_step,
    c.SetStepMinutes: set_step_minutes,
    c.SetLocked: set_locked,
    c.SetHold: set_hold,
    c.SetJoining: set_joining,
    c.AddProxy: add_proxy,
    c.RemoveParticipant: remove_participant,
    c.CheckOut: check_out,
    c.CloseSession: close_session,
}


# --- the fold --------------------------------------------------------------------------------


def apply_event(state: SessionState, ev: e.Event, at: int) -> bool:
    """Fold a facilitation event; False if ``ev`` is not one of this module's."""
    match ev:
        case e.StepSet():
            board = ev.board
            if board is None and ev.step is not None:  # logs from before steps named their board
                board = next((b for b, s in state.boards.items() if s.spec.step(ev.step)), None)
            state.step, state.step_board = ev.step, board if ev.step else None
            if ev.step is not None and board is not None:
                state.step_log.append(StepVisit(board=board, step=ev.step, at=at))
        case e.StepMinutesSet():
            state.step_minutes[f"{ev.board}/{ev.step}"] = ev.minutes
        case e.SectionLockSet():
            locked = state.boards[ev.board].locked
            if ev.locked and ev.section not in locked:
                locked.append(ev.section)
            elif not ev.locked and ev.section in locked:
                locked.remove(ev.section)
        case e.HoldSet():
            state.hold = ev.hold
        case e.JoiningSet():
            state.joining_open = ev.open
        case e.ParticipantRemoved():
            state.participants.pop(ev.participant, None)
            state.checkouts.pop(ev.participant, None)
        case e.CheckedOut():
            state.checkouts[ev.participant] = CheckOut(rating=ev.rating, text=ev.text)
        case e.SessionClosed():
            state.closed_at = at
            state.joining_open = False
        case _:
            return False
    return True
