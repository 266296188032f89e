"""Logging set-up: plain or JSON lines, and a rate limit on messages that can come in floods."""

from __future__ import annotations

import logging
import time

# asyncio logs this (with a traceback) for every failed accept() once the process is out of file
# descriptors: thousands of lines a second under a connection flood.
FLOODING = ("socket.accept() out of system resource", "Too many open files")


class RateLimitFilter(logging.Filter):
    """Lets one flooding message through per ``every`` seconds, then says how many it held back."""

    def __init__(self, every: float = 10.0, clock=time.monotonic) -> None:
        super().__init__()
        self._every = every
        self._clock = clock
        self._next = 0.0
        self._held = 0

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if not any(marker in text for marker in FLOODING) and not (
                record.exc_info and any(marker in str(record.exc_info[1]) for marker in FLOODING)):
            return True
        now = self._clock()
        if now < self._next:
            self._held += 1
            return False
        if self._held:
            record.msg = f"{record.getMessage()} ({self._held} more like it in the last {self._every:g} s not logged)"
            record.args = ()
        record.exc_info = None  # the traceback is the same every time
        record.exc_text = None
        self._held = 0
        self._next = now + self._every
        return True


def setup(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    flood = RateLimitFilter()
    for name in ("asyncio", "uvicorn.error"):
        logging.getLogger(name).addFilter(flood)
