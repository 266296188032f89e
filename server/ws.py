"""The websocket endpoint: hello, then commands in, replies and events out (MessagePack)."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import msgpack
from starlette.websockets import WebSocket, WebSocketDisconnect

from boards.actors import Actor
from boards.errors import DomainError, ErrorCode
from server import frames, metrics
from server.auth import TokenBucket, hash_secret, new_id, normalise_join_code, secret_matches
from server.connection import Connection
from server.hub import Hub
from server.limits import Limits, RateLimited
from server.live import LiveSession, Outcome, now_ms
from server.logs import session_ref
from server.origins import origin_allowed
from server.protocols import EXTENSION
from server.settings import Settings
from server.store.base import StoreUnavailable

log = logging.getLogger("samenspel.ws")

CLOSE_BAD_ORIGIN = 4003
CLOSE_NO_HELLO = 4001
CLOSE_TOO_MANY = 4029
CLOSE_WAIT = 5.0  # how long a too-slow client gets to take its close frame
CLOSE_SILENT = 4002  # asked for the heartbeat, then went silent: the connection is dead
# Commands of one socket in flight at once. The next frame is read while earlier commands wait for
# the store, so a client's commands that queue up go out in one group commit (server/live.py)
# instead of one store round trip each after the other; past this many, reading waits.
MAX_IN_FLIGHT = 32
BEAT = frames.encode({"type": "beat"})


def client_key(websocket: WebSocket) -> str:
    return websocket.client.host if websocket.client else "unknown"


async def _receive(websocket: WebSocket) -> bytes | str:
    message = await websocket.receive()
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000))
    return _data(message)


def _data(message: dict) -> bytes | str:
    """What a ``websocket.receive`` message carries."""
    if message.get("bytes") is not None:
        return message["bytes"]
    return message.get("text") or ""


class SocketSession:
    """One socket's conversation with the server.

    Until its hello, a socket's frames are read by ``run`` through the ASGI receive. After it,
    under our own uvicorn protocol (server.protocols), each binary frame is handled the moment it
    is parsed, without a task (``_on_frame``): a command is queued for its session's next group
    commit and answered when that commit settles. ``run`` then only waits for the disconnect (and
    for text frames, which are refused). Under another ASGI server ``run`` reads every frame."""

    def __init__(self, websocket: WebSocket, hub: Hub, settings: Settings, limits: Limits,
                 subprotocols: list[str] | None = None) -> None:
        self.websocket = websocket
        self.subprotocols = subprotocols or []  # offered in the upgrade: it may carry the hello
        self.hub = hub
        self.settings = settings
        self.limits = limits
        self.conn = Connection(websocket, new_id(), settings.send_buffer)
        self.bucket = TokenBucket(settings.rate_per_second, settings.rate_burst)
        self.live: LiveSession | None = None
        self._actor: Actor | None = None  # the hello's actor, once the socket is attached (= conn.actor)
        # The participant's allowance shared by their sockets here (server.participant_buckets),
        # held from the hello on: one frame is then one take, without looking it up.
        self._shared_bucket: TokenBucket | None = None
        self._loop = asyncio.get_running_loop()
        # Since when this socket has been waiting for a frame (None while reading is held up by
        # us: a hello being handled, or too many commands in flight, is not the client's silence).
        self.waiting_since: float | None = None
        self.silent = False  # it asked for the heartbeat and stopped answering: hang up
        self._beat: asyncio.TimerHandle | None = None
        self._in_flight = 0  # commands submitted, not yet answered
        # Made only when someone waits (a socket is 30 KiB; two idle Events would be 1.5 of it):
        self._answer_waiter: asyncio.Future | None = None  # resolved when a command is answered
        self._direct = False  # frames come to _on_frame as they are parsed
        self._left = False  # leaving: frames that still come are dropped

    async def run(self) -> None:
        self.conn.start()
        task = asyncio.current_task()
        loop = self._loop
        # When the connection is cut off for not reading, this task is cancelled out of its receive.
        self.conn.on_too_slow = task.cancel
        self._task = task
        # A socket that never identifies itself holds a slot for nothing: close it.
        no_hello = loop.call_later(self.settings.hello_timeout, self._close_if_anonymous)
        try:
            if self.subprotocols:
                await self._upgrade_hello()
                if self._direct:
                    self.waiting_since = loop.time()
            while True:
                if not self._direct:
                    self.waiting_since = loop.time()
                data = await _receive(self.websocket)
                if self._direct:  # a text frame: refused, like any frame that is not MessagePack
                    self._on_frame(data)
                    continue
                self.waiting_since = None
                await self._handle(data)
                if self._direct:  # that was the hello: from now on frames come to _on_frame
                    self.waiting_since = loop.time() if self._in_flight < MAX_IN_FLIGHT else None
                    continue
                await self._answers(below=MAX_IN_FLIGHT)
                # Frames already buffered are received without yielding: let the writers run
                # between two of them.
                await asyncio.sleep(0)
        except WebSocketDisconnect:
            pass
        except asyncio.CancelledError:
            if not (self.conn.too_slow.is_set() or self.silent):
                raise  # shutdown
            task.uncancel()
        finally:
            self._left = True
            no_hello.cancel()
            if self._beat is not None:
                self._beat.cancel()
            await self._leave()
        if self.conn.too_slow.is_set():
            await self.conn.close_too_slow(CLOSE_WAIT)
        elif self.silent:  # the network is gone: the close frame will hardly arrive; don't wait for it
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.websocket.close(code=CLOSE_SILENT, reason="no heartbeat"), 1.0)

    def _heartbeat(self) -> None:
        """Every beat: hang up on a socket silent for too long, else send the next beat."""
        self._beat = None
        if self.conn.closed:
            return
        loop = self._loop
        waiting = self.waiting_since
        if waiting is not None and loop.time() - waiting > self.settings.ws_silence_limit:
            log.info("connection %s silent for %.1f s; closing it", self.conn.id, loop.time() - waiting)
            self.silent = True
            self._task.cancel()
            return
        self.conn.send(BEAT)
        self._beat = loop.call_later(self.settings.ws_beat_every, self._heartbeat)

    def _close_if_anonymous(self) -> None:
        if self.live is None:
            self.conn.send(frames.error(ErrorCode.NOT_AUTHENTICATED,
                                        f"no hello within {self.settings.hello_timeout:g} s; closing"))
            self.conn.hang_up(CLOSE_NO_HELLO, "no hello")
            # A client in the middle of a frame never reads the close: cut the connection itself.
            self._loop.call_later(CLOSE_WAIT, self._abort_if_anonymous)

    def _abort_if_anonymous(self) -> None:
        if self.live is None:
            self._socket_extension("abort")

    def _socket_extension(self, name: str, *args):
        """Call one of the socket hooks of server.protocols (absent under another ASGI server:
        then None)."""
        hook = self.websocket.scope.get("extensions", {}).get(EXTENSION, {}).get(name)
        return hook(*args) if hook is not None else None

    async def _handle(self, data: bytes | str) -> None:
        hello = self._handle_now(data)
        if hello is not None:
            try:
                await self._hello(hello)
            except Exception as exc:
                self._refused(exc, hello.ref, data)

    async def _upgrade_hello(self) -> None:
        """The hello carried by the upgrade (docs/protocol.md), handled as if it were the first
        frame: the same checks, the same replies (the welcome goes out at once). One that cannot
        be read gets its error; the socket stays, waiting for a hello frame as any other."""
        try:
            data = frames.upgrade_hello(self.subprotocols)
        except DomainError as exc:
            self._reply_error(exc, None, b"")
            return
        if data is not None:
            await self._handle(data)

    def _on_frame(self, data: bytes | str) -> None:
        """A frame, straight from the parser (after the hello; see the class's docstring)."""
        if self._left:
            return
        self._handle_now(data)
        if self.waiting_since is not None:
            self.waiting_since = self._loop.time()

    def _handle_now(self, data: bytes | str) -> frames.Hello | None:
        """Handle a frame without waiting for anything; a hello (which must wait) is returned
        for the caller to handle."""
        ref = None
        try:
            if not self.bucket.take():
                raise DomainError(ErrorCode.RATE_LIMITED, "too many frames; slow down")
            frame = frames.decode(data, self.settings.max_frame_bytes)
            ref = frame.ref
            kind = frame.__class__
            if kind is frames.Beat:
                pass  # being received was the point
            elif kind is frames.Ping:
                self.conn.send(frames.encode({"type": "pong", "ref": ref, "t": frame.t, "server_time": now_ms()}))
            elif kind is frames.Hello:
                if self.live is not None:
                    raise DomainError(ErrorCode.INVALID, "already said hello on this socket")
                return frame
            elif self.live is None or self._actor is None:
                raise DomainError(ErrorCode.NOT_AUTHENTICATED, "send hello first")
            elif self._shared_bucket is not None and not self._shared_bucket.take():
                raise DomainError(ErrorCode.RATE_LIMITED, "too many frames from you (all your screens together); "
                                                          "slow down")
            elif kind is frames.Drag:
                self.live.relay_drag(self._actor, frame)  # no reply: drags come many a second
            else:
                self._start_command(frame, ref, data)
        except Exception as exc:
            self._refused(exc, ref, data)
        return None

    def _start_command(self, frame, ref: int | None, data: bytes | str) -> None:
        """Queue a command for its session's next group commit, without waiting for its outcome
        (the reply goes out when it comes). Commands reach the session in the order they were
        read. Past MAX_IN_FLIGHT unanswered ones, this socket is not read until one is answered."""
        self._in_flight += 1
        if self._in_flight == MAX_IN_FLIGHT:
            if self._direct:
                self._socket_extension("pause_reading")
                self.waiting_since = None
        self.live.enqueue(self._actor, frame, lambda result: self._answered(result, ref, data))

    def _answered(self, result: Outcome | Exception, ref: int | None, data: bytes | str) -> None:
        if isinstance(result, Exception):
            self._refused(result, ref, data)
        else:
            self.conn.send(frames.ok(ref, result.seq, result.repeat))
        self._in_flight -= 1
        if self._in_flight == MAX_IN_FLIGHT - 1 and self._direct and not self._left:
            self._socket_extension("resume_reading")
            self.waiting_since = self._loop.time()
        waiter, self._answer_waiter = self._answer_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def _answers(self, below: int) -> None:
        """Wait until fewer than ``below`` commands are in flight."""
        while self._in_flight >= below:
            if self._answer_waiter is None or self._answer_waiter.done():
                self._answer_waiter = self._loop.create_future()
            await self._answer_waiter

    def _receive_directly(self) -> None:
        """From now on take this socket's frames as they are parsed (if the server lets us)."""
        queued = self._socket_extension("receive_directly", self._on_frame)
        if queued is None:
            return
        self._direct = True
        for message in queued:  # read before now: handled before any that comes next
            self._handle_now(_data(message))

    def _refused(self, exc: Exception, ref: int | None, data: bytes | str) -> None:
        if isinstance(exc, StoreUnavailable):
            exc = DomainError(ErrorCode.UNAVAILABLE, "the board's store is unreachable; try again")
        elif not isinstance(exc, DomainError):  # a bug must cost one command, not the socket
            log.error("command failed unexpectedly", exc_info=exc)
            exc = DomainError(ErrorCode.UNAVAILABLE, "the server could not do this; try again")
        self._reply_error(exc, ref, data)

    def _reply_error(self, exc: DomainError, ref: int | None, data: bytes | str) -> None:
        if ref is None and isinstance(data, bytes):
            ref = frames.ref_of(data)
        metrics.REFUSALS.labels(exc.code.value).inc()
        if exc.code == ErrorCode.UNAVAILABLE:
            metrics.STORE_ERRORS.inc()
        retry_after = exc.retry_after if isinstance(exc, RateLimited) else None
        self.conn.send(frames.error(exc.code, exc.message, ref, retry_after))

    async def _hello(self, hello: frames.Hello) -> None:
        if self.live is not None:
            raise DomainError(ErrorCode.INVALID, "already said hello on this socket")
        key = client_key(self.websocket)
        live = await self.hub.acquire(hello.session)
        if live is None:
            wait = await self.limits.failed(key, None)
            if wait is not None:
                raise RateLimited("too many failed attempts from here; try again later", wait)
            raise DomainError(ErrorCode.NOT_FOUND, "no such session")
        try:
            actor = await self._authenticate(live, hello, key)
            self.conn.actor = actor
            self.conn.compact = hello.compact
            live.attach(self.conn, hello.last_seq, hello.epoch, hello.ref)
        except BaseException:
            self.conn.actor = None
            await self.hub.release(live)
            raise
        self.live = live
        self._actor = actor
        if actor.participant is not None:
            self._shared_bucket = live.participant_buckets.bucket(actor.participant, self.settings.rate_per_second,
                                                                  self.settings.rate_burst)
        self._socket_extension("allow_large_frames")
        self._receive_directly()
        if hello.heartbeat:
            self._heartbeat()
        try:
            await self.hub.backend.presence.enter(live.id, self.conn.id, msgpack.packb(
                {"role": actor.role, "participant": actor.participant}))
            await live.presence_changed()
        except StoreUnavailable:
            log.warning("presence unavailable; session %s shows who is online once the store is back", session_ref(live.id))

    async def _authenticate(self, live: LiveSession, hello: frames.Hello, key: str) -> Actor:
        """Who the hello's credential makes this socket. A valid secret or token is never refused
        for anyone's wrong attempts; codes follow the join-code rule (see server.limits)."""
        if hello.token:
            if secret_matches(hello.token, live.meta.facilitator_hash):
                await self.limits.check_token(key, live.id, valid=True)
                return Actor("facilitator")
            participant = await self.hub.backend.log.credential(live.id, hash_secret(hello.token))
            if participant is not None and participant not in live.state.participants:
                # Joined through another instance a moment ago: its event may not be here yet.
                await live.catch_up()
            if participant is not None and participant in live.state.participants:
                await self.limits.check_token(key, live.id, valid=True)
                return Actor("participant", participant)
            await self.limits.check_token(key, live.id, valid=False)
            raise DomainError(ErrorCode.BAD_TOKEN, "this link or token is not (or no longer) valid here")
        if hello.code:
            valid = normalise_join_code(hello.code) == live.meta.join_code
            await self.limits.check_code(key, live.id, valid)
            if valid:
                viewers = sum(1 for conn in live.connections if conn.role == "viewer")
                if viewers >= self.settings.max_viewers_per_session:
                    raise DomainError(ErrorCode.LIMIT_REACHED, f"this session already has {viewers} projector screens")
                return Actor("viewer")
            raise DomainError(ErrorCode.BAD_TOKEN, "wrong join code")
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, "hello needs a token or a join code")

    async def _leave(self) -> None:
        # Commands in flight finish (stored is stored); their replies go nowhere.
        await self._answers(below=1)
        await self.conn.stop()
        live = self.live
        if live is None:
            return
        live.detach(self.conn)
        try:
            await self.hub.backend.presence.leave(live.id, self.conn.id)
            await live.presence_changed()
        except Exception:
            log.exception("presence update on leave failed")
        await self.hub.release(live)


