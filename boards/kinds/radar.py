"""Radar: every participant places one dot per pillar on one of five rings, from the core
("sterk": the pillar stands firmly) to the outer ring ("zwak"); a phone's tap on a ring and a
laptop's drag store the same ring. Placing the dot again moves it: a person never has two on a
pillar. Hidden until the reveal, which brings every dot, anonymous (ring and group), and the
numbers of :mod:`boards.kinds.radar_reading`.

Anonymity as for dots: the log knows whose dot is where; others get masked frames while hidden
and then dots without a person; a participant gets their own rings (``you``).
"""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, find_section, proxy_person
from boards.kinds import ballot
from boards.kinds.base import Audience, SummaryAudience, label, label_text
from boards.kinds.radar_reading import read
from boards.network import sections as network
from boards.state import BoardState, Participant, RadarVote, SessionState
from boards.template import RadarSection

def dots(vote: RadarVote) -> dict[str, list[list[Any]]]:
    """Every dot per pillar as [ring, group], sorted: in no person's order."""
    out: dict[str, list[list[Any]]] = {}
    for pid, rings in vote.rings.items():
        for pillar, ring in rings.items():
            out.setdefault(pillar, []).append([ring, vote.groups[pid]])
    return {p: sorted(out[p]) for p in vote.pillars if p in out}


def _pillar(state: SessionState, board_id: str, section_id: str, pillar: str):
    board = find_board(state, board_id)
    section: RadarSection = find_section(board, section_id, RadarSection)
    if not any(p.id == pillar for p in section.pillars):
        raise DomainError(ErrorCode.NOT_FOUND, f"no pillar {pillar!r} on this radar")
    vote = board.radars[section.id]
    ballot.require_open(vote.hidden)
    return vote


def place_radar_dot(state: SessionState, actor: Actor, cmd: c.PlaceRadarDot, ctx: Context):
    pid, person = proxy_person(state, actor, cmd.proxy)
    vote = _pillar(state, cmd.board, cmd.section, cmd.pillar)
    before = vote.rings.get(pid, {}).get(cmd.pillar)
    if before == cmd.ring:
        return []
    return [e.RadarDotPlaced(board=cmd.board, section=cmd.section, pillar=cmd.pillar, ring=cmd.ring, before=before,
                             participant=pid, group=person.group)]


def remove_radar_dot(state: SessionState, actor: Actor, cmd: c.RemoveRadarDot, ctx: Context):
    pid, person = proxy_person(state, actor, cmd.proxy)
    vote = _pillar(state, cmd.board, cmd.section, cmd.pillar)
    ring = vote.rings.get(pid, {}).get(cmd.pillar)
    if ring is None:
        raise DomainError(ErrorCode.NO_SUCH_DOT, "you have no dot on that pillar")
    return [e.RadarDotRemoved(board=cmd.board, section=cmd.section, pillar=cmd.pillar, ring=ring,
                              participant=pid, group=person.group)]


class Radar(ballot.Ballot):
    name = "radar"
    network_gives = network.radar_gives  # its medians per pillar, to a learning network at the close
    spec = RadarSection
    slot = "radars"
    always_listed = False
    summary_key = "radars"
    handlers = {c.PlaceRadarDot: place_radar_dot, c.RemoveRadarDot: remove_radar_dot}
    permissions = {c.PlaceRadarDot: "radar", c.RemoveRadarDot: "radar"}
    events = (e.RadarDotPlaced, e.RadarDotRemoved, e.RadarVisibilitySet)
    marks_events = (e.RadarDotPlaced, e.RadarDotRemoved)
    export_files = {"radar.csv": ["board", "section", "pillar", "pillar_label", "group", "ring_1", "ring_2", "ring_3",
                                  "ring_4", "ring_5", "n", "median", "spread", "mark", "reading"]}

    def empty(self, section: RadarSection) -> RadarVote:
        return RadarVote(pillars=[p.id for p in section.pillars])

    def apply(self, board: BoardState, ev: e.Event) -> None:
        vote = board.radars[ev.section]
        match ev:
            case e.RadarDotPlaced():
                vote.rings.setdefault(ev.participant, {})[ev.pillar] = ev.ring
                vote.groups[ev.participant] = ev.group
            case e.RadarDotRemoved():
                mine = vote.rings[ev.participant]
                del mine[ev.pillar]
                if not mine:
                    del vote.rings[ev.participant]
                    del vote.groups[ev.participant]
            case e.RadarVisibilitySet():
                vote.hidden = ev.hidden

    # --- the secret vote (ballot.Ballot): a person's ring per pillar, a dot on every pillar to be done

    def visibility(self, board_id: str, section_id: str, vote: RadarVote, hidden: bool) -> e.RadarVisibilitySet:
        return e.RadarVisibilitySet(board=board_id, section=section_id, hidden=hidden,
                                    dots=None if hidden else {p: [(r, g) for r, g in d] for p, d in dots(vote).items()})

    def marks(self, vote: RadarVote) -> dict[str, dict[str, int]]:
        return vote.rings

    def to_finish(self, section: RadarSection) -> int:
        return len(section.pillars)

    def view(self, vote: RadarVote, audience: Audience) -> dict[str, Any]:
        shown = {} if ballot.withheld(vote, audience) else dots(vote)
        return {"hidden": vote.hidden, "dots": shown, **read(vote.pillars, shown)}

    def remove_person(self, board_id: str, board: BoardState, section: RadarSection, participant: str,
                      person: Participant) -> list[e.Event]:
        return [e.RadarDotRemoved(board=board_id, section=section.id, pillar=p, ring=r, participant=participant,
                                  group=person.group)
                for p, r in board.radars[section.id].rings.get(participant, {}).items()]

    def summarise(self, state: SessionState, board: BoardState, section: RadarSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """Per pillar its dots (ring and group, never who), median and spread; the reading."""
        vote = board.radars[section.id]
        withheld = ballot.withheld(vote, audience)
        shown = {} if withheld else dots(vote)
        numbers = read(vote.pillars, shown)
        return {
            "id": section.id, "title": label(section.title), "prompt": label(section.prompt), "rings": section.rings,
            "hidden": vote.hidden, "withheld": withheld, "reading": numbers["reading"],
            "pillars": [{"id": p.id, "label": label(p.label), "hint": label(p.hint), "dots": shown.get(p.id, []),
                         **numbers["stats"].get(p.id, {"n": 0, "median": None, "spread": None}),
                         "weakest": p.id in numbers["weakest"], "disputed": p.id in numbers["disputed"]}
                        for p in section.pillars],
        }

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for p in section["pillars"]:
            mark = " ".join(m for m in ("weakest", "disputed") if p[m])
            for g in dict.fromkeys(group for _ring, group in p["dots"]):
                rings = [sum(1 for r, gg in p["dots"] if gg == g and r == n) for n in range(1, 6)]
                files["radar.csv"].append([
                    board_id, section["id"], p["id"], label_text(p["label"], lang),
                    label_text(groups[g]["label"], lang) if g in groups else g, *rings, p["n"], p["median"],
                    p["spread"], mark, section["reading"] or ""])
