"""Conditions (card 4, template 4B): a table per role of what the person needs to do the role
(tijd, toegang tot informatie, ondersteuning), each cell a short text and who arranges it."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require_member
from boards.kinds.base import Kind, SummaryAudience, label, label_text
from boards.state import BoardState, Condition, SessionState
from boards.template import ConditionsSection

FILE = "conditions.csv"


def cell_key(row: str, column: str) -> str:
    return f"{row}/{column}"


def set_condition(state: SessionState, actor: Actor, cmd: c.SetCondition, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    section: ConditionsSection = find_section(board, cmd.section, ConditionsSection)
    if not any(r.id == cmd.row for r in section.rows):
        raise DomainError(ErrorCode.NOT_FOUND, f"no role {cmd.row!r} in this table")
    if not any(col.id == cmd.column for col in section.columns):
        raise DomainError(ErrorCode.NOT_FOUND, f"no column {cmd.column!r} in this table")
    check_len(cmd.text, section.max_len, "the text")
    check_len(cmd.who, section.max_who_len, "who arranges it")
    cell = board.conditions[section.id].get(cell_key(cmd.row, cmd.column))
    if cell is not None and (cell.text, cell.who) == (cmd.text, cmd.who):
        return []
    return [e.ConditionSet(board=cmd.board, section=cmd.section, row=cmd.row, column=cmd.column,
                           text=cmd.text, who=cmd.who)]


class Conditions(Kind):
    name = "conditions"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = ConditionsSection
    slot = "conditions"
    summary_key = "conditions"
    handlers = {c.SetCondition: set_condition}
    permissions = {c.SetCondition: "conditions"}
    events = (e.ConditionSet,)
    export_files = {FILE: ["board", "section", "role", "need", "text", "who"]}

    def empty(self, section: ConditionsSection) -> dict[str, Condition]:
        return {}

    def apply(self, board: BoardState, ev: e.ConditionSet) -> None:
        cells = board.conditions.setdefault(ev.section, {})
        if ev.text or ev.who:
            cells[cell_key(ev.row, ev.column)] = Condition(text=ev.text, who=ev.who)
        else:
            cells.pop(cell_key(ev.row, ev.column), None)

    def summarise(self, state: SessionState, board: BoardState, section: ConditionsSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        cells = board.conditions.get(section.id, {})
        empty = Condition()
        return {"id": section.id, "title": label(section.title),
                "columns": [{"id": col.id, "label": label(col.label)} for col in section.columns],
                "rows": [{"id": r.id, "label": label(r.label),
                          "cells": [{"text": (cell := cells.get(cell_key(r.id, col.id), empty)).text, "who": cell.who}
                                    for col in section.columns]} for r in section.rows]}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        columns = section["columns"]
        for row in section["rows"]:
            for col, cell in zip(columns, row["cells"]):
                if cell["text"] or cell["who"]:
                    files[FILE].append([board_id, section["id"], label_text(row["label"], lang),
                                        label_text(col["label"], lang), cell["text"], cell["who"]])
