"""Commands: what a client asks for. Typed structs with declared limits.

A frame decoded from MessagePack is converted into one of these with
``msgspec.convert``; anything that does not fit is refused before the engine
runs. Limits that depend on the template (a field's length, a section's
budget) are checked by the engine.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from boards.template import Template

Id = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Text = Annotated[str, Meta(max_length=2000)]
Owner = Annotated[str, Meta(max_length=80)]
DisplayName = Annotated[str, Meta(min_length=1, max_length=40)]
Ref = Annotated[int, Meta(ge=0, le=2**31)]
Seconds = Annotated[int, Meta(ge=1, le=4 * 3600)]
# Chosen by the client, unique per command (the reference client: 16 random base64url characters).
# A command sent again with the same id (after a dropped connection, to any instance) is applied
# once: the repeat gets the first one's result.
CommandId = Annotated[str, Meta(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class Command(msgspec.Struct, tag_field="type", kw_only=True, forbid_unknown_fields=True):
    """Base of every client command; ``ref`` is echoed in the reply, ``id`` makes a resend safe."""

    ref: Ref | None = None
    id: CommandId | None = None


class PlaceDot(Command, tag="place_dot"):
    board: Id
    section: Id
    option: Id
    proxy: Id | None = None  # facilitator only: place it for this person in the room (see add_proxy)


class RemoveDot(Command, tag="remove_dot"):
    board: Id
    section: Id
    option: Id
    proxy: Id | None = None


class SetText(Command, tag="set_text"):
    board: Id
    section: Id
    field: Id
    text: Text


class AddNote(Command, tag="add_note"):
    board: Id
    section: Id
    lane: Id
    text: Text
    owner: Owner = ""


class EditNote(Command, tag="edit_note"):
    """Replace a note's text, owner and lane. ``base_version`` is the version the
    editor started from; if someone else saved in between the edit is refused
    with ``edit_conflict`` so nobody's typing is silently overwritten."""

    board: Id
    section: Id
    note: Id
    base_version: Annotated[int, Meta(ge=1)]
    text: Text
    owner: Owner | None = None  # None keeps the owner
    lane: Id | None = None  # None keeps the lane


class RemoveNote(Command, tag="remove_note"):
    board: Id
    section: Id
    note: Id


class Timer(Command, tag="timer"):
    """Facilitator's timer: set (needs seconds), start (with seconds: set that time and start it;
    without: start or resume what is on the clock), pause, add (seconds, default 60; a paused timer
    stays paused), reset (back to the current step's minutes, or to the time last set)."""

    action: Literal["set", "start", "pause", "add", "reset"]
    seconds: Seconds | None = None


class SetStep(Command, tag="set_step"):
    """Make ``step`` of ``board`` (default: the first board that has it) the current step, and set
    the timer to its minutes. ``step: nil`` goes back to "not started"."""

    step: Id | None
    board: Id | None = None


Minutes = Annotated[int, Meta(ge=1, le=240)]


class SetStepMinutes(Command, tag="set_step_minutes"):
    """Change a step's planned minutes (before or during the session)."""

    board: Id
    step: Id
    minutes: Minutes


class SetLocked(Command, tag="set_locked"):
    """Make a section read-only for participants (or open it again)."""

    board: Id
    section: Id
    locked: bool


class SetHold(Command, tag="set_hold"):
    """Hold participants on the current step's sections (the default), or let them act anywhere
    the step's permissions allow."""

    hold: bool


class SetJoining(Command, tag="set_joining"):
    """Open or lock the join code for newcomers; people already in keep their place."""

    open: bool


class AddProxy(Command, tag="add_proxy"):
    """Add someone in the room without a device; the facilitator places their dots."""

    group: Id
    name: Annotated[str, Meta(max_length=40)] = ""


class RemoveParticipant(Command, tag="remove_participant"):
    """Remove someone: their socket is closed and their token refused. ``with_content`` also takes
    away their dots and post-its."""

    participant: Id
    with_content: bool = False


