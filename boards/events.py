"""Events: the facts a board's log is made of. The state is their fold.

Events hold who did what (a dot's participant) because the rules need it; what
other people see of them is decided in :mod:`boards.projection`.
"""

from __future__ import annotations

import msgspec

from boards.state import AgreementItem, ReviewItem, RolePerson, Stakeholder, Theme, WallItem
from boards.template import Label, Plan, Section, Step, Template


class Event(msgspec.Struct, tag_field="type", kw_only=True):
    pass


class SessionCreated(Event, tag="session_created"):
    title: str
    boards: list[str]


class ParticipantJoined(Event, tag="participant_joined"):
    participant: str
    name: str
    group: str
    proxy: bool = False  # added by the facilitator for someone without a device


class ParticipantRemoved(Event, tag="participant_removed"):
    participant: str


class DotPlaced(Event, tag="dot_placed"):
    board: str
    section: str
    option: str
    participant: str
    group: str


class DotRemoved(Event, tag="dot_removed"):
    board: str
    section: str
    option: str
    participant: str
    group: str


class TextSet(Event, tag="text_set"):
    board: str
    section: str
    field: str
    text: str


class NoteAdded(Event, tag="note_added"):
    board: str
    section: str
    note: str
    lane: str
    text: str
    owner: str
    author: str  # a participant id, or "facilitator"


class NoteEdited(Event, tag="note_edited"):
    board: str
    section: str
    note: str
    lane: str
    text: str
    owner: str
    version: int


class NoteRemoved(Event, tag="note_removed"):
    board: str
    section: str
    note: str


class TimerSet(Event, tag="timer_set"):
    duration_ms: int


class TimerStarted(Event, tag="timer_started"):
    at: int


class TimerPaused(Event, tag="timer_paused"):
    at: int


class TimerExtended(Event, tag="timer_extended"):
    at: int
    ms: int


class TimerReset(Event, tag="timer_reset"):
    duration_ms: int | None = None  # the time reset to (the step's minutes); None: the time last set


class TimerExpired(Event, tag="timer_expired"):
    at: int


class StepSet(Event, tag="step_set"):
    step: str | None
    board: str | None = None


class StepMinutesSet(Event, tag="step_minutes_set"):
    board: str
    step: str
    minutes: int


class SectionLockSet(Event, tag="section_lock_set"):
    board: str
    section: str
    locked: bool


class HoldSet(Event, tag="hold_set"):
    hold: bool


class JoiningSet(Event, tag="joining_set"):
    open: bool


class CheckedOut(Event, tag="checked_out"):
    """Only the facilitator sees it; others get a masked frame."""

    participant: str
    rating: int
    text: str


class SessionClosed(Event, tag="session_closed"):
    pass


class VisibilitySet(Event, tag="visibility_set"):
    """``counts`` (option -> group -> n) is the tally at the moment of a reveal,
    so that a client replaying the log sees the same numbers it would have seen live."""

    board: str
    section: str
    hidden: bool
    counts: dict[str, dict[str, int]] | None = None


class StakeholderSaved(Event, tag="stakeholder_saved"):
    """The whole stakeholder as it now is (a new one, or a change of any kind).

    ``change`` says what kind of change (add, edit, move, matrix, relevance, remove,
    restore, note, undo) and ``by`` whose (a participant id or "facilitator").
    """

    board: str
    section: str
    item: Stakeholder
    change: str
    by: str


class CheckSet(Event, tag="check_set"):
    board: str
    section: str
    item: str
    checked: bool


class RolePersonSaved(Event, tag="role_person_saved"):
    """A name on a role as it now is (added, moved or confirmed)."""

    board: str
    section: str
    person: RolePerson


class RolePersonRemoved(Event, tag="role_person_removed"):
    board: str
    section: str
    person: str


class ConditionSet(Event, tag="condition_set"):
    board: str
    section: str
    row: str
    column: str
    text: str
    who: str


class DraftWritten(Event, tag="draft_written"):
    board: str
    section: str
    text: str


class WordMarked(Event, tag="word_marked"):
    """Who marked is kept for the rules; others see the count change, never who."""

    board: str
    section: str
    version: int
    word: int
    marked: bool
    participant: str


class WallItemSaved(Event, tag="wall_item_saved"):
    board: str
    section: str
    item: WallItem


class WallDotMoved(Event, tag="wall_dot_moved"):
    """A dot put on (``add``) or taken off an item; who is kept for the rules, never shown."""

    board: str
    section: str
    item: str
    add: bool
    participant: str


