"""The state of a session: the fold of its log. Mutable structs, applied to in place.

A session holds the people, the timer, the current step and one or more boards
(each an instance of a template). The structs round-trip through
``msgspec.to_builtins``/``msgspec.convert`` for snapshots.
"""

from __future__ import annotations

import msgspec

from boards.templates import TEMPLATES
from boards.template import Group, Step, Template


class Participant(msgspec.Struct):
    name: str
    group: str
    # Someone in the room without a device, whose dots the facilitator places ("in de zaal").
    proxy: bool = False


class CheckOut(msgspec.Struct):
    """A participant's answer to the closing round: how was the session?"""

    rating: int  # 1..5
    text: str = ""


class StepVisit(msgspec.Struct):
    """When the facilitator chose a step: the run sheet's used time is the gap to the next visit."""

    board: str
    step: str
    at: int


class Note(msgspec.Struct):
    id: str
    lane: str
    text: str
    owner: str
    author: str
    version: int = 1


class DotVote(msgspec.Struct):
    """Who placed which dots (private) and the counts per option per group (public)."""

    by_person: dict[str, list[str]] = {}
    counts: dict[str, dict[str, int]] = {}
    hidden: bool = False


class ReviewItem(msgspec.Struct):
    """An action of a learning network under review in a session, and the group's mark on it."""

    id: str
    text: str
    owner: str = ""
    mark: str = ""  # "", "klaar", "open" or "vervallen"


class AttachedNote(msgspec.Struct):
    """A note stuck to a stakeholder (a belang or a behoefte); it moves with it."""

    id: str
    kind: str
    text: str
    author: str
    version: int = 1


class Stakeholder(msgspec.Struct):
    """One stakeholder post-it. Positions are fractions of the surface, 0..1.

    ``version`` counts edits of the texts and tags (what two people can type over each
    other); moves do not count. Removal and "not relevant" are flags: nothing is deleted.
    """

    id: str
    category: str
    names: str
    author: str
    x: float = 0.5
    y: float = 0.5
    influence: float | None = None  # on the matrix; None while not placed there
    interest: float | None = None
    knowledge: list[str] = []
    assumption: bool = False
    relevant: bool = True
    removed: bool = False
    hidden_by: str = ""  # who removed it or marked it not relevant: they (or the facilitator) may undo that
    version: int = 1
    notes: dict[str, AttachedNote] = {}


class Sketches(msgspec.Struct):
    """A sketch section keeps nothing: what people make goes to its wall (boards/kinds/sketch.py)."""


class UndoStep(msgspec.Struct):
    """What an actor's change did to one stakeholder, so that they can take it back."""

    section: str
    item: str
    before: Stakeholder | None
    after: Stakeholder


class TreeVote(msgspec.Struct):
    """Each person's ja/nee per question (private), the group's answers (the facilitator's), and
    whether the answers are hidden (until the reveal)."""

    answers: dict[str, dict[str, str]] = {}  # participant -> question -> "ja" | "nee"
    group: dict[str, str] = {}  # question -> "ja" | "nee"
    hidden: bool = True


class RadarVote(msgspec.Struct):
    """Each person's ring per pillar (private); hidden until the reveal. ``pillars``: the section's
    pillars in order (the reading is over all of them)."""

    pillars: list[str] = []
    rings: dict[str, dict[str, int]] = {}  # participant -> pillar -> ring (1 core .. 5 outer)
    groups: dict[str, str] = {}  # participant -> the group their dots are in
    hidden: bool = True


class RolePerson(msgspec.Struct):
    """A name on a role (card 4); ``confirmed`` once the facilitator agrees. The person need not
    be in the session: the name is free text."""

    id: str
    name: str
    role: str
    author: str
    confirmed: bool = False


class Condition(msgspec.Struct):
    """A cell of the conditions table (card 4B)."""

    text: str = ""
    who: str = ""


