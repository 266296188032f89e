"""Secrets, join codes and the per-address limit on guessing them."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud or from a projector is typed right.
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(raw: str) -> str:
    """Accept what people type: lower case, spaces and dashes."""
    return "".join(ch for ch in raw.upper() if ch not in " -")


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def new_id() -> str:
    return secrets.token_urlsafe(9)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, expected_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), expected_hash)


class AttemptLimiter:
    """At most ``per_minute`` counted attempts per key (a client address) in a sliding minute.
    What counts is the caller's choice: failed join codes, or every session created."""

    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self._per_minute = per_minute
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def blocked(self, key: str) -> bool:
        window = self._failures.get(key)
        if not window:
            return False
        cutoff = self._clock() - 60
        while window and window[0] < cutoff:
            window.popleft()
        if not window:
            del self._failures[key]
            return False
        return len(window) >= self._per_minute

    def count(self, key: str) -> None:
        self._failures.setdefault(key, deque()).append(self._clock())
        if len(self._failures) > 100_000:  # bound memory under a spray of addresses
            self._failures.pop(next(iter(self._failures)))


class TokenBucket:
    """Per-connection rate limit: ``rate`` frames per second with bursts up to ``burst``."""

    def __init__(self, rate: float, burst: int, clock=time.monotonic) -> None:
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._tokens = float(burst)
        self._last = clock()

    def take(self) -> bool:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._last) * self._rate)
        self._last = now
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False
