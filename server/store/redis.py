"""The Redis backend: one Redis shared by any number of server instances.

Key layout. Every key of one session carries the session id as its hash tag, so
each command and script touches a single slot: the layout is ready for Redis
Cluster, though this module connects with a plain (non-cluster) client today::

    ss:{<session>}:meta      hash    session, join_code, facilitator_hash, created_at, epoch
    ss:{<session>}:log       stream  entry id "<seq>-0", one field "d" = the record's bytes
    ss:{<session>}:cred      hash    token_hash -> participant
    ss:{<session>}:snap      hash    seq, data (the newest snapshot only)
    ss:{<session>}:online    zset    connection -> last heartbeat (Redis server time, ms)
    ss:{<session>}:who       hash    connection -> who (opaque bytes)
    ss:{<session>}:img       hash    photos of sketches, display and thumbnail (server.store.redis_images)
    ss:{<session>}:events    pub/sub channel of the session
    ss:code:<join code>      string  -> session id
    ss:probe:<instance>      pub/sub channel the broker probes itself on
    ss:limit:<rule>:<key>    string  a rate-limit counter (INCRBY + PEXPIRE in one script)
    ss:mark:<rule>:<key>     string  "this address reached this session" (expires)
    ss:expiry                zset    session -> when it expires (server.store.redis_retention)

The join-code index is outside the session's slot (as is the expiry index): it is looked up
by code before the session is known, so it cannot carry the session's tag. It is
written first (``SET NX`` decides who owns a code) and the meta second; a crash
in between leaves a code that points at no session, which only wastes that code.

The log is a stream whose entry ids are the sequence numbers (``<seq>-0``): the
seq is stored with the data, ``XRANGE`` reads "after seq N, at most M" in
O(log n + M), and ``XADD`` refuses an id that is not above the last one, a
second guard behind the compare-and-append script. Records are bytes in, bytes
out: every client here has ``decode_responses=False``.

Compare-and-append is one Lua script over the log and the meta: it refuses to
write when the meta is gone, answers "already done" to a retry whose records
are already in place (so the driver may resend an append after a dropped
reply without a second write), and treats a log that ends *before* the
caller's expected seq as data loss: acknowledged records are gone, so it
replaces the session's epoch and raises :class:`LogRewound`.

Redis restarted empty (no persistence, or a new Redis): the meta is gone, so
``session()`` answers None and the session no longer exists for this store; an
append for it raises :class:`SessionLost` (a :class:`StoreUnavailable`, so no
caller ever acknowledges it) instead of starting a new log under old sequence
numbers; and the broker reconnects and delivers ``{"resync": 1}`` to its
handlers, whose check of ``session()`` (meta gone, or another epoch) tells them
to send their clients to reload. Run Redis with ``maxmemory-policy noeviction``:
an evicted log key would look like exactly this data loss.
"""

from __future__ import annotations

from server.store.base import Backend
from server.store.redis_broker import RESYNC, RedisBroker
from server.store.redis_client import LogRewound, SessionLost, _Client
from server.store.redis_counters import RedisCounters
from server.store.redis_log import RedisLog
from server.store.redis_presence import RedisPresence

__all__ = ["RESYNC", "LogRewound", "SessionLost", "open_redis"]


def open_redis(url: str, *, socket_timeout: float = 2.0, max_connections: int = 64,
               presence_ttl: float = 30.0, heartbeat_every: float = 10.0,
               probe_every: float = 5.0, probe_timeout: float = 2.0) -> Backend:
    """A backend on the Redis at ``url``. Connects lazily: nothing is awaited here."""
    client = _Client(url, socket_timeout=socket_timeout, max_connections=max_connections)
    return Backend(
        log=RedisLog(client),
        broker=RedisBroker(client, probe_every=probe_every, probe_timeout=probe_timeout),
        presence=RedisPresence(client, ttl=presence_ttl, heartbeat_every=heartbeat_every),
        counters=RedisCounters(client),
    )
