"""Commands of the run sheet (draaiboek): blocks the facilitator builds the session from."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

from boards.commands.base import Command, Id, Minutes


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
