"""A word burst (everyone gives two words at once, stored in a few group commits) to screens that
asked for compact frames (hello `compact`, decision 79) and to screens that did not: every screen
gets every word once, in order, each giver's own view after their last word and their `ok`s after
that; the compact screens get runs of events as `events` frames, the others only `event` frames,
and both stand for exactly the same events (seq, time, body)."""

from __future__ import annotations

import asyncio

import msgpack

from tests.support.client import Client, create_session, expand_events, join

CLOUD = {"board": "kickoff", "section": "thema"}
WORDS = ["samenwerken", "vertrouwen", "leren", "netwerk", "verbinding", "kennis"]


async def test_a_word_burst_reaches_compact_and_old_screens_alike_once_and_in_order(any_store):
    server = any_store
    session = await create_session(server.http_url, boards=["samenspel", "kickoff"])
    people = [await join(server.http_url, session["join_code"], f"P{i}", "leernetwerk" if i % 2 else "management")
              for i in range(12)]
    givers = []
    for i, p in enumerate(people):
        client = await Client(server.ws_url).connect()
        fields = {"compact": True} if i % 3 else {}  # every third one an old page
        assert (await client.hello(session["session"], token=p["token"], **fields))["type"] == "welcome"
        givers.append(client)
    projector = await Client(server.ws_url).connect()
    start = (await projector.hello(session["session"], code=session["join_code"], compact=True))["seq"]
    old_projector = await Client(server.ws_url).connect()
    assert (await old_projector.hello(session["session"], code=session["join_code"]))["seq"] == start
    facilitator = await Client(server.ws_url).connect()
    assert (await facilitator.hello(session["session"], token=session["facilitator_secret"], compact=True))["seq"] == start

    async def give(i: int, client: Client) -> list[int]:
        # both words written before the first reply: they are read, and stored, together
        return [await client.send({"type": "add_word", **CLOUD, "word": WORDS[(i + k) % len(WORDS)]}) for k in (0, 3)]

    refs = await asyncio.gather(*(give(i, g) for i, g in enumerate(givers)))
    oks = [[await g.reply(ref) for ref in mine] for g, mine in zip(givers, refs)]
    assert all(ok["type"] == "ok" for mine in oks for ok in mine), oks
    end = start + 24
    assert sorted(ok["seq"] for mine in oks for ok in mine) == list(range(start + 1, end + 1))
    for client in [*givers, projector, old_projector, facilitator]:
        await client.call({"type": "ping"})  # its pong comes after everything sent before it

    every = {}
    for client in (projector, old_projector, facilitator):
        events = [f for f in client.drain() if f["type"] == "event"]
        assert [f["seq"] for f in events] == list(range(start + 1, end + 1))  # every word, once, in order
        every[client] = events
    assert every[projector] == every[old_projector]  # the same seq, time and body, however sent
    assert [f["event"] for f in every[projector]] == [f["event"] for f in every[facilitator]]
    assert projector.events_frames >= 1 and facilitator.events_frames >= 1  # runs came as `events`
    assert old_projector.events_frames == 0

    for i, (giver, mine) in enumerate(zip(givers, oks)):
        frames = [f for f in giver.drain() if f["type"] in ("event", "you", "ok")]
        assert [f["seq"] for f in frames if f["type"] == "event"] == list(range(start + 1, end + 1))
        last = max(ok["seq"] for ok in mine)
        at = next(n for n, f in enumerate(frames) if f["type"] == "event" and f["seq"] == last)
        yours = [n for n, f in enumerate(frames) if f["type"] == "you"]
        assert yours and yours[-1] > at  # the own view after the last of my words
        assert sorted(frames[yours[-1]]["dots"]["kickoff"]["thema"]["words"]) == sorted(
            {WORDS[i % len(WORDS)], WORDS[(i + 3) % len(WORDS)]})
        for n, f in enumerate(frames):  # each ok after the events up to its seq, its own among them
            if f["type"] == "ok":
                assert f["seq"] in [e["seq"] for e in frames[:n] if e["type"] == "event"]
        if i % 3 == 0:
            assert giver.events_frames == 0  # an old page: `event` frames only
    for client in [*givers, projector, old_projector, facilitator]:
        await client.close()


async def test_a_removal_hands_out_a_compact_run_of_its_events(any_store):
    """One command that stores several records (the facilitator removes someone who gave three
    words): a compact screen gets them as one `events` frame, an old one as three `event` frames."""
    server = any_store
    session = await create_session(server.http_url, boards=["samenspel", "kickoff"])
    ann, bea = [await join(server.http_url, session["join_code"], name, "leernetwerk") for name in ("Ann", "Bea")]
    giver = await Client(server.ws_url).connect()
    assert (await giver.hello(session["session"], token=ann["token"]))["type"] == "welcome"
    for word in WORDS[:3]:
        assert (await giver.call({"type": "add_word", **CLOUD, "word": word}))["type"] == "ok"
    compact, old = Client(server.ws_url), Client(server.ws_url)
    await compact.connect()
    await old.connect()
    start = (await compact.hello(session["session"], token=bea["token"], compact=True))["seq"]
    assert (await old.hello(session["session"], code=session["join_code"]))["seq"] == start
    facilitator = await Client(server.ws_url).connect()
    assert (await facilitator.hello(session["session"], token=session["facilitator_secret"]))["type"] == "welcome"
    reply = await facilitator.call({"type": "remove_participant", "participant": ann["participant"], "with_content": True})
    assert reply["type"] == "ok", reply
    for client in (compact, old):
        await client.call({"type": "ping"})
    got = {c: [f for f in c.drain() if f["type"] == "event"] for c in (compact, old)}
    assert got[compact] == got[old]
    removed = [f["event"]["word"] for f in got[old] if f["event"]["type"] == "word_removed"]
    assert sorted(removed) == sorted(WORDS[:3])
    assert compact.events_frames == 1 and old.events_frames == 0
    for client in (giver, compact, old, facilitator):
        await client.close()


def test_an_events_frame_stands_for_its_event_frames():
    frame = {"type": "events", "seq": 7, "at": 1000, "dt": [0, 2, -1],
             "events": [{"type": "a"}, {"type": "b"}, {"type": "c"}]}
    assert expand_events(msgpack.unpackb(msgpack.packb(frame))) == [
        {"type": "event", "seq": 7, "at": 1000, "event": {"type": "a"}},
        {"type": "event", "seq": 8, "at": 1002, "event": {"type": "b"}},
        {"type": "event", "seq": 9, "at": 999, "event": {"type": "c"}}]
