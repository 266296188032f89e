"""Events of instruction card 3: the tree's answers and the radar's dots (secret votes)."""

from __future__ import annotations

from boards.events.base import Event


class TreeAnswered(Event, tag="tree_answered"):
    """A participant's ja/nee (None: taken back); ``before`` their answer before, for a fold
    that does not know who answered."""

    board: str
    section: str
    question: str
    answer: str | None
    before: str | None
    participant: str
    group: str


class TreeGroupAnswerSet(Event, tag="tree_group_answer_set"):
    board: str
    section: str
    question: str
    answer: str | None


class TreeVisibilitySet(Event, tag="tree_visibility_set"):
    """Hidden or revealed; a reveal carries the split per question, {question: {"ja": n, "nee": n}}."""

    board: str
    section: str
    hidden: bool
    split: dict[str, dict[str, int]] | None = None


class RadarDotPlaced(Event, tag="radar_dot_placed"):
    """A person's dot on a pillar at a ring; ``before`` the ring it moved from (None: new)."""

    board: str
    section: str
    pillar: str
    ring: int
    before: int | None
    participant: str
    group: str


class RadarDotRemoved(Event, tag="radar_dot_removed"):
    board: str
    section: str
    pillar: str
    ring: int
    participant: str
    group: str


class RadarVisibilitySet(Event, tag="radar_visibility_set"):
    """Hidden or revealed; a reveal carries every dot, {pillar: [[ring, group], ...]} sorted."""

    board: str
    section: str
    hidden: bool
    dots: dict[str, list[tuple[int, str]]] | None = None
