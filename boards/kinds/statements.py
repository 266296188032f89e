"""Statements ("Klaar voor actieleren!"): each person answers each statement ja/nee or with 1-5
stars; everyone sees the distribution per statement, or, if the section is hidden, only after the
reveal (which carries the tally, like a dot vote's). Anonymous: counts leave the server, a person's
own answers go to them alone (``you``)."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, find_section, require, require_participant
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch, as_logged, label, label_text
from boards.state import BoardState, Participant, SessionState, StatementVotes
from boards.template import StatementsSection

FILE = "statements.csv"


def values(section: StatementsSection) -> range:
    return range(0, 2) if section.scale == "yesno" else range(1, 6)


def answer_statement(state: SessionState, actor: Actor, cmd: c.AnswerStatement, ctx: Context):
    require_participant(state, actor)
    board = find_board(state, cmd.board)
    section: StatementsSection = find_section(board, cmd.section, StatementsSection)
    if not any(st.id == cmd.statement for st in section.statements):
        raise DomainError(ErrorCode.NOT_FOUND, f"no statement {cmd.statement!r} in {section.id!r}")
    if cmd.value not in values(section):
        raise DomainError(ErrorCode.INVALID, "ja/nee is 1 or 0" if section.scale == "yesno" else "stars are 1 to 5")
    previous = board.statements[section.id].by_person.get(actor.participant, {}).get(cmd.statement)
    if previous == cmd.value:
        return []
    return [e.StatementAnswered(board=cmd.board, section=cmd.section, statement=cmd.statement, value=cmd.value,
                                previous=previous, participant=actor.participant)]


def set_hidden(state: SessionState, actor: Actor, cmd: c.SetStatementsHidden, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, StatementsSection)
    votes = board.statements[cmd.section]
    if votes.hidden == cmd.hidden:
        return []
    return [_visibility(cmd.board, cmd.section, votes, cmd.hidden)]


def _visibility(board_id: str, section_id: str, votes: StatementVotes, hidden: bool) -> e.StatementsHidden:
    counts = None if hidden else {s: dict(v) for s, v in votes.counts.items()}
    return e.StatementsHidden(board=board_id, section=section_id, hidden=hidden, counts=counts)


def _bump(counts: dict[str, dict[str, int]], statement: str, value: int, delta: int) -> None:
    per = counts.setdefault(statement, {})
    key = str(value)
    per[key] = per.get(key, 0) + delta
    if per[key] <= 0:
        del per[key]
    if not per:
        del counts[statement]


class Statements(Kind):
    name = "statements"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = StatementsSection
    slot = "statements"
    summary_key = "statements"
    handlers = {c.AnswerStatement: answer_statement, c.SetStatementsHidden: set_hidden}
    permissions = {c.AnswerStatement: "answer"}
    events = (e.StatementAnswered, e.StatementsHidden)
    export_files = {FILE: ["board", "section", "statement", "statement_label", "value", "count"]}

    def empty(self, section: StatementsSection) -> StatementVotes:
        return StatementVotes(hidden=section.hidden)

    def apply(self, board: BoardState, ev: e.Event) -> None:
        votes = board.statements[ev.section]
        match ev:
            case e.StatementAnswered():
                votes.by_person.setdefault(ev.participant, {})[ev.statement] = ev.value
                if ev.previous is not None:
                    _bump(votes.counts, ev.statement, ev.previous, -1)
                _bump(votes.counts, ev.statement, ev.value, 1)
            case e.StatementsHidden():
                votes.hidden = ev.hidden

    def view(self, votes: StatementVotes, audience: Audience) -> dict[str, Any]:
        masked = votes.hidden and audience != "facilitator"
        return {"hidden": votes.hidden, "counts": {} if masked else votes.counts}

    def masked(self, board: BoardState, ev: e.Event) -> bool:
        return isinstance(ev, e.StatementAnswered) and board.statements[ev.section].hidden

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        if not isinstance(ev, e.StatementAnswered):
            return None
        if masked and audience != "facilitator":
            return {"type": "masked"}
        body = as_logged(ev)
        del body["participant"]
        return body

    def own(self, votes: StatementVotes, participant: str) -> dict[str, int]:
        return dict(votes.by_person.get(participant, {}))

    def touches(self, ev: e.Event) -> Touch | None:
        if isinstance(ev, e.StatementAnswered):
            return Touch(own=ev.participant)
        return None

    def remove_person(self, board_id: str, board: BoardState, section: StatementsSection, participant: str,
                      person: Participant) -> list[e.Event]:
        return []  # an answer is a count without a name; it stays, like a check-out answer

    def time_up(self, board_id: str, board: BoardState, section: StatementsSection, reveal: bool) -> list[e.Event]:
        votes = board.statements[section.id]
        return [_visibility(board_id, section.id, votes, False)] if reveal and votes.hidden else []

    def summarise(self, state: SessionState, board: BoardState, section: StatementsSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """The distribution per statement (and the average of stars); withheld while hidden."""
        votes = board.statements[section.id]
        withheld = votes.hidden and audience != "facilitator"
        rows = []
        for st in section.statements:
            counts = {} if withheld else votes.counts.get(st.id, {})
            dist = {str(v): counts.get(str(v), 0) for v in values(section)}
            n = sum(dist.values())
            mean = round(sum(int(v) * k for v, k in dist.items()) / n, 2) if n else None
            rows.append({"id": st.id, "label": label(st.label), "counts": dist, "answers": n, "mean": mean})
        return {"id": section.id, "title": label(section.title), "prompt": label(section.prompt),
                "scale": section.scale, "hidden": votes.hidden, "withheld": withheld, "statements": rows}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for st in section["statements"]:
            for value, count in st["counts"].items():
                files[FILE].append([board_id, section["id"], st["id"], label_text(st["label"], lang), value, count])
