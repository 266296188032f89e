"""Sketch sections (card 1, steps 0 "Warming up" and 1 "Elevator pitch"): each person makes a
sketch per prompt, drawn on their device (``add_sketch``: strokes, boards/kinds/strokes.py) or
photographed on paper (``add_photo``: sent by the server's upload endpoint once the image is
checked and stored, server/images_http.py; never by a client). A sketch lands on the section's
wall as a :class:`WallItem` (``wall_item_saved``, folded by the wall kind): the section keeps
nothing of its own, and the wall's rules (dots, hiding, the most-dotted) cover sketches as they
cover text. The photo itself is never in the state: the item holds its content hash and size."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, find_section, require_participant
from boards.kinds.base import Kind, SummaryAudience, label
from boards.kinds.strokes import check_strokes
from boards.state import BoardState, SessionState, Sketches, WallImage, WallItem
from boards.template import SketchSection, WallSection


def _place(state: SessionState, actor: Actor, cmd: c.AddSketch | c.AddPhoto) -> tuple[SketchSection, WallSection]:
    """The checks shared by a drawing and a photo: who, where, which prompt, how many."""
    require_participant(state, actor)
    board = find_board(state, cmd.board)
    section: SketchSection = find_section(board, cmd.section, SketchSection)
    if cmd.prompt not in {p.id for p in section.prompts}:
        raise DomainError(ErrorCode.NOT_FOUND, f"no prompt {cmd.prompt!r} in this section")
    wall_spec: WallSection = find_section(board, section.wall, WallSection)
    wall = board.walls[wall_spec.id]
    if len(wall.items) >= wall_spec.max_items:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {wall_spec.max_items} items on the wall")
    mine = sum(1 for i in wall.items.values() if i.author == actor.author_id and i.prompt == cmd.prompt)
    if mine >= section.per_prompt:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {section.per_prompt} sketches each for this prompt")
    return section, wall_spec


def add_sketch(state: SessionState, actor: Actor, cmd: c.AddSketch, ctx: Context):
    _, wall_spec = _place(state, actor, cmd)
    check_strokes(cmd.strokes)
    item = WallItem(id=ctx.new_id(), text="", author=actor.author_id, prompt=cmd.prompt,
                    strokes=[list(s) for s in cmd.strokes])
    return [e.WallItemSaved(board=cmd.board, section=wall_spec.id, item=item)]


def add_photo(state: SessionState, actor: Actor, cmd: c.AddPhoto, ctx: Context):
    _, wall_spec = _place(state, actor, cmd)
    item = WallItem(id=ctx.new_id(), text="", author=actor.author_id, prompt=cmd.prompt,
                    image=WallImage(hash=cmd.image, w=cmd.w, h=cmd.h))
    return [e.WallItemSaved(board=cmd.board, section=wall_spec.id, item=item)]


class SketchKind(Kind):
    name = "sketch"
    always_listed = False
    spec = SketchSection
    slot = "sketches"
    summary_key = "sketches"
    handlers = {c.AddSketch: add_sketch, c.AddPhoto: add_photo}
    permissions = {c.AddSketch: "sketch", c.AddPhoto: "sketch"}
    events = ()  # its sketches are the wall's events

    def empty(self, section: SketchSection) -> Sketches:
        return Sketches()

    def apply(self, board: BoardState, ev: e.Event) -> None:  # pragma: no cover - it folds nothing
        raise NotImplementedError

    def view(self, content: Sketches, audience) -> dict[str, Any]:
        return {}

    def summarise(self, state: SessionState, board: BoardState, section: SketchSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        """Where its sketches went (the wall's summary has them, with their dots)."""
        return {"id": section.id, "title": label(section.title), "wall": section.wall,
                "prompts": [{"id": p.id, "label": label(p.label)} for p in section.prompts]}
