"""Rate limits on guessing and on creating, shared by every instance when the store is Redis.

Two kinds of credential, two rules:

- Unguessable ones (a facilitator secret, a participant token: 144 and 192 random bits) are
  checked first and a valid one is always accepted: nobody's wrong attempts refuse it. Wrong ones
  are counted per address and per target session, so a flood of them is slowed.
- The join code (6 of 25 letters, about 28 bits) is the one that can be guessed. Wrong codes are
  counted per address (and per target session, on the websocket). Past the limit, that address
  gets ``rate_limited`` for every code *except* for sessions the address already reached with a
  valid credential: the room behind one NAT keeps joining its own session while one person there
  guesses, and the guesser cannot tell a right code from a wrong one while limited.

Counters live in the store (``server.store.counters``); when the store is down the limits fail
open (the request then fails on the store anyway).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from boards.errors import DomainError, ErrorCode
from server.settings import Settings
from server.store.base import StoreUnavailable
from server.store.counters import Counters

log = logging.getLogger("samenspel.limits")


class RateLimited(DomainError):
    """Refused for now; ``retry_after`` is whole seconds until the window that refused it ends."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(ErrorCode.RATE_LIMITED, message)
        self.retry_after = max(1, math.ceil(retry_after))


@dataclass(frozen=True)
class Rule:
    name: str
    limit: int
    window: float = 60.0


class Limits:
    def __init__(self, counters: Counters, settings: Settings) -> None:
        self.counters = counters
        self.creates = Rule("create", settings.creates_per_minute)
        self.joins = Rule("join", settings.joins_per_minute)
        self.wrong_by_address = Rule("wrong", settings.join_attempts_per_minute)
        self.wrong_by_session = Rule("wrong-session", settings.wrong_per_session_per_minute)
        self.known_for = settings.known_address_seconds

    async def take(self, rule: Rule, key: str, message: str) -> None:
        """Count one attempt; refuse it if that makes more than the rule allows."""
        try:
            count, left = await self.counters.hit(f"{rule.name}:{key}", rule.window)
        except StoreUnavailable:
            return
        if count > rule.limit:
            raise RateLimited(message, left)

    async def over(self, rule: Rule, key: str) -> float | None:
        """Seconds until ``key`` may try again under ``rule``, or None if it may now."""
        try:
            count, left = await self.counters.peek(f"{rule.name}:{key}")
        except StoreUnavailable:
            return None
        return left if count >= rule.limit else None

    async def failed(self, address: str, session: str | None) -> float | None:
        """Count a wrong credential against the address and the target session; the seconds to wait
        if either is now over its limit."""
        waits = []
        for rule, key in ((self.wrong_by_address, address), (self.wrong_by_session, session)):
            if key is None:
                continue
            try:
                count, left = await self.counters.hit(f"{rule.name}:{key}", rule.window)
            except StoreUnavailable:
                continue
            if count > rule.limit:
                waits.append(left)
        return max(waits) if waits else None

    async def blocked(self, address: str, session: str | None) -> float | None:
        waits = [w for w in (await self.over(self.wrong_by_address, address),
                             await self.over(self.wrong_by_session, session) if session else None) if w is not None]
        return max(waits) if waits else None

    async def reached(self, address: str, session: str) -> None:
        """The address presented a valid credential for the session: its codes for it stay good."""
        try:
            await self.counters.mark(f"known:{address}:{session}", self.known_for)
        except StoreUnavailable:
            pass

    async def knows(self, address: str, session: str) -> bool:
        try:
            return await self.counters.marked(f"known:{address}:{session}")
        except StoreUnavailable:
            return False

    async def check_token(self, address: str, session: str, valid: bool) -> None:
        """The rule for an unguessable credential: a valid one always passes (and marks the address);
        a wrong one is counted, and answered ``rate_limited`` once the address or session is over."""
        if valid:
            await self.reached(address, session)
            return
        wait = await self.failed(address, session)
        if wait is not None:
            raise RateLimited("too many wrong links or tokens from here; try again later", wait)

    async def check_code(self, address: str, session: str | None, valid: bool) -> None:
        """The rule for a join code (``session``: the session it was tried on or opens, if any).
        Raises RateLimited, or returns and leaves the caller to accept or refuse the code."""
        if valid and session is not None and await self.knows(address, session):
            return
        # A session over its own limit refuses more wrong codes, but never a right one from an
        # address that is not itself limited: that would be refusing it for others' attempts. (To
        # guess a code on a session one needs its id, which travels only in links carrying the code.)
        wait = await self.blocked(address, None if valid else session)
        if wait is not None:
            raise RateLimited("too many wrong codes from here; try again later", wait)
        if not valid:
            wait = await self.failed(address, session)
            if wait is not None:
                raise RateLimited("too many wrong codes from here; try again later", wait)
            return
        await self.reached(address, session)
