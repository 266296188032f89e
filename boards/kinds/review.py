"""The actions under review (kind ``actions_review``): a learning network's open actions, each marked
by the group, live: done ("klaar"), still open ("open") or dropped ("vervallen"). A session of a
network can open with them as its first step (template ``actiepunten``); the marks go back to the
network when the facilitator confirms the session's contribution.
"""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require, require_member
from boards.kinds.base import Kind, SummaryAudience, label, label_text
from boards.network import model as m
from boards.state import BoardState, ReviewItem, SessionState
from boards.template import ReviewSection

FILE = "actions_review.csv"
MARKS = ("", "klaar", "open", "vervallen")


def seed_review(state: SessionState, actor: Actor, cmd: c.SeedReview, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    section = find_section(board, cmd.section, ReviewSection)
    if len(cmd.items) > section.max_items:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {section.max_items} actions to review")
    if len({i.id for i in cmd.items}) != len(cmd.items):
        raise DomainError(ErrorCode.INVALID, "every action needs its own id")
    for item in cmd.items:
        check_len(item.text, 2000, "an action")
    return [e.ReviewSeeded(board=cmd.board, section=cmd.section,
                           items=[ReviewItem(id=i.id, text=i.text, owner=i.owner) for i in cmd.items])]


def mark_review(state: SessionState, actor: Actor, cmd: c.MarkReview, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    find_section(board, cmd.section, ReviewSection)
    item = next((i for i in board.reviews[cmd.section] if i.id == cmd.item), None)
    if item is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no action {cmd.item!r} under review")
    if item.mark == cmd.mark:
        return []
    return [e.ReviewMarked(board=cmd.board, section=cmd.section, item=cmd.item, mark=cmd.mark)]


class Review(Kind):
    name = "actions_review"
    spec = ReviewSection
    slot = "reviews"
    summary_key = "reviews"
    handlers = {c.SeedReview: seed_review, c.MarkReview: mark_review}
    permissions = {c.MarkReview: "review"}
    events = (e.ReviewSeeded, e.ReviewMarked)
    export_files = {FILE: ["board", "section", "action", "owner", "mark"]}
    always_listed = False  # only on boards that review actions: older sessions' views stay as they were

    def empty(self, section: ReviewSection) -> list[ReviewItem]:
        return []

    def apply(self, board: BoardState, ev: e.ReviewSeeded | e.ReviewMarked) -> None:
        if isinstance(ev, e.ReviewSeeded):
            board.reviews[ev.section] = list(ev.items)
        else:
            for item in board.reviews[ev.section]:
                if item.id == ev.item:
                    item.mark = ev.mark

    def summarise(self, state: SessionState, board: BoardState, section: ReviewSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        return {"id": section.id, "title": label(section.title), "prompt": label(section.prompt),
                "items": [{"id": i.id, "text": i.text, "owner": i.owner, "mark": i.mark}
                          for i in board.reviews.get(section.id, [])]}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for i in section["items"]:
            files[FILE].append([board_id, section["id"], i["text"], i["owner"], i["mark"]])

    # --- a learning network: it takes the open actions, it gives their new status -------------

    def network_takes(self, section: ReviewSection, link: Any, network: m.NetworkState) -> list[dict[str, str]]:
        if link.gives != "actions":
            return []
        open_ = [a for a in network.actions.values() if a.status in ("open", "bezig")]
        return [{"id": a.id, "text": a.text, "owner": a.owner} for a in open_[:section.max_items]]

    def network_opening(self, board_id: str, section: ReviewSection, taken: Any) -> list[c.Command]:
        return [c.SeedReview(board=board_id, section=section.id,
                             items=[c.ReviewSeed(**item) for item in taken])] if taken else []

    def network_gives(self, summarised: dict[str, Any], link: Any) -> list[m.AnyItem]:
        if link.gives != "actions":
            return []
        return [m.ActionStatusItem(key=f"review:{i['id']}", action=i["id"], status=i["mark"])
                for i in summarised["items"] if i["mark"]]


__all__ = ["Review", "MARKS", "label_text"]