class CheckOut(Command, tag="check_out"):
    """A participant's closing-round answer (again replaces it)."""

    rating: Annotated[int, Meta(ge=1, le=5)]
    text: Annotated[str, Meta(max_length=280)] = ""


class CloseSession(Command, tag="close_session"):
    """End the session: read-only for everyone, the join code stops working."""


class SetHidden(Command, tag="set_hidden"):
    """Hide a dot section's counts from participants until reveal (or reveal them)."""

    board: Id
    section: Id
    hidden: bool


# Commands the server gives on someone's behalf; never decoded from a client frame.


class Join(Command, tag="join"):
    name: DisplayName
    group: Id
    # The id to give the newcomer, chosen by the server beforehand so that their token can be
    # stored before they exist (a token without a participant is harmless; the reverse is not).
    participant: Id | None = None


class ExpireTimer(Command, tag="expire_timer"):
    pass


class CreateSession(Command, tag="create_session"):
    """``boards`` names shipped templates; ``sheet`` (a loaded template file, checked by
    boards/template_file.py) is a board of its own instead: then ``boards`` is empty."""

    title: Annotated[str, Meta(max_length=120)]
    boards: tuple[Id, ...]
    sheet: Template | None = None


# --- the stakeholder map (instruction card 2) ---------------------------------------------------

Coord = Annotated[float, Meta(ge=-1000.0, le=1000.0)]  # clamped to 0..1 by the engine
Category = Annotated[str, Meta(max_length=200)]


class AddStakeholder(Command, tag="add_stakeholder"):
    board: Id
    section: Id
    category: Category
    names: Text = ""
    x: Coord = 0.5
    y: Coord = 0.5


class EditStakeholder(Command, tag="edit_stakeholder"):
    """Replace the texts and tags; refused with ``edit_conflict`` if ``base_version`` is stale."""

    board: Id
    section: Id
    item: Id
    base_version: Annotated[int, Meta(ge=1)]
    category: Category
    names: Text = ""
    knowledge: Annotated[list[Id], Meta(max_length=10)] = []
    assumption: bool = False


class MoveStakeholder(Command, tag="move_stakeholder"):
    """The final position of a drag on the map (the drag itself is not logged)."""

    board: Id
    section: Id
    item: Id
    x: Coord
    y: Coord


class PlaceInMatrix(Command, tag="place_in_matrix"):
    """Influence and interest (0..1); both None takes the stakeholder off the matrix."""

    board: Id
    section: Id
    item: Id
    influence: Coord | None
    interest: Coord | None


class SetRelevant(Command, tag="set_relevant"):
    board: Id
    section: Id
    item: Id
    relevant: bool


class RemoveStakeholder(Command, tag="remove_stakeholder"):
    board: Id
    section: Id
    item: Id


class RestoreStakeholder(Command, tag="restore_stakeholder"):
    board: Id
    section: Id
    item: Id


class AddAttachedNote(Command, tag="add_attached_note"):
    board: Id
    section: Id
    item: Id
    kind: Id
    text: Text


class EditAttachedNote(Command, tag="edit_attached_note"):
    board: Id
    section: Id
    item: Id
    note: Id
    base_version: Annotated[int, Meta(ge=1)]
    text: Text


class RemoveAttachedNote(Command, tag="remove_attached_note"):
    board: Id
    section: Id
    item: Id
    note: Id


class Undo(Command, tag="undo"):
    """Take back the sender's own last change on this board's stakeholders."""

    board: Id


class SetCheck(Command, tag="set_check"):
    board: Id
    section: Id
    item: Id
    checked: bool


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


class ReviewSeed(msgspec.Struct, forbid_unknown_fields=True):
    id: Id
    text: Text
    owner: Owner = ""


class SeedReview(Command, tag="seed_review"):
    """Facilitator: the open actions to review (a session of a learning network starts with them)."""

    board: Id
    section: Id
    items: Annotated[list[ReviewSeed], Meta(max_length=300)]


