"""Word cloud: everyone gives up to ``per_person`` words ("Waar denk jij aan bij [THEMA]?"); the
cloud counts them normalised (:mod:`boards.kinds.words`) and grows live on every screen.

Anonymity: the log knows who gave which word; what leaves the server is counts per word, and a
participant's own words to them alone (``you``). A word the facilitator hid is never shown to
anyone else: it leaves their counts, and a later same word reaches them masked.
"""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require, require_participant
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch, as_logged, label, label_text
from boards.kinds.marks import mark
from boards.kinds.words import normalise
from boards.state import BoardState, Participant, SessionState, WordCloud
from boards.template import WordCloudSection

FILE = "words.csv"


def _word(text: str, section: WordCloudSection) -> str:
    check_len(text.strip(), section.max_len, "the word")
    word = normalise(text)
    if not word:
        raise DomainError(ErrorCode.EMPTY_ANSWER, "that is empty, or only words like 'de' or 'the'")
    return word


def add_word(state: SessionState, actor: Actor, cmd: c.AddWord, ctx: Context):
    require_participant(state, actor)
    board = find_board(state, cmd.board)
    section: WordCloudSection = find_section(board, cmd.section, WordCloudSection)
    word = _word(cmd.word, section)
    cloud = board.clouds[section.id]
    mine = cloud.by_person.get(actor.participant, [])
    if len(mine) >= section.per_person:
        raise DomainError(ErrorCode.LIMIT_REACHED,
                          f"you gave all {section.per_person} words; take one back first")
    if word in mine:
        raise DomainError(ErrorCode.DUPLICATE_ANSWER, "you gave that word already")
    if sum(cloud.counts.values()) >= section.max_words:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"this cloud holds at most {section.max_words} words")
    return [e.WordAdded(board=cmd.board, section=cmd.section, word=word, participant=actor.participant)]


def remove_word(state: SessionState, actor: Actor, cmd: c.RemoveWord, ctx: Context):
    require_participant(state, actor)
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, WordCloudSection)
    word = normalise(cmd.word)
    if word not in board.clouds[cmd.section].by_person.get(actor.participant, []):
        raise DomainError(ErrorCode.NOT_FOUND, "you gave no such word")
    return [e.WordRemoved(board=cmd.board, section=cmd.section, word=word, participant=actor.participant)]


def hide_word(state: SessionState, actor: Actor, cmd: c.HideWord, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, WordCloudSection)
    cloud = board.clouds[cmd.section]
    word = normalise(cmd.word)
    if word not in cloud.counts and word not in cloud.hidden_words:
        raise DomainError(ErrorCode.NOT_FOUND, "no such word in the cloud")
    if (word in cloud.hidden_words) == cmd.hidden:
        return []
    count = None if cmd.hidden else cloud.counts.get(word, 0)
    recognised = None if cmd.hidden else cloud.recognised.get(word)
    return [e.WordHidden(board=cmd.board, section=cmd.section, word=word, hidden=cmd.hidden, count=count,
                         recognised=recognised)]


def recognise_word(state: SessionState, actor: Actor, cmd: c.RecogniseWord, ctx: Context):
    require_participant(state, actor)
    board = find_board(state, cmd.board)
    section: WordCloudSection = find_section(board, cmd.section, WordCloudSection)
    if not section.recognise:
        raise DomainError(ErrorCode.INVALID, "this cloud is not a check-out round")
    cloud = board.clouds[section.id]
    word = normalise(cmd.word)
    if word not in _shown(cloud):
        raise DomainError(ErrorCode.NOT_FOUND, "no such word in the round")
    if word in cloud.by_person.get(actor.participant, []):
        raise DomainError(ErrorCode.INVALID, "that is your own word")
    if (word in cloud.recognised_by.get(actor.participant, [])) == cmd.on:
        return []
    return [e.WordRecognised(board=cmd.board, section=cmd.section, word=word, on=cmd.on,
                             participant=actor.participant)]


def most_recognised(recognised: dict[str, int]) -> list[str]:
    """The words most people recognise (all of them on a tie), A-Z; none while nobody recognised one."""
    top = max(recognised.values(), default=0)
    return sorted(w for w, n in recognised.items() if n == top and top > 0)


_ANONYMISED = (e.WordAdded, e.WordRemoved, e.WordRecognised)


