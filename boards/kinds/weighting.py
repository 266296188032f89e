"""Weighting ("Gewichten plakken aan de thema's", shared/seeds/002): people propose candidate
themes, then put dots on them with a budget each. It is the wall (boards/kinds/wall.py) with the
rules of a choice: several dots on one theme or one each (``several``), the dots hidden until the
reveal and none moved after it (hide again to vote anew), the ``top`` themes marked, themes merged
by the facilitator, and each person's own order of the themes (``shuffle``, :func:`order`).
Who put a dot where never leaves the server (the wall's frames)."""

from __future__ import annotations

from typing import Any

import msgspec

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, proxy_person, require, require_member
from boards.kinds.base import Audience, SummaryAudience
from boards.kinds.wall import WallKind
from boards.kinds.words import normalise
from boards.state import BoardState, SessionState, Theme, Weighting
from boards.template import WeightingSection

FILE = "weighting.csv"


def order(participant: str, items: list[str]) -> list[str]:
    """The order ``participant`` sees the themes in when the section shuffles: by a hash of the
    person and the theme, so a reload (or another screen of theirs) keeps it and a new theme
    takes its own place. The client has the same rule (client/board/kinds/weighting-rules.js)."""
    return sorted(items, key=lambda i: (_fnv1a(f"{participant}/{i}"), i))


