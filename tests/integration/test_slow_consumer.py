"""A client that stops reading is cut off; everyone else keeps getting every event promptly."""

from __future__ import annotations

import asyncio
import socket

import msgpack
import pytest
import websockets

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

MAP = {"board": "stakeholders", "section": "map"}
MAX_FLOOD = 40_000  # events of ~700 bytes; the cut-off comes after the queue and the socket buffers fill


@pytest.fixture
def flood_server(tmp_path):
    """A server whose limits let one facilitator flood the board, with a small send queue."""
    proc = ServerProcess(tmp_path / "data", env={
        "SAMENSPEL_RATE_PER_SECOND": "100000", "SAMENSPEL_RATE_BURST": "100000", "SAMENSPEL_SEND_BUFFER": "65536",
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


def on_store(kind: str, tmp_path, env: dict[str, str] | None = None):
    """A server on the embedded store or on a real redis-server: (server, redis or None)."""
    redis = RedisServer(tmp_path / "redis").start() if kind == "redis" else None
    return ServerProcess(tmp_path / "app", redis_url=redis.url if redis else None, env=env).start(), redis


@pytest.fixture(params=["embedded", "redis"])
def store_server(request, tmp_path):
    """A server on either store, with its default limits."""
    proc, redis = on_store(request.param, tmp_path)
    yield proc
    proc.stop()
    if redis is not None:
        redis.stop()


@pytest.fixture(params=["embedded", "redis"])
def busy_store_server(request, tmp_path):
    """A server on either store whose rate limits let one facilitator make hundreds of events fast."""
    proc, redis = on_store(request.param, tmp_path, {"SAMENSPEL_RATE_PER_SECOND": "100000",
                                                     "SAMENSPEL_RATE_BURST": "100000"})
    yield proc
    proc.stop()
    if redis is not None:
        redis.stop()


async def test_one_participant_flooding_from_twenty_sockets_cuts_nobody_off(store_server):
    """One participant opens 20 sockets with their token and sends 40 moves on each at once (within
    the per-socket limits): the facilitator, the projector and another participant stay connected
    and get every stored move, in order; the flooder's sockets are answered, not closed."""
    server = store_server
    session = await create_session(server.http_url, boards=["stakeholders"])
    mallory = await join(server.http_url, session["join_code"], "Mallory", "deelnemer")
    bob = await join(server.http_url, session["join_code"], "Bob", "deelnemer")
    facilitator = await Client(server.ws_url).connect()
    assert (await facilitator.hello(session["session"], token=session["facilitator_secret"]))["type"] == "welcome"
    projector = await Client(server.ws_url).connect()
    assert (await projector.hello(session["session"], code=session["join_code"]))["type"] == "welcome"
    other = await Client(server.ws_url).connect()
    assert (await other.hello(session["session"], token=bob["token"]))["type"] == "welcome"
    added = await facilitator.call({"type": "add_stakeholder", **MAP, "category": "Cliënten"})
    item = (await facilitator.event("stakeholder_saved"))["event"]["item"]["id"]
    start = added["seq"]

    flood = [await Client(server.ws_url).connect() for _ in range(20)]
    for client in flood:
        assert (await client.hello(session["session"], token=mallory["token"]))["type"] == "welcome"
    move = {"type": "move_stakeholder", **MAP, "item": item}
    refs = [[await client.send({**move, "x": (i % 10) / 10, "y": 0.5}) for i in range(40)] for client in flood]
    replies = [await client.reply(ref) for client, sent in zip(flood, refs) for ref in sent]
    stored = sorted(r["seq"] for r in replies if r["type"] == "ok")
    assert stored, "no move was stored"
    assert {r["code"] for r in replies if r["type"] == "error"} <= {"rate_limited"}
    last = max(stored)

    for watcher in (facilitator, projector, other):
        seen = []
        while not seen or seen[-1] < last:
            if (seq := (await watcher.event("stakeholder_saved"))["seq"]) > start:
                seen.append(seq)
        assert seen == list(range(start + 1, last + 1))
        assert (await watcher.call({"type": "ping"}))["type"] == "pong"
        assert watcher.ws.close_code is None
    assert all(client.ws.close_code is None for client in flood)
    for client in (facilitator, projector, other, *flood):
        await client.close()


async def test_a_client_that_missed_700_events_resumes_without_being_cut_off(busy_store_server):
    """A screen away while 700 events happened (under the 1,000 the server keeps) says hello with
    its last position: it gets its welcome in resume mode and exactly the 700 events, in one
    message, stays connected, and answers a ping after them."""
    proc = busy_store_server
    session = await create_session(proc.http_url)
    facilitator = await Client(proc.ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    away = await Client(proc.ws_url).connect()
    await away.hello(session["session"], code=session["join_code"])
    last_seq, epoch = away.seq, away.epoch
    await away.close()

    text = {"type": "set_text", "board": "samenspel", "section": "ambitie", "field": "ambitie"}
    for start in range(0, 700, 25):  # in groups, within the 32 commands a socket may have in flight
        refs = [await facilitator.send({**text, "text": f"versie {i}"}) for i in range(start, start + 25)]
        assert [(await facilitator.reply(ref))["type"] for ref in refs] == ["ok"] * 25

    back = await Client(proc.ws_url).connect()
    welcome = await back.hello(session["session"], code=session["join_code"], last_seq=last_seq, epoch=epoch)
    assert welcome["type"] == "welcome" and welcome["mode"] == "resume", welcome
    assert back.ws_frames == 1  # the welcome and its 700 events came as one websocket message
    seen = [(await back.event("text_set"))["event"]["text"] for _ in range(700)]
    assert seen == [f"versie {i}" for i in range(700)]
    assert back.seq == last_seq + 700
    assert (await back.call({"type": "ping"}))["type"] == "pong"
    assert back.ws.close_code is None
    await back.close()
    await facilitator.close()


async def test_what_one_participant_makes_every_screen_receive_is_bounded_by_one_sockets_rate(server):
    """A participant's sockets share one allowance: from 10 sockets at once, 40 moves each, at most
    a burst (40) plus the sustained rate (20/s) is stored and sent to the others, the rest is
    refused rate_limited; someone else's move at the same moment is still accepted."""
    session = await create_session(server.http_url, boards=["stakeholders"])
    mallory = await join(server.http_url, session["join_code"], "Mallory", "deelnemer")
    bob = await join(server.http_url, session["join_code"], "Bob", "deelnemer")
    other = await Client(server.ws_url).connect()
    await other.hello(session["session"], token=bob["token"])
    await other.call({"type": "add_stakeholder", **MAP, "category": "Cliënten"})
    item = (await other.event("stakeholder_saved"))["event"]["item"]["id"]
    flood = [await Client(server.ws_url).connect() for _ in range(10)]
    for client in flood:
        await client.hello(session["session"], token=mallory["token"])
    move = {"type": "move_stakeholder", **MAP, "item": item, "y": 0.5}
    started = asyncio.get_running_loop().time()
    refs = [[await client.send({**move, "x": (i % 10) / 10}) for i in range(40)] for client in flood]
    own = await other.call({**move, "x": 0.9})
    replies = [await client.reply(ref) for client, sent in zip(flood, refs) for ref in sent]
    elapsed = asyncio.get_running_loop().time() - started
    stored = [r for r in replies if r["type"] == "ok"]
    assert len(stored) <= 40 + 20 * elapsed + 1, (len(stored), elapsed)
    assert {r["code"] for r in replies if r["type"] == "error"} == {"rate_limited"}
    assert own["type"] == "ok"
    for client in (other, *flood):
        await client.close()
