"""Raw sockets for the tests of what a well-behaved client library would never send."""

from __future__ import annotations

import asyncio
import base64
import os
import struct


async def open_raw_websocket(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A websocket handshake by hand; returns the streams once the server answered 101."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    status = await reader.readuntil(b"\r\n\r\n")
    assert status.startswith(b"HTTP/1.1 101"), status
    return reader, writer


def frame_header(length: int) -> bytes:
    """A masked binary frame's header announcing ``length`` payload bytes (the mask is zeros)."""
    if length < 126:
        head = struct.pack("!BB", 0x82, 0x80 | length)
    elif length < 65536:
        head = struct.pack("!BBH", 0x82, 0x80 | 126, length)
    else:
        head = struct.pack("!BBQ", 0x82, 0x80 | 127, length)
    return head + b"\0\0\0\0"


async def read_frame(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """One server frame (servers do not mask): its opcode and payload."""
    head = await reader.readexactly(2)
    length = head[1] & 0x7F
    if length == 126:
        length = struct.unpack("!H", await reader.readexactly(2))[0]
    elif length == 127:
        length = struct.unpack("!Q", await reader.readexactly(8))[0]
    return head[0] & 0x0F, await reader.readexactly(length)


async def close_code(reader: asyncio.StreamReader, timeout: float) -> int | None:
    """Read server frames until its close frame; its code (None if the connection ends first)."""
    async def read() -> int | None:
        while True:
            opcode, payload = await read_frame(reader)
            if opcode == 0x8:
                return struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
    try:
        return await asyncio.wait_for(read(), timeout)
    except asyncio.IncompleteReadError:
        return None


async def until_closed(reader: asyncio.StreamReader, timeout: float) -> None:
    """Wait until the server ends the TCP connection (EOF or reset); TimeoutError if it does not."""
    async def drain() -> None:
        try:
            while await reader.read(65536):
                pass
        except ConnectionError:
            pass
    await asyncio.wait_for(drain(), timeout)
