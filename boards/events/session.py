"""Events of the session: created, people joining and leaving, the timer, the steps, locks, hold,
joining, checking out and closing."""

from __future__ import annotations

from boards.events.base import Event


class SessionCreated(Event, tag="session_created"):
    title: str
    boards: list[str]


class ParticipantJoined(Event, tag="participant_joined"):
    participant: str
    name: str
    group: str
    proxy: bool = False  # added by the facilitator for someone without a device


class ParticipantRemoved(Event, tag="participant_removed"):
    participant: str


class TimerSet(Event, tag="timer_set"):
    duration_ms: int


class TimerStarted(Event, tag="timer_started"):
    at: int


class TimerPaused(Event, tag="timer_paused"):
    at: int


class TimerExtended(Event, tag="timer_extended"):
    at: int
    ms: int


class TimerReset(Event, tag="timer_reset"):
    duration_ms: int | None = None  # the time reset to (the step's minutes); None: the time last set


class TimerExpired(Event, tag="timer_expired"):
    at: int


class StepSet(Event, tag="step_set"):
    step: str | None
    board: str | None = None


class StepMinutesSet(Event, tag="step_minutes_set"):
    board: str
    step: str
    minutes: int


class SectionLockSet(Event, tag="section_lock_set"):
    board: str
    section: str
    locked: bool


class HoldSet(Event, tag="hold_set"):
    hold: bool


class JoiningSet(Event, tag="joining_set"):
    open: bool


class CheckedOut(Event, tag="checked_out"):
    """Only the facilitator sees it; others get a masked frame."""

    participant: str
    rating: int
    text: str


class SessionClosed(Event, tag="session_closed"):
    pass
