"""Actiepunten: a learning network's open actions, reviewed by the group at the start of a session
(kind actions_review). It has no groups of its own: the session's groups are its main board's."""

from __future__ import annotations

from boards.network.link import Link
from boards.template import Label, ReviewSection, Step, Template

ACTIEPUNTEN = Template(
    id="actiepunten",
    title=Label("Acties van vorige keer", "Actions from last time"),
    groups=(),
    steps=(
        Step("acties", Label("0 Acties van vorige keer", "0 Actions from last time"), 10, sections=("acties",),
             allows=("review",)),
    ),
    sections=(
        ReviewSection(
            id="acties",
            title=Label("Acties van vorige keer", "Actions from last time"),
            prompt=Label("Loop de open acties samen langs: klaar, nog open of vervallen?",
                         "Go through the open actions together: done, still open or dropped?"),
            step="acties",
        ),
    ),
)

# What it takes from its learning network (the open actions) and gives back (their new status).
NETWORK_LINKS = (Link("acties", gives="actions"),)
