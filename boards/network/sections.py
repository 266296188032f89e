"""What each kind of section takes from a learning network and gives back: the bodies of the kinds'
``network_takes`` / ``network_gives`` (boards/kinds/base.py), kept here beside the network's
model so that a kind's module only names them. Pure, no I/O.

Every item's key is made from what the session's summary shows (a field id, a lane and a text),
so the same item of the same session always has the same key: confirming twice adds it once.
"""

from __future__ import annotations

import hashlib
from typing import Any

from boards.network import model as m
from boards.network.link import Link


def _h(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


def slot_text(network: m.NetworkState, slot: str) -> str:
    """The network's current text for a slot a text field takes."""
    if slot == "ambition":
        return network.ambition
    if slot in ("goal1", "goal2"):
        return network.goals[int(slot[-1]) - 1]
    if slot.startswith("agenda:"):
        return "\n".join(e.text for e in network.agendas.get(slot.split(":", 1)[1], []))
    return ""


def _agenda(slot: str) -> str | None:
    name = slot.split(":", 1)[1] if slot.startswith("agenda:") else None
    return name if name in m.AGENDAS else None


def _cut(text: str, limit: int = m.MAX_TEXT) -> str:
    return text[:limit]


# --- text: ambition, goals, agendas (one item a line) ------------------------------------------
def text_takes(kind: Any, section: Any, link: Link, network: m.NetworkState) -> dict[str, str]:
    out = {}
    for field in section.fields:
        slot = link.fields.get(field.id)
        if slot and (text := slot_text(network, slot)):
            out[field.id] = text[:field.max_len]
    return out


def text_opening(kind: Any, board_id: str, section: Any, taken: dict[str, str]) -> list[Any]:
    from boards import commands as c

    return [c.SetText(board=board_id, section=section.id, field=f, text=text) for f, text in taken.items()]


def text_gives(kind: Any, summarised: dict[str, Any], link: Link) -> list[m.AnyItem]:
    items: list[m.AnyItem] = []
    for field in summarised["fields"]:
        slot, text = link.fields.get(field["id"]), field["text"].strip()
        if not slot or not text:
            continue
        if slot == "ambition":
            items.append(m.AmbitionItem(key="ambition", text=_cut(text)))
        elif slot in ("goal1", "goal2"):
            items.append(m.GoalItem(key=slot, slot=int(slot[-1]), text=_cut(text)))
        elif agenda := _agenda(slot):
            for line in text.splitlines():
                if line := line.strip(" -•*\t"):
                    items.append(m.AgendaItem(key=f"{slot}:{_h(line)}", agenda=agenda, text=_cut(line)))
        elif slot == "outcome":
            items.append(m.OutcomeItem(key="outcome", text=_cut(text)))
    return items


# --- notes: actions with their owner, or agenda items (a lane per agenda) ---------------------
def _lane_slot(link: Link, lane: str) -> str:
    return link.fields.get(lane) or link.gives or ""


def notes_takes(kind: Any, section: Any, link: Link, network: m.NetworkState) -> dict[str, list[str]]:
    """Each lane mapped to an agenda starts with that agenda's items, one post-it each (within the
    section's caps)."""
    out: dict[str, list[str]] = {}
    room = section.max_notes
    for lane in section.lanes:
        agenda = _agenda(link.fields.get(lane.id, ""))
        texts = [e.text[:section.max_len] for e in network.agendas.get(agenda, [])][:room] if agenda else []
        if texts:
            out[lane.id] = texts
            room -= len(texts)
    return out


def notes_opening(kind: Any, board_id: str, section: Any, taken: dict[str, list[str]]) -> list[Any]:
    from boards import commands as c

    return [c.AddNote(board=board_id, section=section.id, lane=lane, text=text)
            for lane, texts in taken.items() for text in texts]


def notes_gives(kind: Any, summarised: dict[str, Any], link: Link) -> list[m.AnyItem]:
    items: list[m.AnyItem] = []
    for lane in summarised["lanes"]:
        slot = _lane_slot(link, lane["id"])
        agenda = _agenda(slot)
        for n, note in enumerate(lane["items"]):
            text = note["text"].strip()
            if not text:
                continue
            key = f"{slot}:{lane['id']}:{n}:{_h(text, note.get('owner', ''))}"
            if slot == "actions":
                items.append(m.ActionItem(key=key, text=_cut(text), owner=note.get("owner", "")[:m.MAX_SHORT],
                                          lane=lane["id"]))
            elif agenda:
                items.append(m.AgendaItem(key=key, agenda=agenda, text=_cut(text)))
    return items


# --- dots: a reading of shares per option and group ---------------------------------------------
def dots_gives(kind: Any, summarised: dict[str, Any], link: Link) -> list[m.AnyItem]:
    if not (link.gives or "").startswith("reading:") or summarised.get("withheld"):
        return []
    if not any(summarised.get("totals", {}).values()):
        return []  # nobody voted: no reading
    values = {o["id"]: {g: float(s) for g, s in o["shares"].items()} for o in summarised["options"]}
    return [m.ReadingItem(key=f"{link.gives}:{summarised['id']}", name=link.gives.split(":", 1)[1], values=values)]


# --- stakeholders: the ones that stayed relevant, with belangen and behoeften -------------------
def stakeholders_gives(kind: Any, summarised: dict[str, Any], link: Link) -> list[m.AnyItem]:
    if link.gives != "stakeholders":
        return []
    items: list[m.AnyItem] = []
    for s in summarised["items"]:
        lists: dict[str, list[str]] = {"belangen": [], "behoeften": []}
        for note_kind, texts in s["notes"].items():
            target = link.fields.get(note_kind)
            if target in lists:
                lists[target].extend(t[:m.MAX_TEXT] for t in texts)
        items.append(m.StakeholderItem(
            key=f"stakeholder:{_h(s['category'].casefold())}", category=s["category"][:m.MAX_SHORT],
            names=_cut(s["names"]), belangen=tuple(lists["belangen"][:m.MAX_NOTES_PER_STAKEHOLDER]),
            behoeften=tuple(lists["behoeften"][:m.MAX_NOTES_PER_STAKEHOLDER])))
    return items


# --- card 3: the decision tree's outcome, the radar's medians ----------------------------------
def tree_gives(kind: Any, summarised: dict[str, Any], link: Link) -> list[m.AnyItem]:
    """The outcome the group's answers reached, in the card's (Dutch) words; none before one."""
    outcome = summarised.get("outcome")
    if link.gives != "outcome" or not outcome or summarised.get("withheld"):
        return []
    text = outcome["label"].get("nl") or outcome["label"].get("en") or outcome["id"]
    return [m.OutcomeItem(key=f"outcome:{summarised['id']}", text=_cut(text))]


def radar_gives(kind: Any, summarised: dict[str, Any], link: Link) -> list[m.AnyItem]:
    """Each pillar's median ring as a share: 1 at the core (the pillar stands firmly), 0 on the
    outer ring; the group is ``mediaan``. The medians only, never a dot or who placed it."""
    if not (link.gives or "").startswith("reading:") or summarised.get("withheld"):
        return []
    rings = summarised.get("rings") or 5
    values = {p["id"]: {"mediaan": round((rings - p["median"]) / (rings - 1), 4)}
              for p in summarised["pillars"] if p.get("median") is not None}
    if not values:
        return []  # nobody placed a dot: no reading
    return [m.ReadingItem(key=f"{link.gives}:{summarised['id']}", name=link.gives.split(":", 1)[1], values=values)]


# --- card 4: the roles with their confirmed names -----------------------------------------------
def roles_gives(kind: Any, summarised: dict[str, Any], link: Link) -> list[m.AnyItem]:
    """Each role that has confirmed names: role id -> the names, comma-separated (the names people
    chose; a suggestion the facilitator did not confirm stays out)."""
    if link.gives != "roles":
        return []
    items: list[m.AnyItem] = []
    for ring in summarised["rings"]:
        for role in ring["roles"]:
            if role["people"]:
                items.append(m.RoleItem(key=f"role:{role['id']}", role=role["id"][:m.MAX_SHORT],
                                        name=", ".join(role["people"])[:m.MAX_SHORT]))
    return items
