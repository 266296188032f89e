"""Rules of the stakeholder map (instruction card 2): stakeholders on a map and a matrix,
kinds of knowledge, belangen/behoeften, assumptions, a shared checklist, and undo.

Every change to a stakeholder is logged as the whole stakeholder as it now is
(``stakeholder_saved``). Stakeholder structs are never changed in place: a change
builds a new one, so an undo step can keep the images before and after.
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec.structs import replace

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require_member
from boards.state import AttachedNote, BoardState, SessionState, Stakeholder, UndoStep
from boards.template import ChecklistSection, StakeholderSection

UNDO_DEPTH = 20
# Removed stakeholders are kept (they can be brought back) but count too: a map holds at most this
# many times its max_items in all, so add/remove cycles cannot grow a session without bound.
STORED_FACTOR = 2


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, float(value)))


def _find(state: SessionState, board_id: str, section_id: str) -> tuple[BoardState, StakeholderSection]:
    board = find_board(state, board_id)
    return board, find_section(board, section_id, StakeholderSection)


def _item(board: BoardState, section: StakeholderSection, item_id: str, *, removed_ok: bool = False) -> Stakeholder:
    item = board.stakeholders[section.id].get(item_id)
    if item is None or (item.removed and not removed_ok):
        raise DomainError(ErrorCode.NOT_FOUND, "that stakeholder does not exist (any more)")
    return item


def _saved(cmd, item: Stakeholder, change: str, actor: Actor) -> list[e.Event]:
    return [e.StakeholderSaved(board=cmd.board, section=cmd.section, item=item, change=change, by=actor.author_id)]


def _texts(section: StakeholderSection, category: str, names: str) -> tuple[str, str]:
    category, names = category.strip(), names.strip()
    if not category:
        raise DomainError(ErrorCode.INVALID, "a stakeholder needs a category")
    check_len(category, section.max_category_len, "the category")
    check_len(names, section.max_names_len, "the stakeholders' names")
    return category, names


def _live_count(board: BoardState, section: StakeholderSection) -> int:
    return sum(1 for s in board.stakeholders[section.id].values() if not s.removed)


def _room_for_one_more(board: BoardState, section: StakeholderSection) -> None:
    """Bringing a stakeholder (back) onto the map: at most max_items on it."""
    if _live_count(board, section) >= section.max_items:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"a map holds at most {section.max_items} stakeholders")


def add(state: SessionState, actor: Actor, cmd: c.AddStakeholder, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    category, names = _texts(section, cmd.category, cmd.names)
    _room_for_one_more(board, section)
    if len(board.stakeholders[section.id]) >= STORED_FACTOR * section.max_items:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"this map keeps {len(board.stakeholders[section.id])} "
                          "stakeholders including removed ones, its most: bring a removed one back instead")
    item = Stakeholder(id=ctx.new_id(), category=category, names=names, author=actor.author_id,
                       x=_clamp(cmd.x), y=_clamp(cmd.y))
    return _saved(cmd, item, "add", actor)


def edit(state: SessionState, actor: Actor, cmd: c.EditStakeholder, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item)
    if cmd.base_version != item.version:
        raise DomainError(ErrorCode.EDIT_CONFLICT,
                          f"someone else changed this stakeholder (now version {item.version}); check and save again")
    category, names = _texts(section, cmd.category, cmd.names)
    kinds = {k.id for k in section.knowledge}
    if unknown := [k for k in cmd.knowledge if k not in kinds]:
        raise DomainError(ErrorCode.NOT_FOUND, f"no kind of knowledge {unknown[0]!r}")
    knowledge = [k.id for k in section.knowledge if k.id in cmd.knowledge]  # template order, no repeats
    changed = replace(item, category=category, names=names, knowledge=knowledge, assumption=cmd.assumption,
                      version=item.version + 1)
    return _saved(cmd, changed, "edit", actor)


def move(state: SessionState, actor: Actor, cmd: c.MoveStakeholder, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item)
    return _saved(cmd, replace(item, x=_clamp(cmd.x), y=_clamp(cmd.y)), "move", actor)


def place_in_matrix(state: SessionState, actor: Actor, cmd: c.PlaceInMatrix, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item)
    if (cmd.influence is None) != (cmd.interest is None):
        raise DomainError(ErrorCode.INVALID, "give both influence and interest, or neither")
    if not item.relevant:
        raise DomainError(ErrorCode.INVALID, "restore this stakeholder before placing it")
    influence = None if cmd.influence is None else _clamp(cmd.influence)
    interest = None if cmd.interest is None else _clamp(cmd.interest)
    return _saved(cmd, replace(item, influence=influence, interest=interest), "matrix", actor)


def _may_bring_back(actor: Actor, item: Stakeholder) -> None:
    """Whoever removed it, or the facilitator, may bring a stakeholder back."""
    if actor.role != "facilitator" and item.hidden_by != actor.author_id:
        raise DomainError(ErrorCode.FORBIDDEN, "only who removed it, or the facilitator, may bring it back")


def set_relevant(state: SessionState, actor: Actor, cmd: c.SetRelevant, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item)
    if item.relevant == cmd.relevant:
        return []
    if cmd.relevant:
        _may_bring_back(actor, item)
        return _saved(cmd, replace(item, relevant=True, hidden_by=""), "relevance", actor)
    return _saved(cmd, replace(item, relevant=False, hidden_by=actor.author_id), "relevance", actor)


def remove(state: SessionState, actor: Actor, cmd: c.RemoveStakeholder, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item)
    if actor.role != "facilitator" and item.author != actor.author_id:
        raise DomainError(ErrorCode.FORBIDDEN, "only its author or the facilitator may remove a stakeholder")
    return _saved(cmd, replace(item, removed=True, hidden_by=actor.author_id), "remove", actor)


def restore(state: SessionState, actor: Actor, cmd: c.RestoreStakeholder, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item, removed_ok=True)
    if not item.removed:
        return []
    _may_bring_back(actor, item)
    _room_for_one_more(board, section)
    return _saved(cmd, replace(item, removed=False, hidden_by=""), "restore", actor)


def _note_kind(section: StakeholderSection, kind: str) -> None:
    if not any(k.id == kind for k in section.note_kinds):
        raise DomainError(ErrorCode.NOT_FOUND, f"no kind of note {kind!r}")


def _note_text(section: StakeholderSection, text: str) -> str:
    text = text.strip()
    if not text:
        raise DomainError(ErrorCode.INVALID, "a note needs text")
    check_len(text, section.max_note_len, "the note")
    return text


def add_note(state: SessionState, actor: Actor, cmd: c.AddAttachedNote, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item)
    _note_kind(section, cmd.kind)
    text = _note_text(section, cmd.text)
    if len(item.notes) >= section.max_notes_per_item:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"a stakeholder holds at most {section.max_notes_per_item} notes")
    note = AttachedNote(id=ctx.new_id(), kind=cmd.kind, text=text, author=actor.author_id)
    return _saved(cmd, replace(item, notes={**item.notes, note.id: note}), "note", actor)


def _own_note(item: Stakeholder, note_id: str, actor: Actor) -> AttachedNote:
    note = item.notes.get(note_id)
    if note is None:
        raise DomainError(ErrorCode.NOT_FOUND, "that note does not exist (any more)")
    if actor.role != "facilitator" and note.author != actor.author_id:
        raise DomainError(ErrorCode.FORBIDDEN, "only its author or the facilitator may change a note")
    return note


def edit_note(state: SessionState, actor: Actor, cmd: c.EditAttachedNote, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item)
    note = _own_note(item, cmd.note, actor)
    if cmd.base_version != note.version:
        raise DomainError(ErrorCode.EDIT_CONFLICT, f"someone else changed this note (now version {note.version})")
    changed = replace(note, text=_note_text(section, cmd.text), version=note.version + 1)
    return _saved(cmd, replace(item, notes={**item.notes, note.id: changed}), "note", actor)


def remove_note(state: SessionState, actor: Actor, cmd: c.RemoveAttachedNote, ctx: Context):
    require_member(state, actor)
    board, section = _find(state, cmd.board, cmd.section)
    item = _item(board, section, cmd.item)
    _own_note(item, cmd.note, actor)
    return _saved(cmd, replace(item, notes={k: v for k, v in item.notes.items() if k != cmd.note}), "note", actor)


def undo(state: SessionState, actor: Actor, cmd: c.Undo, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    steps = board.undo.get(actor.author_id)
    if not steps:
        raise DomainError(ErrorCode.NOT_FOUND, "nothing of yours to undo here")
    step = steps[-1]
    current = board.stakeholders[step.section][step.item]
    if current != step.after:
        raise DomainError(ErrorCode.EDIT_CONFLICT, "someone changed this stakeholder since; undo it by hand")
    previous = step.before if step.before is not None else replace(step.after, removed=True,
                                                                     hidden_by=actor.author_id)
    if current.removed and not previous.removed:  # the undo brings it back onto the map
        _room_for_one_more(board, board.spec.section(step.section))
    return [e.StakeholderSaved(board=cmd.board, section=step.section, item=previous, change="undo",
                               by=actor.author_id)]


def set_check(state: SessionState, actor: Actor, cmd: c.SetCheck, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    section = find_section(board, cmd.section, ChecklistSection)
    if not any(i.id == cmd.item for i in section.items):
        raise DomainError(ErrorCode.NOT_FOUND, f"no question {cmd.item!r} on this checklist")
    if board.checks[section.id][cmd.item] == cmd.checked:
        return []
    return [e.CheckSet(board=cmd.board, section=cmd.section, item=cmd.item, checked=cmd.checked)]


def check_drag(state: SessionState, actor: Actor, board_id: str, section_id: str, item_id: str) -> None:
    """May ``actor`` drag this stakeholder? (A drag is shown to others, not logged.)"""
    require_member(state, actor)
    board, section = _find(state, board_id, section_id)
    _item(board, section, item_id)


HANDLERS: dict[type, Callable] = {
    c.AddStakeholder: add,
    c.EditStakeholder: edit,
    c.MoveStakeholder: move,
    c.PlaceInMatrix: place_in_matrix,
    c.SetRelevant: set_relevant,
    c.RemoveStakeholder: remove,
    c.RestoreStakeholder: restore,
    c.AddAttachedNote: add_note,
    c.EditAttachedNote: edit_note,
    c.RemoveAttachedNote: remove_note,
    c.Undo: undo,
    c.SetCheck: set_check,
}


def apply_saved(board: BoardState, ev: e.StakeholderSaved) -> None:
    items = board.stakeholders[ev.section]
    before = items.get(ev.item.id)
    items[ev.item.id] = ev.item
    steps = board.undo.setdefault(ev.by, [])
    if ev.change == "undo":
        if steps:
            steps.pop()
        if not steps:
            del board.undo[ev.by]
        return
    steps.append(UndoStep(section=ev.section, item=ev.item.id, before=before, after=ev.item))
    del steps[:-UNDO_DEPTH]


def apply_check(board: BoardState, ev: e.CheckSet) -> None:
    board.checks[ev.section][ev.item] = ev.checked
