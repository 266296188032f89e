"""Fan-out on Redis: pub/sub, one subscriber connection per instance, one channel per session."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import math
import random
import secrets

import msgpack
import redis.asyncio as aioredis
import redis.exceptions as rex
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from server.logs import session_ref
from server.store.base import Handler
from server.store.redis_client import _Client, _UNAVAILABLE, _channel, _guard, log

RESYNC = msgpack.packb({"resync": 1})


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
