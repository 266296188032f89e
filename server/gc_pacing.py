"""Garbage-collector pacing: full collections that stay short while thousands of sockets are open.

CPython's full (generation 2) collection walks every object the collector tracks, and each open
socket holds about 170 of them (the coroutines, frames and closures of Starlette, uvicorn and our
session). With 1,500 sockets a full collection stopped the event loop for 150–300 ms every few
seconds under load, and that pause was the p99 of every delivery (docs/benchmarks.md, decision 51).

So what has survived a full collection is moved out of the collector's sight (``gc.freeze``):
the next full collection walks only what is new since. Reference counting still frees frozen
objects the moment they are unused; only garbage *cycles* among them wait for the complete
collection, which unfreezes everything, collects, and freezes the survivors again. It runs every
``full_every`` seconds, and soon after half or more of the sockets are gone (people left: their
cycles go now, and the memory comes back).
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import logging
import time
from collections.abc import Callable

from server import metrics

log = logging.getLogger("samenspel.gc")

CHECK_EVERY = 5.0  # seconds between looks at whether a complete collection is due
# CPython collects the youngest generation every 700 allocations of tracked objects; thousands of
# sockets allocate that many in a millisecond, so objects that live a few milliseconds (a write's
# pending list, its coalescing timer, a command's future) were promoted to the old generation and
# made full collections come every second or two. Collected this rarely, they are gone before.
YOUNG_THRESHOLD = 50_000


def _malloc_trim() -> Callable[[], object] | None:
    """glibc's malloc_trim: hand free heap pages back to the system (None elsewhere)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    return lambda: trim(0)


_trim = _malloc_trim()


class GcPacer:
    def __init__(self, full_every: float, sockets: Callable[[], int]) -> None:
        self.full_every = full_every
        self._sockets = sockets  # open sockets now
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._started_at = 0.0  # perf_counter at the start of the automatic collection in progress
        self._completing = False
        self._last_complete = 0.0  # loop time
        self._peak_sockets = 0  # the most sockets open at once since the last complete collection
        self._thresholds = gc.get_threshold()  # CPython's, given back on close

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._thresholds = gc.get_threshold()
        gc.set_threshold(YOUNG_THRESHOLD, *self._thresholds[1:])
        gc.freeze()  # modules, classes, templates: they live as long as the process
        gc.callbacks.append(self._on_gc)
        self._last_complete = self._loop.time()
        self._task = self._loop.create_task(self._run(), name="gc-pacing")

    async def close(self) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        gc.set_threshold(*self._thresholds)
        gc.unfreeze()

    def saw_sockets(self, open_now: int) -> None:
        """Called as a socket opens: the peak since the last complete collection."""
        if open_now > self._peak_sockets:
            self._peak_sockets = open_now

    def _on_gc(self, phase: str, info: dict) -> None:
        if info["generation"] != 2 or self._completing:
            return
        if phase == "start":
            self._started_at = time.perf_counter()
            return
        metrics.GC_PAUSE_SECONDS.labels("automatic").observe(time.perf_counter() - self._started_at)
        # Survivors of a full collection are long-lived: out of the next one's way. Not from inside
        # the collector's callback, and perhaps not on the loop's thread (SQLite runs in threads).
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(gc.freeze)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(CHECK_EVERY)
            if self._due():
                self.collect_all()

    def _due(self) -> bool:
        now = self._loop.time()
        if now - self._last_complete >= self.full_every:
            return True
        sockets = self._sockets()
        self.saw_sockets(sockets)
        return self._peak_sockets > 0 and sockets * 2 <= self._peak_sockets  # half or more have left

    def collect_all(self) -> float:
        """Unfreeze, collect everything, freeze the survivors; returns the pause in seconds."""
        self._completing = True
        started = time.perf_counter()
        try:
            gc.unfreeze()
            collected = gc.collect()
            gc.freeze()
            if _trim is not None:
                # Sockets' buffers are malloc'ed: after a crowd left, glibc keeps their pages
                # for the next crowd unless told otherwise, and the process stays at its peak.
                _trim()
        finally:
            self._completing = False
        pause = time.perf_counter() - started
        metrics.GC_PAUSE_SECONDS.labels("complete").observe(pause)
        self._last_complete = self._loop.time() if self._loop else 0.0
        self._peak_sockets = self._sockets()
        log.info("complete garbage collection: %d unreachable, %.0f ms, %d objects kept",
                 collected, pause * 1000, gc.get_freeze_count())
        return pause
