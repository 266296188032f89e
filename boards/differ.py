"""Where the two groups agree and differ on a dot section: the prompt for the conversation.

The manual's steps 2 and 3: "verschillen en overeenkomsten worden zichtbaar". Raw counts
mislead when the groups are of different sizes, so each option is compared by its *share*
of a group's dots. Two groups agree on an option in the measure that both gave it a large
share (the smaller of the two shares), and differ in the measure their shares are apart.
The reference client computes the same in ``client/board/differ.js``.
"""

from __future__ import annotations

from typing import Any

import msgspec

from boards.state import DotVote
from boards.template import DotSection, Group

# An option needs at least this share in both groups to be called common ground.
AGREE_MIN_SHARE = 0.10
# Two shares this far apart or more mark a difference worth talking about.
DIFFER_MIN_GAP = 0.15


class OptionComparison(msgspec.Struct):
    option: str
    counts: dict[str, int]  # group -> dots
    shares: dict[str, float]  # group -> share of that group's dots, 0..1
    agreement: float  # the smaller share of the two groups
    gap: float  # the difference between the two groups' shares (first minus second)
    mark: str = ""  # "agree", "differ" or ""


def compare(section: DotSection, vote: DotVote, groups: tuple[Group, ...]) -> list[OptionComparison]:
    """Every option of ``section`` with both groups side by side, in the template's order, the
    most agreed and the most differing ones marked. Needs two groups; with one, nothing is marked."""
    totals = {g.id: sum(per.get(g.id, 0) for per in vote.counts.values()) for g in groups}
    rows = []
    for option in section.options:
        per = vote.counts.get(option.id, {})
        counts = {g.id: per.get(g.id, 0) for g in groups}
        shares = {g: (counts[g] / totals[g] if totals[g] else 0.0) for g in counts}
        values = list(shares.values())
        agreement = min(values) if len(values) >= 2 else 0.0
        gap = values[0] - values[1] if len(values) >= 2 else 0.0
        rows.append(OptionComparison(option.id, counts, shares, round(agreement, 4), round(gap, 4)))
    if len(groups) >= 2 and all(totals.values()):
        _mark(rows)
    return rows


def _mark(rows: list[OptionComparison]) -> None:
    best_agree = max(r.agreement for r in rows)
    if best_agree >= AGREE_MIN_SHARE:
        for r in rows:
            if r.agreement == best_agree:
                r.mark = "agree"
    widest = max(abs(r.gap) for r in rows)
    if widest >= DIFFER_MIN_GAP:
        for r in rows:
            if abs(r.gap) == widest and not r.mark:
                r.mark = "differ"


def ranked(rows: list[OptionComparison]) -> dict[str, list[dict[str, Any]]]:
    """The options ordered for a summary: most common ground first, widest difference first."""
    agree = sorted((r for r in rows if r.agreement > 0), key=lambda r: -r.agreement)
    differ = sorted((r for r in rows if abs(r.gap) > 0), key=lambda r: -abs(r.gap))
    return {"agree": [msgspec.to_builtins(r) for r in agree], "differ": [msgspec.to_builtins(r) for r in differ]}
