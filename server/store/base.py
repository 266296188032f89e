"""The store: three small interfaces, each with an embedded and a Redis backend.

- :class:`EventLog` keeps sessions, credentials, each session's log and snapshots.
  ``append`` is compare-and-append: it succeeds only if the log's last sequence
  number is the one the caller expects, so two writers never both win.
- :class:`Broker` fans a session's new records out to every server instance that
  has clients for it (and only to those).
- :class:`Presence` knows which connections are online, per session.
- :class:`~server.store.counters.Counters` counts attempts for rate limits.

Payloads are opaque bytes (MessagePack); no backend decodes them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

import msgspec

from server.store.counters import Counters


class SessionMeta(msgspec.Struct, frozen=True):
    session: str
    join_code: str
    facilitator_hash: str  # sha256 of the facilitator secret; the secret itself is never stored
    created_at: int
    epoch: str  # changes when the log is new, so a stale sequence number is recognised


class StoreUnavailable(Exception):
    """The store cannot be reached right now; nothing was written. Retry later."""


class SessionReset(StoreUnavailable):
    """The store lost all or part of this session (e.g. a Redis that restarted empty): positions
    (sequence numbers) held from before are invalid. Nothing was written. Reload the session."""


class EventLog(Protocol):
    async def create_session(self, meta: SessionMeta) -> bool:
        """Register a new session; False if its join code is taken."""

    async def session(self, session_id: str) -> SessionMeta | None: ...

    async def session_by_code(self, join_code: str) -> SessionMeta | None: ...

    async def add_credential(self, session_id: str, token_hash: str, participant: str) -> None: ...

    async def credential(self, session_id: str, token_hash: str) -> str | None:
        """The participant id a token belongs to, or None."""

    async def release_credential(self, session_id: str, token_hash: str, participant: str) -> None:
        """Remove the credential if it still belongs to ``participant`` (a network letting go of
        its session, server/networks.py)."""

    # True if ``append`` publishes its ``announce`` on the session's channel itself, atomically with
    # the records (then the caller does not publish it again); False if the caller must publish.
    announces: bool

    async def append(self, session_id: str, expected_seq: int, records: list[bytes],
                     announce: bytes | None = None, token: bytes | None = None) -> bool:
        """Append ``records`` (seq ``expected_seq + 1`` onwards) if the log ends at ``expected_seq``.
        ``token``: a value unique to this append, the same when it is sent again because the store
        did not answer; a store whose reply can be lost takes the very same call, found already in,
        as appended, and only that call (identical bytes from another writer are a conflict)."""

    async def read(self, session_id: str, after_seq: int, limit: int = 1000) -> list[bytes]:
        """Records with a sequence number above ``after_seq``, in order, at most ``limit``."""

    async def last_seqs(self, session_ids: list[str]) -> dict[str, int]:
        """The last sequence number in the log of each session (0 for an empty or unknown one), all
        in one round trip: the safety net that finds records whose broker message never came."""

    async def renew_epoch(self, session_id: str) -> None:
        """Give the session a new epoch: positions (sequence numbers) held from before are void."""

    async def save_snapshot(self, session_id: str, seq: int, data: bytes) -> None: ...

    async def load_snapshot(self, session_id: str) -> tuple[int, bytes] | None: ...

    async def ready(self) -> bool:
        """True when the store can take writes."""

    async def close(self) -> None: ...

    # --- retention and sharing (apart from the append path; see *_retention.py) -------------

    async def touch(self, session_id: str, expires_at: int) -> None:
        """Everything of the session (and its join code) is deleted at ``expires_at`` (unix ms)."""

    async def expires_at(self, session_id: str) -> int | None:
        """When the session will be deleted (unix ms), if known."""

    async def expired(self, now: int, untouched_expires_at: int, limit: int = 100) -> list[str]:
        """Sessions whose time is up, for the server to delete and tell every instance of (also
        on a store that expires data itself, like Redis). Sessions never touched get
        ``untouched_expires_at`` (Redis: none, they never expire)."""

    async def missing(self, session_ids: list[str]) -> list[str]:
        """Those of ``session_ids`` (sessions held live) the store no longer has."""

    async def delete_session(self, session_id: str) -> bool:
        """Remove every trace of the session now; False if there was none."""

    async def set_share(self, session_id: str, token_hash: str | None) -> None:
        """The hash of the read-only summary link's token, or None to turn the link off."""

    async def share_hash(self, session_id: str) -> str | None: ...

    async def trim(self, session_id: str) -> None:
        """Drop log records that the stored snapshot covers (the last one stays)."""


Handler = Callable[[bytes], Awaitable[None] | None]


class Broker(Protocol):
    async def subscribe(self, session_id: str, handler: Handler) -> None:
        """Deliver every message published for ``session_id`` to ``handler`` (one per session)."""

    async def unsubscribe(self, session_id: str) -> None: ...

    async def publish(self, session_id: str, payload: bytes) -> None: ...

    async def close(self) -> None: ...


class Presence(Protocol):
    async def enter(self, session_id: str, connection: str, who: bytes) -> None:
        """Mark a connection online; ``who`` is an opaque description (role, participant)."""

    async def leave(self, session_id: str, connection: str) -> None: ...

    async def online(self, session_id: str) -> list[bytes]:
        """The ``who`` of every live connection of the session."""

    async def online_many(self, session_ids: list[str]) -> dict[str, list[bytes]]:
        """``online`` for several sessions in one round trip."""

    async def close(self) -> None: ...


@dataclass
class Backend:
    """The parts a server instance needs, from one backend."""

    log: EventLog
    broker: Broker
    presence: Presence
    counters: "Counters"

    async def close(self) -> None:
        await self.broker.close()
        await self.presence.close()
        await self.counters.close()
        await self.log.close()
