"""The rules: ``decide`` turns a command into events or refuses it; ``apply`` folds an event.

Both are pure: no I/O, no clock, no randomness. The caller passes the time and a
source of fresh ids in a :class:`Context`, and appends the events to the log
before applying them.
"""

from __future__ import annotations

from collections.abc import Callable

from boards import commands as c
from boards import events as e
from boards import facilitation, gate, stakeholders, timer
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require, require_member
from boards.state import BoardState, Note, Participant, SessionState, new_board
from boards.template import DotSection, NoteSection, TextSection
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


# --- session and people ----------------------------------------------------------------------


def _create_session(state: SessionState, actor: Actor, cmd: c.CreateSession, ctx: Context):
    require(actor, "system")
    if state.seq != 0:
        raise DomainError(ErrorCode.INVALID, "session exists already")
    if not cmd.boards:
        raise DomainError(ErrorCode.INVALID, "a session needs at least one board")
    for board_id in cmd.boards:
        if board_id not in TEMPLATES:
            raise DomainError(ErrorCode.NOT_FOUND, f"no board template {board_id!r}")
    if len(set(cmd.boards)) != len(cmd.boards):
        raise DomainError(ErrorCode.INVALID, "a board may appear only once")
    return [e.SessionCreated(title=cmd.title.strip(), boards=list(cmd.boards))]


# --- dots ------------------------------------------------------------------------------------


def _place_dot(state: SessionState, actor: Actor, cmd: c.PlaceDot, ctx: Context):
    pid, person = facilitation.proxy_person(state, actor, cmd.proxy)
    board = find_board(state, cmd.board)
    section: DotSection = find_section(board, cmd.section, DotSection)
    if not any(o.id == cmd.option for o in section.options):
        raise DomainError(ErrorCode.NOT_FOUND, f"no option {cmd.option!r} in {section.id!r}")
    mine = board.dots[section.id].by_person.get(pid, [])
    if len(mine) >= section.per_person:
        raise DomainError(ErrorCode.BUDGET_EXHAUSTED,
                          f"all {section.per_person} dots of {section.id!r} are placed; take one back first")
    if section.distinct and cmd.option in mine:
        raise DomainError(ErrorCode.DUPLICATE_DOT, "your dots in this section go on different fields")
    return [e.DotPlaced(board=cmd.board, section=cmd.section, option=cmd.option,
                        participant=pid, group=person.group)]


def _remove_dot(state: SessionState, actor: Actor, cmd: c.RemoveDot, ctx: Context):
    pid, person = facilitation.proxy_person(state, actor, cmd.proxy)
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, DotSection)
    if cmd.option not in board.dots[cmd.section].by_person.get(pid, []):
        raise DomainError(ErrorCode.NO_SUCH_DOT, "you have no dot on that field")
    return [e.DotRemoved(board=cmd.board, section=cmd.section, option=cmd.option,
                         participant=pid, group=person.group)]


def _set_hidden(state: SessionState, actor: Actor, cmd: c.SetHidden, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, DotSection)
    vote = board.dots[cmd.section]
    counts = None if cmd.hidden else {o: dict(g) for o, g in vote.counts.items()}
    return [e.VisibilitySet(board=cmd.board, section=cmd.section, hidden=cmd.hidden, counts=counts)]


# --- text and notes --------------------------------------------------------------------------


def _set_text(state: SessionState, actor: Actor, cmd: c.SetText, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    section: TextSection = find_section(board, cmd.section, TextSection)
    field = next((f for f in section.fields if f.id == cmd.field), None)
    if field is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no field {cmd.field!r} in {section.id!r}")
    check_len(cmd.text, field.max_len, "the text")
    return [e.TextSet(board=cmd.board, section=cmd.section, field=cmd.field, text=cmd.text)]


def _note_section(state: SessionState, board_id: str, section_id: str, lane: str | None):
    board = find_board(state, board_id)
    section: NoteSection = find_section(board, section_id, NoteSection)
    if lane is not None and not any(l.id == lane for l in section.lanes):
        raise DomainError(ErrorCode.NOT_FOUND, f"no lane {lane!r} in {section.id!r}")
    return board, section


def _add_note(state: SessionState, actor: Actor, cmd: c.AddNote, ctx: Context):
    board, section = _note_section(state, cmd.board, cmd.section, cmd.lane)
    if section.adders == "facilitator":
        require(actor, "facilitator")
    else:
        require_member(state, actor)
    text = cmd.text.strip()
    if not text:
        raise DomainError(ErrorCode.INVALID, "a note needs text")
    check_len(text, section.max_len, "the note")
    if len(board.notes[section.id]) >= section.max_notes:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"{section.id!r} holds at most {section.max_notes} notes")
    owner = cmd.owner.strip() if section.with_owner else ""
    return [e.NoteAdded(board=cmd.board, section=cmd.section, note=ctx.new_id(), lane=cmd.lane,
                        text=text, owner=owner, author=actor.author_id)]


