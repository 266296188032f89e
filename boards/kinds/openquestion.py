"""Open question: everyone gives up to ``per_person`` short answers ("Wat verwacht je van het
lerend netwerk?"), anonymous to everyone, the facilitator too; the facilitator hides answers,
merges ones that say the same and pins chosen ones to the projector ("aantal reacties eruit halen").

Others (participants, the projector) see the answers that are neither hidden nor merged away, in
the order they came; a hidden answer leaves their screens, and comes back in its place when shown
again (the event carries its text and order).
"""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require, require_participant
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch, label, label_text
from boards.state import Answer, BoardState, Participant, SessionState
from boards.template import OpenQuestionSection

FILE = "answers.csv"


def add_answer(state: SessionState, actor: Actor, cmd: c.AddAnswer, ctx: Context):
    require_participant(state, actor)
    board = find_board(state, cmd.board)
    section: OpenQuestionSection = find_section(board, cmd.section, OpenQuestionSection)
    text = " ".join(cmd.text.split())
    if not text:
        raise DomainError(ErrorCode.EMPTY_ANSWER, "an answer needs text")
    check_len(text, section.max_len, "the answer")
    answers = board.answers[section.id]
    mine = [a for a in answers.values() if a.author == actor.participant]
    if len(mine) >= section.per_person:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"you gave all {section.per_person} answers")
    if any(a.text.casefold() == text.casefold() for a in mine):
        raise DomainError(ErrorCode.DUPLICATE_ANSWER, "you gave that answer already")
    if len(answers) >= section.max_answers:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"this question holds at most {section.max_answers} answers")
    return [e.AnswerAdded(board=cmd.board, section=cmd.section, answer=ctx.new_id(), n=len(answers) + 1,
                          text=text, author=actor.participant)]


def _answer(board: BoardState, section_id: str, answer_id: str) -> Answer:
    answer = board.answers[section_id].get(answer_id)
    if answer is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no such answer")
    return answer


def _moderated(board_id: str, section_id: str, a: Answer, hidden: bool, pinned: bool) -> e.AnswerModerated:
    return e.AnswerModerated(board=board_id, section=section_id, answer=a.id, n=a.n, text=a.text,
                             hidden=hidden, pinned=pinned and not hidden, merged=a.merged)


def moderate_answer(state: SessionState, actor: Actor, cmd: c.ModerateAnswer, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, OpenQuestionSection)
    answer = _answer(board, cmd.section, cmd.answer)
    if answer.merged_into:
        raise DomainError(ErrorCode.INVALID, "that answer was merged into another")
    if (answer.hidden, answer.pinned) == (cmd.hidden, cmd.pinned and not cmd.hidden):
        return []
    return [_moderated(cmd.board, cmd.section, answer, cmd.hidden, cmd.pinned)]


def merge_answer(state: SessionState, actor: Actor, cmd: c.MergeAnswer, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, OpenQuestionSection)
    answer = _answer(board, cmd.section, cmd.answer)
    into = _answer(board, cmd.section, cmd.into)
    if answer.id == into.id or answer.merged_into or into.merged_into or into.hidden:
        raise DomainError(ErrorCode.INVALID, "merge a shown answer into another shown answer")
    return [e.AnswerMerged(board=cmd.board, section=cmd.section, answer=answer.id, into=into.id,
                           merged=into.merged + 1 + answer.merged)]


def _item(a: Answer) -> dict[str, Any]:
    return {"id": a.id, "n": a.n, "text": a.text, "hidden": a.hidden, "pinned": a.pinned,
            "merged": a.merged, "merged_into": a.merged_into}


def shown(a: Answer) -> bool:
    return not a.hidden and not a.merged_into


class OpenQuestion(Kind):
    name = "open"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = OpenQuestionSection
    slot = "answers"
    summary_key = "open_questions"
    handlers = {c.AddAnswer: add_answer, c.ModerateAnswer: moderate_answer, c.MergeAnswer: merge_answer}
    permissions = {c.AddAnswer: "answer"}
    events = (e.AnswerAdded, e.AnswerModerated, e.AnswerMerged)
    export_files = {FILE: ["board", "section", "section_title", "answer", "pinned", "merged"]}

    def empty(self, section: OpenQuestionSection) -> dict[str, Answer]:
        return {}

    def apply(self, board: BoardState, ev: e.Event) -> None:
        answers = board.answers[ev.section]
        match ev:
            case e.AnswerAdded():
                answers[ev.answer] = Answer(id=ev.answer, n=ev.n, text=ev.text, author=ev.author)
            case e.AnswerModerated():
                a = answers[ev.answer]
                a.hidden, a.pinned = ev.hidden, ev.pinned
            case e.AnswerMerged():
                a = answers[ev.answer]
                a.merged_into, a.pinned = ev.into, False
                answers[ev.into].merged = ev.merged

    def view(self, answers: dict[str, Answer], audience: Audience) -> list[dict[str, Any]]:
        every = sorted(answers.values(), key=lambda a: a.n)
        return [_item(a) for a in every if audience == "facilitator" or shown(a)]

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        match ev:
            case e.AnswerAdded():  # anonymous to everyone, the facilitator too
                return {"type": "answer_added", "board": ev.board, "section": ev.section, "answer": ev.answer,
                        "n": ev.n, "text": ev.text}
            case e.AnswerModerated() if ev.hidden and audience != "facilitator":
                # others drop it; its text is not sent again
                return {"type": "answer_moderated", "board": ev.board, "section": ev.section,
                        "answer": ev.answer, "n": ev.n, "text": "", "hidden": True, "pinned": False,
                        "merged": ev.merged}
        return None

    def own(self, answers: dict[str, Answer], participant: str) -> list[str]:
        return [a.id for a in sorted(answers.values(), key=lambda a: a.n) if a.author == participant]

    def touches(self, ev: e.Event) -> Touch | None:
        if isinstance(ev, e.AnswerAdded):
            return Touch(own=ev.author)
        return None

    def remove_person(self, board_id: str, board: BoardState, section: OpenQuestionSection, participant: str,
                      person: Participant) -> list[e.Event]:
        return [_moderated(board_id, section.id, a, True, False)
                for a in board.answers[section.id].values() if a.author == participant and shown(a)]

    def summarise(self, state: SessionState, board: BoardState, section: OpenQuestionSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """The shown answers, pinned first, then in the order they came; never who gave them."""
        every = sorted((a for a in board.answers[section.id].values() if shown(a)), key=lambda a: (not a.pinned, a.n))
        return {"id": section.id, "title": label(section.title), "prompt": label(section.prompt),
                "answers": [{"text": a.text, "pinned": a.pinned, "merged": a.merged} for a in every]}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for a in section["answers"]:
            files[FILE].append([board_id, section["id"], label_text(section["title"], lang), a["text"],
                                "ja" if a["pinned"] else "nee", a["merged"]])
