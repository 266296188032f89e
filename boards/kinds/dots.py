"""Dot vote: everyone places up to ``per_person`` dots on a section's options; counts per group.

Anonymity lives here: the log knows who placed which dot, what leaves the server is counts per
option per group; a participant gets their own dots (``you``), and the facilitator those of the
people in the room they place dots for. A hidden section shows participants and the projector
neither counts nor dot events until the reveal, which carries the tally.
"""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.differ import compare, ranked
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, find_section, proxy_person, require
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch, as_logged, label, label_text
from boards.state import BoardState, DotVote, Participant, SessionState, session_groups
from boards.template import DotSection


def place_dot(state: SessionState, actor: Actor, cmd: c.PlaceDot, ctx: Context):
    pid, person = proxy_person(state, actor, cmd.proxy)
    board = find_board(state, cmd.board)
    section: DotSection = find_section(board, cmd.section, DotSection)
    if not any(o.id == cmd.option for o in section.options):
        raise DomainError(ErrorCode.NOT_FOUND, f"no option {cmd.option!r} in {section.id!r}")
    mine = board.dots[section.id].by_person.get(pid, [])
    if len(mine) >= section.per_person:
        raise DomainError(ErrorCode.BUDGET_EXHAUSTED,
                          f"all {section.per_person} dots of {section.id!r} are placed; take one back first")
    if section.distinct and cmd.option in mine:
        raise DomainError(ErrorCode.DUPLICATE_DOT, "your dots in this section go on different fields")
    return [e.DotPlaced(board=cmd.board, section=cmd.section, option=cmd.option,
                        participant=pid, group=person.group)]


def remove_dot(state: SessionState, actor: Actor, cmd: c.RemoveDot, ctx: Context):
    pid, person = proxy_person(state, actor, cmd.proxy)
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, DotSection)
    if cmd.option not in board.dots[cmd.section].by_person.get(pid, []):
        raise DomainError(ErrorCode.NO_SUCH_DOT, "you have no dot on that field")
    return [e.DotRemoved(board=cmd.board, section=cmd.section, option=cmd.option,
                         participant=pid, group=person.group)]


def _visibility(board_id: str, section_id: str, vote: DotVote, hidden: bool) -> e.VisibilitySet:
    counts = None if hidden else {o: dict(g) for o, g in vote.counts.items()}
    return e.VisibilitySet(board=board_id, section=section_id, hidden=hidden, counts=counts)


def finished_voting(state: SessionState, board_id: str, section: DotSection) -> list[str]:
    """Who has placed all their dots in ``section`` (participant ids, in join order)."""
    vote = state.boards[board_id].dots[section.id]
    return [pid for pid in state.participants if len(vote.by_person.get(pid, [])) >= section.per_person]


_ANONYMISED = (e.DotPlaced, e.DotRemoved)


