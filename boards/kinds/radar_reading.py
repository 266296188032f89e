"""The radar's numbers: per pillar the median ring and the spread, the pillars to mark, and the
card's reading ("Alle pijlers laag" / "Gematigde spreiding" / "Meeste pijlers sterk").

The same rules are in client/board/kinds/radar-stats.js; both run the golden cases of
tests/golden/kinds/radar.json. Rings: 1 at the core ("sterk": the pillar stands firmly) to 5 the
outer ring ("zwak": it gets little attention yet); 3 is the middle. The thresholds, and why:

- a pillar is *strong* when its median is at most 2.5 (the group puts it in the inner two rings),
  *weak* when its median is at least 3.5 (the outer two rings); the middle ring counts as neither;
- *Alle pijlers laag*: every pillar is weak — the card: "het is de vraag of een leernetwerk op dit
  moment haalbaar is", a verdict only the whole picture may give;
- *Meeste pijlers sterk*: more than half the pillars strong and none weak — "een goede basis";
  one weak pillar already asks for "afspraken over het versterken van zwakke pijlers";
- *Gematigde spreiding*: everything between. No reading until every pillar has a dot;
- *weakest*: the pillars with the highest median, when that median is 3 or more (a radar whose
  pillars all stand has none to single out);
- *disputed*: the pillars with the widest spread (farthest ring minus nearest), when that is at
  least 2 rings: one ring apart is the noise of where a dot lands, two is a real difference;
- neither is marked when half the rated pillars or more share it: then no pillar stands out, and
  marking most of the radar would point the conversation nowhere.
"""

from __future__ import annotations

from typing import Any

STRONG = 2.5
WEAK = 3.5
WEAKEST_FROM = 3
DISPUTED_FROM = 2

READINGS = ("all_low", "moderate", "most_strong")


def median(rings: list[int]) -> float:
    ordered = sorted(rings)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    total = ordered[mid - 1] + ordered[mid]
    return total // 2 if total % 2 == 0 else total / 2  # 3, not 3.0: the same in JSON, CSV and JS


def pillar_stats(rings: list[int]) -> dict[str, Any]:
    """n, median ring and spread (farthest minus nearest ring) of one pillar's dots."""
    return {"n": len(rings), "median": median(rings), "spread": max(rings) - min(rings)}


def read(pillars: list[str], dots: dict[str, list[list[Any]]]) -> dict[str, Any]:
    """``dots``: pillar -> [[ring, group], ...]. Returns stats per pillar (those with dots), the
    reading (None until every pillar has a dot), the weakest and the disputed pillars, in order."""
    stats = {p: pillar_stats([d[0] for d in dots[p]]) for p in pillars if dots.get(p)}
    reading = None
    if stats and len(stats) == len(pillars):
        medians = [s["median"] for s in stats.values()]
        weak = sum(1 for m in medians if m >= WEAK)
        strong = sum(1 for m in medians if m <= STRONG)
        if weak == len(medians):
            reading = "all_low"
        elif strong * 2 > len(medians) and weak == 0:
            reading = "most_strong"
        else:
            reading = "moderate"
    return {
        "stats": stats,
        "reading": reading,
        "weakest": _standing_out(stats, "median", WEAKEST_FROM),
        "disputed": _standing_out(stats, "spread", DISPUTED_FROM),
    }


def _standing_out(stats: dict[str, dict[str, Any]], key: str, least: float) -> list[str]:
    """The pillars with the highest ``key``, if it is at least ``least`` and fewer than half share it."""
    top = max((s[key] for s in stats.values()), default=0)
    tied = [p for p, s in stats.items() if s[key] == top]
    return tied if top >= least and len(tied) * 2 < len(stats) else []
