"""Guessing and creating limits as a client (or a room behind one NAT) meets them."""

from __future__ import annotations

import httpx
import pytest

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

FEW = {"SAMENSPEL_JOIN_ATTEMPTS_PER_MINUTE": "5", "SAMENSPEL_CREATES_PER_MINUTE": "4"}


@pytest.fixture
def strict_server(tmp_path):
    proc = ServerProcess(tmp_path / "data", env=FEW).start()
    yield proc
    proc.stop()


async def wrong_codes(http: httpx.AsyncClient, n: int, **headers: str) -> list[int]:
    return [(await http.get(f"/api/codes/AAAAA{i % 10}", headers=headers)).status_code for i in range(n)]


async def test_forwarded_for_from_client_is_not_trusted(tmp_path):
    """A client that is not the configured proxy cannot pick its address with X-Forwarded-For."""
    server = ServerProcess(tmp_path / "data", env={**FEW, "SAMENSPEL_TRUSTED_PROXIES": "192.0.2.1"}).start()
    try:
        async with httpx.AsyncClient(base_url=server.http_url) as http:
            statuses = [(await http.get(f"/api/codes/AAAAA{i}", headers={"X-Forwarded-For": f"10.{i}.0.1"})).status_code
                        for i in range(7)]
        assert statuses[:5] == [404] * 5 and statuses[5:] == [429] * 2
    finally:
        server.stop()


async def test_forwarded_for_takes_the_address_the_proxy_saw(strict_server):
    """Behind the trusted proxy (127.0.0.1 here), the address it appended counts, not what the client wrote before it."""
    async with httpx.AsyncClient(base_url=strict_server.http_url) as http:
        spoofed = [(await http.get(f"/api/codes/AAAAA{i}",
                                   headers={"X-Forwarded-For": f"10.{i}.0.1, 203.0.113.9"})).status_code for i in range(6)]
        other = await http.get("/api/codes/AAAAAA", headers={"X-Forwarded-For": "203.0.113.10"})
    assert spoofed[:5] == [404] * 5 and spoofed[5:] == [429]
    assert other.status_code == 404


async def test_one_guesser_behind_a_nat_does_not_lock_the_room_out(strict_server):
    """Wrong codes from one address limit that address's wrong codes (429 with Retry-After), while the
    room there keeps joining its session, with its token, as facilitator and as projector."""
    session = await create_session(strict_server.http_url)  # the facilitator, at the venue
    async with httpx.AsyncClient(base_url=strict_server.http_url) as http:
        statuses = await wrong_codes(http, 30)
        limited = await http.get("/api/codes/AAAAAA")
        joined = await http.post("/api/join", json={"code": session["join_code"], "name": "Ann", "group": "leernetwerk"})
        found = await http.get(f"/api/codes/{session['join_code']}")
    assert 429 in statuses
    assert limited.status_code == 429 and 1 <= int(limited.headers["Retry-After"]) <= 60
    assert joined.status_code == 201 and found.status_code == 200
    for hello in ({"token": session["facilitator_secret"]}, {"token": joined.json()["token"]},
                  {"code": session["join_code"]}):
        client = await Client(strict_server.ws_url).connect()
        assert (await client.hello(session["session"], **hello))["type"] == "welcome"
        await client.close()


async def test_a_limited_address_cannot_tell_a_right_code_from_a_wrong_one(strict_server):
    """While limited, a valid code of a session the address never reached gets 429 as a wrong one does."""
    async with httpx.AsyncClient(base_url=strict_server.http_url, headers={"X-Forwarded-For": "198.51.100.1"}) as facilitator:
        session = (await facilitator.post("/api/sessions", json={"title": "Elders"})).json()
    async with httpx.AsyncClient(base_url=strict_server.http_url) as http:
        await wrong_codes(http, 6)
        right = await http.get(f"/api/codes/{session['join_code']}")
        wrong = await http.get("/api/codes/AAAAAA")
    assert right.status_code == wrong.status_code == 429
    assert right.json()["error"]["code"] == wrong.json()["error"]["code"] == "rate_limited"


async def test_wrong_tokens_are_limited_but_a_valid_token_never_is(strict_server):
    """Bad hellos are answered rate_limited (with retry_after) past the limit; a valid token still gets in."""
    session = await create_session(strict_server.http_url)
    ann = await join(strict_server.http_url, session["join_code"], "Ann", "leernetwerk")
    client = await Client(strict_server.ws_url).connect()
    codes = [(await client.hello(session["session"], token=f"forged-{i}"))["code"] for i in range(8)]
    assert codes[:5] == ["bad_token"] * 5 and set(codes[5:]) == {"rate_limited"}
    limited = await client.hello(session["session"], token="forged")
    assert limited["retry_after"] >= 1
    assert (await client.hello(session["session"], token=ann["token"]))["type"] == "welcome"
    await client.close()


async def test_limits_are_shared_by_instances_on_one_redis(tmp_path):
    """Three instances on one Redis allow one address the documented number, not three times it."""
    redis = RedisServer(tmp_path / "redis").start()
    instances = [ServerProcess(tmp_path / f"app{i}", redis_url=redis.url, env=FEW).start() for i in range(3)]
    try:
        statuses, creates = [], []
        for i in range(9):
            async with httpx.AsyncClient(base_url=instances[i % 3].http_url) as http:
                statuses.append((await http.get(f"/api/codes/AAAAA{i}")).status_code)
                creates.append((await http.post("/api/sessions", json={})).status_code)
        assert statuses.count(404) == 5 and statuses.count(429) == 4
        assert creates.count(201) == 4 and creates.count(429) == 5
    finally:
        for instance in instances:
            instance.stop()
        redis.kill()
