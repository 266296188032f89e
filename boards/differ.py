"""Where the two groups agree and differ on a dot section: the prompt for the conversation.

The manual's steps 2 and 3: "verschillen en overeenkomsten worden zichtbaar". Raw counts
mislead when the groups are of different sizes, so each option is compared by its *share*
of a group's dots, and the gap is how far the two shares are apart (in percentage points).

- **Agree** ("hier zijn de groepen het meest eens"): both groups chose the option, each with at
  least AGREE_MIN_SHARE of its dots, and their shares are at most AGREE_MAX_GAP apart. Closest
  first; equal gaps: the larger smaller share first (20 %/20 % above 7 %/7 %), then template order.
- **Differ** ("hier verschillen ze het meest"): shares at least DIFFER_MIN_GAP apart. Widest
  first; equal gaps in template order.
- No option is on both lists (the gap bands do not overlap), and while a group has placed no dot
  both lists are empty: there is nothing to compare yet. ``mark`` is "agree" on the first of the
  agree list and "differ" on the first of the differ list (and on any option tied with it).

The ranking is exact: shares are compared as integers over the section's common denominator (the
product of the two groups' totals), never as rounded floats, so the reference client's
``client/facilitation/differ.js`` ranks exactly the same. Both run ``tests/golden/differ.json``.
"""

from __future__ import annotations

from typing import Any

import msgspec

from boards.state import DotVote
from boards.template import DotSection, Group

# Percentage points. Agree: each group gave the option at least this share of its dots ...
AGREE_MIN_SHARE = 5
# ... and the two shares are at most this far apart.
AGREE_MAX_GAP = 10
# Two shares this far apart or more mark a difference worth talking about.
DIFFER_MIN_GAP = 15


class OptionComparison(msgspec.Struct):
    option: str
    counts: dict[str, int]  # group -> dots
    shares: dict[str, float]  # group -> share of that group's dots, 0..1
    agreement: float  # the smaller share of the two groups (common ground; breaks ties among agreeing options)
    gap: float  # the difference between the two groups' shares (first minus second)
    mark: str = ""  # "agree", "differ" or ""


def compare(section: DotSection, vote: DotVote, groups: tuple[Group, ...]) -> list[OptionComparison]:
    """Every option of ``section`` with both groups side by side, in the template's order, the
    most agreed and the most differing ones marked. Needs two groups; with one, nothing is marked."""
    return compare_counts([o.id for o in section.options], vote.counts, [g.id for g in groups])


def compare_counts(options: list[str], counts: dict[str, dict[str, int]], groups: list[str]) -> list[OptionComparison]:
    """:func:`compare` on plain data: option ids in order, dots per option per group, group ids."""
    totals = {g: sum(per.get(g, 0) for per in counts.values()) for g in groups}
    rows = []
    for option in options:
        per = counts.get(option, {})
        mine = {g: per.get(g, 0) for g in groups}
        shares = {g: (mine[g] / totals[g] if totals[g] else 0.0) for g in groups}
        values = list(shares.values())
        agreement = min(values) if len(values) >= 2 else 0.0
        gap = values[0] - values[1] if len(values) >= 2 else 0.0
        rows.append(OptionComparison(option, mine, shares, round(agreement, 4), round(gap, 4)))
    order = _order(rows)
    for kind in ("agree", "differ"):
        first = order[kind][:1]
        for key, row in order[kind]:
            if key == first[0][0]:
                row.mark = kind
    return rows


def _order(rows: list[OptionComparison]) -> dict[str, list[tuple[tuple[int, ...], OptionComparison]]]:
    """Both lists with each row's exact sort key. Share a = c_a / t_a; over the common denominator
    t_a * t_b it is the integer c_a * t_b, so gaps and shares compare exactly."""
    groups = list(rows[0].counts) if rows else []
    if len(groups) < 2:
        return {"agree": [], "differ": []}
    a, b = groups[0], groups[1]
    ta, tb = sum(r.counts[a] for r in rows), sum(r.counts[b] for r in rows)
    if not ta or not tb:
        return {"agree": [], "differ": []}
    whole = ta * tb  # a share of 1 (100 %)
    agree, differ = [], []
    for i, r in enumerate(rows):
        sa, sb = r.counts[a] * tb, r.counts[b] * ta
        gap = abs(sa - sb)
        low = min(sa, sb)
        if r.counts[a] and r.counts[b] and low * 100 >= AGREE_MIN_SHARE * whole and gap * 100 <= AGREE_MAX_GAP * whole:
            agree.append(((gap, -low), i, r))
        if gap * 100 >= DIFFER_MIN_GAP * whole:
            differ.append(((-gap,), i, r))
    return {kind: [(key, r) for key, _, r in sorted(found, key=lambda x: (x[0], x[1]))]
            for kind, found in (("agree", agree), ("differ", differ))}


def ranked(rows: list[OptionComparison]) -> dict[str, list[dict[str, Any]]]:
    """The options ordered for a summary: the agree list closest first, the differ list widest first."""
    order = _order(rows)
    return {kind: [msgspec.to_builtins(r) for _, r in order[kind]] for kind in ("agree", "differ")}
