"""One client socket: who it is, and the frames it has yet to be sent.

Fan-out never awaits a socket. ``send`` puts bytes in the connection's list and,
once per event-loop turn, one flush writes everything a connection got in that
turn straight to its socket: one frame as it is, several as one ``batch`` frame
(docs/protocol.md), so thirty events in one turn cost one websocket write, and an
idle socket costs no task switch. Under our own uvicorn protocol (server.protocols)
the write goes to the transport directly, past the ASGI send path. A socket written to within the last
``COALESCE_SECONDS`` waits until that much time has passed, and gets all that
came meanwhile in that one write. Only when the socket cannot take more (its
transport paused writing because the client reads too slowly) does a writer
task wait for it; frames meanwhile pile up.

Too slow is judged by what the socket has not taken, in bytes: what waits here
for its transport plus what its transport still holds. While the socket takes
what it is given, nothing is counted, however many frames one turn produced.
Once it stops taking (the writer waits) and that exceeds ``send_buffer`` bytes,
the connection is cut off (close 4008) instead of slowing the others down or
growing memory. The welcome and the events a resume catches up on (``welcome``)
do not count against it: the server chose to send them at once.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable, Coroutine
from typing import Any, Literal

from starlette.websockets import WebSocket

from boards.actors import Actor
from boards.projection import Audience
from server.frames import batch
from server.protocols import EXTENSION

log = logging.getLogger("samenspel.connection")

CLOSE_TOO_SLOW = 4008
CLOSE_RELOAD = 4010
CLOSE_REMOVED = 4011  # the facilitator removed this participant: do not reconnect
# A socket written to less than this long ago gets its next frames at most this long after that
# write, together (one write, one batch): in a burst of votes a screen gets a few writes instead of
# one per vote. A socket that was quiet for this long is written to in the same loop turn.
COALESCE_SECONDS = 0.010


class _Flusher:
    """Once per loop turn, write out every connection that got frames in it."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._dirty: list[Connection] = []

    def add(self, conn: "Connection") -> None:
        if not self._dirty:
            self._loop.call_soon(self._flush)
        self._dirty.append(conn)

    def _flush(self) -> None:
        dirty, self._dirty = self._dirty, []
        for conn in dirty:
            conn._flush()


_flushers: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Flusher]" = weakref.WeakKeyDictionary()


def _flusher() -> _Flusher:
    loop = asyncio.get_running_loop()
    flusher = _flushers.get(loop)
    if flusher is None:
        flusher = _flushers[loop] = _Flusher(loop)
    return flusher


class _Resume:
    """Await a coroutine that was started by hand and suspended (the socket was not writable):
    a task runs the rest of it. Lets the common case, a socket that takes the bytes at once,
    run the send without any task."""

    __slots__ = ("_coro", "_first")

    def __init__(self, coro: Coroutine[Any, Any, Any], first: Any) -> None:
        self._coro = coro
        self._first = first

    def __await__(self):
        coro, value = self._coro, self._first
        while True:
            try:
                sent = yield value
            except BaseException as exc:  # cancelled while waiting: let the send clean up
                try:
                    value = coro.throw(exc)
                except StopIteration as stop:
                    return stop.value
            else:
                try:
                    value = coro.send(sent)
                except StopIteration as stop:
                    return stop.value


