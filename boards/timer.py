"""Timer arithmetic on :class:`boards.state.TimerState`. Times are server milliseconds."""

from __future__ import annotations

from boards.state import TimerState


def remaining(timer: TimerState, now: int) -> int:
    """Milliseconds left at ``now`` (never below zero)."""
    if timer.running_since is None:
        return max(0, timer.remaining_ms)
    return max(0, timer.remaining_ms - (now - timer.running_since))


def deadline(timer: TimerState) -> int | None:
    """The server time at which a running timer reaches zero, or None if it is not running."""
    if timer.running_since is None:
        return None
    return timer.running_since + timer.remaining_ms


def is_running(timer: TimerState) -> bool:
    return timer.running_since is not None


def total(timer: TimerState) -> int:
    """The whole time of this countdown: what was set plus what was added (for warnings)."""
    return timer.duration_ms + timer.added_ms


def set_duration(timer: TimerState, duration_ms: int) -> None:
    timer.duration_ms = duration_ms
    timer.remaining_ms = duration_ms
    timer.running_since = None
    timer.expired = False
    timer.paused = False
    timer.added_ms = 0


def start(timer: TimerState, at: int) -> None:
    timer.running_since = at
    timer.expired = False
    timer.paused = False


def pause(timer: TimerState, at: int) -> None:
    timer.remaining_ms = remaining(timer, at)
    timer.running_since = None
    timer.paused = True


def extend(timer: TimerState, at: int, ms: int) -> None:
    """Add time; a paused timer stays paused, a running one keeps running. After expiry this
    restarts the countdown with just the added time. What reset returns to does not change."""
    if timer.expired:
        timer.remaining_ms = ms
        timer.running_since = at
        timer.expired = False
        timer.paused = False
        timer.added_ms = max(0, ms - timer.duration_ms)
    else:
        timer.remaining_ms += ms
        timer.added_ms += ms


def reset(timer: TimerState, duration_ms: int | None = None) -> None:
    if duration_ms is not None:
        timer.duration_ms = duration_ms
    timer.remaining_ms = timer.duration_ms
    timer.running_since = None
    timer.expired = False
    timer.paused = False
    timer.added_ms = 0


def expire(timer: TimerState) -> None:
    timer.remaining_ms = 0
    timer.running_since = None
    timer.expired = True
    timer.paused = False
