"""What every part of the Redis backend shares: the connection pool, the key names, the errors
and the guard that turns Redis trouble into :class:`StoreUnavailable` (key layout: server.store.redis)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator

import redis.asyncio as aioredis
import redis.exceptions as rex
from redis.asyncio.retry import Retry
from redis.backoff import EqualJitterBackoff

from server.store.base import SessionReset, StoreUnavailable

log = logging.getLogger("samenspel.redis")


# Redis errors that mean "unreachable now, a retry later may work". One caveat: after a timeout
# an append may have landed with only its reply lost. It is never acknowledged then (the caller
# sees StoreUnavailable); the records turn up on the next read, and a resend of the very same
# records is recognised by the append script.
_UNAVAILABLE: tuple[type[BaseException], ...] = (
    rex.ConnectionError,  # incl. BusyLoadingError (Redis loading its AOF), MaxConnectionsError
    rex.TimeoutError,
    rex.ReadOnlyError,  # a replica after a failover
    rex.ClusterDownError,  # incl. MasterDownError
    rex.TryAgainError,
    rex.OutOfMemoryError,  # maxmemory reached with noeviction: writes refused
    asyncio.TimeoutError,
    OSError,
)


class SessionLost(SessionReset):
    """The session's meta is gone (Redis restarted empty): the session no longer exists."""


class LogRewound(SessionReset):
    """The log ends before the caller's expected seq: it lost acknowledged records. The session's
    epoch has been replaced, so clients holding positions from before get a snapshot."""


# Error replies with which Redis refuses a write for now (nothing written; a retry later may work):
# persistence failing (MISCONF), too few replicas, a busy script, a cluster slot moving.
_REFUSALS = ("MISCONF", "NOREPLICAS", "BUSY", "MOVED", "ASK", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN")


def _is_refusal(exc: BaseException) -> bool:
    return isinstance(exc, rex.ResponseError) and str(exc).split(" ", 1)[0] in _REFUSALS


@contextlib.contextmanager
def _guard(what: str) -> Iterator[None]:
    try:
        yield
    except _UNAVAILABLE as exc:
        raise StoreUnavailable(f"redis unavailable during {what}: {exc}") from exc
    except rex.ResponseError as exc:
        if _is_refusal(exc):
            raise StoreUnavailable(f"redis refused {what}: {exc}") from exc
        raise


def _key(session_id: str, part: str) -> str:
    return f"ss:{{{session_id}}}:{part}"


def _code_key(join_code: str) -> str:
    return f"ss:code:{join_code}"


def _channel(session_id: str) -> bytes:
    return _key(session_id, "events").encode()


class _Client:
    """The command connection pool, shared by log, broker and presence; closed by the last of them."""

    def __init__(self, url: str, *, socket_timeout: float, max_connections: int) -> None:
        self.url = url
        pool = aioredis.BlockingConnectionPool.from_url(
            url,
            decode_responses=False,
            max_connections=max_connections,
            timeout=socket_timeout,  # waiting for a free pooled connection
            socket_timeout=socket_timeout,
            socket_connect_timeout=min(1.0, socket_timeout),
            socket_keepalive=True,
            health_check_interval=30,
            # A refused or reset connection (Redis restarting, an idle socket it closed) is retried
            # quickly, twice; a timeout is not: Redis is slow or hung and waiting longer helps no one.
            retry=Retry(EqualJitterBackoff(cap=0.2, base=0.02), 2, supported_errors=(rex.ConnectionError,)),
            client_name="samenspel",
        )
        self.redis = aioredis.Redis.from_pool(pool)
        self._users = 4

    async def release(self) -> None:
        self._users -= 1
        if self._users == 0:
            await self.redis.aclose()
