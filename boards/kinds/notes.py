"""Post-its in lanes. ``adders`` says who may add; their authors and the facilitator change them."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require, require_member
from boards.network import sections as network
from boards.kinds.base import Audience, Kind, SummaryAudience, label, label_text
from boards.state import BoardState, Note, Participant, SessionState
from boards.template import NoteSection


def _note_section(state: SessionState, board_id: str, section_id: str, lane: str | None):
    board = find_board(state, board_id)
    section: NoteSection = find_section(board, section_id, NoteSection)
    if lane is not None and not any(l.id == lane for l in section.lanes):
        raise DomainError(ErrorCode.NOT_FOUND, f"no lane {lane!r} in {section.id!r}")
    return board, section


def add_note(state: SessionState, actor: Actor, cmd: c.AddNote, ctx: Context):
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


def edit_note(state: SessionState, actor: Actor, cmd: c.EditNote, ctx: Context):
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


def remove_note(state: SessionState, actor: Actor, cmd: c.RemoveNote, ctx: Context):
    board, section = _note_section(state, cmd.board, cmd.section, None)
    _existing_note(board, section, cmd.note, actor)
    return [e.NoteRemoved(board=cmd.board, section=cmd.section, note=cmd.note)]


class Notes(Kind):
    name = "notes"
    network_takes = network.notes_takes  # an agenda's items as post-its in its lane (template 5)
    network_opening = network.notes_opening
    network_gives = network.notes_gives  # what it gives a learning network at the close
    spec = NoteSection
    slot = "notes"
    summary_key = "notes"
    handlers = {c.AddNote: add_note, c.EditNote: edit_note, c.RemoveNote: remove_note}
    permissions = {c.AddNote: "notes", c.EditNote: "notes", c.RemoveNote: "notes"}
    events = (e.NoteAdded, e.NoteEdited, e.NoteRemoved)
    export_files = {"notes.csv": ["board", "section", "section_title", "lane", "lane_label", "text", "owner"]}

    def empty(self, section: NoteSection) -> dict[str, Note]:
        return {}

    def apply(self, board: BoardState, ev: e.Event) -> None:
        notes = board.notes[ev.section]
        match ev:
            case e.NoteAdded():
                notes[ev.note] = Note(id=ev.note, lane=ev.lane, text=ev.text, owner=ev.owner, author=ev.author)
            case e.NoteEdited():
                note = notes[ev.note]
                note.lane, note.text, note.owner, note.version = ev.lane, ev.text, ev.owner, ev.version
            case e.NoteRemoved():
                del notes[ev.note]

    def view(self, notes: dict[str, Note], audience: Audience) -> list[Note]:
        return list(notes.values())

    def remove_person(self, board_id: str, board: BoardState, section: NoteSection, participant: str,
                      person: Participant) -> list[e.Event]:
        return [e.NoteRemoved(board=board_id, section=section.id, note=note.id)
                for note in board.notes[section.id].values() if note.author == participant]

    def summarise(self, state: SessionState, board: BoardState, section: NoteSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """Text and owner ("wie"), never the author."""
        notes = list(board.notes.get(section.id, {}).values())
        lanes = []
        for lane in section.lanes:
            items = [{"text": n.text, "owner": n.owner} if section.with_owner else {"text": n.text}
                     for n in notes if n.lane == lane.id]
            entry: dict[str, Any] = {"id": lane.id, "label": label(lane.label), "items": items}
            if section.with_owner:
                # Samenspel's action lanes are "<side>-nodig" / "<side>-doen": the side is a group.
                side, _, kind = lane.id.rpartition("-")
                entry["side"] = side or None
                entry["kind"] = kind if side else None
            lanes.append(entry)
        return {"id": section.id, "title": label(section.title), "prompt": label(section.prompt),
                "kind": "actions" if section.with_owner else "insights", "lanes": lanes}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for lane in section["lanes"]:
            for item in lane["items"]:
                files["notes.csv"].append([board_id, section["id"], label_text(section["title"], lang), lane["id"],
                                           label_text(lane["label"], lang), item["text"], item.get("owner", "")])
