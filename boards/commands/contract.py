"""Commands of the contract: weighting themes and agreements."""

from __future__ import annotations

from boards.commands.base import Command, Id, Text
from boards.commands.toolkit import AddWallItem, HideWallItem, WallDot


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
