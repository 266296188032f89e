"""Wall (card 1, step 2 "Samenvoegen"): items on a wall and dots on them — at most ``per_person``
each, several on one item allowed ("Meerdere stickers op één schets zijn prima"). Like a dot vote,
who put a dot where never leaves the server; the dots may be hidden until the reveal. The
facilitator may take an item off the wall; a dot on it is then refused."""

from __future__ import annotations

from typing import Any

import msgspec

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, proxy_person, require, require_member
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch, as_logged, label
from boards.state import BoardState, Participant, SessionState, Wall, WallItem
from boards.template import WallSection

FILE = "wall.csv"
_ANONYMISED = (e.WallDotMoved,)


def _item(wall: Wall, item_id: str) -> WallItem:
    item = wall.items.get(item_id)
    if item is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no item {item_id!r} on this wall")
    return item


def add_item(state: SessionState, actor: Actor, cmd: c.AddWallItem, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    section: WallSection = find_section(board, cmd.section, WallSection)
    text = cmd.text.strip()
    if not text:
        raise DomainError(ErrorCode.INVALID, "an item needs text")
    check_len(text, section.max_len, "the text")
    wall = board.walls[section.id]
    if len(wall.items) >= section.max_items:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {section.max_items} items on the wall")
    item = WallItem(id=ctx.new_id(), text=text, author=actor.author_id)
    return [e.WallItemSaved(board=cmd.board, section=cmd.section, item=item)]


def hide_item(state: SessionState, actor: Actor, cmd: c.HideWallItem, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    section = find_section(board, cmd.section, WallSection)
    item = _item(board.walls[section.id], cmd.item)
    if item.hidden == cmd.hidden:
        return []
    changed = msgspec.structs.replace(item, hidden=cmd.hidden)  # a sketch keeps its strokes or photo
    return [e.WallItemSaved(board=cmd.board, section=cmd.section, item=changed)]


def move_dot(state: SessionState, actor: Actor, cmd: c.WallDot, ctx: Context):
    pid, _person = proxy_person(state, actor, cmd.proxy)
    board = find_board(state, cmd.board)
    section: WallSection = find_section(board, cmd.section, WallSection)
    wall = board.walls[section.id]
    item = _item(wall, cmd.item)
    mine = wall.by_person.get(pid, [])
    if cmd.add:
        if item.hidden:  # a text or a sketch the facilitator took off the wall
            raise DomainError(ErrorCode.NOT_FOUND, "that item is off the wall")
        if len(mine) >= section.per_person:
            raise DomainError(ErrorCode.BUDGET_EXHAUSTED, f"all {section.per_person} dots are placed; take one back first")
    elif cmd.item not in mine:
        raise DomainError(ErrorCode.NO_SUCH_DOT, "you have no dot on that item")
    return [e.WallDotMoved(board=cmd.board, section=cmd.section, item=cmd.item, add=cmd.add, participant=pid)]


def set_hidden(state: SessionState, actor: Actor, cmd: c.SetWallHidden, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    section = find_section(board, cmd.section, WallSection)
    return [_visibility(cmd.board, section.id, board.walls[section.id], cmd.hidden)]


def _visibility(board_id: str, section_id: str, wall: Wall, hidden: bool,
                event: type[e.WallVisibilitySet] = e.WallVisibilitySet) -> e.WallVisibilitySet:
    return event(board=board_id, section=section_id, hidden=hidden, counts=None if hidden else dict(wall.counts))


def most_dotted(wall: Wall) -> list[str]:
    """The items on the wall with the most dots (all of them when tied; none without dots)."""
    shown = {i: n for i, n in wall.counts.items() if i in wall.items and not wall.items[i].hidden and n > 0}
    top = max(shown.values(), default=0)
    return [i for i in wall.items if shown.get(i) == top] if top else []


def _sketch(item: WallItem) -> dict[str, Any]:
    """A summary item's sketch: ``type`` text, drawing (its strokes) or photo (its hash and size)."""
    if item.image is not None:
        return {"type": "photo", "prompt": item.prompt, "image": msgspec.to_builtins(item.image)}
    if item.strokes is not None:
        return {"type": "drawing", "prompt": item.prompt, "strokes": item.strokes}
    return {"type": "text"}


class WallKind(Kind):
    name = "wall"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = WallSection
    slot = "walls"
    summary_key = "walls"
    handlers = {c.AddWallItem: add_item, c.HideWallItem: hide_item, c.WallDot: move_dot,
                c.SetWallHidden: set_hidden}
    permissions = {c.AddWallItem: "wall", c.WallDot: "wall"}
    events = (e.WallItemSaved, e.WallDotMoved, e.WallVisibilitySet)
    export_files = {FILE: ["board", "section", "item", "text", "dots", "most", "hidden", "type", "prompt", "image"]}
    # The events its rules below make (a kind built on the wall, boards/kinds/weighting.py, has its own)
    dot_event: type[e.WallDotMoved] = e.WallDotMoved
    visibility_event: type[e.WallVisibilitySet] = e.WallVisibilitySet

    def empty(self, section: WallSection) -> Wall:
        return Wall()

    def apply(self, board: BoardState, ev: e.Event) -> None:
        wall = self.content(board)[ev.section]
        match ev:
            case e.WallItemSaved():
                wall.items[ev.item.id] = ev.item
            case e.WallDotMoved():
                mine = wall.by_person.setdefault(ev.participant, [])
                if ev.add:
                    mine.append(ev.item)
                    wall.counts[ev.item] = wall.counts.get(ev.item, 0) + 1
                else:
                    mine.remove(ev.item)
                    if not mine:
                        del wall.by_person[ev.participant]
                    wall.counts[ev.item] -= 1
                    if not wall.counts[ev.item]:
                        del wall.counts[ev.item]
            case e.WallVisibilitySet():
                wall.hidden = ev.hidden

    def view(self, wall: Wall, audience: Audience) -> dict[str, Any]:
        masked = wall.hidden and audience != "facilitator"
        return {"items": list(wall.items.values()), "hidden": wall.hidden, "counts": {} if masked else wall.counts}

    def masked(self, board: BoardState, ev: e.Event) -> bool:
        return isinstance(ev, _ANONYMISED) and self.content(board)[ev.section].hidden

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        if not isinstance(ev, _ANONYMISED):
            return None
        if masked and audience != "facilitator":
            return {"type": "masked"}
        body = as_logged(ev)
        del body["participant"]
        return body

    def own(self, wall: Wall, participant: str) -> list[str]:
        return list(wall.by_person.get(participant, []))

    def touches(self, ev: e.Event) -> Touch | None:
        if not isinstance(ev, _ANONYMISED):
            return None
        # acted_for: a person in the room's dots go back to the facilitator who placed them
        # (``proxy_dots``, sent with the section's progress; the wall shows none of its own).
        return Touch(own=ev.participant, progress=[(ev.board, ev.section)], acted_for=ev.participant)

    def remove_person(self, board_id: str, board: BoardState, section: WallSection, participant: str,
                      person: Participant) -> list[e.Event]:
        return [self.dot_event(board=board_id, section=section.id, item=i, add=False, participant=participant)
                for i in self.content(board)[section.id].by_person.get(participant, [])]

    def time_up(self, board_id: str, board: BoardState, section: WallSection, reveal: bool) -> list[e.Event]:
        wall = self.content(board)[section.id]
        return [_visibility(board_id, section.id, wall, False, self.visibility_event)] if reveal and wall.hidden else []

    def summarise(self, state: SessionState, board: BoardState, section: WallSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        wall = self.content(board)[section.id]
        withheld = wall.hidden and audience != "facilitator"
        top = set() if withheld else set(most_dotted(wall))
        return {"id": section.id, "title": label(section.title), "per_person": section.per_person,
                "withheld": withheld,
                "items": [{"id": i.id, "text": i.text, "hidden": i.hidden, "most": i.id in top,
                           "dots": 0 if withheld else wall.counts.get(i.id, 0), **_sketch(i)}
                          for i in wall.items.values() if audience == "facilitator" or not i.hidden]}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for i in section["items"]:
            image = i.get("image")
            files[FILE].append([board_id, section["id"], i["id"], i["text"], i["dots"],
                                "ja" if i["most"] else "nee", "ja" if i["hidden"] else "nee",
                                i.get("type", "text"), i.get("prompt", ""), f"{image['hash']}.jpg" if image else ""])
