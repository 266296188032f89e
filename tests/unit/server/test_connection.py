"""server/connection.py: frames of one loop turn go out as one write; a socket that does not take them is cut off."""

from __future__ import annotations

import asyncio

import msgpack

from server import frames
from server.connection import COALESCE_SECONDS, Connection


class FakeSocket:
    """The two calls a Connection makes, with the transport's flow control as an Event."""

    scope: dict = {}  # no direct-write hook (server.protocols): every write takes the ASGI path

    def __init__(self) -> None:
        self.sent: list[bytes] = []
        self.closed: tuple[int, str] | None = None
        self.writable = asyncio.Event()
        self.writable.set()

    async def send_bytes(self, data: bytes) -> None:
        await self.writable.wait()
        self.sent.append(data)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        await self.writable.wait()
        self.closed = (code, reason)

    def received(self) -> list[dict]:
        out = []
        for data in self.sent:
            frame = msgpack.unpackb(data)
            out += frame["frames"] if frame["type"] == "batch" else [frame]
        return out


async def turn() -> None:
    for _ in range(3):
        await asyncio.sleep(0)


def frame(n: int) -> bytes:
    return frames.encode({"type": "event", "seq": n})


async def test_frames_of_one_turn_go_as_one_batch_and_a_lone_frame_as_itself() -> None:
    """Three frames queued in one turn are one websocket message, in order; a frame alone is not wrapped."""
    ws = FakeSocket()
    conn = Connection(ws, "c1", send_buffer=1024)
    for n in (1, 2, 3):
        conn.send(frame(n))
    await turn()
    assert len(ws.sent) == 1 and msgpack.unpackb(ws.sent[0])["type"] == "batch"
    await asyncio.sleep(COALESCE_SECONDS * 2)  # quiet for a while: the next frame goes at once
    conn.send(frame(4))
    await turn()
    assert ws.sent[1] == frame(4)
    assert [f["seq"] for f in ws.received()] == [1, 2, 3, 4]


async def test_frames_soon_after_a_write_wait_for_one_later_write() -> None:
    """Frames queued in the turns just after a write go out together once COALESCE_SECONDS passed."""
    ws = FakeSocket()
    conn = Connection(ws, "c1", send_buffer=1024)
    conn.send(frame(1))
    await turn()
    for n in (2, 3, 4):
        conn.send(frame(n))
        await turn()
    assert len(ws.sent) == 1
    await asyncio.sleep(COALESCE_SECONDS * 2)
    assert len(ws.sent) == 2
    assert [f["seq"] for f in ws.received()] == [1, 2, 3, 4]


async def test_frames_wait_for_a_socket_that_is_not_writable_and_none_is_lost() -> None:
    """While the transport is paused frames pile up; when it resumes they all go, in order."""
    ws = FakeSocket()
    conn = Connection(ws, "c1", send_buffer=4096)
    ws.writable.clear()
    for n in range(1, 31):
        conn.send(frame(n))
        await asyncio.sleep(0)
    assert ws.sent == []
    ws.writable.set()
    await turn()
    assert [f["seq"] for f in ws.received()] == list(range(1, 31))
    assert not conn.too_slow.is_set()


async def test_a_socket_that_never_takes_its_frames_is_cut_off() -> None:
    """Past send_buffer bytes it has not taken the connection is marked too slow and queues nothing more."""
    ws = FakeSocket()
    conn = Connection(ws, "c1", send_buffer=8 * len(frame(1)))
    stopped = []
    conn.on_too_slow = lambda: stopped.append(True)
    ws.writable.clear()
    for n in range(1, 20):
        conn.send(frame(n))
        await asyncio.sleep(0)
    assert conn.too_slow.is_set() and stopped == [True] and conn.closed
    ws.writable.set()
    await turn()
    assert len(ws.received()) <= 1  # at most the write that was under way when it was cut off
    await conn.stop()


async def test_hang_up_sends_what_is_queued_then_closes() -> None:
    """hang_up closes the socket after the frames already queued, and later frames are dropped."""
    ws = FakeSocket()
    conn = Connection(ws, "c1", send_buffer=1024)
    conn.send(frame(1))
    conn.send(frame(2))
    conn.hang_up(4010, "reload")
    conn.send(frame(3))
    await turn()
    assert [f["seq"] for f in ws.received()] == [1, 2]
    assert ws.closed == (4010, "reload")


async def test_a_reading_socket_is_not_cut_off_for_many_frames_in_one_turn() -> None:
    """A burst of frames far past send_buffer, all in one turn, to a socket that takes what it is
    given: one write, every frame, no cut-off (the rule counts bytes not taken, not frames queued)."""
    ws = FakeSocket()
    conn = Connection(ws, "c1", send_buffer=64)
    for n in range(1, 2001):
        conn.send(frame(n))
    await turn()
    assert len(ws.sent) == 1
    assert [f["seq"] for f in ws.received()] == list(range(1, 2001))
    assert not conn.too_slow.is_set()


async def test_a_welcome_larger_than_send_buffer_does_not_count_as_not_taken() -> None:
    """A hello's reply (welcome and caught-up events) bigger than send_buffer goes in one write, and
    the socket is still allowed send_buffer more bytes on top while it works through it."""
    ws = FakeSocket()
    limit = 4 * len(frame(1))
    conn = Connection(ws, "c1", send_buffer=limit)
    ws.writable.clear()  # the client is still reading what came before
    conn.welcome([frame(n) for n in range(1, 101)])
    await turn()
    for n in range(101, 104):  # within send_buffer on top of the welcome
        conn.send(frame(n))
    assert not conn.too_slow.is_set()
    ws.writable.set()
    await asyncio.sleep(COALESCE_SECONDS * 2)
    assert [f["seq"] for f in ws.received()] == list(range(1, 104))
    assert len(ws.sent) == 2  # the welcome with its events, then the rest


async def test_what_the_transport_still_holds_counts_as_not_taken() -> None:
    """Under our uvicorn protocol the transport's own write buffer counts too: with nearly
    send_buffer bytes stuck there, a few more frames waiting for the socket cut it off."""
    from server.protocols import EXTENSION

    ws = FakeSocket()
    limit = 1000
    ws.scope = {"extensions": {EXTENSION: {"write": lambda payload: False,  # not writable now
                                           "buffered": lambda: limit - 2 * len(frame(1))}}}
    conn = Connection(ws, "c1", send_buffer=limit)
    ws.writable.clear()
    conn.send(frame(1))
    await turn()  # the writer now waits for the socket with frame 1
    conn.send(frame(2))
    assert not conn.too_slow.is_set()
    conn.send(frame(3))
    assert conn.too_slow.is_set() and conn.closed
    await conn.stop()
