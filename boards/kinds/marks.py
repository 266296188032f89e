"""A person's marks that others see only as counts (the check-out round's "herken ik", an
agreement's JA): who marked what stays on the server, the count per thing is public."""

from __future__ import annotations


def mark(by_person: dict[str, list[str]], counts: dict[str, int], participant: str, key: str, on: bool) -> None:
    """``participant`` marks ``key`` (``on``) or takes the mark back; its count follows."""
    mine = by_person.setdefault(participant, [])
    if on:
        mine.append(key)
    else:
        mine.remove(key)
        if not mine:
            del by_person[participant]
    n = counts.get(key, 0) + (1 if on else -1)
    if n > 0:
        counts[key] = n
    else:
        counts.pop(key, None)
