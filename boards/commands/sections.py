"""Commands on a section's plain content: dots, notes and a text field, and hiding a dot
section's counts."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from boards.commands.base import Command, Id, Owner, Text


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


class SetHidden(Command, tag="set_hidden"):
    """Hide a dot section's counts from participants until reveal (or reveal them)."""

    board: Id
    section: Id
    hidden: bool
