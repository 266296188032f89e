"""Text: fixed fields written by the facilitator (the ambition, the goals)."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require
from boards.network import sections as network
from boards.kinds.base import Kind, SummaryAudience, label, label_text
from boards.state import BoardState, SessionState
from boards.template import TextSection


def set_text(state: SessionState, actor: Actor, cmd: c.SetText, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    section: TextSection = find_section(board, cmd.section, TextSection)
    field = next((f for f in section.fields if f.id == cmd.field), None)
    if field is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no field {cmd.field!r} in {section.id!r}")
    check_len(cmd.text, field.max_len, "the text")
    return [e.TextSet(board=cmd.board, section=cmd.section, field=cmd.field, text=cmd.text)]


class Text(Kind):
    name = "text"
    network_takes = network.text_takes
    network_opening = network.text_opening  # what it takes from a learning network (boards/network)
    network_gives = network.text_gives  # what it gives a learning network at the close
    spec = TextSection
    slot = "texts"
    summary_key = "texts"
    handlers = {c.SetText: set_text}
    events = (e.TextSet,)
    export_files = {"texts.csv": ["board", "section", "field", "text"]}

    def empty(self, section: TextSection) -> dict[str, str]:
        return {f.id: "" for f in section.fields}

    def apply(self, board: BoardState, ev: e.TextSet) -> None:
        board.texts[ev.section][ev.field] = ev.text

    def summarise(self, state: SessionState, board: BoardState, section: TextSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        texts = board.texts.get(section.id, {})
        return {
            "id": section.id, "title": label(section.title),
            "fields": [{"id": f.id, "label": label(f.label), "text": texts.get(f.id, "")} for f in section.fields],
        }

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for f in section["fields"]:
            files["texts.csv"].append([board_id, section["id"], label_text(f["label"], lang), f["text"]])