class Connection:
    def __init__(self, websocket: WebSocket, connection_id: str, send_buffer: int) -> None:
        self.websocket = websocket
        self.id = connection_id
        self._actor: Actor | None = None
        # Read for every delivery: plain attributes, kept in step with ``actor``.
        self.role: Literal["facilitator", "participant", "viewer", "system"] | None = None
        self.participant: str | None = None
        self.audience: Audience = "others"
        self.compact = False  # its hello asked for `events` frames (server.lot)
        self._pending: list[bytes] = []  # frames not yet handed to the socket
        # Bytes given to ``send`` and not yet handed to the transport (pending, and the write a
        # writer task waits with); past ``_room`` while the socket is not taking them: too slow.
        self._unsent = 0
        self._room = send_buffer
        self._scheduled = False  # a flush is due this turn
        self._hangup: tuple[int, str] | None = None  # close after the pending frames
        self._writer: asyncio.Task | None = None  # only while the socket is not writable
        self._stopped = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._flusher: _Flusher | None = None
        self._last_write = float("-inf")  # loop time of the last flush
        self.closed = False  # no more frames are queued
        self.too_slow = asyncio.Event()  # set when it was cut off for not taking: the reader side hangs up
        self.on_too_slow: Callable[[], object] | None = None  # stops the reader side
        # Writes a message now if the socket takes it (server.protocols); absent under another server.
        hooks = websocket.scope.get("extensions", {}).get(EXTENSION, {})
        self._write_now: Callable[[bytes], bool] | None = hooks.get("write")
        self._buffered: Callable[[], int] | None = hooks.get("buffered")  # bytes the transport holds

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor | None) -> None:
        self._actor = actor
        self.role = actor.role if actor else None
        self.participant = actor.participant if actor else None
        self.audience = "facilitator" if self.role == "facilitator" else "others"

    def start(self) -> None:
        """Nothing to start: writes happen on flush (kept so callers need not know)."""

    def send(self, frame: bytes) -> None:
        """Queue a frame; never blocks. A socket that has not taken too much of what it was sent
        (see the module's docstring) is cut off instead."""
        if self.closed:
            return
        self._pending.append(frame)
        self._unsent += len(frame)
        self._queued()

    def send_many(self, frames: list[bytes], size: int) -> None:
        """``send`` each of ``frames`` (``size``: their bytes together), in one call."""
        if self.closed:
            return
        self._pending += frames
        self._unsent += size
        self._queued()

    def _queued(self) -> None:
        """After frames were queued: cut off a socket that is not taking what it was given (see
        the module's docstring), else see that a write is on its way."""
        if self._writer is not None:  # the socket is not taking what it was given
            if self._unsent + self._transport_holds() > self._room:
                self._cut_off()
            return
        if not self._scheduled:
            self._wake()

    def welcome(self, frames: list[bytes]) -> None:
        """Queue a hello's reply (the welcome and, on a resume, the events missed): sent in one
        write, and not counted against the socket as not taken."""
        self._room += sum(map(len, frames))
        for frame in frames:
            self.send(frame)

    def _transport_holds(self) -> int:
        buffered = self._buffered
        return buffered() if buffered is not None else 0

    def _cut_off(self) -> None:
        log.warning("cutting off slow connection %s: %d bytes not taken", self.id,
                    self._unsent + self._transport_holds())
        self.closed = True
        self._pending.clear()
        self._unsent = 0
        if self._writer is not None:
            self._writer.cancel()
        self.too_slow.set()
        if self.on_too_slow is not None:
            self.on_too_slow()

    def hang_up(self, code: int, reason: str) -> None:
        """Close the socket once the frames already queued are sent."""
        if self.closed:
            return
        self.closed = True
        self._hangup = (code, reason)
        self._wake()

    def _wake(self) -> None:
        if self._scheduled or self._writer is not None or self._stopped:
            return
        self._scheduled = True
        loop = self._loop
        if loop is None:
            loop = self._loop = asyncio.get_running_loop()
            self._flusher = _flusher()
        due = self._last_write + COALESCE_SECONDS
        if loop.time() >= due:
            self._flusher.add(self)
        else:  # written to a moment ago: what comes meanwhile goes with the next write
            loop.call_at(due, self._flush)

    def _next_payload(self) -> bytes | None:
        """All pending frames as one message (taken off the list), or None when there are none."""
        pending = self._pending
        if not pending:
            return None
        self._pending = []
        return pending[0] if len(pending) == 1 else batch(pending)

    def _next_write(self) -> tuple[Coroutine[Any, Any, None], int] | None:
        """The next send (all pending frames, batched) or the close, with the bytes it hands to
        the transport; None when there is nothing."""
        payload = self._next_payload()
        if payload is not None:
            return self.websocket.send_bytes(payload), len(payload)
        if self._hangup is not None:
            code, reason = self._hangup
            self._hangup = None
            return self.websocket.close(code=code, reason=reason), 0
        return None

    def _write_directly(self) -> tuple[Coroutine[Any, Any, None], int] | None:
        """Hand the pending frames to the socket itself; the ASGI send for them if it can't take
        them now (that send waits until it can)."""
        payload = self._next_payload()
        if payload is None:
            return None
        if self._write_now(payload):
            self._unsent -= len(payload)
            return None
        return self.websocket.send_bytes(payload), len(payload)

    def _flush(self) -> None:
        """Write what is pending now, without a task, while the socket takes it at once."""
        self._scheduled = False
        if self._writer is not None or self._stopped:
            return
        self._last_write = self._loop.time()
        try:
            write = self._write_directly() if self._write_now is not None else None
        except Exception:  # the socket went away; the reader side cleans up
            self._gone()
            return
        while True:
            if write is None and (write := self._next_write()) is None:
                return
            coro, size = write
            try:
                suspended = coro.send(None)
            except StopIteration:
                self._unsent -= size
                write = None
                continue
            except Exception:  # the socket went away; the reader side cleans up
                self._gone()
                return
            # Not writable now: a task waits for the socket, then writes whatever piled up meanwhile.
            self._writer = asyncio.get_running_loop().create_task(self._drain(coro, size, suspended),
                                                                  name=f"writer-{self.id}")
            return

    async def _drain(self, write: Coroutine[Any, Any, None], size: int, suspended: Any) -> None:
        try:
            await _Resume(write, suspended)
            self._unsent -= size
            while (next_write := self._next_write()) is not None:
                write, size = next_write
                await write
                self._unsent -= size
        except asyncio.CancelledError:
            raise
        except Exception:
            self._gone()
        finally:
            if self._writer is asyncio.current_task():
                self._writer = None

    def _gone(self) -> None:
        self.closed = True
        self._pending.clear()
        self._unsent = 0
        self._hangup = None

    async def close_too_slow(self, timeout: float) -> None:
        """Send close 4008 if the socket takes it within ``timeout`` (it may never: nobody reads)."""
        try:
            await asyncio.wait_for(self.websocket.close(code=CLOSE_TOO_SLOW, reason="too slow: frames were not read"),
                                   timeout)
        except (asyncio.TimeoutError, Exception):
            pass

    async def stop(self) -> None:
        self.closed = True
        self._stopped = True
        self._pending.clear()
        self._unsent = 0
        if self._writer is not None:
            self._writer.cancel()
            try:
                await self._writer
            except (asyncio.CancelledError, Exception):
                pass