async def websocket_endpoint(websocket: WebSocket) -> None:
    app_state = websocket.app.state
    settings: Settings = app_state.settings
    if not origin_allowed(websocket, settings):
        await websocket.close(code=CLOSE_BAD_ORIGIN, reason="origin not allowed")
        return
    sockets: dict[str, int] = app_state.sockets_per_address
    key = client_key(websocket)
    # Offered subprotocols may carry the hello (docs/protocol.md); only "samenspel" is ever echoed.
    offered = list(websocket.scope.get("subprotocols") or [])
    await websocket.accept(subprotocol=frames.SUBPROTOCOL if frames.SUBPROTOCOL in offered else None)
    if sockets.get(key, 0) >= settings.max_sockets_per_address:
        await websocket.send_bytes(frames.error(ErrorCode.RATE_LIMITED, "too many connections from your address"))
        await websocket.close(code=CLOSE_TOO_MANY, reason="too many connections")
        return
    sockets[key] = sockets.get(key, 0) + 1
    app_state.open_sockets += 1
    if app_state.gc_pacer is not None:
        app_state.gc_pacer.saw_sockets(app_state.open_sockets)
    metrics.CONNECTIONS.inc()
    try:
        await SocketSession(websocket, app_state.hub, settings, app_state.limits, offered).run()
    finally:
        metrics.CONNECTIONS.dec()
        app_state.open_sockets -= 1
        sockets[key] -= 1
        if not sockets[key]:
            del sockets[key]
