"""The kick-off's live questions over real websockets, on the embedded store and on Redis (two
instances): words and answers reach every screen anonymised; bad input is refused with a stable
code, nothing is stored and the connection stays open."""

from __future__ import annotations

import msgpack
import pytest

from tests.integration.test_facilitation import instances  # noqa: F401  (the fixture: both stores)
from tests.support.client import Client, create_session, join
from tests.support.raw import frame_header

KO = "kickoff"
CLOUD = {"board": KO, "section": "thema"}
OPEN = {"board": KO, "section": "verwachtingen"}


async def people(servers, board: str = KO) -> tuple[dict, Client, list[Client]]:
    """A kick-off session (or one of ``board``): the facilitator on the first instance, two
    participants on the last."""
    session = await create_session(servers[0].http_url, boards=[board], title="Kick-off")
    facilitator = await Client(servers[0].ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    clients = []
    for name in ("Ilse", "Joost"):
        person = await join(servers[-1].http_url, session["join_code"], name, "deelnemer")
        client = await Client(servers[-1].ws_url).connect()
        await client.hello(session["session"], token=person["token"])
        clients.append(client)
    return session, facilitator, clients


async def code_of(client: Client, frame: dict) -> str:
    reply = await client.call(frame)
    assert reply["type"] == "error", reply
    return reply["code"]


async def test_words_and_answers_reach_every_screen_without_who_gave_them(instances):
    session, facilitator, (ilse, joost) = await people(instances)
    assert (await ilse.call({"type": "add_word", **CLOUD, "word": "De Samenwerking"}))["type"] == "ok"
    assert (await joost.call({"type": "add_answer", **OPEN, "text": "Leren van elkaar"}))["type"] == "ok"
    for client in (facilitator, joost):
        ev = (await client.event("word_added"))["event"]
        assert ev == {"type": "word_added", **CLOUD, "word": "samenwerking"}
    for client in (facilitator, ilse):
        ev = (await client.event("answer_added"))["event"]
        assert "author" not in ev and ev["text"] == "Leren van elkaar"
    me = await Client(instances[0].ws_url).connect()  # a fresh facilitator screen: the state
    welcome = await me.hello(session["session"], token=session["facilitator_secret"])
    assert welcome["state"]["boards"][KO]["clouds"]["thema"]["counts"] == {"samenwerking": 1}
    assert [a["text"] for a in welcome["state"]["boards"][KO]["answers"]["verwachtingen"]] == ["Leren van elkaar"]
    for client in (facilitator, ilse, joost, me):
        await client.close()


async def test_bad_input_is_refused_with_a_stable_code_and_the_connection_stays_open(instances):
    """Over the length or count cap, a stop word alone, a flood of words, a participant moderating:
    each refused with its code, nothing stored, and the same socket still works."""
    session, facilitator, (ilse, joost) = await people(instances)
    assert await code_of(ilse, {"type": "add_word", **CLOUD, "word": "x" * 41}) == "invalid"
    assert await code_of(ilse, {"type": "add_word", **CLOUD, "word": "the"}) == "empty_answer"
    assert await code_of(ilse, {"type": "add_word", **CLOUD, "word": "a" * 3000}) == "invalid"  # over the frame type's cap
    codes = [await ilse.call({"type": "add_word", **CLOUD, "word": f"woord{i}"}) for i in range(20)]
    assert [r["type"] for r in codes[:3]] == ["ok"] * 3
    assert {r.get("code") for r in codes[3:]} == {"limit_reached"}
    for text in ("een", "twee", "drie"):
        assert (await joost.call({"type": "add_answer", **OPEN, "text": text}))["type"] == "ok"
    assert await code_of(joost, {"type": "add_answer", **OPEN, "text": "vier"}) == "limit_reached"
    assert await code_of(ilse, {"type": "add_answer", **OPEN, "text": "y" * 201}) == "invalid"
    first = (await facilitator.event("answer_added"))["event"]["answer"]
    assert await code_of(ilse, {"type": "moderate_answer", **OPEN, "answer": first, "pinned": True}) == "forbidden"
    assert await code_of(ilse, {"type": "hide_word", **CLOUD, "word": "woord0", "hidden": True}) == "forbidden"
    assert await code_of(facilitator, {"type": "add_word", **CLOUD, "word": "tijd"}) == "forbidden"
    assert (await ilse.call({"type": "ping"}))["type"] == "pong"  # still open
    fresh = await Client(instances[0].ws_url).connect()
    welcome = await fresh.hello(session["session"], token=session["facilitator_secret"])
    board = welcome["state"]["boards"][KO]
    assert board["clouds"]["thema"]["counts"] == {"woord0": 1, "woord1": 1, "woord2": 1}
    assert [a["pinned"] for a in board["answers"]["verwachtingen"]] == [False, False, False]
    for client in (facilitator, ilse, joost, fresh):
        await client.close()


async def test_three_words_sent_at_once_bring_one_own_view_after_the_last(instances):
    """A person's three words, sent in one write (one group commit): three events for every screen,
    and to them one `you` after the third (each `you` replaces the one before; three was work for
    the server in a room's burst). Its words are all three; the ok of each names its own event."""
    session, facilitator, (ilse, joost) = await people(instances)
    words = ["leren", "vertrouwen", "samen werken"]
    frames = b"".join(frame_header(len(p)) + p for p in (
        msgpack.packb({"type": "add_word", **CLOUD, "word": w, "ref": 100 + i}) for i, w in enumerate(words)))
    ilse.ws.transport.write(frames)  # one write: the server reads all three in one turn
    seen = []
    while sum(1 for f in seen if f["type"] == "ok") < 3 or not any(f["type"] == "you" for f in seen):
        seen.append(await ilse.next())
    assert (await ilse.call({"type": "ping"}))["type"] == "pong"  # anything sent before it is in
    seen += ilse.drain()
    mine = [f for f in seen if f["type"] == "you" or f["type"] == "event" and f["event"]["type"] == "word_added"]
    order = [f["event"]["word"] if f["type"] == "event" else "you" for f in mine]
    assert order == [*words, "you"], order
    assert next(f for f in seen if f["type"] == "you")["dots"][KO]["thema"]["words"] == words
    assert {f["ref"]: f["seq"] for f in seen if f["type"] == "ok"} == {
        100 + i: f["seq"] for i, f in enumerate(f for f in mine if f["type"] == "event")}
    assert [(await joost.event("word_added"))["event"]["word"] for _ in words] == words
    for client in (facilitator, ilse, joost):
        await client.close()
