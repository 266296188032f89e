"""The result of a session: what a facilitator sends to the group afterwards. Pure, no I/O.

``summarise`` turns a session's state into plain data (JSON-ready) for the summary page,
the PDF and the exports. It reads only what the group may see of the result:

- dots as counts and shares per option per group (never who placed which dot);
- post-its as text and owner ("wie"), never the author's id;
- stakeholders without who wrote, moved or hid them;
- check-out answers as ratings and sentences, without names, in no particular person's order
  (sorted), for the facilitator too: the summary is the document that is sent round.

No participant token, secret or per-person placement is in the state this reads, and none of
the person-level fields of the state (``by_person``, ``author``, ``hidden_by``, participants'
names) is copied into the result.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from boards import kinds
from boards.kinds.base import label as _label
from boards.kinds.stakeholders import quadrant
from boards.state import BoardState, SessionState, session_groups

__all__ = ["FORMAT", "VERSION", "quadrant", "section_order", "summarise", "to_json"]

Audience = Literal["facilitator", "shared"]

FORMAT = "samenspel.summary"
VERSION = 1


def _board(state: SessionState, board_id: str, board: BoardState, audience: Audience) -> dict[str, Any]:
    """A board's sections, each summarised by its kind into its kind's list."""
    spec = board.spec
    out: dict[str, Any] = {"id": board_id, "template": spec.id, "title": _label(spec.title)}
    for kind in kinds.KINDS:
        if kinds.listed(kind, spec):
            out[kind.summary_key] = []
    for section in spec.sections:
        kind = kinds.kind_of(section)
        out[kind.summary_key].append(kind.summarise(state, board, section, audience))
    for kind in kinds.KINDS:
        kind.finish_summary(out)
    return out


def _checkout(state: SessionState) -> dict[str, Any]:
    answers = list(state.checkouts.values())
    ratings = {str(r): 0 for r in range(1, 6)}
    for a in answers:
        ratings[str(a.rating)] = ratings.get(str(a.rating), 0) + 1
    count = len(answers)
    # Highest rating first, then text (A-Z): in nobody's order, so an answer cannot be matched to
    # who joined when. Every answer, a rating without a sentence too (text ""): exports lose nothing.
    every = sorted(({"rating": a.rating, "text": a.text.strip()} for a in answers),
                   key=lambda a: (-a["rating"], a["text"]))
    return {"count": count, "average": round(sum(a.rating for a in answers) / count, 2) if count else None,
            "ratings": ratings, "answers": every, "texts": [a for a in every if a["text"]]}


def _run_sheet(state: SessionState) -> list[dict[str, Any]]:
    """The steps as they were run: when each was chosen and how long it lasted (ms)."""
    out = []
    log = state.step_log
    for i, visit in enumerate(log):
        board = state.boards.get(visit.board)
        step = board.spec.step(visit.step) if board else None
        end = log[i + 1].at if i + 1 < len(log) else state.closed_at
        out.append({"board": visit.board, "step": visit.step,
                    "label": _label(step.label) if step else {"nl": visit.step, "en": visit.step},
                    "at": visit.at, "ms": (end - visit.at) if end is not None else None})
    return out


def summarise(state: SessionState, audience: Audience = "facilitator") -> dict[str, Any]:
    """The session's result as plain data. ``audience`` "shared" (the read-only link for the
    group) differs from the facilitator's in one thing: a dot section still hidden until the
    reveal shows no numbers."""
    groups = session_groups(state)
    people = [p for p in state.participants.values()]
    return {
        "format": FORMAT,
        "version": VERSION,
        "session": state.session,
        "title": state.title,
        "created_at": state.created_at,
        "closed_at": state.closed_at,
        "seq": state.seq,
        "groups": [
            {"id": g.id, "label": _label(g.label), "colour": g.colour, "letter": (g.label.nl[:1] or g.id[:1]).upper(),
             "participants": sum(1 for p in people if p.group == g.id)}
            for g in groups
        ],
        "participants": len(people),
        "boards": [_board(state, bid, board, audience) for bid, board in state.boards.items()],
        "checkout": _checkout(state),
        "steps": _run_sheet(state),
    }


def section_order(state: SessionState) -> dict[str, list[str]]:
    """Each board's section ids in its template's order (steps and sections as the template lists
    them): the summary lists sections by kind, the page shows them in this order. Sent beside the
    summary (``order``), not in it, so a kept log replays to the summary it gave (decision 55)."""
    return {board_id: [s.id for s in board.spec.sections] for board_id, board in state.boards.items()}


def to_json(summary: dict[str, Any]) -> bytes:
    return msgspec.json.encode(summary)
