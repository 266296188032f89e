"""The stakeholder map (instruction card 2): stakeholders on a map and a matrix, kinds of
knowledge, belangen/behoeften, assumptions, and undo. (Its assumption checklist is a kind of its
own, :mod:`boards.kinds.checklist`; the map's summary gathers the board's checklists.)

Every change to a stakeholder is logged as the whole stakeholder as it now is
(``stakeholder_saved``). Stakeholder structs are never changed in place: a change
builds a new one, so an undo step can keep the images before and after.
"""

from __future__ import annotations

from typing import Any

from msgspec.structs import replace

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require_member
from boards.kinds.checklist import export_rows as checklist_rows
from boards.network import sections as network
from boards.kinds.base import Audience, Kind, SummaryAudience, label, label_text
from boards.state import AttachedNote, BoardState, SessionState, Stakeholder, UndoStep
from boards.template import StakeholderSection

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


def check_drag(state: SessionState, actor: Actor, board_id: str, section_id: str, item_id: str) -> None:
    """May ``actor`` drag this stakeholder? (A drag is shown to others, not logged.)"""
    require_member(state, actor)
    board, section = _find(state, board_id, section_id)
    _item(board, section, item_id)


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


def quadrant(influence: float | None, interest: float | None) -> int | None:
    """The matrix quadrant (index into the template's ``quadrants``): 0 high influence & high
    interest, 1 high influence & low interest, 2 low influence & high interest, 3 low & low;
    None while not on the matrix."""
    if influence is None or interest is None:
        return None
    high_influence = influence >= 0.5
    high_interest = interest >= 0.5
    if high_influence:
        return 0 if high_interest else 1
    return 2 if high_interest else 3


HANDLERS = {
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
}


class Stakeholders(Kind):
    name = "stakeholders"
    network_gives = network.stakeholders_gives  # what it gives a learning network at the close
    spec = StakeholderSection
    slot = "stakeholders"
    summary_key = "stakeholders"
    handlers = HANDLERS
    permissions = {t: "map" for t in HANDLERS}
    events = (e.StakeholderSaved,)
    export_files = {
        "stakeholders.csv": ["board", "section", "category", "names", "knowledge", "assumption", "influence",
                             "interest", "quadrant", "status"],
        "stakeholder_notes.csv": ["board", "section", "category", "kind", "kind_label", "text"],
    }

    def empty(self, section: StakeholderSection) -> dict[str, Stakeholder]:
        return {}

    def apply(self, board: BoardState, ev: e.StakeholderSaved) -> None:
        apply_saved(board, ev)

    def default_section(self, board: BoardState) -> str | None:
        return next((s.id for s in board.spec.sections if isinstance(s, StakeholderSection)), None)

    def view(self, items: dict[str, Stakeholder], audience: Audience) -> list[Stakeholder]:
        return list(items.values())

    def summarise(self, state: SessionState, board: BoardState, section: StakeholderSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """Without who wrote, moved or hid a stakeholder."""
        items = list(board.stakeholders.get(section.id, {}).values())
        active = [s for s in items if s.relevant and not s.removed]
        kinds = {k.id: k for k in section.note_kinds}

        def item(s) -> dict[str, Any]:
            notes: dict[str, list[str]] = {k: [] for k in kinds}
            for note in s.notes.values():
                notes.setdefault(note.kind, []).append(note.text)
            return {
                "category": s.category, "names": s.names, "knowledge": list(s.knowledge),
                "assumption": s.assumption, "x": s.x, "y": s.y,
                "influence": s.influence, "interest": s.interest,
                "quadrant": quadrant(s.influence, s.interest), "notes": notes,
                "status": "active" if s.relevant and not s.removed else ("removed" if s.removed else "not_relevant"),
            }

        coverage = [
            {"id": k.id, "label": label(k.label), "count": sum(1 for s in active if k.id in s.knowledge)}
            for k in section.knowledge
        ]
        for entry in coverage:
            entry["covered"] = entry["count"] > 0
        return {
            "id": section.id, "title": label(section.title),
            "quadrants": [label(q) for q in section.quadrants],
            "note_kinds": [{"id": k.id, "label": label(k.label)} for k in section.note_kinds],
            "knowledge": [{"id": k.id, "label": label(k.label)} for k in section.knowledge],
            "categories": len({s.category.strip().casefold() for s in active}),
            "items": [item(s) for s in active],
            "set_aside": [item(s) for s in items if not (s.relevant and not s.removed)],
            "coverage": coverage,
            "open_assumptions": [s.category for s in active if s.assumption],
        }

    def finish_summary(self, board_summary: dict[str, Any]) -> None:
        """A map's assumption checklists belong to it: shown with the map, not on their own."""
        maps = board_summary[self.summary_key]
        for section in maps:
            section["checklists"] = board_summary["checklists"]
        if maps:
            board_summary["checklists"] = []

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        quadrants = section["quadrants"]
        kinds = {k["id"]: label_text(k["label"], lang) for k in section["knowledge"]}
        note_kinds = {k["id"]: label_text(k["label"], lang) for k in section["note_kinds"]}
        for item in section["items"] + section["set_aside"]:
            q = item["quadrant"]
            files["stakeholders.csv"].append([
                board_id, section["id"], item["category"], item["names"],
                ", ".join(kinds.get(k, k) for k in item["knowledge"]),
                "ja" if item["assumption"] else "nee",
                "" if item["influence"] is None else round(item["influence"], 3),
                "" if item["interest"] is None else round(item["interest"], 3),
                "" if q is None else label_text(quadrants[q], lang), item["status"]])
            for kind, texts_of_kind in item["notes"].items():
                for text in texts_of_kind:
                    files["stakeholder_notes.csv"].append([board_id, section["id"], item["category"], kind,
                                                           note_kinds.get(kind, kind), text])
        for each in section["checklists"]:
            checklist_rows(board_id, each, lang, files)