class Dots(Kind):
    name = "dots"
    spec = DotSection
    slot = "dots"
    summary_key = "dots"
    handlers = {c.PlaceDot: place_dot, c.RemoveDot: remove_dot}
    permissions = {c.PlaceDot: "dots", c.RemoveDot: "dots"}
    events = (e.DotPlaced, e.DotRemoved, e.VisibilitySet)
    export_files = {"dots.csv": ["board", "section", "section_title", "option", "option_label", "group", "count",
                                 "share", "mark"]}

    def empty(self, section: DotSection) -> DotVote:
        return DotVote()

    def apply(self, board: BoardState, ev: e.Event) -> None:
        vote = board.dots[ev.section]
        match ev:
            case e.DotPlaced():
                vote.by_person.setdefault(ev.participant, []).append(ev.option)
                per_group = vote.counts.setdefault(ev.option, {})
                per_group[ev.group] = per_group.get(ev.group, 0) + 1
            case e.DotRemoved():
                mine = vote.by_person[ev.participant]
                mine.remove(ev.option)
                if not mine:
                    del vote.by_person[ev.participant]
                per_group = vote.counts[ev.option]
                per_group[ev.group] -= 1
                if per_group[ev.group] == 0:
                    del per_group[ev.group]
                if not per_group:
                    del vote.counts[ev.option]
            case e.VisibilitySet():
                vote.hidden = ev.hidden

    def set_hidden(self, board_id: str, board: BoardState, section: DotSection, hidden: bool) -> list[e.Event]:
        return [_visibility(board_id, section.id, board.dots[section.id], hidden)]

    def view(self, vote: DotVote, audience: Audience) -> dict[str, Any]:
        masked = vote.hidden and audience != "facilitator"
        return {"hidden": vote.hidden, "counts": {} if masked else vote.counts}

    def masked(self, board: BoardState, ev: e.Event) -> bool:
        return isinstance(ev, _ANONYMISED) and board.dots[ev.section].hidden

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        if not isinstance(ev, _ANONYMISED):
            return None
        if masked and audience != "facilitator":
            return {"type": "masked"}  # the sequence number flows on, so clients see no gap
        body = as_logged(ev)
        del body["participant"]
        return body

    def own(self, vote: DotVote, participant: str) -> list[str]:
        return list(vote.by_person.get(participant, []))

    def progress(self, state: SessionState, board_id: str, section: DotSection, audience: Audience) -> dict:
        """How many people of each group have placed all their dots; the facilitator also gets
        who (names are theirs to see, never where anyone's dots are)."""
        finished = finished_voting(state, board_id, section)
        done: dict[str, int] = {}
        for pid in finished:
            group = state.participants[pid].group
            done[group] = done.get(group, 0) + 1
        body: dict[str, Any] = {"board": board_id, "section": section.id, "done": done}
        if audience == "facilitator":
            body["finished"] = finished
        return body

    def touches(self, ev: e.Event) -> Touch | None:
        if isinstance(ev, _ANONYMISED):
            return Touch(own=ev.participant, progress=[(ev.board, ev.section)], acted_for=ev.participant)
        return None

    def remove_person(self, board_id: str, board: BoardState, section: DotSection, participant: str,
                      person: Participant) -> list[e.Event]:
        return [e.DotRemoved(board=board_id, section=section.id, option=option, participant=participant,
                             group=person.group)
                for option in board.dots[section.id].by_person.get(participant, [])]

    def time_up(self, board_id: str, board: BoardState, section: DotSection, reveal: bool) -> list[e.Event]:
        vote = board.dots[section.id]
        return [_visibility(board_id, section.id, vote, False)] if reveal and vote.hidden else []

    def summarise(self, state: SessionState, board: BoardState, section: DotSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """Counts and shares per option per group, never who placed which dot."""
        groups = session_groups(state)  # dots carry the group people joined with
        vote = board.dots[section.id]
        withheld = vote.hidden and audience != "facilitator"
        out: dict[str, Any] = {
            "id": section.id, "title": label(section.title), "prompt": label(section.prompt),
            "per_person": section.per_person, "hidden": vote.hidden, "withheld": withheld,
        }
        if withheld:
            # Still hidden until the reveal: the shared summary does not show what the room has not seen.
            out.update(totals={}, options=[], agree=[], differ=[])
            return out
        rows = compare(section, vote, groups)
        labels = {o.id: o for o in section.options}
        out["totals"] = {g.id: sum(r.counts[g.id] for r in rows) for g in groups}
        out["options"] = [
            {"id": r.option, "label": label(labels[r.option].label), "hint": label(labels[r.option].hint),
             "counts": r.counts, "shares": {g: round(s, 4) for g, s in r.shares.items()},
             "agreement": r.agreement, "gap": r.gap, "mark": r.mark}
            for r in rows
        ]
        order = ranked(rows)
        out["agree"] = [r["option"] for r in order["agree"]]
        out["differ"] = [r["option"] for r in order["differ"]]
        return out

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for o in section["options"]:
            for g, count in o["counts"].items():
                files["dots.csv"].append([
                    board_id, section["id"], label_text(section["title"], lang), o["id"], label_text(o["label"], lang),
                    label_text(groups[g]["label"], lang) if g in groups else g, count, o["shares"][g], o["mark"]])
