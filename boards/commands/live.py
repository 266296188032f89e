"""Commands of the kick-off's live questions: the word cloud, open questions, statements and
taking a stand."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from boards.commands.base import Command, Id


AnswerText = Annotated[str, Meta(max_length=2000)]  # the section's max_len is checked by the engine


class AddWord(Command, tag="add_word"):
    """One word (or a short phrase) for a word cloud; counted normalised."""

    board: Id
    section: Id
    word: AnswerText


class RemoveWord(Command, tag="remove_word"):
    """Take back one of your words (as the cloud counts it: the normalised form)."""

    board: Id
    section: Id
    word: AnswerText


class HideWord(Command, tag="hide_word"):
    """Facilitator: keep a word out of the cloud for everyone else (or show it again)."""

    board: Id
    section: Id
    word: AnswerText
    hidden: bool


class RecogniseWord(Command, tag="recognise_word"):
    """The check-out round: "herken ik" on someone else's word (``on: false`` takes it back)."""

    board: Id
    section: Id
    word: AnswerText
    on: bool = True


class AddAnswer(Command, tag="add_answer"):
    board: Id
    section: Id
    text: AnswerText


class ModerateAnswer(Command, tag="moderate_answer"):
    """Facilitator: hide an answer from everyone else, or pin it to the projector."""

    board: Id
    section: Id
    answer: Id
    hidden: bool = False
    pinned: bool = False


class MergeAnswer(Command, tag="merge_answer"):
    """Facilitator: fold an answer into another that says the same (the other counts it)."""

    board: Id
    section: Id
    answer: Id
    into: Id


class AnswerStatement(Command, tag="answer_statement"):
    """Your answer to one statement: 0 nee / 1 ja (yesno), 1-5 stars; again replaces it."""

    board: Id
    section: Id
    statement: Id
    value: Annotated[int, Meta(ge=0, le=5)]


class SetStatementsHidden(Command, tag="set_statements_hidden"):
    """Facilitator: hide the distribution from everyone else until the reveal (or reveal it)."""

    board: Id
    section: Id
    hidden: bool


class TakeStand(Command, tag="take_stand"):
    """Put your one dot on a segment (again moves it); ``segment: nil`` takes it away."""

    board: Id
    section: Id
    segment: Id | None


LiveCommand = (TakeStand | RecogniseWord | AddWord | RemoveWord | HideWord | AddAnswer | ModerateAnswer | MergeAnswer | AnswerStatement
               | SetStatementsHidden)
