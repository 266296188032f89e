"""Between a session and its learning network: what a new session starts with (``prefill``) and what
a closed session would add (``contribution``). The templates declare the links (``NETWORK_LINKS``
in a template's module, boards/network/link.py); the registry of kinds maps each section. Pure.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

import msgspec

from boards import kinds
from boards.network import model as m
from boards.network.link import Link
from boards.template import Template


@cache
def links() -> dict[str, dict[str, Link]]:
    """template id -> section id -> its link, from every template module that declares
    ``NETWORK_LINKS`` beside its one template."""
    import boards.templates as package

    out: dict[str, dict[str, Link]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        declared = getattr(module, "NETWORK_LINKS", None)
        templates = [v for v in vars(module).values() if isinstance(v, Template)]
        if declared and len(templates) == 1:
            out[templates[0].id] = {link.section: link for link in declared}
    return out


def prefill(boards: list[str], network: m.NetworkState) -> dict[str, dict[str, Any]]:
    """What a new session of ``network`` starts with: board -> section -> what the section's kind
    takes (a text section: field -> text; a notes section: lane -> [text], template 5's agendas;
    actions under review: [{id, text, owner}]). Editable in the session; the network keeps its own."""
    from boards.templates import TEMPLATES

    out: dict[str, dict[str, dict[str, str]]] = {}
    for board_id in boards:
        template = TEMPLATES.get(board_id)
        declared = links().get(board_id, {})
        if template is None:
            continue
        for section in template.sections:
            link = declared.get(section.id)
            if link is None:
                continue
            texts = kinds.kind_of(section).network_takes(section, link, network)
            if texts:
                out.setdefault(board_id, {})[section.id] = texts
    return out


def opening(prefilled: dict[str, dict[str, Any]]) -> list[Any]:
    """The facilitator's commands that put ``prefill``'s answer into the new session."""
    from boards.templates import TEMPLATES

    commands: list[Any] = []
    for board_id, sections in prefilled.items():
        template = TEMPLATES[board_id]
        for section_id, taken in sections.items():
            section = template.section(section_id)
            commands += kinds.kind_of(section).network_opening(board_id, section, taken)
    return commands


def contribution(summary: dict[str, Any]) -> list[m.AnyItem]:
    """Everything a session's summary (boards/summary.py) would add to its network, in board and
    section order, each item once."""
    items: list[m.AnyItem] = []
    seen: set[str] = set()
    for board in summary["boards"]:
        declared = links().get(board["template"], {})
        for kind in kinds.KINDS:
            for summarised in board.get(kind.summary_key, []):
                link = declared.get(summarised.get("id"))
                if link is None:
                    continue
                for item in kind.network_gives(summarised, link):
                    # Two boards of one template in a session give apart.
                    item = msgspec.structs.replace(item, key=f"{board['id']}/{item.key}")
                    if item.key not in seen:
                        seen.add(item.key)
                        items.append(item)
    return items[:m.MAX_ITEMS_PER_CONFIRM]


def held(network: m.NetworkState, item: m.AnyItem) -> bool:
    """Does the network hold this item's content already (the ambition it has now, an agenda item
    it lists, a goal or a role as it is)? Confirming it changes nothing; the close panel shows it
    as already there. A session that started from the network gives back what it took."""
    if isinstance(item, m.AmbitionItem):
        return item.text == network.ambition
    if isinstance(item, m.GoalItem):
        return item.text == network.goals[item.slot - 1]
    if isinstance(item, m.AgendaItem):
        return any(e.text.casefold() == item.text.casefold() for e in network.agendas.get(item.agenda, []))
    if isinstance(item, m.RoleItem):
        return network.roles.get(item.role) == item.name
    return False