class MarkReview(Command, tag="mark_review"):
    """Mark an action under review: done ("klaar"), still open ("open"), dropped ("vervallen"), or
    "" for not marked yet."""

    board: Id
    section: Id
    item: Id
    mark: Literal["", "klaar", "open", "vervallen"]



class AddRolePerson(Command, tag="add_role_person"):
    """Put a name on a role (card 4). A participant's is a suggestion; the facilitator's is
    confirmed at once."""

    board: Id
    section: Id
    name: Annotated[str, Meta(min_length=1, max_length=200)]
    role: Id


class MoveRolePerson(Command, tag="move_role_person"):
    board: Id
    section: Id
    person: Id
    role: Id


class ConfirmRolePerson(Command, tag="confirm_role_person"):
    board: Id
    section: Id
    person: Id


class RemoveRolePerson(Command, tag="remove_role_person"):
    board: Id
    section: Id
    person: Id


class SetCondition(Command, tag="set_condition"):
    """A cell of the conditions table: what a role needs of one kind, and who arranges it."""

    board: Id
    section: Id
    row: Id
    column: Id
    text: Text
    who: Owner = ""


class WriteDraft(Command, tag="write_draft"):
    """The facilitator's new version of the sentence (the versions before it are kept)."""

    board: Id
    section: Id
    text: Text


class MarkWord(Command, tag="mark_word"):
    """Mark (or unmark) a word of the newest version as unclear; ``word`` is its index in the
    version's words (split on white space)."""

    board: Id
    section: Id
    version: Annotated[int, Meta(ge=0, le=1000)]
    word: Annotated[int, Meta(ge=0, le=1000)]
    marked: bool


class AddWallItem(Command, tag="add_wall_item"):
    board: Id
    section: Id
    text: Text


class AddSketch(Command, tag="add_sketch"):
    """A drawn sketch for one prompt of a sketch section: strokes of ``[colour, x0, y0, x1, y1, ...]``
    (integers, 0..1000 on both axes), bounded in boards/kinds/strokes.py."""

    board: Id
    section: Id
    prompt: Id
    strokes: list[list[int]]  # bounded by boards/kinds/strokes.py (sketch_too_large), the frame by its size


class AddPhoto(Command, tag="add_photo"):
    """A photo of a paper sketch: never sent by a client (not in ClientCommand). The server's
    upload endpoint (server/images_http.py) sends it once the image is checked and stored."""

    board: Id
    section: Id
    prompt: Id
    image: Annotated[str, Meta(pattern=r"^[0-9a-f]{32}$")]
    w: Annotated[int, Meta(ge=1, le=4096)]
    h: Annotated[int, Meta(ge=1, le=4096)]


class HideWallItem(Command, tag="hide_wall_item"):
    """The facilitator takes an item off the wall (or puts it back); its dots stay counted."""

    board: Id
    section: Id
    item: Id
    hidden: bool


class WallDot(Command, tag="wall_dot"):
    """Put a dot on an item (``add``) or take one of yours off it."""

    board: Id
    section: Id
    item: Id
    add: bool = True


class SetWallHidden(Command, tag="set_wall_hidden"):
    """Hide the dots until the reveal (or reveal them)."""

    board: Id
    section: Id
    hidden: bool


ToolkitCommand = AddWallItem | AddSketch | HideWallItem | WallDot | SetWallHidden | WriteDraft | MarkWord | AddRolePerson | MoveRolePerson | ConfirmRolePerson | RemoveRolePerson | SetCondition


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


class ProposeTheme(AddWallItem, tag="propose_theme"):
    """A candidate theme for a weighting (the section's ``max_len`` is checked by the engine)."""


class HideTheme(HideWallItem, tag="hide_theme"):
    """The facilitator takes a theme away (or shows it again)."""


class MergeTheme(Command, tag="merge_theme"):
    """The facilitator merges ``item`` into ``into`` (the same theme said twice); only before it has dots."""

    board: Id
    section: Id
    item: Id
    into: Id


