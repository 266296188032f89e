"""Crowds of sockets: projector waves and many sockets from one address never cost the participants."""

from __future__ import annotations

import asyncio

import pytest

from tests.integration.conftest import open_room
from tests.support.client import Client
from tests.support.processes import ServerProcess

BOARD = "samenspel"


@pytest.fixture
def crowd_server(tmp_path):
    env = {"SAMENSPEL_MAX_VIEWERS_PER_SESSION": "1000", "SAMENSPEL_MAX_SOCKETS_PER_ADDRESS": "1000",
           "SAMENSPEL_SEND_BUFFER": "16384",
           "SAMENSPEL_RATE_PER_SECOND": "1000", "SAMENSPEL_RATE_BURST": "1000"}
    proc = ServerProcess(tmp_path / "data", env=env).start()
    yield proc
    proc.stop()


async def test_a_wave_of_viewer_hellos_does_not_cut_off_participants(crowd_server):
    """250 projector sockets saying hello at once: presence reaches the others a few times a second,
    nobody is cut off for being slow, and the participants keep voting."""
    room = await open_room(crowd_server)
    loop = asyncio.get_running_loop()
    for client in room.everyone:
        client.drain()
    started = loop.time()

    async def viewer() -> Client:
        client = await Client(crowd_server.ws_url).connect()
        welcome = await client.hello(room.id, code=room.session["join_code"])
        assert welcome["type"] == "welcome", welcome
        return client

    viewers = await asyncio.gather(*(viewer() for _ in range(250)))
    while True:  # the presence that counts them all arrives, coalesced
        presence = await room.ann.next("presence")
        if presence["viewers"] == 250:
            break
    elapsed = loop.time() - started
    frames = [f for f in room.ann.drain() if f["type"] == "presence"]
    assert len(frames) <= elapsed * 4 + 3, (len(frames), elapsed)
    reply = await room.ann.call({"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": "impact"})
    assert reply["type"] == "ok"
    assert all(c.ws.close_code is None for c in room.everyone)
    await asyncio.gather(*(v.close() for v in viewers))
    for client in room.everyone:
        await client.close()


async def test_projectors_over_the_cap_are_refused_and_participants_still_get_in(tmp_path):
    """Past the viewer cap a projector hello gets limit_reached; a participant still gets in."""
    server = ServerProcess(tmp_path / "data", env={"SAMENSPEL_MAX_VIEWERS_PER_SESSION": "3"}).start()
    try:
        room = await open_room(server)
        viewers = [await Client(server.ws_url).connect() for _ in range(4)]
        replies = [await v.hello(room.id, code=room.session["join_code"]) for v in viewers]
        assert [r["type"] for r in replies[:3]] == ["welcome"] * 3
        assert replies[3]["code"] == "limit_reached"
        again = await Client(server.ws_url).connect()
        assert (await again.hello(room.id, token=room.tokens["Ann"]["token"]))["type"] == "welcome"
        for client in [*viewers, again, *room.everyone]:
            await client.close()
    finally:
        server.stop()


async def test_sockets_per_address_are_capped(tmp_path):
    """Past the cap per address a new socket is told rate_limited and closed with 4029."""
    server = ServerProcess(tmp_path / "data", env={"SAMENSPEL_MAX_SOCKETS_PER_ADDRESS": "5"}).start()
    try:
        held = [await Client(server.ws_url).connect() for _ in range(5)]
        extra = await Client(server.ws_url).connect()
        assert (await extra.next("error"))["code"] == "rate_limited"
        await asyncio.wait_for(extra.ws.wait_closed(), 5)
        assert extra.ws.close_code == 4029
        await held[0].close()
        await asyncio.sleep(0)  # the server sees the close on its own time; poll the next connect
        for _ in range(50):
            again = await Client(server.ws_url).connect()
            try:
                frame = await again.next(timeout=0.2)
            except asyncio.TimeoutError:
                break  # no refusal: it was let in
            assert frame["code"] == "rate_limited"
            await again.close()
        else:
            raise AssertionError("a freed slot was never given again")
        for client in [again, *held[1:]]:
            await client.close()
    finally:
        server.stop()
