"""Commands that run the session: the timer, the steps, locks, hold, joining, proxies, checking
out and closing; and the ones the server gives on someone's behalf (join, expire, create)."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

from boards.commands.base import Command, DisplayName, Id, Minutes, Seconds
from boards.template import Template


class Timer(Command, tag="timer"):
    """Facilitator's timer: set (needs seconds), start (with seconds: set that time and start it;
    without: start or resume what is on the clock), pause, add (seconds, default 60; a paused timer
    stays paused), reset (back to the current step's minutes, or to the time last set)."""

    action: Literal["set", "start", "pause", "add", "reset"]
    seconds: Seconds | None = None


class SetStep(Command, tag="set_step"):
    """Make ``step`` of ``board`` (default: the first board that has it) the current step, and set
    the timer to its minutes. ``step: nil`` goes back to "not started"."""

    step: Id | None
    board: Id | None = None


class SetStepMinutes(Command, tag="set_step_minutes"):
    """Change a step's planned minutes (before or during the session)."""

    board: Id
    step: Id
    minutes: Minutes


class SetLocked(Command, tag="set_locked"):
    """Make a section read-only for participants (or open it again)."""

    board: Id
    section: Id
    locked: bool


class SetHold(Command, tag="set_hold"):
    """Hold participants on the current step's sections (the default), or let them act anywhere
    the step's permissions allow."""

    hold: bool


class SetJoining(Command, tag="set_joining"):
    """Open or lock the join code for newcomers; people already in keep their place."""

    open: bool


class AddProxy(Command, tag="add_proxy"):
    """Add someone in the room without a device; the facilitator places their dots."""

    group: Id
    name: Annotated[str, Meta(max_length=40)] = ""


class RemoveParticipant(Command, tag="remove_participant"):
    """Remove someone: their socket is closed and their token refused. ``with_content`` also takes
    away their dots and post-its."""

    participant: Id
    with_content: bool = False


class CheckOut(Command, tag="check_out"):
    """A participant's closing-round answer (again replaces it)."""

    rating: Annotated[int, Meta(ge=1, le=5)]
    text: Annotated[str, Meta(max_length=280)] = ""


class CloseSession(Command, tag="close_session"):
    """End the session: read-only for everyone, the join code stops working."""


# Commands the server gives on someone's behalf; never decoded from a client frame.


class Join(Command, tag="join"):
    name: DisplayName
    group: Id
    # The id to give the newcomer, chosen by the server beforehand so that their token can be
    # stored before they exist (a token without a participant is harmless; the reverse is not).
    participant: Id | None = None


class ExpireTimer(Command, tag="expire_timer"):
    pass


class CreateSession(Command, tag="create_session"):
    """``boards`` names shipped templates; ``sheet`` (a loaded template file, checked by
    boards/template_file.py) is a board of its own instead: then ``boards`` is empty."""

    title: Annotated[str, Meta(max_length=120)]
    boards: tuple[Id, ...]
    sheet: Template | None = None


FacilitationCommand = (
    SetStepMinutes | SetLocked | SetHold | SetJoining | AddProxy | RemoveParticipant | CheckOut | CloseSession
)
