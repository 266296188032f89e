"""How a template's section connects to a learning network: what it takes from the network when a
session starts, and what it gives back at the close. Templates declare these (``NETWORK_LINKS`` in
their module); each kind of section does the mapping (``network_takes``, ``network_gives`` in
boards/kinds/base.py). Pure data.

Slots of a network a link can name:

- ``ambition``, ``goal1``, ``goal2``: a text field takes and gives them;
- ``agenda:verander``, ``agenda:opleidings``, ``agenda:onderzoeks``: a text field (one item a line)
  or a lane of a notes section (one item a post-it; ``fields`` maps the lane to its agenda, both
  ways: card 1's and card 3's template 5);
- ``actions``: a notes section with owners gives its post-its as actions;
- ``stakeholders``: a stakeholder map gives its relevant stakeholders (``fields`` maps the map's
  note kinds to ``belangen`` / ``behoeften``);
- ``reading:<name>``: a dot vote gives its shares per option and group (``reading:pillars``); a
  radar its medians per pillar (``reading:radar``, group ``mediaan``, 1 at the core, 0 the outer ring);
- ``outcome``: a decision tree gives the outcome its group's answers reached (card 3);
- ``roles``: a roles section gives each role with the confirmed names on it (card 4).
"""

from __future__ import annotations

import msgspec


# Template 5's three agendas as lanes of a notes section (cards 1 and 3): lane -> the agenda it
# takes and gives.
TEMPLATE_5 = {"verander": "agenda:verander", "opleiding": "agenda:opleidings", "onderzoek": "agenda:onderzoeks"}


class Link(msgspec.Struct, frozen=True):
    section: str
    fields: dict[str, str] = {}  # a text field -> the slot it takes and gives; or a note kind -> list
    gives: str | None = None  # the slot a whole section gives
