"""After its hello, a socket's binary frames are cut out of the bytes as they are read
(server/protocols.py, ``data_received``): whatever way a client's frames are split over or packed
into reads, and with control frames, text frames and an oversized frame among them, each is
answered as it always was."""

from __future__ import annotations

import asyncio
import os
import struct

import msgpack

from tests.support.client import create_session
from tests.support.raw import close_code, open_raw_websocket, read_frame


def masked(opcode: int, payload: bytes, mask: bytes | None = None) -> bytes:
    """A client's frame (FIN set), masked with a random key as a browser does."""
    mask = mask or os.urandom(4)
    size = len(payload)
    if size < 126:
        head = bytes((0x80 | opcode, 0x80 | size))
    elif size < 65536:
        head = bytes((0x80 | opcode, 0x80 | 126)) + struct.pack("!H", size)
    else:
        head = bytes((0x80 | opcode, 0x80 | 127)) + struct.pack("!Q", size)
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def binary(frame: dict) -> bytes:
    return masked(0x2, msgpack.packb(frame))


async def server_frames(reader: asyncio.StreamReader, wanted, timeout: float = 10.0) -> list[tuple[int, object]]:
    """Read the server's frames (binary ones decoded, batches opened) until ``wanted(got)`` holds."""
    got: list[tuple[int, object]] = []

    async def read() -> None:
        while not wanted(got):
            opcode, payload = await read_frame(reader)
            if opcode == 0x2:
                frame = msgpack.unpackb(payload)
                for f in frame["frames"] if frame.get("type") == "batch" else [frame]:
                    got.append((opcode, f))
            else:
                got.append((opcode, payload))
    await asyncio.wait_for(read(), timeout)
    return got


def pongs(got) -> list[int]:
    return [f["ref"] for op, f in got if op == 0x2 and f.get("type") == "pong"]


async def test_frames_split_packed_and_mixed_with_control_and_text_frames_are_each_answered(server):
    session = await create_session(server.http_url)
    reader, writer = await open_raw_websocket(server.port)
    writer.write(binary({"type": "hello", "session": session["session"], "code": session["join_code"], "ref": 1}))
    await server_frames(reader, lambda got: any(op == 0x2 and f.get("type") == "welcome" for op, f in got))

    # One read: a ping, a websocket ping, a ping, a text frame, a ping, and the first half of a ping.
    last = binary({"type": "ping", "ref": 6, "t": 1.5})
    writer.write(binary({"type": "ping", "ref": 2}) + masked(0x9, b"hi") + binary({"type": "ping", "ref": 3})
                 + masked(0x1, b'{"type": "ping"}') + binary({"type": "ping", "ref": 4}) + last[:5])
    await writer.drain()
    for i in range(5, len(last)):  # the rest a byte at a time
        writer.write(last[i:i + 1])
        await writer.drain()
    # A frame with a 2-byte length (over 125 bytes), split inside its header.
    long = binary({"type": "ping", "ref": 7, "t": 2.5, "pad": "x" * 200})
    writer.write(long[:3])
    await writer.drain()
    writer.write(long[3:] + binary({"type": "ping", "ref": 8}))
    got = await server_frames(reader, lambda got: 8 in pongs(got)
                              and any(op == 0x2 and f.get("type") == "error" and f["ref"] == 7 for op, f in got))
    assert pongs(got) == [2, 3, 4, 6, 8]  # in order; 7 had a field a ping does not have
    assert (0xA, b"hi") in got  # the websocket ping answered by the websocket layer
    errors = [f for op, f in got if op == 0x2 and f.get("type") == "error"]
    assert sorted((e["code"], e["ref"] or 0) for e in errors) == [("bad_frame", 0), ("invalid", 7)]
    assert next(f for op, f in got if op == 0x2 and f.get("ref") == 6)["t"] == 1.5

    # A frame announced larger than the limit: the socket is closed with 1009 (message too big).
    writer.write(masked(0x2, b"")[:1] + bytes((0x80 | 127,)) + struct.pack("!Q", 2**40) + b"\0\0\0\0")
    await writer.drain()
    assert await close_code(reader, 10.0) == 1009
    writer.close()


FRAME_LIMIT = 64 * 1024  # server/settings.py max_frame_bytes: over it, the error frame_too_large


def random_stream(rng, first_ref: int) -> tuple[bytes, list[tuple[int, str]], list[bytes]]:
    """About 25 client frames of every kind and size class (7-bit, 16-bit and 64-bit lengths,
    around each boundary), as one byte stream; with the answers they must get, in order:
    (ref, "pong" or an error code) for the binary and text frames, the payloads of the pongs."""
    stream, answers, pongs = b"", [], []
    for ref in range(first_ref, first_ref + rng.randint(15, 30)):
        kind = rng.choice(["ping", "ping", "padded", "padded", "text", "wsping"])
        if kind == "ping":
            stream += binary({"type": "ping", "ref": ref, "t": rng.random()})
            answers.append((ref, "pong"))
        elif kind == "padded":  # a field a ping does not have: `invalid`, or over the frame limit
            pad = rng.choice([rng.randint(90, 130), rng.randint(65490, 65560), rng.randint(1, 400), 70000])
            frame = msgpack.packb({"type": "ping", "ref": ref, "pad": "x" * pad})
            stream += masked(0x2, frame)
            answers.append((ref, "invalid" if len(frame) <= FRAME_LIMIT else "frame_too_large"))
        elif kind == "text":
            stream += masked(0x1, b'{"type": "ping"}')
            answers.append((0, "bad_frame"))
        else:
            payload = os.urandom(rng.randint(0, 125))
            stream += masked(0x9, payload)
            pongs.append(payload)
    return stream, answers, pongs


async def test_random_streams_of_frames_cut_anywhere_are_answered_in_order(server):
    """Whatever the mix and wherever the reads cut it, every frame gets its own answer, in the order
    sent (a text frame's refusal, which has no ref, may come later): frames taken by our cutter
    and by the websockets parser take turns without losing a byte."""
    import random

    session = await create_session(server.http_url)
    for seed in range(8):
        rng = random.Random(seed)
        reader, writer = await open_raw_websocket(server.port)
        writer.write(binary({"type": "hello", "session": session["session"], "code": session["join_code"], "ref": 1}))
        await server_frames(reader, lambda got: any(op == 0x2 and f.get("type") == "welcome" for op, f in got))
        stream, answers, pings = random_stream(rng, 2)
        cuts = sorted(rng.sample(range(1, len(stream)), rng.randint(1, 12)))
        for start, end in zip([0, *cuts], [*cuts, len(stream)]):
            writer.write(stream[start:end])
            await writer.drain()

        def answered(got) -> list[tuple[int, str]]:
            return [(f.get("ref") or 0, "pong" if f["type"] == "pong" else f["code"])
                    for op, f in got if op == 0x2 and f.get("type") in ("pong", "error")]

        got = await server_frames(reader, lambda got: len(answered(got)) >= len(answers)
                                  and len([p for op, p in got if op == 0xA]) >= len(pings), timeout=20)
        # Binary frames are answered in the order sent. A text frame is refused through the ASGI
        # receive (server/protocols.py), so its error (without a ref) may come a little later.
        assert [a for a in answered(got) if a != (0, "bad_frame")] == [a for a in answers if a != (0, "bad_frame")], seed
        assert answered(got).count((0, "bad_frame")) == answers.count((0, "bad_frame")), seed
        assert [p for op, p in got if op == 0xA] == pings, seed
        writer.close()
