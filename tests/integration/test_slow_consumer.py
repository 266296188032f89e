"""A client that stops reading is cut off; everyone else keeps getting every event promptly."""

from __future__ import annotations

import asyncio
import socket

import msgpack
import pytest
import websockets

from tests.support.client import Client, create_session
from tests.support.processes import ServerProcess

MAX_FLOOD = 40_000  # events of ~700 bytes; the cut-off comes after the queue and the socket buffers fill


@pytest.fixture
def flood_server(tmp_path):
    """A server whose limits let one facilitator flood the board, with a small send queue."""
    proc = ServerProcess(tmp_path / "data", env={
        "SAMENSPEL_RATE_PER_SECOND": "100000", "SAMENSPEL_RATE_BURST": "100000", "SAMENSPEL_SEND_QUEUE": "128",
    }).start()
    yield proc
    proc.stop()


async def test_client_that_never_reads_is_closed_and_others_keep_up(flood_server):
    """The stalled viewer is dropped with 4008; the facilitator and a participant miss nothing."""
    server = flood_server
    session = await create_session(server.http_url)
    # A viewer with a tiny receive window that never reads from its socket.
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    raw.connect(("127.0.0.1", server.port))
    stalled = await websockets.connect(server.ws_url, sock=raw, max_queue=1, compression=None)
    await stalled.send(msgpack.packb({"type": "hello", "session": session["session"], "code": session["join_code"]}))

    facilitator = await Client(server.ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    watcher = await Client(server.ws_url).connect()
    await watcher.hello(session["session"], code=session["join_code"])
    while (await facilitator.next("presence"))["viewers"] != 2:
        pass

    text = {"type": "set_text", "board": "samenspel", "section": "ambitie", "field": "ambitie"}
    sent = 0
    dropped = False
    while not dropped:  # flood until the server gives up on the stalled viewer (it leaves presence)
        assert sent < MAX_FLOOD, "the stalled client was never cut off"
        for _ in range(50):  # in batches, so the facilitator's own queue never overflows
            ref = await facilitator.send({**text, "text": f"{sent:05d}" + "x" * 590})
            sent += 1
        assert (await facilitator.reply(ref))["type"] == "ok"
        dropped = any(f["type"] == "presence" and f["viewers"] == 1 for f in facilitator.drain())
    # Every other screen got every event, in order, and still answers at once.
    seen = [(await watcher.event("text_set"))["event"]["text"][:5] for _ in range(sent)]
    assert seen == [f"{i:05d}" for i in range(sent)]
    assert (await watcher.call({"type": "ping"}))["type"] == "pong"

    # When the stalled client finally reads, what waits for it ends with the 4008 close.
    with pytest.raises(websockets.ConnectionClosed) as closed:
        while True:
            await asyncio.wait_for(stalled.recv(), 10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4008
    await facilitator.close()
    await watcher.close()