def _existing_note(board: BoardState, section: NoteSection, note_id: str, actor: Actor) -> Note:
    note = board.notes[section.id].get(note_id)
    if note is None:
        raise DomainError(ErrorCode.NOT_FOUND, "that note does not exist (any more)")
    if actor.role != "facilitator" and not (actor.role == "participant" and note.author == actor.participant):
        raise DomainError(ErrorCode.FORBIDDEN, "only its author or the facilitator may change a note")
    return note


def _edit_note(state: SessionState, actor: Actor, cmd: c.EditNote, ctx: Context):
    board, section = _note_section(state, cmd.board, cmd.section, cmd.lane)
    note = _existing_note(board, section, cmd.note, actor)
    if cmd.base_version != note.version:
        raise DomainError(ErrorCode.EDIT_CONFLICT,
                          f"someone else changed this note (now version {note.version}); check it and try again")
    text = cmd.text.strip()
    if not text:
        raise DomainError(ErrorCode.INVALID, "a note needs text; remove it instead")
    check_len(text, section.max_len, "the note")
    owner = (note.owner if cmd.owner is None else cmd.owner.strip()) if section.with_owner else ""
    return [e.NoteEdited(board=cmd.board, section=cmd.section, note=cmd.note, lane=cmd.lane or note.lane,
                         text=text, owner=owner, version=note.version + 1)]


def _remove_note(state: SessionState, actor: Actor, cmd: c.RemoveNote, ctx: Context):
    board, section = _note_section(state, cmd.board, cmd.section, None)
    _existing_note(board, section, cmd.note, actor)
    return [e.NoteRemoved(board=cmd.board, section=cmd.section, note=cmd.note)]


_HANDLERS: dict[type, Callable] = {
    c.CreateSession: _create_session,
    c.PlaceDot: _place_dot,
    c.RemoveDot: _remove_dot,
    c.SetHidden: _set_hidden,
    c.SetText: _set_text,
    c.AddNote: _add_note,
    c.EditNote: _edit_note,
    c.RemoveNote: _remove_note,
    **facilitation.HANDLERS,
    **stakeholders.HANDLERS,
}


# --- the fold --------------------------------------------------------------------------------


def apply(state: SessionState, record: e.Record) -> None:
    """Fold one logged event into the state. Events were checked by ``decide``: no checks here."""
    ev = record.event
    match ev:
        case e.SessionCreated():
            state.created_at = record.at
            state.title = ev.title
            state.boards = {b: new_board(b) for b in ev.boards}
        case e.ParticipantJoined():
            state.participants[ev.participant] = Participant(name=ev.name, group=ev.group, proxy=ev.proxy)
        case e.DotPlaced():
            vote = state.boards[ev.board].dots[ev.section]
            vote.by_person.setdefault(ev.participant, []).append(ev.option)
            per_group = vote.counts.setdefault(ev.option, {})
            per_group[ev.group] = per_group.get(ev.group, 0) + 1
        case e.DotRemoved():
            vote = state.boards[ev.board].dots[ev.section]
            mine = vote.by_person[ev.participant]
            mine.remove(ev.option)
            if not mine:
                del vote.by_person[ev.participant]
            per_group = vote.counts[ev.option]
            per_group[ev.group] -= 1
            if per_group[ev.group] == 0:
                del per_group[ev.group]
            if not per_group:
                del vote.counts[ev.option]
        case e.VisibilitySet():
            state.boards[ev.board].dots[ev.section].hidden = ev.hidden
        case e.TextSet():
            state.boards[ev.board].texts[ev.section][ev.field] = ev.text
        case e.NoteAdded():
            state.boards[ev.board].notes[ev.section][ev.note] = Note(
                id=ev.note, lane=ev.lane, text=ev.text, owner=ev.owner, author=ev.author)
        case e.NoteEdited():
            note = state.boards[ev.board].notes[ev.section][ev.note]
            note.lane, note.text, note.owner, note.version = ev.lane, ev.text, ev.owner, ev.version
        case e.NoteRemoved():
            del state.boards[ev.board].notes[ev.section][ev.note]
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
        case e.StakeholderSaved():
            stakeholders.apply_saved(state.boards[ev.board], ev)
        case e.CheckSet():
            stakeholders.apply_check(state.boards[ev.board], ev)
        case _:
            facilitation.apply_event(state, ev, record.at)
    state.seq = record.seq