class DraftVersion(msgspec.Struct):
    """One version of the sentence and who marked which of its words (private: others see counts)."""

    text: str
    marks: dict[str, list[int]] = {}  # participant -> word indices


class WallImage(msgspec.Struct):
    """A photo on the wall: its content hash (the image itself is in the store, never in the
    state: server/images.py) and the display size in pixels."""

    hash: str
    w: int
    h: int


class WallItem(msgspec.Struct):
    """An item on the wall (card 1): a line of text, a drawn sketch (``strokes``) or a photo
    (``image``); ``prompt`` is the sketch section's prompt it answers ("" for a text)."""

    id: str
    text: str
    author: str
    hidden: bool = False  # taken off the wall by the facilitator
    prompt: str = ""
    strokes: list[list[int]] | None = None  # [colour, x0, y0, x1, y1, ...] per stroke, 0..1000 (boards/kinds/strokes.py)
    image: WallImage | None = None


class Wall(msgspec.Struct):
    items: dict[str, WallItem] = {}
    by_person: dict[str, list[str]] = {}  # participant -> items, one entry per dot (private)
    counts: dict[str, int] = {}  # item -> dots
    hidden: bool = False  # dots hidden until the reveal


class UndoStep(msgspec.Struct):
    """What an actor's change did to one stakeholder, so that they can take it back."""

    section: str
    item: str
    before: Stakeholder | None
    after: Stakeholder


class WordCloud(msgspec.Struct):
    """Who gave which (normalised) words (private) and the counts (public, but for hidden words)."""

    by_person: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    hidden_words: list[str] = []
    recognised_by: dict[str, list[str]] = {}  # the check-out round: participant -> words they recognise
    recognised: dict[str, int] = {}  # word -> how many recognise it


class Answer(msgspec.Struct):
    """One answer to an open question. ``merged``: how many answers were folded into it;
    ``merged_into``: the answer this one was folded into ("" if none)."""

    id: str
    n: int
    text: str
    author: str
    hidden: bool = False
    pinned: bool = False
    merged: int = 0
    merged_into: str = ""


class StatementVotes(msgspec.Struct):
    """Who answered what (private) and the counts per statement per value (public, unless hidden)."""

    by_person: dict[str, dict[str, int]] = {}
    counts: dict[str, dict[str, int]] = {}  # statement -> str(value) -> n
    hidden: bool = False


class Stands(msgspec.Struct):
    """Where each person stands (private) and how many stand on each segment (public)."""

    by_person: dict[str, str] = {}
    counts: dict[str, int] = {}


class UndoStep(msgspec.Struct):
    """What an actor's change did to one stakeholder, so that they can take it back."""

    section: str
    item: str
    before: Stakeholder | None
    after: Stakeholder


class Theme(WallItem):
    """A candidate theme of a weighting: a wall item that may be merged into another."""

    merged_into: str = ""  # the theme it was merged into ("": none)
    merged: int = 0  # how many themes were merged into this one


class Weighting(Wall):
    """A wall of themes; ``revealed``: shown after being hidden (no dots move until hidden again)."""

    items: dict[str, Theme] = {}
    revealed: bool = False


class AgreementItem(msgspec.Struct):
    """A value or rule of a contract; ``label``: a seeded one's Dutch and English."""

    id: str
    text: str
    author: str
    label: dict[str, str] | None = None
    hidden: bool = False


class Agreements(msgspec.Struct):
    """Who confirmed which item (private) and how many did (public)."""

    items: dict[str, AgreementItem] = {}
    by_person: dict[str, list[str]] = {}
    counts: dict[str, int] = {}


