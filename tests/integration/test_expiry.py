"""Expiry ends a session everywhere: on Redis too, on every instance that holds it live."""

from __future__ import annotations

import asyncio
import time

import pytest
import redis

from tests.integration.test_summary_export import connect, start_store, stop_store, wait_for_no_traces
from tests.support.client import Client, create_session, join

RETENTION_S = 5.0


@pytest.mark.parametrize("kind", ["embedded", "redis"])
async def test_an_expired_session_sends_open_screens_away_on_every_instance(kind, tmp_path):
    """A session held live (on Redis: by two instances) expires: the facilitator, the projector and
    the participant still connected are each told to reload (then closed 4010), a facilitator hello
    anywhere is refused not_found, and no key or row naming it is left (presence, the addresses
    that reached it, its place in the expiry index)."""
    s = start_store(kind, tmp_path, instances=2 if kind == "redis" else 1,
                    env={"SAMENSPEL_RETENTION_DAYS": str(RETENTION_S / 86400),
                         "SAMENSPEL_RETENTION_SWEEP_EVERY": "0.3"})
    first, second = s.servers[0], s.servers[-1]
    try:
        session = await create_session(s.http, title="Verlopen")
        sid, code, secret = session["session"], session["join_code"], session["facilitator_secret"]
        ann = await join(s.http, code, "Ann", "leernetwerk")  # the last change: expiry counts from here
        changed = time.monotonic()
        facilitator = await connect(first, sid, token=secret)
        projector = await connect(second, sid, code=code)
        participant = await connect(second, sid, token=ann["token"])
        if kind == "redis":
            keys = s.traces(sid, code)
            assert f"ss:{{{sid}}}:online" in keys and any(k.startswith("ss:mark:known:") for k in keys), keys

        for screen in (facilitator, projector, participant):
            reload = await screen.next("reload", timeout=RETENTION_S + 15)
            assert reload["reason"] == "the session expired"
            await asyncio.wait_for(screen.ws.wait_closed(), 10)
            assert screen.ws.close_code == 4010
        assert time.monotonic() - changed > RETENTION_S - 1.5  # not before its time

        for instance in (first, second):
            again = await Client(instance.ws_url).connect()
            assert (await again.hello(sid, token=secret))["code"] == "not_found"
            await again.close()
        assert await wait_for_no_traces(s, sid, code) == []
        if kind == "redis":
            r = redis.Redis(port=s.redis.port)
            try:
                assert r.zscore("ss:expiry", sid) is None
            finally:
                r.close()
        for screen in (facilitator, projector, participant):
            await screen.close()
    finally:
        stop_store(s)


async def test_redis_a_held_session_missing_from_the_expiry_index_is_still_ended(tmp_path):
    """A session touched before the expiry index existed (its keys expire, the index does not name
    it) and held live: once Redis has deleted its keys, the sweep finds it gone and its open screen
    is told to reload."""
    s = start_store("redis", tmp_path, env={"SAMENSPEL_RETENTION_DAYS": str(RETENTION_S / 86400),
                                            "SAMENSPEL_RETENTION_SWEEP_EVERY": "0.3"})
    try:
        session = await create_session(s.http, title="Van vroeger")
        sid, code = session["session"], session["join_code"]
        projector = await connect(s.servers[0], sid, code=code)
        r = redis.Redis(port=s.redis.port)
        try:
            assert r.zrem("ss:expiry", sid) == 1  # as if it was last touched by an older server
        finally:
            r.close()
        reload = await projector.next("reload", timeout=RETENTION_S + 15)
        assert reload["reason"] == "the session expired"
        await projector.close()
        assert await wait_for_no_traces(s, sid, code) == []
    finally:
        stop_store(s)
