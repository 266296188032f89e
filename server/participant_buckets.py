"""Per participant, the rate limit of all their sockets on this instance together (server.ws):
what one person can make the server send to every screen is bounded by one socket's rate, however
many sockets they open."""

from __future__ import annotations

from server.auth import TokenBucket


class ParticipantBuckets:
    def __init__(self) -> None:
        self._buckets: dict[str, TokenBucket] = {}

    def take(self, participant: str, rate_per_second: float, burst: int) -> bool:
        """One frame from ``participant``'s allowance (a bucket of ``rate_per_second``, ``burst``)."""
        return self.bucket(participant, rate_per_second, burst).take()

    def bucket(self, participant: str, rate_per_second: float, burst: int) -> TokenBucket:
        """``participant``'s bucket (made at the first ask; kept as long as the session is held, so
        a socket may keep it and take from it directly)."""
        bucket = self._buckets.get(participant)
        if bucket is None:
            bucket = self._buckets[participant] = TokenBucket(rate_per_second, burst)
        return bucket