def _shown(cloud: WordCloud) -> dict[str, int]:
    return {w: n for w, n in cloud.counts.items() if w not in cloud.hidden_words}


def ranked(counts: dict[str, int]) -> list[dict[str, Any]]:
    """Most given first, then A-Z."""
    return [{"word": w, "count": n} for w, n in sorted(counts.items(), key=lambda wn: (-wn[1], wn[0]))]


class WordCloudKind(Kind):
    name = "wordcloud"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = WordCloudSection
    slot = "clouds"
    summary_key = "wordclouds"
    handlers = {c.AddWord: add_word, c.RemoveWord: remove_word, c.HideWord: hide_word,
                c.RecogniseWord: recognise_word}
    permissions = {c.AddWord: "answer", c.RemoveWord: "answer", c.RecogniseWord: "answer"}
    events = (e.WordAdded, e.WordRemoved, e.WordHidden, e.WordRecognised)
    export_files = {FILE: ["board", "section", "section_title", "word", "count"]}

    def empty(self, section: WordCloudSection) -> WordCloud:
        return WordCloud()

    def apply(self, board: BoardState, ev: e.Event) -> None:
        cloud = board.clouds[ev.section]
        match ev:
            case e.WordAdded():
                cloud.by_person.setdefault(ev.participant, []).append(ev.word)
                cloud.counts[ev.word] = cloud.counts.get(ev.word, 0) + 1
            case e.WordRemoved():
                mine = cloud.by_person[ev.participant]
                mine.remove(ev.word)
                if not mine:
                    del cloud.by_person[ev.participant]
                cloud.counts[ev.word] -= 1
                if cloud.counts[ev.word] == 0:
                    del cloud.counts[ev.word]
            case e.WordRecognised():
                mark(cloud.recognised_by, cloud.recognised, ev.participant, ev.word, ev.on)
            case e.WordHidden():
                if ev.hidden:
                    cloud.hidden_words.append(ev.word)
                else:
                    cloud.hidden_words.remove(ev.word)

    def view(self, cloud: WordCloud, audience: Audience) -> dict[str, Any]:
        if audience == "facilitator":
            return {"counts": cloud.counts, "hidden_words": cloud.hidden_words, "recognised": cloud.recognised}
        return {"counts": _shown(cloud), "hidden_words": [],
                "recognised": {w: n for w, n in cloud.recognised.items() if w not in cloud.hidden_words}}

    def masked(self, board: BoardState, ev: e.Event) -> bool:
        return isinstance(ev, _ANONYMISED) and ev.word in board.clouds[ev.section].hidden_words

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        if not isinstance(ev, _ANONYMISED):
            return None
        if masked and audience != "facilitator":
            return {"type": "masked"}
        body = as_logged(ev)
        del body["participant"]
        return body

    def own(self, cloud: WordCloud, participant: str) -> dict[str, list[str]]:
        return {"words": list(cloud.by_person.get(participant, [])),
                "recognised": list(cloud.recognised_by.get(participant, []))}

    def touches(self, ev: e.Event) -> Touch | None:
        if isinstance(ev, _ANONYMISED):
            return Touch(own=ev.participant)
        return None

    def remove_person(self, board_id: str, board: BoardState, section: WordCloudSection, participant: str,
                      person: Participant) -> list[e.Event]:
        cloud = board.clouds[section.id]
        return [*(e.WordRecognised(board=board_id, section=section.id, word=w, on=False, participant=participant)
                  for w in cloud.recognised_by.get(participant, [])),
                *(e.WordRemoved(board=board_id, section=section.id, word=w, participant=participant)
                  for w in cloud.by_person.get(participant, []))]

    def summarise(self, state: SessionState, board: BoardState, section: WordCloudSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """The words as counted, never who gave them; hidden words are not in it (it is sent round)."""
        cloud = board.clouds[section.id]
        out = {"id": section.id, "title": label(section.title), "prompt": label(section.prompt),
               "people": len(cloud.by_person), "words": ranked(_shown(cloud))}
        if section.recognise:
            shown = {w: n for w, n in cloud.recognised.items() if w not in cloud.hidden_words}
            for w in out["words"]:
                w["recognised"] = shown.get(w["word"], 0)
            out["most_recognised"] = most_recognised(shown)
        return out

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for w in section["words"]:
            files[FILE].append([board_id, section["id"], label_text(section["title"], lang), w["word"], w["count"]])