class WallVisibilitySet(Event, tag="wall_visibility_set"):
    """Dots hidden until the reveal; the reveal carries the counts."""

    board: str
    section: str
    hidden: bool
    counts: dict[str, int] | None = None


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


class ReviewSeeded(Event, tag="review_seeded"):
    board: str
    section: str
    items: list[ReviewItem]


class ReviewMarked(Event, tag="review_marked"):
    board: str
    section: str
    item: str
    mark: str


# --- the run sheet (boards/runsheet.py) ---------------------------------------------------------


class BoardLoaded(Event, tag="board_loaded"):
    """A board made from a template file: ``sheet`` is the whole template, kept in the log (a board
    of a shipped template is named by id in ``session_created`` instead)."""

    board: str
    sheet: Template


class BlockAdded(Event, tag="block_added"):
    """A block put at ``index`` of the board's steps, with the sections of its activity (new and
    empty). Frames add ``contents``: section id -> {slot, content}, each section's empty view."""

    board: str
    index: int
    step: Step
    sections: list[Section] = []


class BlockEdited(Event, tag="block_edited"):
    """A block's title and plan as they now are (its minutes change by ``step_minutes_set``)."""

    board: str
    step: str
    label: Label
    plan: Plan


class BlockMoved(Event, tag="block_moved"):
    board: str
    step: str
    index: int


class BlockRemoved(Event, tag="block_removed"):
    """A block taken off, and ``sections``: those of its activities no other block used (gone too)."""

    board: str
    step: str
    sections: list[str] = []


class ThemeSaved(WallItemSaved, tag="theme_saved"):
    """A theme proposed, hidden or shown, or merged (two of these: the merged one and its target)."""

    item: Theme


class ThemeWeighed(WallDotMoved, tag="theme_weighed"):
    """A dot put on or taken off a theme; who is kept for the rules, never shown."""


class WeightingVisibilitySet(WallVisibilitySet, tag="weighting_visibility_set"):
    """Dots hidden until the reveal; the reveal carries the counts and stops the dots."""


class AgreementSaved(Event, tag="agreement_saved"):
    board: str
    section: str
    item: AgreementItem


class AgreementConfirmed(Event, tag="agreement_confirmed"):
    """A person confirms an item (``on``) or takes that back; others never get ``participant``."""

    board: str
    section: str
    item: str
    on: bool
    participant: str


AnyEvent = (
    SessionCreated | ParticipantJoined | DotPlaced | DotRemoved | TextSet | NoteAdded | NoteEdited
    | NoteRemoved | TimerSet | TimerStarted | TimerPaused | TimerExtended | TimerReset | TimerExpired
    | StepSet | VisibilitySet | StakeholderSaved | CheckSet | ParticipantRemoved | StepMinutesSet
    | SectionLockSet | HoldSet | JoiningSet | CheckedOut | SessionClosed | TreeAnswered | TreeGroupAnswerSet
    | TreeVisibilitySet | RadarDotPlaced | RadarDotRemoved | RadarVisibilitySet | ReviewSeeded | ReviewMarked
    | RolePersonSaved | RolePersonRemoved | ConditionSet | DraftWritten | WordMarked
    | WallItemSaved | WallDotMoved | WallVisibilitySet
    | WordAdded | WordRemoved | WordHidden | WordRecognised | AnswerAdded | AnswerModerated | AnswerMerged
    | StatementAnswered | StatementsHidden | StandTaken
    | BoardLoaded | BlockAdded | BlockEdited | BlockMoved | BlockRemoved
    | ThemeSaved | ThemeWeighed | WeightingVisibilitySet | AgreementSaved | AgreementConfirmed
)


class Record(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One entry of a board's log: the event with its sequence number and server time (ms).

    ``command`` is on the last record a client's command caused, when that command carried an
    id: ``<author>:<id>``. It lets any instance, after any restart, recognise a resent command
    as applied (the server keeps a bounded index of them, rebuilt from the log). ``digest`` beside
    it is a hash of what that command asked (``server.records.command_digest``): the same id sent
    with another payload is refused, not taken for a repeat. Records written before digests were
    kept have none; their ids count as repeats whatever is resent. It never leaves the server:
    frames are built from ``event`` alone.
    """

    seq: int
    at: int
    event: AnyEvent
    command: str | None = None
    digest: str | None = None
