"""Commands of instruction card 3: the tree's yes/no answers and the radar's dots (secret votes)."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

from boards.commands.base import Command, Id


Answer = Literal["ja", "nee"]
Ring = Annotated[int, Meta(ge=1, le=5)]  # 1 at the core ("sterk") .. 5 the outer ring ("zwak")


class AnswerTree(Command, tag="answer_tree"):
    """A participant's own ja/nee to a question of a decision tree; None takes it back."""

    board: Id
    section: Id
    question: Id
    answer: Answer | None
    proxy: Id | None = None


class SetTreeAnswer(Command, tag="set_tree_answer"):
    """The facilitator sets the group's answer to a question (None clears it): the path follows."""

    board: Id
    section: Id
    question: Id
    answer: Answer | None


class PlaceRadarDot(Command, tag="place_radar_dot"):
    """Place one's dot on a pillar at a ring; a person has one dot per pillar, so placing it
    again moves it."""

    board: Id
    section: Id
    pillar: Id
    ring: Ring
    proxy: Id | None = None


class RemoveRadarDot(Command, tag="remove_radar_dot"):
    board: Id
    section: Id
    pillar: Id
    proxy: Id | None = None


CardCommand = AnswerTree | SetTreeAnswer | PlaceRadarDot | RemoveRadarDot