def _fnv1a(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def top(content: Weighting, n: int) -> list[str]:
    """The ``n`` shown themes with the most dots, more when tied at the last place; none without
    dots. In theme order. The client marks the same (weighting-rules.js)."""
    counts = sorted((content.counts.get(i, 0) for i, t in content.items.items() if not t.hidden), reverse=True)
    counts = [k for k in counts if k > 0]
    if not counts or n <= 0:
        return []
    least = counts[min(n, len(counts)) - 1]
    return [i for i, t in content.items.items() if not t.hidden and content.counts.get(i, 0) >= least]


def _place(board: BoardState, cmd: Any) -> tuple[WeightingSection, Weighting]:
    section: WeightingSection = find_section(board, cmd.section, WeightingSection)
    return section, board.weightings[section.id]


def _theme(content: Weighting, item_id: str, shown: bool = True) -> Theme:
    theme = content.items.get(item_id)
    if theme is None or (shown and theme.hidden):
        raise DomainError(ErrorCode.NOT_FOUND, f"no theme {item_id!r} here")
    return theme


def propose(state: SessionState, actor: Actor, cmd: c.ProposeTheme, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    section, content = _place(board, cmd)
    if actor.role == "participant" and not section.propose:
        raise DomainError(ErrorCode.FORBIDDEN, "the facilitator proposes the themes here")
    text = " ".join(cmd.text.split())
    if not text:
        raise DomainError(ErrorCode.EMPTY_ANSWER, "a theme needs text")
    check_len(text, section.max_len, "the theme")
    if len(content.items) >= section.max_items:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {section.max_items} themes")
    if actor.role == "participant" and sum(t.author == actor.author_id for t in content.items.values()) \
            >= section.themes_per_person:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {section.themes_per_person} themes each")
    same = normalise(text) or text.casefold()
    if any(not t.hidden and (normalise(t.text) or t.text.casefold()) == same for t in content.items.values()):
        raise DomainError(ErrorCode.DUPLICATE_ANSWER, "that theme is there already")
    theme = Theme(id=ctx.new_id(), text=text, author=actor.author_id)
    return [e.ThemeSaved(board=cmd.board, section=cmd.section, item=theme)]


def hide(state: SessionState, actor: Actor, cmd: c.HideTheme, ctx: Context):
    require(actor, "facilitator")
    _section, content = _place(find_board(state, cmd.board), cmd)
    theme = _theme(content, cmd.item, shown=False)
    if theme.hidden == cmd.hidden or theme.merged_into:
        return []
    return [e.ThemeSaved(board=cmd.board, section=cmd.section, item=msgspec.structs.replace(theme, hidden=cmd.hidden))]


def merge(state: SessionState, actor: Actor, cmd: c.MergeTheme, ctx: Context):
    """The theme goes (hidden, pointing at its target) and the target counts one more merged."""
    require(actor, "facilitator")
    _section, content = _place(find_board(state, cmd.board), cmd)
    theme, into = _theme(content, cmd.item), _theme(content, cmd.into)
    if theme.id == into.id:
        raise DomainError(ErrorCode.INVALID, "a theme cannot be merged into itself")
    if content.counts.get(theme.id):
        raise DomainError(ErrorCode.INVALID, "that theme has dots; merge before the dots are placed")
    gone = msgspec.structs.replace(theme, hidden=True, merged_into=into.id)
    grown = msgspec.structs.replace(into, merged=into.merged + 1 + theme.merged)
    return [e.ThemeSaved(board=cmd.board, section=cmd.section, item=gone),
            e.ThemeSaved(board=cmd.board, section=cmd.section, item=grown)]


def weigh(state: SessionState, actor: Actor, cmd: c.WeighTheme, ctx: Context):
    pid, _person = proxy_person(state, actor, cmd.proxy)
    section, content = _place(find_board(state, cmd.board), cmd)
    _theme(content, cmd.item, shown=cmd.add)
    if content.revealed:
        raise DomainError(ErrorCode.ALREADY_REVEALED, "the dots are revealed; the facilitator can hide them to vote anew")
    mine = content.by_person.get(pid, [])
    if not cmd.add:
        if cmd.item not in mine:
            raise DomainError(ErrorCode.NO_SUCH_DOT, "you have no dot on that theme")
    elif len(mine) >= section.per_person:
        raise DomainError(ErrorCode.BUDGET_EXHAUSTED, f"all {section.per_person} dots are placed; take one back first")
    elif not section.several and cmd.item in mine:
        raise DomainError(ErrorCode.DUPLICATE_DOT, "one dot per theme here")
    return [e.ThemeWeighed(board=cmd.board, section=cmd.section, item=cmd.item, add=cmd.add, participant=pid)]


class WeightingKind(WallKind):
    name = "weighting"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = WeightingSection
    slot = "weightings"
    summary_key = "weightings"
    handlers = {c.ProposeTheme: propose, c.HideTheme: hide, c.MergeTheme: merge, c.WeighTheme: weigh}
    permissions = {c.ProposeTheme: "propose", c.WeighTheme: "weigh"}
    events = (e.ThemeSaved, e.ThemeWeighed, e.WeightingVisibilitySet)
    export_files = {FILE: ["board", "section", "item", "text", "dots", "top", "hidden", "merged_into"]}
    dot_event = e.ThemeWeighed
    visibility_event = e.WeightingVisibilitySet

    def empty(self, section: WeightingSection) -> Weighting:
        return Weighting(hidden=section.hidden)

    def apply(self, board: BoardState, ev: e.Event) -> None:
        super().apply(board, ev)
        if isinstance(ev, e.WeightingVisibilitySet):
            board.weightings[ev.section].revealed = not ev.hidden

    def set_hidden(self, board_id: str, board: BoardState, section: Any, hidden: bool) -> list[e.Event]:
        content = board.weightings[section.id]
        if content.hidden == hidden:
            return []
        return [e.WeightingVisibilitySet(board=board_id, section=section.id, hidden=hidden,
                                         counts=None if hidden else dict(content.counts))]

    def view(self, content: Weighting, audience: Audience) -> dict[str, Any]:
        return {**super().view(content, audience), "revealed": content.revealed}

    def summarise(self, state: SessionState, board: BoardState, section: WeightingSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        out = super().summarise(state, board, section, audience)
        content = board.weightings[section.id]
        chosen = set() if out["withheld"] else set(top(content, section.top))
        for item in out["items"]:
            del item["most"]
            item["top"] = item["id"] in chosen
            item["merged_into"] = content.items[item["id"]].merged_into
        out["items"].sort(key=lambda i: -i["dots"])
        out["top"] = section.top
        return out

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        yes = {True: "ja", False: "nee"}  # as every kind's CSV, in either language
        files[FILE] += [[board_id, section["id"], i["id"], i["text"], i["dots"], yes[i["top"]], yes[i["hidden"]],
                         i["merged_into"]] for i in section["items"]]
