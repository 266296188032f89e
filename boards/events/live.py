"""Events of the kick-off's live questions: the word cloud, open questions, statements and taking
a stand."""

from __future__ import annotations

from boards.events.base import Event


class WordAdded(Event, tag="word_added"):
    """``word`` is normalised (what the cloud counts). Others never get ``participant``."""

    board: str
    section: str
    word: str
    participant: str


class WordRemoved(Event, tag="word_removed"):
    board: str
    section: str
    word: str
    participant: str


class WordHidden(Event, tag="word_hidden"):
    """``count`` is the word's count when it is shown again, for those who had dropped it."""

    board: str
    section: str
    word: str
    hidden: bool
    count: int | None = None
    recognised: int | None = None  # the check-out round: how many recognise it, when shown again


class WordRecognised(Event, tag="word_recognised"):
    """Someone recognises (``on``) a word of the check-out round, or takes that back."""

    board: str
    section: str
    word: str
    on: bool
    participant: str


class AnswerAdded(Event, tag="answer_added"):
    """``n`` orders answers; ``author`` never leaves the server (anonymous to everyone)."""

    board: str
    section: str
    answer: str
    n: int
    text: str
    author: str


class AnswerModerated(Event, tag="answer_moderated"):
    """The answer's whole visible state, so that a screen that had dropped it (hidden) can show it
    again in its place."""

    board: str
    section: str
    answer: str
    n: int
    text: str
    hidden: bool
    pinned: bool
    merged: int


class AnswerMerged(Event, tag="answer_merged"):
    """``answer`` is folded into ``into``, which now stands for ``merged`` more answers."""

    board: str
    section: str
    answer: str
    into: str
    merged: int


class StatementAnswered(Event, tag="statement_answered"):
    """``previous``: the answer this one replaces (None: the first), so a count can move."""

    board: str
    section: str
    statement: str
    value: int
    previous: int | None
    participant: str


class StatementsHidden(Event, tag="statements_hidden"):
    """``counts`` (statement -> value -> n) is the tally at a reveal."""

    board: str
    section: str
    hidden: bool
    counts: dict[str, dict[str, int]] | None = None


class StandTaken(Event, tag="stand_taken"):
    """A dot moved from ``previous`` to ``segment`` (either may be None: placed, taken away)."""

    board: str
    section: str
    segment: str | None
    previous: str | None
    participant: str
