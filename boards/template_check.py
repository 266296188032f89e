"""What makes a well-formed template beyond its types: ids that commands can carry, no duplicate
ids, steps and sections that name each other, the caps of the run sheet. Used on every template
file before it reaches a session (boards/template_file.py) and by the engine on ``create_session``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import msgspec

from boards.runsheet import MAX_BLOCKS, MAX_SECTIONS
from boards.template import Template, TreeSection

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong: ``path`` in the file (``template.steps[2].sections``), what, and the line
    (filled in by boards/template_file.py when the file's text is known)."""

    path: str
    message: str
    line: int | None = None

    def text(self) -> str:
        where = f"line {self.line}, " if self.line else ""
        return f"{where}{self.path}: {self.message}"


def problems(t: Template) -> list[Problem]:
    out: list[Problem] = []
    root = "template"

    def ids(items, path: str, what: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if not _ID.match(item.id):
                out.append(Problem(f"{path}[{i}].id", f"{what} id {item.id!r} must be 1-64 letters, digits, _ or -"))
            elif item.id in seen:
                out.append(Problem(f"{path}[{i}].id", f"duplicate {what} id {item.id!r}"))
            seen.add(item.id)
        return seen

    if not _ID.match(t.id):
        out.append(Problem(f"{root}.id", f"template id {t.id!r} must be 1-64 letters, digits, _ or -"))
    if not t.steps:
        out.append(Problem(f"{root}.steps", "a template needs at least one step (block)"))
    if len(t.steps) > MAX_BLOCKS:
        out.append(Problem(f"{root}.steps", f"{len(t.steps)} steps; at most {MAX_BLOCKS}"))
    if len(t.sections) > MAX_SECTIONS:
        out.append(Problem(f"{root}.sections", f"{len(t.sections)} sections; at most {MAX_SECTIONS}"))
    ids(t.groups, f"{root}.groups", "group")
    step_ids = ids(t.steps, f"{root}.steps", "step")
    section_ids = ids(t.sections, f"{root}.sections", "section")
    for i, step in enumerate(t.steps):
        if not 1 <= step.minutes <= 240:
            out.append(Problem(f"{root}.steps[{i}].minutes", f"{step.minutes} minutes; a step has 1 to 240"))
        for name in step.sections:
            if name not in section_ids:
                out.append(Problem(f"{root}.steps[{i}].sections", f"names section {name!r}, which the template lacks"))
    for i, section in enumerate(t.sections):
        path = f"{root}.sections[{i}]"
        if section.step is not None and section.step not in step_ids:
            out.append(Problem(f"{path}.step", f"names step {section.step!r}, which the template lacks"))
        for field in section.__struct_fields__:  # options, lanes, statements, rings, …: unique ids each
            value = getattr(section, field)
            if isinstance(value, tuple) and value and isinstance(value[0], msgspec.Struct) and hasattr(value[0], "id"):
                ids(value, f"{path}.{field}", field.rstrip("s"))
        if isinstance(section, TreeSection):
            targets = {q.id for q in section.questions} | {o.id for o in section.outcomes}
            if section.start not in targets:
                out.append(Problem(f"{path}.start", f"names {section.start!r}, no question of the tree"))
            for j, q in enumerate(section.questions):
                for answer in ("yes", "no"):
                    if getattr(q, answer) not in targets:
                        out.append(Problem(f"{path}.questions[{j}].{answer}",
                                           f"names {getattr(q, answer)!r}, no question or outcome of the tree"))
    return out
