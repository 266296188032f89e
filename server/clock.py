"""The wall clock in unix milliseconds, as events, records and the API carry time."""

from __future__ import annotations

import time


def now_ms() -> int:
    return int(time.time() * 1000)
