"""Decision tree: every participant answers ja/nee per question, hidden until the reveal (like a
hidden dot vote); after it everyone sees the split per question. The facilitator sets the group's
answers; the path from the first question follows them and ends on an outcome.

Anonymity as for dots: the log knows who answered what; others get masked frames while hidden,
then counts; a participant gets their own answers (``you``) and nobody else's.
"""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, find_section, proxy_person, require
from boards.kinds import ballot
from boards.kinds.base import Audience, SummaryAudience, label, label_text
from boards.network import sections as network
from boards.state import BoardState, Participant, SessionState, TreeVote
from boards.template import TreeSection

ANSWERS = ("ja", "nee")


def path(section: TreeSection, group: dict[str, str]) -> tuple[list[str], str | None]:
    """The questions the group's answers lead through, from the first (the last one visited is
    the one still open when there is no outcome yet), and the outcome reached, if any."""
    questions = {q.id: q for q in section.questions}
    visited: list[str] = []
    at = section.start
    while at in questions and at not in visited:
        visited.append(at)
        answer = group.get(at)
        if answer is None:
            return visited, None
        at = questions[at].yes if answer == "ja" else questions[at].no
    outcome = at if any(o.id == at for o in section.outcomes) else None
    return visited, outcome


def split(vote: TreeVote) -> dict[str, dict[str, int]]:
    """How many answered ja and nee, per question answered by anyone."""
    out: dict[str, dict[str, int]] = {}
    for answers in vote.answers.values():
        for q, a in answers.items():
            out.setdefault(q, {"ja": 0, "nee": 0})[a] += 1
    return out


def _question(state: SessionState, board_id: str, section_id: str, question: str):
    board = find_board(state, board_id)
    section: TreeSection = find_section(board, section_id, TreeSection)
    if not any(q.id == question for q in section.questions):
        raise DomainError(ErrorCode.NOT_FOUND, f"no question {question!r} on this tree")
    return board, section


def answer_tree(state: SessionState, actor: Actor, cmd: c.AnswerTree, ctx: Context):
    pid, person = proxy_person(state, actor, cmd.proxy)
    board, section = _question(state, cmd.board, cmd.section, cmd.question)
    vote = board.trees[section.id]
    ballot.require_open(vote.hidden)
    before = vote.answers.get(pid, {}).get(cmd.question)
    if before == cmd.answer:
        return []
    return [e.TreeAnswered(board=cmd.board, section=cmd.section, question=cmd.question, answer=cmd.answer,
                           before=before, participant=pid, group=person.group)]


def set_tree_answer(state: SessionState, actor: Actor, cmd: c.SetTreeAnswer, ctx: Context):
    require(actor, "facilitator")
    board, section = _question(state, cmd.board, cmd.section, cmd.question)
    if board.trees[section.id].group.get(cmd.question) == cmd.answer:
        return []
    return [e.TreeGroupAnswerSet(board=cmd.board, section=cmd.section, question=cmd.question, answer=cmd.answer)]


class Tree(ballot.Ballot):
    name = "tree"
    network_gives = network.tree_gives  # its outcome, to a learning network at the close
    spec = TreeSection
    slot = "trees"
    always_listed = False
    summary_key = "trees"
    handlers = {c.AnswerTree: answer_tree, c.SetTreeAnswer: set_tree_answer}
    permissions = {c.AnswerTree: "tree"}
    events = (e.TreeAnswered, e.TreeGroupAnswerSet, e.TreeVisibilitySet)
    marks_events = (e.TreeAnswered,)
    export_files = {"tree.csv": ["board", "section", "question", "question_label", "ja", "nee", "group_answer",
                                 "on_path", "outcome", "outcome_label"]}

    def empty(self, section: TreeSection) -> TreeVote:
        return TreeVote()

    def apply(self, board: BoardState, ev: e.Event) -> None:
        vote = board.trees[ev.section]
        match ev:
            case e.TreeAnswered():
                mine = vote.answers.setdefault(ev.participant, {})
                if ev.answer is None:
                    mine.pop(ev.question, None)
                else:
                    mine[ev.question] = ev.answer
                if not mine:
                    del vote.answers[ev.participant]
            case e.TreeGroupAnswerSet():
                if ev.answer is None:
                    vote.group.pop(ev.question, None)
                else:
                    vote.group[ev.question] = ev.answer
            case e.TreeVisibilitySet():
                vote.hidden = ev.hidden

    # --- the secret vote (ballot.Ballot): a person's answers, all questions to be done ----------

    def visibility(self, board_id: str, section_id: str, vote: TreeVote, hidden: bool) -> e.TreeVisibilitySet:
        return e.TreeVisibilitySet(board=board_id, section=section_id, hidden=hidden,
                                   split=None if hidden else split(vote))

    def marks(self, vote: TreeVote) -> dict[str, dict[str, str]]:
        return vote.answers

    def to_finish(self, section: TreeSection) -> int:
        return len(section.questions)

    def view(self, vote: TreeVote, audience: Audience) -> dict[str, Any]:
        masked = ballot.withheld(vote, audience)
        return {"hidden": vote.hidden, "split": {} if masked else split(vote), "group": vote.group}

    def remove_person(self, board_id: str, board: BoardState, section: TreeSection, participant: str,
                      person: Participant) -> list[e.Event]:
        return [e.TreeAnswered(board=board_id, section=section.id, question=q, answer=None, before=a,
                               participant=participant, group=person.group)
                for q, a in board.trees[section.id].answers.get(participant, {}).items()]

    def summarise(self, state: SessionState, board: BoardState, section: TreeSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """The split per question (counts, never who), the group's answers, the path and the outcome."""
        vote = board.trees[section.id]
        withheld = ballot.withheld(vote, audience)
        counts = {} if withheld else split(vote)
        visited, outcome = path(section, vote.group)
        outcomes = {o.id: o for o in section.outcomes}
        return {
            "id": section.id, "title": label(section.title), "prompt": label(section.prompt),
            "hidden": vote.hidden, "withheld": withheld,
            "questions": [{"id": q.id, "label": label(q.label), "hint": label(q.hint), "yes": q.yes, "no": q.no,
                           "split": counts.get(q.id, {"ja": 0, "nee": 0}), "group": vote.group.get(q.id),
                           "on_path": q.id in visited} for q in section.questions],
            "outcomes": [{"id": o.id, "label": label(o.label), "fits": o.fits} for o in section.outcomes],
            "path": visited,
            "outcome": {"id": outcome, "label": label(outcomes[outcome].label), "fits": outcomes[outcome].fits}
            if outcome else None,
        }

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        outcome = section["outcome"]
        for q in section["questions"]:
            files["tree.csv"].append([
                board_id, section["id"], q["id"], label_text(q["label"], lang), q["split"]["ja"], q["split"]["nee"],
                q["group"] or "", "ja" if q["on_path"] else "nee", outcome["id"] if outcome else "",
                label_text(outcome["label"], lang) if outcome else ""])
