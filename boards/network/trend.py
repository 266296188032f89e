"""The pillars over time: a reading's shares per option and group, session by session, for the
small multiples on the network page and in its report. Pure.
"""

from __future__ import annotations

from typing import Any

from boards.network import model as m


def trend(state: m.NetworkState, name: str = "pillars") -> dict[str, Any]:
    """For the readings called ``name``, in the order they were confirmed: ``sessions`` (their
    ids), ``groups`` (every group seen, first seen first) and ``series``: option -> group -> one
    value per session (None where that session's reading has no value for it)."""
    readings = [r for r in state.readings if r.name == name]
    options: list[str] = []
    groups: list[str] = []
    for r in readings:
        for option, per_group in r.values.items():
            if option not in options:
                options.append(option)
            for group in per_group:
                if group not in groups:
                    groups.append(group)
    series = {o: {g: [r.values.get(o, {}).get(g) for r in readings] for g in groups} for o in options}
    return {"name": name, "sessions": [r.session for r in readings], "groups": groups, "series": series}
