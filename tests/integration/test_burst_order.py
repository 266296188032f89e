"""A burst of votes (everyone at once, stored in a few group commits): every screen gets every event
once, in order; each voter's own view right after their own dot, their `ok` after that."""

from __future__ import annotations

import asyncio

from tests.support.client import Client, create_session, join

BOARD = "samenspel"


async def test_a_burst_of_votes_reaches_every_screen_in_order_with_each_own_view_after_its_dot(any_store):
    server = any_store
    session = await create_session(server.http_url)
    people = [await join(server.http_url, session["join_code"], f"P{i}", "leernetwerk" if i % 2 else "management")
              for i in range(12)]
    voters = []
    for p in people:
        client = await Client(server.ws_url).connect()
        assert (await client.hello(session["session"], token=p["token"]))["type"] == "welcome"
        voters.append(client)
    projector = await Client(server.ws_url).connect()
    welcome = await projector.hello(session["session"], code=session["join_code"])
    start = welcome["seq"]
    refs = await asyncio.gather(*(v.send({"type": "place_dot", "board": BOARD, "section": "pijlers",
                                          "option": "kennisdeling"}) for v in voters))
    oks = [await v.reply(ref) for v, ref in zip(voters, refs)]
    assert [ok["type"] for ok in oks] == ["ok"] * 12
    assert sorted(ok["seq"] for ok in oks) == list(range(start + 1, start + 13))  # one record each
    for client in [*voters, projector]:
        await client.call({"type": "ping"})  # its pong comes after everything sent before it
    for voter, ok in zip(voters, oks):
        frames = [f for f in voter.drain() if f["type"] in ("event", "you", "ok")]
        events = [f["seq"] for f in frames if f["type"] == "event"]
        assert events == list(range(start + 1, start + 13))  # every vote, once, in order
        mine = next(i for i, f in enumerate(frames) if f["type"] == "event" and f["seq"] == ok["seq"])
        assert frames[mine + 1]["type"] == "you"  # my own view right after my dot
        assert frames[mine + 1]["dots"][BOARD]["pijlers"] == ["kennisdeling"]
        assert [f["type"] for f in frames].count("you") == 1
        replies = [i for i, f in enumerate(frames) if f["type"] == "ok"]  # the vote's
        assert replies and replies[0] > mine + 1  # the ok after both
    seen = [f["seq"] for f in projector.drain() if f["type"] == "event"]
    assert seen == list(range(start + 1, start + 13))
    for client in [*voters, projector]:
        await client.close()
