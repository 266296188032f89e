"""What an operator sees: /metrics, and logs that hold no secret, token, join code or session id."""

from __future__ import annotations

import asyncio
import json

import httpx
import msgpack
import msgspec
import redis.asyncio as aioredis

from tests.support.client import Client, create_session, join
from server.logs import session_ref
from server.records import pack_record, unpack_record
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

BOARD = "samenspel"


def metric(text: str, name: str) -> float:
    """The value of one sample line (``name`` with its labels, as Prometheus prints it)."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    return 0.0


async def test_metrics_count_connections_events_and_refusals(server):
    """/metrics shows the open sockets, live sessions, events appended and delivered, fan-out
    latency and refusals by code."""
    session = await create_session(server.http_url)
    ann = await join(server.http_url, session["join_code"], "Ann", "leernetwerk")
    client = await Client(server.ws_url).connect()
    await client.hello(session["session"], token=ann["token"])
    for option in ("impact", "zingeving", "autonomie", "kwaliteit"):
        await client.call({"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": option})
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        text = (await http.get("/metrics")).text
        public = await http.get("/metrics", headers={"X-Forwarded-For": "203.0.113.5"})
    assert metric(text, "samenspel_connections") == 1
    assert metric(text, "samenspel_live_sessions") == 1
    assert metric(text, "samenspel_events_appended_total") >= 5  # created, joined, three dots
    assert metric(text, "samenspel_events_delivered_total") >= 3
    assert metric(text, "samenspel_fanout_seconds_count") >= 3
    assert metric(text, 'samenspel_refusals_total{code="budget_exhausted"}') == 1
    assert "samenspel_store_errors_total" in text and "samenspel_broker_resubscriptions" in text
    assert public.status_code == 404  # the public (behind the proxy) does not read them
    await client.close()


async def test_access_log_has_no_join_code_session_id_or_secret_and_json_lines_parse(tmp_path):
    """With SAMENSPEL_LOG_FORMAT=json every line is a JSON object, and no line names a join code,
    session id, facilitator secret or token."""
    server = ServerProcess(tmp_path / "data", env={"SAMENSPEL_LOG_FORMAT": "json"}, log_level="info").start()
    try:
        session = await create_session(server.http_url)
        ann = await join(server.http_url, session["join_code"], "Ann", "leernetwerk")
        async with httpx.AsyncClient(base_url=server.http_url) as http:
            for path in (f"/api/codes/{session['join_code']}", f"/j/{session['join_code']}",
                         f"/b/{session['session']}", f"/p/{session['session']}"):
                assert (await http.get(path)).status_code == 200
        client = await Client(server.ws_url).connect()
        await client.hello(session["session"], token=session["facilitator_secret"])
        await client.close()
    finally:
        server.stop()
    lines = [ln for ln in server.log_path.read_text().splitlines() if ln.strip()]
    entries = [json.loads(ln) for ln in lines]
    assert any(e["logger"] == "uvicorn.access" and "/j/…" in e["message"] for e in entries)
    text = "\n".join(lines)
    for secret in (session["join_code"], session["session"], session["facilitator_secret"], ann["token"]):
        assert secret not in text


async def wait_for_line(server: ServerProcess, text: str, timeout: float = 10.0) -> None:
    """Until the server's log holds ``text``: the log line is the only sign of what the test awaits."""
    deadline = asyncio.get_running_loop().time() + timeout
    while text not in server.log_path.read_text(errors="replace"):
        assert asyncio.get_running_loop().time() < deadline, f"no log line with {text!r}"
        await asyncio.sleep(0.05)


async def test_session_id_reaches_no_log_line_summary_delete_gap_or_reset(tmp_path):
    """The session id is in no log line: not the access lines of /s/<id> and /api/sessions/<id>/…
    (summary, share, exports, DELETE), nor the "gap before seq" and "session … reset" lines, which
    name the session by a short hash instead."""
    redis = RedisServer(tmp_path / "redis").start()
    server = ServerProcess(tmp_path / "data", redis_url=redis.url, log_level="info").start()
    try:
        session = await create_session(server.http_url)
        sid, secret = session["session"], session["facilitator_secret"]
        viewer = await Client(server.ws_url).connect()
        await viewer.hello(sid, token=secret)  # holds the session live on this instance
        bearer = {"Authorization": f"Bearer {secret}"}
        async with httpx.AsyncClient(base_url=server.http_url) as http:
            assert (await http.get(f"/s/{sid}")).status_code == 200
            assert (await http.get(f"/api/sessions/{sid}/summary", headers=bearer)).status_code == 200
            share = await http.post(f"/api/sessions/{sid}/share", headers=bearer)
            assert share.status_code == 201
            assert (await http.get(f"/api/sessions/{sid}/export.json", headers=bearer)).status_code == 200
            assert (await http.get(f"/api/sessions/{sid}/export.zip?lang=nl", headers=bearer)).status_code == 200
            assert (await http.delete(f"/api/sessions/{sid}/share", headers=bearer)).status_code == 204
            # A doorbell from "another instance" five records ahead: the session sees a gap.
            store = aioredis.from_url(redis.url)
            (_, fields), = await store.xrevrange(f"ss:{{{sid}}}:log", count=1)
            last = unpack_record(fields[b"d"])
            ahead = pack_record(msgspec.structs.replace(last, seq=last.seq + 5))
            await store.publish(f"ss:{{{sid}}}:events", msgpack.packb({"records": [ahead], "last": last.seq + 5}))
            await store.aclose()
            await wait_for_line(server, "gap before seq")
            assert (await http.delete(f"/api/sessions/{sid}", headers=bearer)).status_code == 204
            assert (await viewer.next("reload"))["type"] == "reload"
            await wait_for_line(server, "reset:")
        await viewer.close()
        # Redis restarted empty under a live session: the append finds no meta, the reset names why.
        lost = await create_session(server.http_url)
        viewer = await Client(server.ws_url).connect()
        await viewer.hello(lost["session"], token=lost["facilitator_secret"])
        store = aioredis.from_url(redis.url)
        await store.flushall()
        await store.aclose()
        await viewer.send({"type": "set_text", "board": "samenspel", "section": "ambitie", "field": "ambitie",
                           "text": "Na de flush"})
        assert (await viewer.next("reload"))["type"] == "reload"
        await wait_for_line(server, f"session {session_ref(lost['session'])} reset:")
        await viewer.close()
    finally:
        server.stop()
        redis.kill()
    text = server.log_path.read_text(errors="replace")
    assert "/s/…" in text and "/api/sessions/…/summary" in text  # the access lines are there, without the id
    assert f"session {session_ref(sid)}: gap before seq" in text
    assert f"session {session_ref(sid)} reset:" in text
    for secret_text in (sid, session["join_code"], secret, share.json()["share_token"],
                        lost["session"], lost["join_code"], lost["facilitator_secret"]):
        assert secret_text not in text
