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

import asyncio
import contextlib
import inspect
import logging
import math
import random
import secrets
from collections.abc import Iterator

import msgpack
import redis.asyncio as aioredis
import redis.exceptions as rex
from redis.asyncio.retry import Retry
from redis.backoff import EqualJitterBackoff, NoBackoff

from server.store.base import Backend, Handler, SessionMeta, SessionReset, StoreUnavailable
from server.logs import session_ref
from server.store.redis_retention import RedisRetention

log = logging.getLogger("samenspel.redis")

RESYNC = msgpack.packb({"resync": 1})

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


# KEYS[1] log stream, KEYS[2] meta hash. ARGV[1] expected seq, ARGV[2] a fresh epoch, ARGV[3] a pub/sub
# channel ('' for none) and ARGV[4] what to publish there once appended (the doorbell rings in the
# same round trip, and only if the records are in), ARGV[5..] the records.
# Returns
#    1  appended;
#    0  refused: the log goes beyond the expected seq (someone else appended first);
#    2  the log already holds exactly these records at these seqs (a retry whose reply was lost);
#   -1  the session has no meta (Redis lost it): nothing written;
#   -2  the log ends before the expected seq, so it lost records the caller saw acknowledged
#       (a Redis that came back from an older AOF/RDB, a failover to a lagging replica): nothing
#       written, and the session's epoch is replaced by ARGV[2] so no position from before counts.
_APPEND = """
if redis.call('EXISTS', KEYS[2]) == 0 then return -1 end
local expected = tonumber(ARGV[1])
local n = #ARGV - 4
local last = 0
local top = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if top[1] then last = tonumber(string.match(top[1][1], '^(%d+)')) end
if last < expected then
  redis.call('HSET', KEYS[2], 'epoch', ARGV[2])
  return -2
end
if last > expected then
  if n == 0 or last < expected + n then return 0 end
  local have = redis.call('XRANGE', KEYS[1], (expected + 1) .. '-0', (expected + n) .. '-0')
  if #have ~= n then return 0 end
  for i = 1, n do
    if have[i][2][2] ~= ARGV[i + 4] then return 0 end
  end
  return 2
end
for i = 1, n do
  redis.call('XADD', KEYS[1], (expected + i) .. '-0', 'd', ARGV[i + 4])
end
if ARGV[3] ~= '' then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
return 1
"""

# KEYS[1] meta hash. ARGV field, value pairs, join_code 3rd/4th and epoch 9th/10th.
# 1 written (or already written by this very call, retried), 0 another session has this id.
_CREATE_META = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  local have = redis.call('HMGET', KEYS[1], 'join_code', 'epoch')
  if have[1] == ARGV[4] and have[2] == ARGV[10] then return 1 end
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
"""

# KEYS[1] join-code key. ARGV[1] the session that may own it. Deletes it only if it does.
_RELEASE_CODE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

# KEYS[1] snapshot hash. ARGV[1] seq, ARGV[2] data. Only a newer snapshot replaces the stored one.
_SAVE_SNAPSHOT = """
local cur = redis.call('HGET', KEYS[1], 'seq')
if cur and tonumber(cur) >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'data', ARGV[2])
return 1
"""

# Presence scores are Redis server time, so instances with skewed clocks agree on who is stale.
_NOW_MS = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

# KEYS[1] online zset, KEYS[2] who hash. ARGV[1] key lifetime ms, then connection, who pairs.
_TOUCH = _NOW_MS + """
for i = 2, #ARGV, 2 do
  redis.call('ZADD', KEYS[1], now, ARGV[i])
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
"""

# KEYS[1] online zset, KEYS[2] who hash. ARGV[1] ttl ms. Purges stale entries, returns the live whos.
_ONLINE = _NOW_MS + """
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[1])))
for i = 1, #stale do
  redis.call('ZREM', KEYS[1], stale[i])
  redis.call('HDEL', KEYS[2], stale[i])
