"""A socket's commands sent without waiting: applied in the order sent, stored together."""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio as aioredis

from tests.support.client import Client, create_session
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

BOARD = "samenspel"


async def scripts_run(redis: RedisServer) -> int:
    """How many scripts Redis has run so far (each append is one), from INFO commandstats."""
    client = aioredis.Redis.from_url(redis.url)
    try:
        stats = await client.info("commandstats")
    finally:
        await client.aclose()
    return sum(stats.get(name, {}).get("calls", 0) for name in ("cmdstat_evalsha", "cmdstat_eval"))


@pytest.fixture
def redis_backed(tmp_path):
    redis = RedisServer(tmp_path / "redis").start()
    server = ServerProcess(tmp_path / "app", redis_url=redis.url).start()
    yield server, redis
    server.stop()
    redis.stop()


async def test_notes_sent_back_to_back_are_stored_in_order_in_fewer_round_trips(redis_backed):
    """Twenty notes typed in a rush by the facilitator, sent without waiting for replies: every one
    is answered ok, the board shows them in the order sent, and the store took them in fewer
    appends than twenty (commands that queued behind an append went in one group commit)."""
    server, redis = redis_backed
    session = await create_session(server.http_url)
    facilitator = await Client(server.ws_url).connect()
    assert (await facilitator.hello(session["session"], token=session["facilitator_secret"]))["type"] == "welcome"
    before = await scripts_run(redis)
    texts = [f"Punt {i}" for i in range(20)]
    refs = [await facilitator.send({"type": "add_note", "board": BOARD, "section": "actie",
                                    "lane": "leernetwerk-nodig", "text": text}) for text in texts]
    replies = await asyncio.gather(*(facilitator.reply(ref) for ref in refs))
    assert [r["type"] for r in replies] == ["ok"] * 20
    assert [r["seq"] for r in replies] == sorted(r["seq"] for r in replies)  # applied in the order sent
    appends = await scripts_run(redis) - before
    assert appends < 20, f"{appends} appends for 20 commands: each waited for the one before"
    viewer = await Client(server.ws_url).connect()
    board = (await viewer.hello(session["session"], code=session["join_code"]))["state"]["boards"][BOARD]
    assert [n["text"] for n in board["notes"]["actie"]] == texts
    await facilitator.close()
    await viewer.close()


async def test_commands_sent_right_behind_the_hello_are_all_applied_in_order(any_store):
    """A client that sends its hello and, without waiting for the welcome, 36 notes (more than
    the 32 one socket may have in flight, within the burst of 40 frames it may send at once): the
    welcome comes first, every note is answered ok in the order sent, and the board holds all of
    them in that order."""
    session = await create_session(any_store.http_url)
    facilitator = await Client(any_store.ws_url).connect()
    hello = await facilitator.send({"type": "hello", "session": session["session"],
                                    "token": session["facilitator_secret"]})
    texts = [f"Idee {i}" for i in range(36)]
    refs = [await facilitator.send({"type": "add_note", "board": BOARD, "section": "actie",
                                    "lane": "leernetwerk-nodig", "text": text}) for text in texts]
    assert (await facilitator.reply(hello))["type"] == "welcome"
    replies = [await facilitator.reply(ref) for ref in refs]
    assert [r["type"] for r in replies] == ["ok"] * 36
    seqs = [r["seq"] for r in replies]
    assert seqs == sorted(seqs) and len(set(seqs)) == 36
    viewer = await Client(any_store.ws_url).connect()
    board = (await viewer.hello(session["session"], code=session["join_code"]))["state"]["boards"][BOARD]
    assert [n["text"] for n in board["notes"]["actie"]] == texts
    await facilitator.close()
    await viewer.close()
