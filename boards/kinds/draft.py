"""Draft (card 1, step 3 "Concretiseren"): the sentence shown word by word; each participant marks
the words that could be clearer; everyone sees how many marked each word, never who. The
facilitator rewrites it; every version is kept, in order, with its marks."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require, require_participant
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch, as_logged, label
from boards.state import BoardState, DraftVersion, Participant, SessionState
from boards.template import DraftSection

FILE = "drafts.csv"


def words(text: str) -> list[str]:
    """A version's words, as the client splits them (on white space)."""
    return text.split()


def counts(version: DraftVersion) -> dict[str, int]:
    """How many people marked each word: word index (as a string, for JSON) -> count."""
    out: dict[str, int] = {}
    for marked in version.marks.values():
        for i in marked:
            out[str(i)] = out.get(str(i), 0) + 1
    return out


def write_draft(state: SessionState, actor: Actor, cmd: c.WriteDraft, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    section: DraftSection = find_section(board, cmd.section, DraftSection)
    text = " ".join(words(cmd.text))
    if not text:
        raise DomainError(ErrorCode.INVALID, "a version needs words")
    check_len(text, section.max_len, "the sentence")
    versions = board.drafts[section.id]
    if len(versions) >= section.max_versions:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {section.max_versions} versions")
    if versions and versions[-1].text == text:
        return []
    return [e.DraftWritten(board=cmd.board, section=cmd.section, text=text)]


def mark_word(state: SessionState, actor: Actor, cmd: c.MarkWord, ctx: Context):
    require_participant(state, actor)
    board = find_board(state, cmd.board)
    section: DraftSection = find_section(board, cmd.section, DraftSection)
    versions = board.drafts[section.id]
    if cmd.version != len(versions) - 1:
        raise DomainError(ErrorCode.NOT_FOUND, "only the newest version's words are marked")
    version = versions[cmd.version]
    if cmd.word >= len(words(version.text)):
        raise DomainError(ErrorCode.NOT_FOUND, f"no word {cmd.word} in this version")
    if (cmd.word in version.marks.get(actor.participant, [])) == cmd.marked:
        return []
    return [e.WordMarked(board=cmd.board, section=cmd.section, version=cmd.version, word=cmd.word,
                         marked=cmd.marked, participant=actor.participant)]


class Draft(Kind):
    name = "draft"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = DraftSection
    slot = "drafts"
    summary_key = "drafts"
    handlers = {c.WriteDraft: write_draft, c.MarkWord: mark_word}
    permissions = {c.MarkWord: "words"}
    events = (e.DraftWritten, e.WordMarked)
    export_files = {FILE: ["board", "section", "version", "word_index", "word", "marks"]}

    def empty(self, section: DraftSection) -> list[DraftVersion]:
        return []

    def apply(self, board: BoardState, ev: e.DraftWritten | e.WordMarked) -> None:
        versions = board.drafts.setdefault(ev.section, [])
        if isinstance(ev, e.DraftWritten):
            versions.append(DraftVersion(text=ev.text))
            return
        marks = versions[ev.version].marks
        mine = marks.setdefault(ev.participant, [])
        if ev.marked:
            mine.append(ev.word)
        else:
            mine.remove(ev.word)
            if not mine:
                del marks[ev.participant]

    def view(self, versions: list[DraftVersion], audience: Audience) -> list[dict[str, Any]]:
        return [{"text": v.text, "counts": counts(v)} for v in versions]

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        if not isinstance(ev, e.WordMarked):
            return None
        body = as_logged(ev)
        del body["participant"]  # how many marked a word is for all to see, who is not
        return body

    def own(self, versions: list[DraftVersion], participant: str) -> list[int]:
        """The words of the newest version this participant marked."""
        return list(versions[-1].marks.get(participant, [])) if versions else []

    def touches(self, ev: e.Event) -> Touch | None:
        return Touch(own=ev.participant) if isinstance(ev, e.WordMarked) else None

    def remove_person(self, board_id: str, board: BoardState, section: DraftSection, participant: str,
                      person: Participant) -> list[e.Event]:
        versions = board.drafts.get(section.id, [])
        if not versions:
            return []
        last = len(versions) - 1  # marks on older versions are history: they stay, unnamed
        return [e.WordMarked(board=board_id, section=section.id, version=last, word=i, marked=False,
                             participant=participant) for i in versions[last].marks.get(participant, [])]

    def summarise(self, state: SessionState, board: BoardState, section: DraftSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        versions = board.drafts.get(section.id, [])
        return {"id": section.id, "title": label(section.title),
                "versions": [{"words": [{"word": w, "marks": counts(v).get(str(i), 0)}
                                        for i, w in enumerate(words(v.text))]} for v in versions]}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for n, version in enumerate(section["versions"], start=1):
            for i, w in enumerate(version["words"]):
                files[FILE].append([board_id, section["id"], n, i, w["word"], w["marks"]])