class BoardState(msgspec.Struct):
    template: str
    texts: dict[str, dict[str, str]] = {}
    dots: dict[str, DotVote] = {}
    notes: dict[str, dict[str, Note]] = {}
    stakeholders: dict[str, dict[str, Stakeholder]] = {}
    checks: dict[str, dict[str, bool]] = {}
    trees: dict[str, TreeVote] = {}
    radars: dict[str, RadarVote] = {}
    reviews: dict[str, list[ReviewItem]] = {}  # actions_review sections (boards/kinds/review.py)
    roles: dict[str, dict[str, RolePerson]] = {}  # section -> person id -> name on a role
    conditions: dict[str, dict[str, Condition]] = {}  # section -> "<row>/<column>" -> cell
    walls: dict[str, Wall] = {}  # section -> the wall and its dots (card 1)
    sketches: dict[str, Sketches] = {}  # sketch section -> nothing of its own (its sketches are on a wall)
    drafts: dict[str, list[DraftVersion]] = {}  # section -> versions of the sentence, oldest first
    clouds: dict[str, WordCloud] = {}
    answers: dict[str, dict[str, Answer]] = {}
    statements: dict[str, StatementVotes] = {}
    stands: dict[str, Stands] = {}
    weightings: dict[str, Weighting] = {}  # "gewichten plakken" (boards/kinds/weighting.py)
    agreements: dict[str, Agreements] = {}  # a values contract (boards/kinds/agreements.py)
    undo: dict[str, list[UndoStep]] = {}  # actor (participant id or "facilitator") -> newest last
    locked: list[str] = []  # sections read-only for participants (time-up, or the facilitator)
    # The board's own template once its run sheet changed or it came from a file (boards/runsheet.py);
    # None: the shipped template ``template`` names.
    sheet: Template | None = None

    @property
    def spec(self) -> Template:
        return self.sheet if self.sheet is not None else TEMPLATES[self.template]


class TimerState(msgspec.Struct):
    """The timer as data, in server milliseconds; nothing ticks.

    While running, time left is ``remaining_ms - (now - running_since)``. ``duration_ms`` is the
    time that was set (what reset returns to); ``added_ms`` what "+1 min" added since, so that
    warnings are a share of the whole time. ``paused`` tells a paused timer from one never started.
    """

    duration_ms: int = 0
    remaining_ms: int = 0
    running_since: int | None = None
    expired: bool = False
    paused: bool = False
    added_ms: int = 0


class SessionState(msgspec.Struct):
    session: str
    seq: int = 0
    created_at: int = 0
    title: str = ""
    participants: dict[str, Participant] = {}
    boards: dict[str, BoardState] = {}
    timer: TimerState = msgspec.field(default_factory=TimerState)
    step: str | None = None
    step_board: str | None = None  # the board whose step ``step`` is (two boards may share step ids)
    hold: bool = True  # participants act only on the current step's sections
    step_minutes: dict[str, int] = {}  # "<board>/<step>" -> planned minutes, where changed
    step_log: list[StepVisit] = []
    joining_open: bool = True
    closed_at: int | None = None  # set when the facilitator closed the session: read-only for all
    checkouts: dict[str, CheckOut] = {}  # participant -> answer


def session_groups(state: SessionState) -> tuple[Group, ...]:
    """The groups people join: those of the session's first board that has groups (its main board;
    a board without groups, like the actions under review, leads no session's groups)."""
    first = next((b for b in state.boards.values() if b.spec.groups), None)
    return first.spec.groups if first else ()


def current_step(state: SessionState) -> Step | None:
    board = state.boards.get(state.step_board or "")
    return board.spec.step(state.step) if board and state.step else None


def planned_minutes(state: SessionState, board_id: str, step: Step) -> int:
    return state.step_minutes.get(f"{board_id}/{step.id}", step.minutes)


def to_snapshot(state: SessionState) -> dict:
    return msgspec.to_builtins(state)


def from_snapshot(data: dict) -> SessionState:
    return msgspec.convert(data, SessionState)


_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(SessionState)


def copy_state(state: SessionState) -> SessionState:
    """A deep copy (to decide a group of commands on): typed MessagePack there and back, about
    four times as fast as through plain dicts, and far faster than ``copy.deepcopy``."""
    return _DECODER.decode(_ENCODER.encode(state))
