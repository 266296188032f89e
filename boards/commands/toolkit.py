"""Commands of instruction cards 1 and 4: roles, conditions, the draft and its marked words, the
wall (items, sketches, photos, dots) and the sketch."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from boards.commands.base import Command, Id, Owner, Text


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
    proxy: Id | None = None  # facilitator only: for this person in the room (see add_proxy)


class SetWallHidden(Command, tag="set_wall_hidden"):
    """Hide the dots until the reveal (or reveal them)."""

    board: Id
    section: Id
    hidden: bool


ToolkitCommand = AddWallItem | AddSketch | HideWallItem | WallDot | SetWallHidden | WriteDraft | MarkWord | AddRolePerson | MoveRolePerson | ConfirmRolePerson | RemoveRolePerson | SetCondition
