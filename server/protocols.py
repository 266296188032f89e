"""uvicorn's HTTP and websocket protocols with the limits an open internet needs.

- HTTP: a request's headers must be complete within ``header_timeout`` of the connection opening
  (or of the first byte of a later keep-alive request); a half-sent request is closed, not kept
  for ever (uvicorn has no such timeout of its own: any byte cancels its keep-alive timer).
- Websocket: until the app raises it (after a successful hello), a frame may be at most
  ``pre_hello_max_size`` bytes, so an anonymous socket cannot make the server buffer a 1 MiB frame.
  The app reaches the socket through the ASGI scope extension ``samenspel.socket``.
- Fan-out writes a message straight to the socket (``write``): a server frame is not masked, so
  it is a fixed header and the payload, and the ASGI path (Starlette, uvicorn, websockets: a
  dict, three awaits and a frame object per message) is a third of the CPU a delivery costs.
  Only while the socket is open and writable; otherwise the caller takes the ASGI path, which
  waits for the socket. ``buffered`` tells how much the transport still holds (the slow-consumer
  rule in server.connection counts it).
- After its hello the app takes a socket's binary messages straight from the parser
  (``receive_directly``): the ASGI receive path (a dict, a queue, a task wake-up, and pausing and
  resuming the transport's reads, two epoll calls, for every single message) was a quarter of the
  CPU a burst of votes costs. Text frames (refused anyway) and the disconnect still come through
  the ASGI ``receive``. ``pause_reading`` / ``resume_reading`` hold the socket back while the
  app has too much of its work in flight.
- Once a socket's binary messages go straight to the app, the common frame (a whole masked binary
  frame, FIN set, no extension bits, within the size limit) is cut out of the bytes read here
  (``data_received``) instead of by the ``websockets`` parser (a generator-based coroutine per
  frame, its stream buffer, a ``Frame`` and an event list: a sixth of a word burst's CPU). Every
  other frame (control frames, text, fragments, a length over the limit or one that has not fully
  arrived) and everything after it in that read goes to the ``websockets`` parser as before; only
  while that parser stands between two frames with nothing buffered are bytes taken here, so what
  it sees is always whole frames or the rest of the stream, and its errors and closes are its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import h11
from websockets.protocol import OPEN, Protocol
from websockets.server import ServerProtocol
from websockets.streams import StreamReader

try:
    from websockets.speedups import apply_mask
except ImportError:  # pragma: no cover - websockets built without its C extension
    from websockets.utils import apply_mask
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

EXTENSION = "samenspel.socket"


class GuardedH11Protocol(H11Protocol):
    header_timeout = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE:
            self._arm_header_timer()  # a later keep-alive request gets the same deadline
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state is not h11.IDLE:
            self._disarm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)


# The websockets parser waits here, between two frames, when it has nothing buffered.
_BETWEEN_FRAMES = StreamReader.at_eof.__code__
# The generators a server's parser is made of: ServerProtocol.parse (the handshake) hands over to
# Protocol.parse (the frames), which waits in ``at_eof`` between two frames.
_FRAME_LOOP = (ServerProtocol.parse.__code__, Protocol.parse.__code__)


def parser_between_frames(parser) -> bool:
    """Whether a ``websockets`` parser (the generator ``Protocol.parser``) waits for the first
    byte of a new frame: its innermost generator is ``at_eof``, reached through the frame loop."""
    gen = parser
    while gen is not None and getattr(gen, "gi_code", None) in _FRAME_LOOP:
        gen = gen.gi_yieldfrom
    return getattr(gen, "gi_code", None) is _BETWEEN_FRAMES


def binary_frame_header(size: int) -> bytes:
    """RFC 6455 § 5.2: FIN + binary opcode, then the payload length (servers do not mask)."""
    if size < 126:
        return bytes((0x82, size))
    if size < 65536:
        return b"\x82\x7e" + size.to_bytes(2, "big")
    return b"\x82\x7f" + size.to_bytes(8, "big")


def _set_max_size(protocol, size: int) -> None:
    # websockets >= 15 calls it max_message_size; before, max_size.
    if hasattr(protocol, "max_message_size"):
        protocol.max_message_size = size
    else:
        protocol.max_size = size


class GuardedWebSocketProtocol(WebSocketsSansIOProtocol):
    pre_hello_max_size = 4096

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _set_max_size(self.conn, self.pre_hello_max_size)
        self._deliver: Callable[[bytes], None] | None = None  # set by receive_directly
        self._held = False  # reads paused by the app (pause_reading)

    def handle_connect(self, event) -> None:
        super().handle_connect(event)
        scope = getattr(self, "scope", None)
        if scope is not None:
            scope.setdefault("extensions", {})[EXTENSION] = {
                "allow_large_frames": self._allow_large_frames,
                "abort": self._abort,
                "write": self._write_message,
                "buffered": self._buffered,
                "receive_directly": self._receive_directly,
                "pause_reading": self._pause_reading,
                "resume_reading": self._resume_reading,
            }

    def _allow_large_frames(self) -> None:
        _set_max_size(self.conn, self.config.ws_max_size)

    def _write_message(self, payload: bytes) -> bool:
        """Write one binary message now; False (nothing written) unless the socket takes it."""
        if (self.close_sent or self.disconnected or self.transport.is_closing() or not self.writable.is_set()
                or self.conn.state is not OPEN or self.conn.expect_continuation_frame):
            return False
        self.transport.write(binary_frame_header(len(payload)) + payload)
        return True

    def _buffered(self) -> int:
        """Bytes written to the transport that it has not yet handed to the kernel (0 once it is
        gone: this is asked during fan-out, which must not fail for one socket)."""
        try:
            return self.transport.get_write_buffer_size()
        except Exception:
            return 0

    def _receive_directly(self, deliver: Callable[[bytes], None]) -> list[dict]:
        """From now on hand every binary message to ``deliver`` as it is parsed (it must not
        raise). Returns the ``websocket.receive`` messages already queued for the ASGI receive, in
        order, for the caller to handle first; a disconnect already queued stays queued."""
        queued: list[dict] = []
        rest = []
        while not self.queue.empty():
            message = self.queue.get_nowait()
            (queued if message["type"] == "websocket.receive" else rest).append(message)
        for message in rest:
            self.queue.put_nowait(message)
        self._deliver = deliver
        if self.read_paused and self.queue.empty():  # paused for what was queued: taken now
            self.read_paused = False
            if not self._held:
                self.transport.resume_reading()
        return queued

    def data_received(self, data: bytes) -> None:
        if self._deliver is None or not self._between_frames():
            super().data_received(data)
            return
        conn = self.conn
        limit = conn.max_message_size
        if conn.max_fragment_size is not None:
            limit = conn.max_fragment_size if limit is None else min(limit, conn.max_fragment_size)
        deliver = self._deliver
        end = len(data)
        at = 0
        # Whole masked binary frames (FIN, no RSV bits; RFC 6455 § 5.2), one after another.
        while at + 6 <= end and data[at] == 0x82:
            size = data[at + 1]
            if size < 0x80:  # not masked: a protocol error, the parser's to report
                break
            size &= 0x7F
            if size < 126:
                start = at + 6
            elif size == 126 and at + 8 <= end:
                size = (data[at + 2] << 8) | data[at + 3]
                start = at + 8
            else:  # 8-byte lengths (over 64 KiB), or a header not all here: the parser's
                break
            stop = start + size
            if stop > end or (limit is not None and size > limit):
                break
            payload = apply_mask(data[start:stop], data[start - 4:start])
            at = stop
            try:
                deliver(payload)
            except Exception:  # a bug must cost this message, not the connection
                self.logger.exception("handling a websocket message failed")
            if self.close_sent or self._deliver is None:
                break
        if at < end:
            super().data_received(data[at:] if at else data)

    def _between_frames(self) -> bool:
        """Whether the websockets parser waits for a new frame with nothing buffered, on an open
        connection without extensions or a fragmented message under way: then the next bytes
        start a frame, and this protocol may cut frames out of them itself (``data_received``)."""
        conn = self.conn
        return (conn.state is OPEN and not self.close_sent and not conn.extensions
                and conn.current_size is None and not conn.reader.buffer and parser_between_frames(conn.parser))

    def send_receive_event_to_app(self) -> None:
        if self._deliver is None or self.curr_msg_data_type == "text" or self.close_sent:
            super().send_receive_event_to_app()
            return
        data = self.frames[0] if len(self.frames) == 1 else b"".join(self.frames)
        self.frames = []
        try:
            self._deliver(data)
        except Exception:  # a bug must cost this message, not the connection
            self.logger.exception("handling a websocket message failed")

    def _pause_reading(self) -> None:
        if not self._held:
            self._held = True
            if not self.read_paused:
                self.transport.pause_reading()

    def _resume_reading(self) -> None:
        if self._held:
            self._held = False
            if not self.read_paused:
                self.transport.resume_reading()

    def _abort(self) -> None:
        if not self.transport.is_closing():
            self.transport.abort()


def protocols(header_timeout: float, pre_hello_max_size: int) -> tuple[type, type]:
    """The two protocol classes with these limits, for ``uvicorn.run(http=…, ws=…)``."""
    http = type("SamenspelH11Protocol", (GuardedH11Protocol,), {"header_timeout": header_timeout})
    ws = type("SamenspelWebSocketProtocol", (GuardedWebSocketProtocol,), {"pre_hello_max_size": pre_hello_max_size})
    return http, ws
