"""A new block's activity: the section of a registered kind that ``add_block`` creates from a
title, a prompt and a few items, and what participants may do in it.

Only kinds that make sense from so little are offered (docs/protocol.md, ``add_block``); richer
sections (a stakeholder map, a decision tree) come from a template file.
"""

from __future__ import annotations

from boards.errors import DomainError, ErrorCode
from boards.template import (AgreementsSection, DotSection, Label, Lane, NoteSection, OpenQuestionSection, Option,
                             Permission, Section, StandSection, Statement, StatementsSection, TextField, TextSection,
                             WeightingSection, WordCloudSection)

# activity -> what a step with it lets participants do
ALLOWS: dict[str, tuple[Permission, ...]] = {
    "wordcloud": ("answer",), "open": ("answer",), "statements": ("answer",), "stand": ("answer",),
    "notes": ("notes",), "dots": ("dots",), "text": (),
    # the Utrecht guide's "gewichten plakken" (people propose themes, then weigh them), the kick-off's
    # values contract (the items are the values the facilitator starts it with) and check-out round
    "weighting": ("propose", "weigh"), "agreements": ("agree",), "checkout": ("answer",),
}
NEEDS_ITEMS = {"statements", "stand", "dots"}  # at least two items; notes: its lanes (default one)


def _label(text: str) -> Label:
    """What the facilitator types is the block's text in both languages (docs/decisions.md)."""
    return Label(text, text)


def make_section(activity: str, section_id: str, step_id: str, title: str, prompt: str,
                 items: list[str]) -> Section:
    """The section of ``activity`` for a new block. Items get ids ``i1``, ``i2``, … in order."""
    items = [i.strip() for i in items if i.strip()]
    if activity in NEEDS_ITEMS and len(items) < 2:
        raise DomainError(ErrorCode.INVALID, f"a {activity} activity needs at least two items")
    head = {"id": section_id, "title": _label(title), "step": step_id}
    ask = _label(prompt or title)
    numbered = [(f"i{n}", _label(text)) for n, text in enumerate(items, 1)]
    match activity:
        case "wordcloud":
            return WordCloudSection(prompt=ask, **head)
        case "open":
            return OpenQuestionSection(prompt=ask, **head)
        case "statements":
            return StatementsSection(prompt=ask, statements=tuple(Statement(i, lab) for i, lab in numbered), **head)
        case "stand":
            return StandSection(prompt=ask, segments=tuple(Statement(i, lab) for i, lab in numbered), shape="scale",
                                **head)
        case "dots":
            return DotSection(prompt=ask, options=tuple(Option(i, lab, Label("", "")) for i, lab in numbered),
                              per_person=min(3, len(numbered)), **head)
        case "notes":
            lanes = tuple(Lane(i, lab) for i, lab in numbered) or (Lane("i1", _label("Post-its")),)
            return NoteSection(prompt=ask, lanes=lanes, **head)
        case "text":
            return TextSection(fields=(TextField("tekst", ask, max_len=1200),), **head)
        case "weighting":
            return WeightingSection(prompt=ask, **head)
        case "agreements":
            return AgreementsSection(prompt=ask, items=tuple(Statement(i, lab) for i, lab in numbered), **head)
        case "checkout":  # one word each, and "herken ik" on others' words
            return WordCloudSection(prompt=ask, per_person=1, recognise=True, **head)
    raise DomainError(ErrorCode.INVALID, f"no activity {activity!r}")
