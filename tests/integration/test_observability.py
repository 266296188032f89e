"""What an operator sees: /metrics, and logs that hold no secret, token, join code or session id."""

from __future__ import annotations

import json

import httpx

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess

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
