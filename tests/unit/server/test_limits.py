"""Guessing limits: per address and per target, and a valid credential is never refused for others' guesses."""

from __future__ import annotations

import pytest

from server.limits import Limits, RateLimited
from server.settings import Settings
from server.store.counters import LocalCounters


def limits(now: list[float], **overrides) -> Limits:
    settings = Settings(join_attempts_per_minute=3, wrong_per_session_per_minute=5, **overrides)
    return Limits(LocalCounters(clock=lambda: now[0]), settings)


async def test_wrong_codes_from_one_address_are_limited_for_the_rest_of_the_minute():
    """The fourth wrong code in a minute is rate_limited, with the seconds left; a minute later it is not."""
    now = [0.0]
    lim = limits(now)
    for _ in range(3):
        await lim.check_code("1.2.3.4", None, valid=False)
    with pytest.raises(RateLimited) as fourth:
        await lim.check_code("1.2.3.4", None, valid=False)
    assert fourth.value.retry_after == 60
    now[0] = 30
    with pytest.raises(RateLimited) as later:
        await lim.check_code("1.2.3.4", "S", valid=True)  # unknown here: no telling right from wrong
    assert later.value.retry_after == 30
    await lim.check_code("5.6.7.8", "S", valid=True)  # another address is not limited
    now[0] = 61
    await lim.check_code("1.2.3.4", "S", valid=True)


async def test_a_valid_code_for_a_session_the_address_reached_is_never_refused_for_others_guesses():
    """The room behind one NAT keeps joining its session while someone there guesses codes."""
    now = [0.0]
    lim = limits(now)
    await lim.check_code("10.0.0.1", "S", valid=True)  # the first of the room
    for _ in range(10):
        with pytest.raises(RateLimited):
            for _ in range(5):
                await lim.check_code("10.0.0.1", None, valid=False)
    await lim.check_code("10.0.0.1", "S", valid=True)
    with pytest.raises(RateLimited):
        await lim.check_code("10.0.0.1", "T", valid=True)


async def test_valid_tokens_pass_however_many_wrong_ones_came_before():
    """Secrets and tokens are unguessable: a valid one always passes; wrong ones are limited per target."""
    now = [0.0]
    lim = limits(now)
    refused = 0
    for i in range(20):
        try:
            await lim.check_token(f"10.0.{i}.1", "S", valid=False)
        except RateLimited:
            refused += 1
    assert refused == 15  # the session's own limit (5) caught the spread-out attempts
    await lim.check_token("10.0.3.1", "S", valid=True)


async def test_counters_are_bounded_under_a_spray_of_addresses():
    """A spray of addresses does not grow the counters without bound."""
    counters = LocalCounters(max_keys=1000)
    for i in range(5000):
        await counters.hit(f"wrong:{i}", 60)
    assert len(counters._counts) <= 1000


async def test_a_session_under_attack_still_takes_a_right_code_from_an_unlimited_address():
    """Wrong attempts from many addresses limit the session's wrong codes, not a new projector's right one."""
    now = [0.0]
    lim = limits(now)
    for i in range(10):
        try:
            await lim.check_token(f"10.1.{i}.1", "S", valid=False)
        except RateLimited:
            pass
    with pytest.raises(RateLimited):
        await lim.check_code("10.2.0.1", "S", valid=False)
    await lim.check_code("10.2.0.2", "S", valid=True)
