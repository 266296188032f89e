"""The application heartbeat: a client that asked for it and went silent is dropped within 5 s."""

from __future__ import annotations

import asyncio

import msgpack
import websockets

from tests.integration.test_many_instances import connect, session_with_ann_and_max


async def test_a_participant_whose_connection_died_leaves_the_presence_list_within_5_s(server):
    """Max's phone answers the server's beats, then falls silent (its network went; nothing closes the
    socket): the facilitator sees him go offline within 5 s, and the socket is closed with 4002."""
    session, _, max_ = await session_with_ann_and_max(server)
    facilitator = await connect(server, session["session"], token=session["facilitator_secret"])
    phone = await websockets.connect(server.ws_url, compression=None)
    await phone.send(msgpack.packb({"type": "hello", "session": session["session"], "token": max_["token"],
                                    "heartbeat": True}))
    beats = 0
    while beats < 2:  # the server beats every second; answering keeps the socket alive meanwhile
        frame = msgpack.unpackb(await asyncio.wait_for(phone.recv(), 5))
        if frame["type"] == "beat":
            beats += 1
            await phone.send(msgpack.packb({"type": "beat"}))
    while (await facilitator.next("presence"))["participants"] != [max_["participant"]]:
        pass
    loop = asyncio.get_running_loop()
    silent_at = loop.time()  # from here Max sends nothing more
    while (await facilitator.next("presence", timeout=8))["participants"] != []:
        pass
    assert loop.time() - silent_at < 5.0
    try:
        while True:
            await asyncio.wait_for(phone.recv(), 5)
    except websockets.ConnectionClosed as closed:
        assert closed.rcvd is not None and closed.rcvd.code == 4002
    await facilitator.close()
