"""Counters for rate limits, behind one small interface with an in-process and a Redis backend.

A counter counts attempts under a key in a fixed window (the first hit starts it); a mark
remembers that a key was seen, for a while. On Redis both are shared by every instance, so a
limit of 20 a minute is 20 a minute for the deployment, not per instance.
"""

from __future__ import annotations

import time
from typing import Protocol


class Counters(Protocol):
    async def hit(self, key: str, window: float, cost: int = 1) -> tuple[int, float]:
        """Add ``cost`` to ``key``'s count in its current window: (count now, seconds left in the window)."""

    async def peek(self, key: str) -> tuple[int, float]:
        """(count, seconds left) without counting; (0, 0) when no window is open."""

    async def mark(self, key: str, ttl: float) -> None:
        """Remember ``key`` for ``ttl`` seconds."""

    async def marked(self, key: str) -> bool: ...

    async def close(self) -> None: ...


class LocalCounters:
    """In this process's memory. Bounded: past ``max_keys`` expired keys go first, then the oldest."""

    def __init__(self, max_keys: int = 100_000, clock=time.monotonic) -> None:
        self._counts: dict[str, list[float]] = {}  # key -> [count, window end]
        self._marks: dict[str, float] = {}  # key -> expiry
        self._max_keys = max_keys
        self._clock = clock

    def _prune(self, table: dict) -> None:
        if len(table) < self._max_keys:
            return
        now = self._clock()
        for key in [k for k, v in table.items() if (v[1] if isinstance(v, list) else v) <= now]:
            del table[key]
        while len(table) >= self._max_keys:
            table.pop(next(iter(table)))

    async def hit(self, key: str, window: float, cost: int = 1) -> tuple[int, float]:
        now = self._clock()
        entry = self._counts.get(key)
        if entry is None or entry[1] <= now:
            self._prune(self._counts)
            entry = self._counts[key] = [0, now + window]
        entry[0] += cost
        return int(entry[0]), entry[1] - now

    async def peek(self, key: str) -> tuple[int, float]:
        now = self._clock()
        entry = self._counts.get(key)
        if entry is None or entry[1] <= now:
            return 0, 0.0
        return int(entry[0]), entry[1] - now

    async def mark(self, key: str, ttl: float) -> None:
        self._prune(self._marks)
        self._marks[key] = self._clock() + ttl

    async def marked(self, key: str) -> bool:
        expiry = self._marks.get(key)
        return expiry is not None and expiry > self._clock()

    async def close(self) -> None:
        self._counts.clear()
        self._marks.clear()
