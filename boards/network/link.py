"""How a template's section connects to a learning network: what it takes from the network when a
session starts, and what it gives back at the close. Templates declare these (``NETWORK_LINKS`` in
their module); each kind of section does the mapping (``network_takes``, ``network_gives`` in
boards/kinds/base.py). Pure data.

Slots of a network a link can name:

- ``ambition``, ``goal1``, ``goal2``: a text field takes and gives them;
- ``agenda:verander``, ``agenda:opleidings``, ``agenda:onderzoeks``: a text field (one item a line)
  or a notes section (one item a post-it);
- ``actions``: a notes section with owners gives its post-its as actions;
- ``stakeholders``: a stakeholder map gives its relevant stakeholders (``fields`` maps the map's
  note kinds to ``belangen`` / ``behoeften``);
- ``reading:<name>``: a dot vote gives its shares per option and group (``reading:pillars``);
  card 3's radar gives ``reading:radar`` (medians), its tree ``outcome``, its roles ``roles``.
"""

from __future__ import annotations

import msgspec


class Link(msgspec.Struct, frozen=True):
    section: str
    fields: dict[str, str] = {}  # a text field -> the slot it takes and gives; or a note kind -> list
    gives: str | None = None  # the slot a whole section gives
