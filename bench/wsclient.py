"""A minimal websocket client for load generation: many sockets per process, little CPU per frame.

The ``websockets`` client costs tens of microseconds per received frame; a load generator that
holds thousands of sockets and receives tens of thousands of frames a second would measure itself.
This one is an ``asyncio.Protocol``: one handshake, then a tight parser for the server's (unmasked)
frames, stamping each read with one clock reading. Client frames carry the all-zero masking key (a
valid key: servers must unmask whatever key is sent; a browser would pick random ones), so sending
costs no XOR. Pings are answered; fragmented messages are not expected (none of the servers
measured fragments) and are refused.

Loopback only: the generator connects to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import base64
import os
import struct
import time
from collections.abc import Callable

_perf = time.perf_counter

OnMessage = Callable[[bytes, bool, float], None]  # payload, is_text, arrival time


def _frame(opcode: int, payload: bytes) -> bytes:
    n = len(payload)
    if n < 126:
        head = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
    elif n < 65536:
        head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
    return head + b"\x00\x00\x00\x00" + payload  # zero mask: the payload goes as it is


class WsClient(asyncio.Protocol):
    def __init__(self, host: str, port: int, path: str, on_message: OnMessage) -> None:
        self.host, self.port, self.path = host, port, path
        self.on_message = on_message
        self.transport: asyncio.Transport | None = None
        self.opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.closed: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
        self._buf = bytearray()
        self._open = False
        self.close_code: int | None = None
        self.paused_reading = False

    # --- asyncio.Protocol ------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        bind = getattr(self.on_message, "bind", None)  # a handler that answers needs its socket at once
        if bind is not None:
            bind(self)
        key = base64.b64encode(os.urandom(16)).decode()
        self.transport.write((
            f"GET {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode())

    def data_received(self, data: bytes) -> None:
        now = _perf()
        buf = self._buf
        buf += data
        if not self._open:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return
            status = bytes(buf[:end]).split(b"\r\n", 1)[0]
            del buf[:end + 4]
            if b" 101 " not in status:
                if not self.opened.done():
                    self.opened.set_exception(ConnectionError(f"handshake refused: {status!r}"))
                self.transport.close()
                return
            self._open = True
            if not self.opened.done():
                self.opened.set_result(None)
        i = 0
        n = len(buf)
        on_message = self.on_message
        while n - i >= 2:
            b0 = buf[i]
            length = buf[i + 1] & 0x7F
            head = 2
            if length == 126:
                if n - i < 4:
                    break
                length = (buf[i + 2] << 8) | buf[i + 3]
                head = 4
            elif length == 127:
                if n - i < 10:
                    break
                length = int.from_bytes(buf[i + 2:i + 10], "big")
                head = 10
            if n - i < head + length:
                break
            payload = bytes(buf[i + head:i + head + length])
            i += head + length
            opcode = b0 & 0x0F
            if not b0 & 0x80 or opcode == 0:
                raise ValueError("fragmented frames are not expected")
            if opcode == 2:
                on_message(payload, False, now)
            elif opcode == 1:
                on_message(payload, True, now)
            elif opcode == 9:
                self.transport.write(_frame(0xA, payload))
            elif opcode == 8:
                self.close_code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                self.transport.write(_frame(0x8, payload[:2]))
                self.transport.close()
        if i:
            del buf[:i]

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.opened.done():
            self.opened.set_exception(ConnectionError(f"connection lost before the handshake: {exc}"))
        if not self.closed.done():
            self.closed.set_result(self.close_code)

    # --- sending ---------------------------------------------------------------------------------

    def send_binary(self, payload: bytes) -> None:
        if not self.transport.is_closing():  # a server that closed us is counted by what never arrives
            self.transport.write(_frame(0x2, payload))

    def send_text(self, payload: str) -> None:
        if not self.transport.is_closing():
            self.transport.write(_frame(0x1, payload.encode()))

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            try:
                self.transport.write(_frame(0x8, struct.pack("!H", 1000)))
            finally:
                self.transport.close()

    def stop_reading(self) -> None:
        """Never read again (a client that stalled): the kernel buffers fill, then the server's."""
        self.paused_reading = True
        self.transport.pause_reading()


async def connect(host: str, port: int, path: str, on_message: OnMessage, rcvbuf: int | None = None,
                  timeout: float = 20.0) -> WsClient:
    loop = asyncio.get_running_loop()
    sock = None
    if rcvbuf is not None:
        import socket

        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        sock.setblocking(False)
        await loop.sock_connect(sock, (host, port))
        _, proto = await loop.create_connection(lambda: WsClient(host, port, path, on_message), sock=sock)
    else:
        _, proto = await loop.create_connection(lambda: WsClient(host, port, path, on_message), host, port)
    await asyncio.wait_for(proto.opened, timeout)
    return proto
