"""Commands of the stakeholder map (instruction card 2), its checklist, and the review of open
actions a learning network's session starts with."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from boards.commands.base import Command, Id, Owner, Text


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


StakeholderCommand = (
    AddStakeholder | EditStakeholder | MoveStakeholder | PlaceInMatrix | SetRelevant | RemoveStakeholder
    | RestoreStakeholder | AddAttachedNote | EditAttachedNote | RemoveAttachedNote | Undo | SetCheck
    | SeedReview | MarkReview
)
