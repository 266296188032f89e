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


def set_duration(timer: TimerState, duration_ms: int) -> None:
    timer.duration_ms = duration_ms
    timer.remaining_ms = duration_ms
    timer.running_since = None
    timer.expired = False


def start(timer: TimerState, at: int) -> None:
    timer.running_since = at
    timer.expired = False


def pause(timer: TimerState, at: int) -> None:
    timer.remaining_ms = remaining(timer, at)
    timer.running_since = None


def extend(timer: TimerState, at: int, ms: int) -> None:
    """Add time. After expiry this restarts the countdown with just the added time."""
    if timer.expired:
        timer.remaining_ms = ms
        timer.running_since = at
        timer.expired = False
    else:
        timer.remaining_ms += ms
    timer.duration_ms = max(timer.duration_ms, remaining(timer, at))


def reset(timer: TimerState) -> None:
    timer.remaining_ms = timer.duration_ms
    timer.running_since = None
    timer.expired = False


def expire(timer: TimerState) -> None:
    timer.remaining_ms = 0
    timer.running_since = None
    timer.expired = True
