"""One client socket: who it is, and a bounded queue of outbound frames.

Fan-out never awaits a socket: it drops bytes into each connection's queue and a
writer task sends them. A connection whose queue is full is not reading; it is
cut off (close 4008) instead of slowing the others down or growing memory.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Literal

from starlette.websockets import WebSocket

from boards.actors import Actor
from boards.projection import Audience

log = logging.getLogger("samenspel.connection")

CLOSE_TOO_SLOW = 4008
CLOSE_RELOAD = 4010
CLOSE_REMOVED = 4011  # the facilitator removed this participant: do not reconnect


class _HangUp:
    """Queued after the last frame: the writer closes the socket when it gets here."""

    def __init__(self, code: int, reason: str) -> None:
        self.code = code
        self.reason = reason


class Connection:
    def __init__(self, websocket: WebSocket, connection_id: str, queue_size: int) -> None:
        self.websocket = websocket
        self.id = connection_id
        self.actor: Actor | None = None
        self._queue: asyncio.Queue[bytes | _HangUp] = asyncio.Queue(maxsize=queue_size + 1)
        self._queue_size = queue_size
        self._writer: asyncio.Task | None = None
        self.closed = False  # no more frames are queued
        self.too_slow = asyncio.Event()  # set when the queue overflowed: the reader side hangs up
        self.on_too_slow: Callable[[], object] | None = None  # stops the reader side

    @property
    def role(self) -> Literal["facilitator", "participant", "viewer", "system"] | None:
        return self.actor.role if self.actor else None

    @property
    def participant(self) -> str | None:
        return self.actor.participant if self.actor else None

    @property
    def audience(self) -> Audience:
        return "facilitator" if self.role == "facilitator" else "others"

    def start(self) -> None:
        self._writer = asyncio.create_task(self._write_loop(), name=f"writer-{self.id}")

    def send(self, frame: bytes) -> None:
        """Queue a frame; never blocks. A full queue means the client stopped reading."""
        if self.closed:
            return
        if self._queue.qsize() >= self._queue_size:
            log.warning("cutting off slow connection %s: %d frames unread", self.id, self._queue.qsize())
            self.closed = True
            if self._writer is not None:
                self._writer.cancel()
            self.too_slow.set()
            if self.on_too_slow is not None:
                self.on_too_slow()
            return
        self._queue.put_nowait(frame)

    def hang_up(self, code: int, reason: str) -> None:
        """Close the socket once the frames already queued are sent."""
        if self.closed:
            return
        self.closed = True
        self._queue.put_nowait(_HangUp(code, reason))  # the queue keeps one slot for this

    async def close_too_slow(self, timeout: float) -> None:
        """Send close 4008 if the socket takes it within ``timeout`` (it may never: nobody reads)."""
        try:
            await asyncio.wait_for(self.websocket.close(code=CLOSE_TOO_SLOW, reason="too slow: frames were not read"),
                                   timeout)
        except (asyncio.TimeoutError, Exception):
            pass

    async def _write_loop(self) -> None:
        try:
            while True:
                item = await self._queue.get()
                if isinstance(item, _HangUp):
                    await self.websocket.close(code=item.code, reason=item.reason)
                    return
                await self.websocket.send_bytes(item)
        except asyncio.CancelledError:
            raise
        except Exception:  # the socket went away; the reader side cleans up
            self.closed = True

    async def stop(self) -> None:
        self.closed = True
        if self._writer is not None:
            self._writer.cancel()
            try:
                await self._writer
            except (asyncio.CancelledError, Exception):
                pass
