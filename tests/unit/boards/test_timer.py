"""Timer arithmetic: the countdown is data in server time; expiry happens once."""

from __future__ import annotations

import pytest

from boards import commands as c
from boards import timer
from boards.actors import SYSTEM
from boards.errors import DomainError, ErrorCode
from tests.unit.boards.helpers import FACILITATOR, Session


@pytest.fixture
def session() -> Session:
    s = Session()
    s.run(FACILITATOR, c.Timer(action="set", seconds=300))
    return s


def test_running_timer_counts_down_in_server_time(session):
    """Five minutes started, 70 s later 230 s remain."""
    session.run(FACILITATOR, c.Timer(action="start"))
    assert timer.remaining(session.state.timer, session.now + 70_000) == 230_000
    assert timer.deadline(session.state.timer) == session.now + 300_000


def test_pause_freezes_and_resume_continues(session):
    """Paused time does not count; resume continues from where it paused."""
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 60_000
    session.run(FACILITATOR, c.Timer(action="pause"))
    session.now += 600_000
    assert timer.remaining(session.state.timer, session.now) == 240_000
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 40_000
    assert timer.remaining(session.state.timer, session.now) == 200_000


def test_add_a_minute_while_running(session):
    """+1 minute moves the deadline by a minute."""
    session.run(FACILITATOR, c.Timer(action="start"))
    session.run(FACILITATOR, c.Timer(action="add"))
    assert timer.remaining(session.state.timer, session.now) == 360_000


def test_reset_returns_to_the_set_duration(session):
    """Reset stops the timer at its full duration."""
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 100_000
    session.run(FACILITATOR, c.Timer(action="reset"))
    assert timer.remaining(session.state.timer, session.now + 50_000) == 300_000
    assert not timer.is_running(session.state.timer)


def test_expiry_is_logged_once_and_only_when_due(session):
    """Expiry before the deadline does nothing; at the deadline it happens once."""
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 299_000
    assert session.run(SYSTEM, c.ExpireTimer()) == []
    session.now += 1_000
    (expired,) = session.run(SYSTEM, c.ExpireTimer())
    assert expired.at == session.now
    assert session.state.timer.expired
    assert session.run(SYSTEM, c.ExpireTimer()) == []


def test_adding_time_after_expiry_restarts_the_countdown(session):
    """After time is up, +1 minute gives a running minute."""
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 300_000
    session.run(SYSTEM, c.ExpireTimer())
    session.run(FACILITATOR, c.Timer(action="add"))
    assert not session.state.timer.expired
    assert timer.remaining(session.state.timer, session.now + 10_000) == 50_000


def test_start_twice_and_pause_when_stopped_are_refused(session):
    """Timer actions that do not fit its state get timer_state."""
    session.run(FACILITATOR, c.Timer(action="start"))
    with pytest.raises(DomainError) as info:
        session.run(FACILITATOR, c.Timer(action="start"))
    assert info.value.code == ErrorCode.TIMER_STATE
    session.run(FACILITATOR, c.Timer(action="pause"))
    with pytest.raises(DomainError) as info:
        session.run(FACILITATOR, c.Timer(action="pause"))
    assert info.value.code == ErrorCode.TIMER_STATE


def test_set_needs_seconds(session):
    """Setting the timer without a duration is invalid."""
    with pytest.raises(DomainError) as info:
        session.run(FACILITATOR, c.Timer(action="set"))
    assert info.value.code == ErrorCode.INVALID