end
local live = redis.call('ZRANGE', KEYS[1], 0, -1)
local out = {}
for i = 1, #live do
  local who = redis.call('HGET', KEYS[2], live[i])
  if who then out[#out + 1] = who end
end
return out
"""


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


class RedisLog(RedisRetention):
    announces = True  # ``append`` publishes the doorbell itself

    def __init__(self, client: _Client, *, ready_timeout: float = 2.0) -> None:
        self._client = client
        self._r = client.redis
        self._ready_timeout = ready_timeout
        self._closed = False
        self._append = self._r.register_script(_APPEND)
        self._batch: list[tuple[list[str], list, asyncio.Future]] | None = None  # appends of this loop turn
        self._batches: set[asyncio.Task] = set()
        self._create_meta = self._r.register_script(_CREATE_META)
        self._release_code = self._r.register_script(_RELEASE_CODE)
        self._save_snapshot = self._r.register_script(_SAVE_SNAPSHOT)

    async def create_session(self, meta: SessionMeta) -> bool:
        code_key = _code_key(meta.join_code)
        with _guard("create_session"):
            # NX with GET (Redis >= 7.0): a retry after a lost reply finds its own session id there.
            owner = await self._r.set(code_key, meta.session, nx=True, get=True)
            if owner is not None and owner != meta.session.encode():
                return False
            fields = ["session", meta.session, "join_code", meta.join_code, "facilitator_hash",
                      meta.facilitator_hash, "created_at", str(meta.created_at), "epoch", meta.epoch]
            if await self._create_meta(keys=[_key(meta.session, "meta")], args=fields):
                return True
            await self._release_code(keys=[code_key], args=[meta.session])
            return False

    async def session(self, session_id: str) -> SessionMeta | None:
        with _guard("session"):
            raw = await self._r.hgetall(_key(session_id, "meta"))
        if not raw:
            return None
        f = {k.decode(): v.decode() for k, v in raw.items()}
        return SessionMeta(session=f["session"], join_code=f["join_code"], facilitator_hash=f["facilitator_hash"],
                           created_at=int(f["created_at"]), epoch=f["epoch"])

    async def session_by_code(self, join_code: str) -> SessionMeta | None:
        with _guard("session_by_code"):
            session_id = await self._r.get(_code_key(join_code))
        if session_id is None:
            return None
        meta = await self.session(session_id.decode())
        return meta if meta is not None and meta.join_code == join_code else None

    async def add_credential(self, session_id: str, token_hash: str, participant: str) -> None:
        with _guard("add_credential"):
            # written after the join's append: it takes the session's expiry (see redis_retention)
            await self._add_credential_expiring(session_id, token_hash, participant)

    async def credential(self, session_id: str, token_hash: str) -> str | None:
        with _guard("credential"):
            raw = await self._r.hget(_key(session_id, "cred"), token_hash)
        return raw.decode() if raw is not None else None

    async def append(self, session_id: str, expected_seq: int, records: list[bytes],
                     announce: bytes | None = None) -> bool:
        """Compare-and-append; with ``announce``, also publish it on the session's channel in the
        same script (so the broker's doorbell costs no round trip of its own).

        Appends made in the same event-loop turn (by any sessions) go to Redis together, in one
        pipeline: one round trip and one pooled connection for all of them (group commit). Each
        is still its own script call, atomic and checked on its own."""
        args = [expected_seq, secrets.token_hex(8), _channel(session_id) if announce is not None else b"",
                announce or b"", *records]
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        entry = ([_key(session_id, "log"), _key(session_id, "meta")], args, future)
        with _guard("append"):
            if self._batch is not None:  # another append of this turn leads: ride along
                self._batch.append(entry)
            else:
                # Lead: wait one loop turn for the appends made in it, then send them all. The
                # leader sends from its own task (no task is created per batch).
                batch = self._batch = [entry]
                try:
                    await asyncio.sleep(0)
                except asyncio.CancelledError:
                    self._batch = None
                    future.cancel()
                    self._spawn_batch(batch)  # the others still go
                    raise
                self._batch = None
                try:
                    await self._run_batch(batch)
                except asyncio.CancelledError:
                    if future.done() and not future.cancelled():
                        future.exception()  # ours is moot: we are cancelled
                    raise
            result = await future
        if result == -1:
            raise SessionLost(f"session {session_ref(session_id)} has no meta in redis (restarted empty?)")
        if result == -2:
            raise LogRewound(f"session {session_ref(session_id)}: the log ends before seq {expected_seq}; its epoch was replaced")
        return result in (1, 2)

    async def last_seqs(self, session_ids: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        with _guard("last_seqs"):
            for i in range(0, len(session_ids), 200):
                chunk = session_ids[i:i + 200]
                pipe = self._r.pipeline(transaction=False)
                for session_id in chunk:
                    pipe.xrevrange(_key(session_id, "log"), "+", "-", count=1)
                for session_id, top in zip(chunk, await pipe.execute()):
                    out[session_id] = int(top[0][0].split(b"-", 1)[0]) if top else 0
        return out

    def _spawn_batch(self, batch: list) -> None:
        task = asyncio.get_running_loop().create_task(self._run_batch(batch))
        self._batches.add(task)
        task.add_done_callback(self._batches.discard)

    async def _run_batch(self, batch: list) -> None:
        """Send the appends; each one's future gets its result (or the error that ended the round trip)."""
        batch = [entry for entry in batch if not entry[2].done()]  # a cancelled caller sends nothing
        if not batch:
            return
        try:
            if len(batch) == 1:
                keys, args, _ = batch[0]
                try:
                    results = [await self._append(keys=keys, args=args)]
                except rex.ResponseError as exc:
                    results = [exc]
            else:
                results = await self._pipelined_appends(batch)
        except asyncio.CancelledError:
            # The leading caller was cancelled mid round trip. The others were not: to them this is
            # an unanswered append (it may have landed), which they resend (see live.py).
            for *_, future in batch:
                if not future.done():
                    future.set_exception(rex.TimeoutError("the append round trip was abandoned"))
            raise
        except Exception as exc:  # the round trip failed: none of them is known to be in
            for *_, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (*_, future), result in zip(batch, results):
            if future.done():
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)

    async def _pipelined_appends(self, batch: list) -> list:
        """The batch's scripts in one pipeline, by their SHA. (Handing redis-py's Script objects to
        a pipeline costs a SCRIPT EXISTS round trip before every execute: a second round trip
        for every group commit.) A Redis that lost its scripts answers NOSCRIPT without running
        them: load the script and send those again."""
        results: list = [None] * len(batch)
        todo = list(range(len(batch)))
        for attempt in range(2):
            pipe = self._r.pipeline(transaction=False)
            for i in todo:
                keys, args, _ = batch[i]
                pipe.evalsha(self._append.sha, len(keys), *keys, *args)
            for i, result in zip(todo, await pipe.execute(raise_on_error=False)):
                results[i] = result
            todo = [i for i in todo if isinstance(results[i], rex.NoScriptError)]
            if not todo or attempt:
                break
            await self._r.script_load(_APPEND)
        return results

    async def renew_epoch(self, session_id: str) -> None:
        with _guard("renew_epoch"):
            await self._r.hset(_key(session_id, "meta"), "epoch", secrets.token_hex(8))

    async def read(self, session_id: str, after_seq: int, limit: int = 1000) -> list[bytes]:
        if limit <= 0:
            return []
        start = f"{after_seq + 1}-0" if after_seq >= 0 else "-"
        with _guard("read"):
            entries = await self._r.xrange(_key(session_id, "log"), min=start, max="+", count=limit)
        return [fields[b"d"] for _, fields in entries]

    async def save_snapshot(self, session_id: str, seq: int, data: bytes) -> None:
        with _guard("save_snapshot"):
            await self._save_snapshot(keys=[_key(session_id, "snap")], args=[seq, data])

    async def load_snapshot(self, session_id: str) -> tuple[int, bytes] | None:
        with _guard("load_snapshot"):
            seq, data = await self._r.hmget(_key(session_id, "snap"), ["seq", "data"])
        if seq is None or data is None:
            return None
        return int(seq), data

    async def ready(self) -> bool:
        """A PING, given as long as any command: on an event loop busy with thousands of sockets
        the reply can take a while to be read, and a slow answer is not an outage."""
        try:
            return bool(await asyncio.wait_for(self._r.ping(), self._ready_timeout))
        except Exception:
            return False

    async def close(self) -> None:
        if not self._closed:
            self._closed = True
            await self._client.release()


class RedisBroker:
    """Fan-out over Redis pub/sub: one subscriber connection per instance, one channel per session.

    A supervisor task owns the subscriber connection. It (re)connects with
    backoff, subscribes the probe channel and every current session channel,
    and waits for Redis to confirm them before it counts as live. Whenever a
    handler may have missed messages (the connection dropped, or its subscribe
    could not be confirmed), it gets ``{"resync": 1}`` once the subscription is
    live again, so it reads the log for what it missed. A probe published every
    ``probe_every`` seconds must come back within ``probe_timeout``; if not, the
    subscription went silent and the connection is replaced.

    Handlers run one at a time on the reader, in the order Redis delivers; a
    handler that blocks holds up this instance's fan-out (and, past Redis's
    ``client-output-buffer-limit pubsub``, gets the connection dropped and a resync).
    """

    def __init__(self, client: _Client, *, probe_every: float = 5.0, probe_timeout: float = 2.0,
                 confirm_timeout: float = 2.0, backoff_cap: float = 2.0) -> None:
        self._client = client
        self._r = client.redis
        # The subscriber gets its own connection, never retried silently: a reconnect must resubscribe.
        self._pool = aioredis.ConnectionPool.from_url(
            client.url, decode_responses=False, socket_timeout=2.0, socket_connect_timeout=1.0,
            socket_keepalive=True, retry=Retry(NoBackoff(), 0), client_name="samenspel-pubsub")
        self._probe_every = probe_every
        self._probe_timeout = probe_timeout
        self._confirm_timeout = confirm_timeout
        self._backoff_cap = backoff_cap
        self._probe_channel = f"ss:probe:{secrets.token_hex(8)}".encode()
        self._handlers: dict[str, Handler] = {}
        self._sessions: dict[bytes, str] = {}  # channel -> session
        self._needs_resync: set[str] = set()
        self._waiters: dict[bytes, list[asyncio.Future[bool]]] = {}
        self._conn = None
        self._live = asyncio.Event()
        self._supervisor: asyncio.Task | None = None
        self._read_task: asyncio.Task | None = None
        self._kick_reason = ""
        self._probe_token = 0
        self._probe_wait: tuple[bytes, asyncio.Future[None]] | None = None
        self._closing = False
        self._down = False  # the last connection attempt failed
        self._dispatched = 0  # messages the reader handled, so the probe tells busy from silent
        self._in_handler = False
        self.reconnects = 0
        self.probe_failures = 0

    # --- the interface -----------------------------------------------------------------------

    async def subscribe(self, session_id: str, handler: Handler) -> None:
        """Returns once Redis confirmed the subscription; if it cannot (Redis down), the handler
        stays registered and gets ``resync`` when the subscription is live again."""
        if self._closing:
            raise RuntimeError("broker closed")
        channel = _channel(session_id)
        self._handlers[session_id] = handler
        self._sessions[channel] = session_id
        if self._supervisor is None:
            self._supervisor = asyncio.create_task(self._supervise(), name="samenspel-redis-pubsub")
        if not self._live.is_set():
            if self._down:  # Redis is known to be unreachable: don't hold the caller up
                self._needs_resync.add(session_id)
                return
            # The handshake subscribes every channel registered before it goes live.
            try:
                await asyncio.wait_for(self._live.wait(), self._confirm_timeout)
                return
            except asyncio.TimeoutError:
                self._needs_resync.add(session_id)
                return
        conn = self._conn
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(channel, []).append(waiter)
        try:
            if not await self._send(conn, "SUBSCRIBE", channel):
                raise rex.ConnectionError("subscriber connection is being replaced")
            confirmed = await asyncio.wait_for(asyncio.shield(waiter), self._confirm_timeout)
        except (*_UNAVAILABLE,) as exc:
            log.warning("subscribe to %s not confirmed (%s); it is resubscribed on reconnect", session_ref(session_id), exc)
            confirmed = False
            if conn is self._conn:
                self._kick("subscribe not confirmed")
        if not confirmed and self._handlers.get(session_id) is handler:
            self._needs_resync.add(session_id)

    async def unsubscribe(self, session_id: str) -> None:
        channel = _channel(session_id)
        self._handlers.pop(session_id, None)
        self._sessions.pop(channel, None)
        self._needs_resync.discard(session_id)
        try:
            await self._send(self._conn, "UNSUBSCRIBE", channel)
        except _UNAVAILABLE:
            pass  # the connection is gone, and with it the subscription

    async def publish(self, session_id: str, payload: bytes) -> None:
        with _guard("publish"):
            await self._r.publish(_channel(session_id), payload)

    async def close(self) -> None:
        if self._closing:
            return
        self._closing = True
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
        self._handlers.clear()
        self._sessions.clear()
        await self._pool.disconnect()
        await self._client.release()

    # --- the subscriber connection -----------------------------------------------------------

    async def _send(self, conn, *args: str | bytes) -> bool:
        """Send on the live subscriber connection only. A connection object that dropped would
        silently reconnect on send: a socket with a subscription that nobody reads."""
        if conn is None or conn is not self._conn or not self._live.is_set() or not conn.is_connected:
            return False
        await conn.send_command(*args, check_health=False)
        return True

    def _kick(self, reason: str) -> None:
        """Drop the current subscriber connection; the supervisor reconnects and resyncs."""
        self._kick_reason = reason
        if self._read_task is not None:
            self._read_task.cancel()

    async def _supervise(self) -> None:
        attempt = 0
        generation = 0
        while not self._closing:
            conn = self._pool.make_connection()
            try:
                await conn.connect()
                pending = await self._handshake(conn)
            except BaseException as exc:
                await conn.disconnect(nowait=True)
                if not isinstance(exc, (*_UNAVAILABLE, rex.ResponseError)):
                    raise
                self._down = True
                attempt += 1
                delay = min(self._backoff_cap, 0.05 * 2 ** attempt) * random.uniform(0.5, 1.0)
                if attempt == 1 or attempt % 10 == 0:
                    log.warning("pub/sub connect failed (attempt %d): %s; retrying in %.2fs", attempt, exc, delay)
                await asyncio.sleep(delay)
                continue
            if generation:
                self.reconnects += 1
                log.warning("pub/sub reconnected (reconnect #%d) after %d failed attempts; resubscribed %d channels",
                            self.reconnects, attempt, len(self._sessions))
            generation += 1
            attempt = 0
            self._down = False
            self._conn = conn
            self._live.set()
            self._kick_reason = ""
            read_task = self._read_task = asyncio.create_task(self._read(conn, pending))
            probe_task = asyncio.create_task(self._probe())
            try:
                await asyncio.wait({read_task, probe_task}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                self._live.clear()
                self._conn = None
                self._read_task = None
                for task in (read_task, probe_task):
                    task.cancel()
                for task in (read_task, probe_task):
                    with contextlib.suppress(BaseException):
                        await task
                await conn.disconnect(nowait=True)
                self._needs_resync.update(self._handlers)
                for waiters in self._waiters.values():
                    for waiter in waiters:
                        if not waiter.done():
                            waiter.set_result(False)
                self._waiters.clear()
            if self._closing:
                return
            if self._kick_reason:
                reason = self._kick_reason
            elif read_task.done() and not read_task.cancelled() and read_task.exception() is not None:
                reason = f"{type(read_task.exception()).__name__}: {read_task.exception()}"
            else:
                reason = "connection ended"
            log.warning("pub/sub connection dropped (%s); reconnecting", reason)

    async def _handshake(self, conn) -> list:
        """Subscribe the probe and every session channel, and wait until Redis confirmed all."""
        subscribed: set[bytes] = set()
        pending: list = []  # messages that arrive meanwhile, dispatched once live
        loop = asyncio.get_running_loop()
        while True:
            gone = subscribed - set(self._sessions) - {self._probe_channel}
            if gone:  # unsubscribed while we were connecting
                await conn.send_command("UNSUBSCRIBE", *gone, check_health=False)
                subscribed -= gone
            new = ({self._probe_channel} | set(self._sessions)) - subscribed
            if not new:
                # No await from here until the supervisor marks the connection live, so every
                # channel registered before then is subscribed and confirmed.
                return pending
            await conn.send_command("SUBSCRIBE", *new, check_health=False)
            deadline = loop.time() + self._confirm_timeout
            while new:
                left = deadline - loop.time()
                msg = await conn.read_response(timeout=left, push_request=True) if left > 0 else None
                if msg is None:
                    raise rex.TimeoutError("subscriptions not confirmed in time")
                if msg[0] == b"subscribe":
                    new.discard(msg[1])
                    subscribed.add(msg[1])
                elif msg[0] == b"message":
                    pending.append(msg)

    async def _read(self, conn, pending: list) -> None:
        resync, self._needs_resync = self._needs_resync, set()
        for session_id in resync:
            handler = self._handlers.get(session_id)
            if handler is not None:
                await self._call(session_id, handler, RESYNC)
        for msg in pending:
            await self._dispatch(msg)
        while True:
            msg = await conn.read_response(timeout=math.inf, push_request=True)
            await self._dispatch(msg)

    async def _dispatch(self, msg) -> None:
        self._dispatched += 1
        kind = msg[0]
        if kind == b"message":
            channel, payload = msg[1], msg[2]
            if channel == self._probe_channel:
                if self._probe_wait is not None and self._probe_wait[0] == payload:
                    if not self._probe_wait[1].done():
                        self._probe_wait[1].set_result(None)
                return
            session_id = self._sessions.get(channel)
            handler = self._handlers.get(session_id) if session_id is not None else None
            if handler is not None:
                await self._call(session_id, handler, payload)
        elif kind == b"subscribe":
            waiters = self._waiters.get(msg[1])
            if waiters:
                waiter = waiters.pop(0)
                if not waiters:
                    del self._waiters[msg[1]]
                if not waiter.done():
                    waiter.set_result(True)

    async def _call(self, session_id: str, handler: Handler, payload: bytes) -> None:
        self._in_handler = True
        try:
            result = handler(payload)
            if inspect.isawaitable(result):
                await result
        except Exception:
            log.exception("broker handler for session %s failed", session_ref(session_id))
        finally:
            self._in_handler = False

    async def _probe(self) -> None:
        """Returns (and so ends this connection) when a probe does not come back in time."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self._probe_every)
            self._probe_token += 1
            token = str(self._probe_token).encode()
            future: asyncio.Future[None] = loop.create_future()
            self._probe_wait = (token, future)
            try:
                await self._r.publish(self._probe_channel, token)
            except _UNAVAILABLE:
                continue  # the command path is down; the subscriber notices its own loss, or the next probe does
            try:
                while True:
                    progress = self._dispatched
                    try:
                        await asyncio.wait_for(asyncio.shield(future), self._probe_timeout)
                        break
                    except asyncio.TimeoutError:
                        # A reader busy in a handler or working through a backlog is slow, not
                        # silent: the probe is queued behind real messages. Keep waiting.
                        if self._in_handler or self._dispatched != progress:
                            continue
                        self.probe_failures += 1
                        log.warning("pub/sub probe not received within %.1fs (probe failure #%d); reconnecting",
                                    self._probe_timeout, self.probe_failures)
                        self._kick_reason = "probe not answered"
                        return
            finally:
                self._probe_wait = None


class RedisPresence:
    """Who is online, per session, across instances.

    Each entry carries the Redis time of its last heartbeat; ``online`` ignores
    and purges entries older than ``ttl``. This instance re-touches its own
    connections every ``heartbeat_every`` seconds, so the entries of a crashed
    instance vanish within ``ttl``, and those of a live one come back within one
    heartbeat after Redis lost them. ``enter`` and ``leave`` do their best and
    never raise: the heartbeat repairs a missed ``enter``, the TTL a missed ``leave``.
    """

    def __init__(self, client: _Client, *, ttl: float = 30.0, heartbeat_every: float = 10.0) -> None:
        if heartbeat_every >= ttl:
            raise ValueError("the heartbeat must come more often than the ttl")
        self._client = client
        self._r = client.redis
        self._ttl_ms = int(ttl * 1000)
        self._heartbeat_every = heartbeat_every
        self._touch = self._r.register_script(_TOUCH)
        self._leave = self._r.register_script(_LEAVE)
        self._online = self._r.register_script(_ONLINE)
        self._mine: dict[str, dict[str, bytes]] = {}
        self._heartbeat: asyncio.Task | None = None
        self.heartbeat_failures = 0
        self._closed = False

    def _keys(self, session_id: str) -> list[str]:
        return [_key(session_id, "online"), _key(session_id, "who")]

    async def _touch_session(self, session_id: str, conns: dict[str, bytes]) -> None:
        args: list[str | bytes | int] = [2 * self._ttl_ms]
        for connection, who in conns.items():
            args += [connection, who]
        await self._touch(keys=self._keys(session_id), args=args)

    async def enter(self, session_id: str, connection: str, who: bytes) -> None:
        self._mine.setdefault(session_id, {})[connection] = who
        if self._heartbeat is None:
            self._heartbeat = asyncio.create_task(self._beat(), name="samenspel-redis-presence")
        try:
            await self._touch_session(session_id, {connection: who})
        except _UNAVAILABLE as exc:
            log.warning("presence enter for session %s not stored (%s); the heartbeat retries", session_ref(session_id), exc)

    async def leave(self, session_id: str, connection: str) -> None:
        conns = self._mine.get(session_id)
        if conns is not None:
            conns.pop(connection, None)
            if not conns:
                del self._mine[session_id]
        try:
            await self._leave(keys=self._keys(session_id), args=[connection])
        except _UNAVAILABLE as exc:
            log.warning("presence leave for session %s not stored (%s); it expires", session_ref(session_id), exc)

    async def online(self, session_id: str) -> list[bytes]:
        with _guard("online"):
            return list(await self._online(keys=self._keys(session_id), args=[self._ttl_ms]))

    async def online_many(self, session_ids: list[str]) -> dict[str, list[bytes]]:
        out: dict[str, list[bytes]] = {}
        with _guard("online"):
            for i in range(0, len(session_ids), 200):
                chunk = session_ids[i:i + 200]
                pipe = self._r.pipeline(transaction=False)
                for session_id in chunk:
                    await self._online(keys=self._keys(session_id), args=[self._ttl_ms], client=pipe)
                for session_id, who in zip(chunk, await pipe.execute()):
                    out[session_id] = list(who)
        return out

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self._heartbeat_every)
            sessions = list(self._mine.items())
            # One pipeline per 200 sessions: an instance holding many sessions pays a few round
            # trips per heartbeat, not one per session.
            for i in range(0, len(sessions), 200):
                try:
                    pipe = self._r.pipeline(transaction=False)
                    for session_id, conns in sessions[i:i + 200]:
                        args: list[str | bytes | int] = [2 * self._ttl_ms]
                        for connection, who in dict(conns).items():
                            args += [connection, who]
                        await self._touch(keys=self._keys(session_id), args=args, client=pipe)
                    # Shielded: a heartbeat stopped mid round trip (close, a test's "crash") lets
                    # the pipeline finish and hand its connection back instead of leaving it half read.
                    await asyncio.shield(pipe.execute())
                except Exception as exc:  # never let the heartbeat die: presence would vanish for good
                    self.heartbeat_failures += 1
                    log.warning("presence heartbeat failed (failure #%d): %s", self.heartbeat_failures, exc)
                    break

    async def close(self) -> None:
        """Stop the heartbeat. Entries of connections still here expire within the ttl."""
        if self._closed:
            return
        self._closed = True
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
            self._heartbeat = None
        self._mine.clear()
        await self._client.release()


# KEYS[1] counter. ARGV[1] window ms, ARGV[2] cost. INCRBY and the window's expiry in one step, so
# a counter never outlives its window (a crash between INCR and EXPIRE cannot leave one forever).
_HIT = """
local n = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
"""


class RedisCounters:
    """Rate-limit counters shared by every instance on this Redis (``ss:limit:<key>``, ``ss:mark:<key>``)."""

    def __init__(self, client: _Client) -> None:
        self._client = client
        self._r = client.redis
        self._hit = self._r.register_script(_HIT)
        self._closed = False

    async def hit(self, key: str, window: float, cost: int = 1) -> tuple[int, float]:
        with _guard("limit"):
            n, ttl = await self._hit(keys=[f"ss:limit:{key}"], args=[max(1, int(window * 1000)), cost])
        return int(n), int(ttl) / 1000

    async def peek(self, key: str) -> tuple[int, float]:
        with _guard("limit"):
            async with self._r.pipeline(transaction=False) as pipe:
                n, ttl = await pipe.get(f"ss:limit:{key}").pttl(f"ss:limit:{key}").execute()
        if n is None or ttl is None or int(ttl) < 0:
            return 0, 0.0
        return int(n), int(ttl) / 1000

    async def mark(self, key: str, ttl: float) -> None:
        with _guard("mark"):
            await self._r.set(f"ss:mark:{key}", b"1", px=max(1, int(ttl * 1000)))

    async def marked(self, key: str) -> bool:
        with _guard("mark"):
            return bool(await self._r.exists(f"ss:mark:{key}"))

    async def close(self) -> None:
        if not self._closed:
            self._closed = True
            await self._client.release()


# KEYS[1] online zset, KEYS[2] who hash. ARGV[1] connection.
_LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
"""


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
