"""Events of the contract: weighting themes and agreements."""

from __future__ import annotations

from boards.events.base import Event
from boards.events.toolkit import WallDotMoved, WallItemSaved, WallVisibilitySet
from boards.state import AgreementItem, Theme


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
