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

from boards.differ import compare, ranked
from boards.state import BoardState, SessionState, session_groups
from boards.template import (
    ChecklistSection,
    DotSection,
    Label,
    NoteSection,
    StakeholderSection,
    TextSection,
)

Audience = Literal["facilitator", "shared"]

FORMAT = "samenspel.summary"
VERSION = 1


def _label(label: Label) -> dict[str, str]:
    return {"nl": label.nl, "en": label.en}


def quadrant(influence: float | None, interest: float | None) -> int | None:
    """The matrix quadrant (index into the template's ``quadrants``): 0 high influence & high
    interest, 1 high influence & low interest, 2 low influence & high interest, 3 low & low;
    None while not on the matrix."""
    if influence is None or interest is None:
        return None
    high_influence = influence >= 0.5
    high_interest = interest >= 0.5
    if high_influence:
        return 0 if high_interest else 1
    return 2 if high_interest else 3


def _text_section(board: BoardState, section: TextSection) -> dict[str, Any]:
    texts = board.texts.get(section.id, {})
    return {
        "id": section.id, "title": _label(section.title),
        "fields": [{"id": f.id, "label": _label(f.label), "text": texts.get(f.id, "")} for f in section.fields],
    }


def _dot_section(state: SessionState, board: BoardState, section: DotSection, audience: Audience) -> dict[str, Any]:
    groups = session_groups(state)  # dots carry the group people joined with
    vote = board.dots[section.id]
    withheld = vote.hidden and audience != "facilitator"
    out: dict[str, Any] = {
        "id": section.id, "title": _label(section.title), "prompt": _label(section.prompt),
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
        {"id": r.option, "label": _label(labels[r.option].label), "hint": _label(labels[r.option].hint),
         "counts": r.counts, "shares": {g: round(s, 4) for g, s in r.shares.items()},
         "agreement": r.agreement, "gap": r.gap, "mark": r.mark}
        for r in rows
    ]
    order = ranked(rows)
    out["agree"] = [r["option"] for r in order["agree"]]
    out["differ"] = [r["option"] for r in order["differ"]]
    return out


def _note_section(board: BoardState, section: NoteSection) -> dict[str, Any]:
    notes = list(board.notes.get(section.id, {}).values())
    lanes = []
    for lane in section.lanes:
        items = [{"text": n.text, "owner": n.owner} if section.with_owner else {"text": n.text}
                 for n in notes if n.lane == lane.id]
        entry: dict[str, Any] = {"id": lane.id, "label": _label(lane.label), "items": items}
        if section.with_owner:
            # Samenspel's action lanes are "<side>-nodig" / "<side>-doen": the side is a group.
            side, _, kind = lane.id.rpartition("-")
            entry["side"] = side or None
            entry["kind"] = kind if side else None
        lanes.append(entry)
    return {"id": section.id, "title": _label(section.title), "prompt": _label(section.prompt),
            "kind": "actions" if section.with_owner else "insights", "lanes": lanes}


def _stakeholder_section(board: BoardState, section: StakeholderSection,
                         checklists: list[dict[str, Any]]) -> dict[str, Any]:
    items = list(board.stakeholders.get(section.id, {}).values())
    active = [s for s in items if s.relevant and not s.removed]
    kinds = {k.id: k for k in section.note_kinds}

    def item(s) -> dict[str, Any]:
        notes: dict[str, list[str]] = {k: [] for k in kinds}
        for note in s.notes.values():
            notes.setdefault(note.kind, []).append(note.text)
        return {
            "category": s.category, "names": s.names, "knowledge": list(s.knowledge),
            "assumption": s.assumption, "x": s.x, "y": s.y,
            "influence": s.influence, "interest": s.interest,
            "quadrant": quadrant(s.influence, s.interest), "notes": notes,
            "status": "active" if s.relevant and not s.removed else ("removed" if s.removed else "not_relevant"),
        }

    coverage = [
        {"id": k.id, "label": _label(k.label), "count": sum(1 for s in active if k.id in s.knowledge)}
        for k in section.knowledge
    ]
    for c in coverage:
        c["covered"] = c["count"] > 0
    return {
        "id": section.id, "title": _label(section.title),
        "quadrants": [_label(q) for q in section.quadrants],
        "note_kinds": [{"id": k.id, "label": _label(k.label)} for k in section.note_kinds],
        "knowledge": [{"id": k.id, "label": _label(k.label)} for k in section.knowledge],
        "categories": len({s.category.strip().casefold() for s in active}),
        "items": [item(s) for s in active],
        "set_aside": [item(s) for s in items if not (s.relevant and not s.removed)],
        "coverage": coverage,
        "open_assumptions": [s.category for s in active if s.assumption],
        "checklists": checklists,
    }


def _checklist(board: BoardState, section: ChecklistSection) -> dict[str, Any]:
    checks = board.checks.get(section.id, {})
    return {"id": section.id, "title": _label(section.title),
            "items": [{"id": i.id, "label": _label(i.label), "checked": bool(checks.get(i.id)),
                       "open_mark": _label(i.open_mark) if i.open_mark else None}
                      for i in section.items]}


def _board(state: SessionState, board_id: str, board: BoardState, audience: Audience) -> dict[str, Any]:
    spec = board.spec
    out: dict[str, Any] = {"id": board_id, "template": spec.id, "title": _label(spec.title),
                           "texts": [], "dots": [], "notes": [], "stakeholders": [], "checklists": []}
    checklists = [_checklist(board, s) for s in spec.sections if isinstance(s, ChecklistSection)]
    for section in spec.sections:
        if isinstance(section, TextSection):
            out["texts"].append(_text_section(board, section))
        elif isinstance(section, DotSection):
            out["dots"].append(_dot_section(state, board, section, audience))
        elif isinstance(section, NoteSection):
            out["notes"].append(_note_section(board, section))
        elif isinstance(section, StakeholderSection):
            out["stakeholders"].append(_stakeholder_section(board, section, checklists))
    if not out["stakeholders"]:
        out["checklists"] = checklists
    return out


def _checkout(state: SessionState) -> dict[str, Any]:
    answers = list(state.checkouts.values())
    ratings = {str(r): 0 for r in range(1, 6)}
    for a in answers:
        ratings[str(a.rating)] = ratings.get(str(a.rating), 0) + 1
    count = len(answers)
    # Sorted by rating, then text: in nobody's order, so a sentence cannot be matched to who joined when.
    texts = sorted(({"rating": a.rating, "text": a.text} for a in answers if a.text.strip()),
                   key=lambda a: (-a["rating"], a["text"]))
    return {"count": count, "average": round(sum(a.rating for a in answers) / count, 2) if count else None,
            "ratings": ratings, "texts": texts}


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


def to_json(summary: dict[str, Any]) -> bytes:
    return msgspec.json.encode(summary)
