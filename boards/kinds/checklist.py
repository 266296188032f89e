"""Checklist: shared yes/no questions anyone may tick (the stakeholder map's assumption check)."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, find_section, require_member
from boards.kinds.base import Kind, SummaryAudience, label, label_text
from boards.state import BoardState, SessionState
from boards.template import ChecklistSection

FILE = "checklists.csv"


def set_check(state: SessionState, actor: Actor, cmd: c.SetCheck, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    section = find_section(board, cmd.section, ChecklistSection)
    if not any(i.id == cmd.item for i in section.items):
        raise DomainError(ErrorCode.NOT_FOUND, f"no question {cmd.item!r} on this checklist")
    if board.checks[section.id][cmd.item] == cmd.checked:
        return []
    return [e.CheckSet(board=cmd.board, section=cmd.section, item=cmd.item, checked=cmd.checked)]


def export_rows(board_id: str, checklist: dict[str, Any], lang: str, files: dict[str, list[list[Any]]]) -> None:
    for i in checklist["items"]:
        files[FILE].append([board_id, checklist["id"], label_text(i["label"], lang), "ja" if i["checked"] else "nee"])


class Checklist(Kind):
    name = "checklist"
    spec = ChecklistSection
    slot = "checks"
    summary_key = "checklists"
    handlers = {c.SetCheck: set_check}
    permissions = {c.SetCheck: "checklist"}
    events = (e.CheckSet,)
    export_files = {FILE: ["board", "checklist", "item", "checked"]}

    def empty(self, section: ChecklistSection) -> dict[str, bool]:
        return {item.id: False for item in section.items}

    def apply(self, board: BoardState, ev: e.CheckSet) -> None:
        board.checks[ev.section][ev.item] = ev.checked

    def summarise(self, state: SessionState, board: BoardState, section: ChecklistSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        checks = board.checks.get(section.id, {})
        return {"id": section.id, "title": label(section.title),
                "items": [{"id": i.id, "label": label(i.label), "checked": bool(checks.get(i.id)),
                           "open_mark": label(i.open_mark) if i.open_mark else None}
                          for i in section.items]}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        export_rows(board_id, section, lang, files)