class WeighTheme(WallDot, tag="weigh_theme"):
    """Put a dot on a theme (``add``) or take one of yours off it."""


class AddAgreement(Command, tag="add_agreement"):
    """A value or rule for the contract (participants only where the section is ``open``)."""

    board: Id
    section: Id
    text: Text


class EditAgreement(Command, tag="edit_agreement"):
    """The facilitator rewrites an item (``text``) or hides/shows it (``hidden``)."""

    board: Id
    section: Id
    item: Id
    text: Text | None = None
    hidden: bool | None = None


class ConfirmAgreement(Command, tag="confirm_agreement"):
    """"JA": a person confirms an item (``on``), or takes that back."""

    board: Id
    section: Id
    item: Id
    on: bool = True


ContractCommand = ProposeTheme | HideTheme | MergeTheme | WeighTheme | AddAgreement | EditAgreement | ConfirmAgreement

LiveCommand = (TakeStand | RecogniseWord | AddWord | RemoveWord | HideWord | AddAnswer | ModerateAnswer | MergeAnswer | AnswerStatement
               | SetStatementsHidden)

StakeholderCommand = (
    AddStakeholder | EditStakeholder | MoveStakeholder | PlaceInMatrix | SetRelevant | RemoveStakeholder
    | RestoreStakeholder | AddAttachedNote | EditAttachedNote | RemoveAttachedNote | Undo | SetCheck
    | SeedReview | MarkReview
)


FacilitationCommand = (
    SetStepMinutes | SetLocked | SetHold | SetJoining | AddProxy | RemoveParticipant | CheckOut | CloseSession
)


# --- the run sheet (draaiboek): blocks the facilitator builds the session from -----------------

Activity = Literal["wordcloud", "open", "statements", "stand", "notes", "dots", "text", "weighting", "agreements",
                   "checkout"]
BlockTitle = Annotated[str, Meta(min_length=1, max_length=120)]
BlockText = Annotated[str, Meta(max_length=600)]
BlockItem = Annotated[str, Meta(min_length=1, max_length=200)]
Position = Annotated[int, Meta(ge=0, le=1000)]


class AddBlock(Command, tag="add_block"):
    """A new block on ``board``'s run sheet at ``index`` (default: the end), with an activity (a
    section of that kind, asking ``prompt``; ``items``: the statements, segments, options or lanes
    of the kinds that need them) or none (a talk, a break)."""

    board: Id
    title: BlockTitle
    minutes: Minutes = 10
    index: Position | None = None
    activity: Activity | None = None
    prompt: BlockText = ""
    items: Annotated[list[BlockItem], Meta(max_length=12)] = []


class EditBlock(Command, tag="edit_block"):
    """Change a block: each field given replaces the block's (None keeps it)."""

    board: Id
    step: Id
    title: BlockTitle | None = None
    minutes: Minutes | None = None
    goal: BlockText | None = None
    who: Annotated[str, Meta(max_length=120)] | None = None
    materials: BlockText | None = None
    essential: bool | None = None


class MoveBlock(Command, tag="move_block"):
    """Put a block at ``index`` of the run sheet (0: first)."""

    board: Id
    step: Id
    index: Position


class CopyBlock(Command, tag="copy_block"):
    """A copy of a block (and fresh, empty copies of its activity) right after it."""

    board: Id
    step: Id


class RemoveBlock(Command, tag="remove_block"):
    """Take a block off the run sheet, with the activities no other block uses; not the current
    block nor one that has run (``block_ran``)."""

    board: Id
    step: Id


BlockCommand = AddBlock | EditBlock | MoveBlock | CopyBlock | RemoveBlock


ClientCommand = (
    PlaceDot | RemoveDot | SetText | AddNote | EditNote | RemoveNote | Timer | SetStep | SetHidden
    | StakeholderCommand | FacilitationCommand | CardCommand | ToolkitCommand | LiveCommand | BlockCommand
    | ContractCommand
)
