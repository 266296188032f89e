"""The result over real HTTP on both stores: summary, exports, the share link, deletion and expiry."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
import time
import zipfile
from dataclasses import dataclass

import httpx
import pytest
import redis

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

BOARD = "samenspel"
SH = "stakeholders"
MARKUP = '<img src=x onerror="alert(1)"><b>vet</b>'
FORMULA = '=HYPERLINK("http://evil.example","klik")'


@dataclass
class Store:
    kind: str
    servers: list[ServerProcess]
    redis: RedisServer | None

    @property
    def http(self) -> str:
        return self.servers[0].http_url

    def traces(self, session: str, code: str) -> list[str]:
        """Everything the store still holds of the session: Redis keys naming it or its code,
        or SQLite rows naming it, in any table."""
        if self.redis is not None:
            r = redis.Redis(port=self.redis.port)
            try:
                return [k.decode() for k in r.scan_iter(count=1000) if session.encode() in k or code.encode() in k]
            finally:
                r.close()
        db = sqlite3.connect(self.servers[0].data_dir / "samenspel.sqlite3")
        try:
            found = []
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                columns = [c[1] for c in db.execute(f"PRAGMA table_info({table})")]
                if "session" in columns:
                    n = db.execute(f"SELECT count(*) FROM {table} WHERE session = ?", (session,)).fetchone()[0]
                    found += [f"{table}: {n} row(s)"] if n else []
                if "join_code" in columns:
                    n = db.execute(f"SELECT count(*) FROM {table} WHERE join_code = ?", (code,)).fetchone()[0]
                    found += [f"{table} (code): {n} row(s)"] if n else []
            return found
        finally:
            db.close()


def start_store(kind: str, tmp_path, env: dict[str, str] | None = None, instances: int = 1) -> Store:
    env = {"SAMENSPEL_RATE_PER_SECOND": "1000", "SAMENSPEL_RATE_BURST": "1000", **(env or {})}
    if kind == "embedded":
        return Store(kind, [ServerProcess(tmp_path / "app", env=env).start()], None)
    r = RedisServer(tmp_path / "redis").start()
    return Store(kind, [ServerProcess(tmp_path / f"app{i}", redis_url=r.url, env=env).start()
                        for i in range(instances)], r)


def stop_store(store: Store) -> None:
    for server in store.servers:
        server.stop()
    if store.redis is not None:
        store.redis.kill()


@pytest.fixture(params=["embedded", "redis"])
def store(request, tmp_path):
    s = start_store(request.param, tmp_path)
    yield s
    stop_store(s)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def connect(server: ServerProcess, session: str, **hello) -> Client:
    client = await Client(server.ws_url).connect()
    welcome = await client.hello(session, **hello)
    assert welcome["type"] == "welcome", welcome
    return client


async def ok(client: Client, frame: dict) -> dict:
    reply = await client.call(frame)
    assert reply["type"] == "ok", (frame, reply)
    return reply


async def played_session(server: ServerProcess) -> dict:
    """A short session on both boards: dots by both groups, an insight, actions (one with markup,
    one that a spreadsheet would run), a stakeholder, check-outs; then closed."""
    session = await create_session(server.http_url, title="Jeugd Oost", boards=[BOARD, SH],
                                   texts={BOARD: {"ambitie": {"ambitie": "Samen beter", "doel1": "Korter wachten"}}})
    sid = session["session"]
    people = {n: await join(server.http_url, session["join_code"], n, g)
              for n, g in (("Ann", "leernetwerk"), ("Bea", "leernetwerk"), ("Max", "management"))}
    fac = await connect(server, sid, token=session["facilitator_secret"])
    ws = {n: await connect(server, sid, token=p["token"]) for n, p in people.items()}
    votes = {"Ann": ("zingeving", "impact", "autonomie"), "Bea": ("zingeving", "impact", "kwaliteit"),
             "Max": ("resultaat", "impact", "duurzaamheid")}
    for name, options in votes.items():
        for option in options:
            await ok(ws[name], {"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": option})
    await ok(fac, {"type": "add_note", "board": BOARD, "section": "inzichten", "lane": "drijfveren",
                   "text": "Impact verbindt beide groepen"})
    await ok(ws["Ann"], {"type": "add_note", "board": BOARD, "section": "actie", "lane": "leernetwerk-doen",
                         "text": MARKUP, "owner": "Ann"})
    await ok(ws["Max"], {"type": "add_note", "board": BOARD, "section": "actie", "lane": "management-nodig",
                         "text": FORMULA, "owner": "@MT"})
    await ok(ws["Bea"], {"type": "add_stakeholder", "board": SH, "section": "map", "category": "Onderzoekers",
                         "names": "-Hogeschool"})
    await ok(fac, {"type": "set_step", "step": "afsluiting", "board": BOARD})
    await ok(ws["Ann"], {"type": "check_out", "rating": 5, "text": "Eindelijk samen aan tafel"})
    await ok(ws["Max"], {"type": "check_out", "rating": 4, "text": "+1 voor de actiepunten"})
    await ok(fac, {"type": "close_session"})
    for client in (fac, *ws.values()):
        await client.close()
    return {**session, "people": people}


async def test_summary_and_exports_hold_the_session_and_nothing_about_who(store):
    """After the close the facilitator's summary, JSON and CSV hold the counts, notes (markup as
    plain text), actions with owners, stakeholders and check-outs; CSV cells a spreadsheet would
    run are neutralised; no token, secret, participant id or name of a voter is in any of them."""
    s = await played_session(store.servers[0])
    sid, secret = s["session"], s["facilitator_secret"]
    async with httpx.AsyncClient(base_url=store.http) as http:
        summary = (await http.get(f"/api/sessions/{sid}/summary", headers=auth(secret))).json()
        as_json = await http.get(f"/api/sessions/{sid}/export.json", headers=auth(secret))
        as_zip = await http.get(f"/api/sessions/{sid}/export.zip", headers=auth(secret))
    assert summary["role"] == "facilitator" and summary["closed_at"] is not None
    assert summary["expires_at"] > time.time() * 1000 + 29 * 24 * 3600 * 1000  # 30 days after the last change
    board = next(b for b in summary["boards"] if b["id"] == BOARD)
    drijfveren = next(d for d in board["dots"] if d["id"] == "drijfveren")
    impact = next(o for o in drijfveren["options"] if o["id"] == "impact")
    assert impact["counts"] == {"leernetwerk": 2, "management": 1} and drijfveren["agree"][0] == "impact"
    assert summary["checkout"]["count"] == 2 and summary["checkout"]["average"] == 4.5

    assert as_json.status_code == 200 and "attachment" in as_json.headers["content-disposition"]
    exported = as_json.json()
    assert exported["format"] == "samenspel.summary" and exported["exported_at"] > 0
    assert exported["boards"] == summary["boards"]

    assert as_zip.headers["content-type"] == "application/zip"
    files = zipfile.ZipFile(io.BytesIO(as_zip.content))
    assert set(files.namelist()) >= {"dots.csv", "notes.csv", "stakeholders.csv", "checkout.csv", "texts.csv"}
    raw = {name: files.read(name) for name in files.namelist()}
    assert all(data.startswith("\ufeff".encode()) for data in raw.values())  # UTF-8 with BOM
    rows = {name: list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")) for name, data in raw.items()}
    notes = rows["notes.csv"]
    assert ["samenspel", "actie", "Inzicht naar Actie", "leernetwerk-doen", "Leernetwerk: wat gaan jullie doen?",
            MARKUP, "Ann"] in notes  # markup kept as the text it is
    assert ["samenspel", "actie", "Inzicht naar Actie", "management-nodig", "Management: wat hebben jullie nodig?",
            "'" + FORMULA, "'@MT"] in notes
    assert ["5", "Eindelijk samen aan tafel"] in rows["checkout.csv"]
    assert ["4", "'+1 voor de actiepunten"] in rows["checkout.csv"]
    assert any(r[2:4] == ["Onderzoekers", "'-Hogeschool"] for r in rows["stakeholders.csv"])
    assert ["samenspel", "drijfveren", "Drijfveren", "impact", "Impact", "Management", "1", "0.3333", "agree"] \
        in rows["dots.csv"]
    for cells in rows.values():
        for row in cells:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell

    everything = json.dumps(summary) + as_json.text + "".join(d.decode("utf-8-sig") for d in raw.values())
    for p in s["people"].values():
        assert p["token"] not in everything and p["participant"] not in everything
    assert secret not in everything
    assert "Bea" not in everything and "Max" not in everything  # voters are not named


async def test_exports_share_and_delete_need_the_facilitator_secret(store):
    """Without the secret (or with a wrong one, or the share link's token) exports, the share switch
    and deletion are refused with a code; the session is untouched."""
    session = await create_session(store.http, title="Geheim")
    sid = session["session"]
    async with httpx.AsyncClient(base_url=store.http) as http:
        share = (await http.post(f"/api/sessions/{sid}/share", headers=auth(session["facilitator_secret"]))).json()
        for method, path in (("GET", "export.json"), ("GET", "export.zip"), ("POST", "share"), ("DELETE", "share"),
                             ("DELETE", "")):
            url = f"/api/sessions/{sid}/{path}".rstrip("/")
            none = await http.request(method, url)
            assert none.status_code == 401 and none.json()["error"]["code"] == "not_authenticated"
            wrong = await http.request(method, url, headers=auth("not-the-secret"))
            assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden"
            shared = await http.request(method, url, headers=auth(share["share_token"]))
            assert shared.status_code == 403 and "Geheim" not in shared.text
        # the secret in the query string is not a credential
        query = await http.get(f"/api/sessions/{sid}/export.json?token={session['facilitator_secret']}")
        assert query.status_code == 401
        still = await http.get(f"/api/sessions/{sid}/summary", headers=auth(share["share_token"]))
        assert still.status_code == 200 and still.json()["title"] == "Geheim"
        assert (await http.get(f"/api/codes/{session['join_code']}")).status_code == 200


async def test_a_share_link_works_until_it_is_turned_off(store):
    """The read-only link shows the summary (role "shared"); turned off, or replaced by a new one,
    the old link gets 403 bad_token and shows nothing of the session."""
    s = await played_session(store.servers[0])
    sid, secret = s["session"], s["facilitator_secret"]
    async with httpx.AsyncClient(base_url=store.http) as http:
        first = await http.post(f"/api/sessions/{sid}/share", headers=auth(secret))
        assert first.status_code == 201 and first.json()["share_url"].endswith(f"/s/{sid}#k={first.json()['share_token']}")
        token = first.json()["share_token"]
        seen = await http.get(f"/api/sessions/{sid}/summary", headers=auth(token))
        assert seen.status_code == 200 and seen.json()["role"] == "shared" and "shared" not in seen.json()
        assert seen.json()["title"] == "Jeugd Oost"
        assert (await http.get(f"/api/sessions/{sid}/summary", headers=auth(secret))).json()["shared"] is True

        assert (await http.delete(f"/api/sessions/{sid}/share", headers=auth(secret))).status_code == 204
        off = await http.get(f"/api/sessions/{sid}/summary", headers=auth(token))
        assert off.status_code == 403 and off.json()["error"]["code"] == "bad_token"
        assert "Jeugd Oost" not in off.text and "Impact" not in off.text
        assert (await http.get(f"/api/sessions/{sid}/summary", headers=auth(secret))).json()["shared"] is False

        second = (await http.post(f"/api/sessions/{sid}/share", headers=auth(secret))).json()["share_token"]
        third = (await http.post(f"/api/sessions/{sid}/share", headers=auth(secret))).json()["share_token"]
        assert (await http.get(f"/api/sessions/{sid}/summary", headers=auth(second))).status_code == 403
        assert (await http.get(f"/api/sessions/{sid}/summary", headers=auth(third))).status_code == 200


async def test_delete_now_leaves_no_trace_and_sends_connected_screens_away(store):
    """Deleting a session removes every key or row of it and its join code; a connected screen
    is told to reload and then finds no session; its links answer 404."""
    s = await played_session(store.servers[0])
    sid, secret, code = s["session"], s["facilitator_secret"], s["join_code"]
    async with httpx.AsyncClient(base_url=store.http) as http:
        await http.post(f"/api/sessions/{sid}/share", headers=auth(secret))
    assert store.traces(sid, code)  # the check can see the session while it exists
    viewer = await connect(store.servers[0], sid, token=s["people"]["Ann"]["token"])
    async with httpx.AsyncClient(base_url=store.http) as http:
        gone = await http.delete(f"/api/sessions/{sid}", headers=auth(secret))
        assert gone.status_code == 204
        reload = await viewer.next("reload")
        assert reload["reason"]
        assert store.traces(sid, code) == []
        again = await Client(store.servers[0].ws_url).connect()
        assert (await again.hello(sid, token=secret))["code"] == "not_found"
        await again.close()
        summary = await http.get(f"/api/sessions/{sid}/summary", headers=auth(secret))
        assert summary.status_code == 404 and summary.json()["error"]["code"] == "not_found"
        assert (await http.get(f"/api/codes/{code}")).status_code == 404
        assert (await http.delete(f"/api/sessions/{sid}", headers=auth(secret))).status_code == 404
    await viewer.close()
    assert store.traces(sid, code) == []


async def wait_for_no_traces(store: Store, session: str, code: str, timeout: float = 20.0) -> list[str]:
    """Expiry is the passing of time: look until nothing is left, or the time is up."""
    deadline = time.monotonic() + timeout
    while (left := store.traces(session, code)) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    return left


@pytest.mark.parametrize("kind", ["embedded", "redis"])
async def test_a_session_expires_after_its_last_change_and_leaves_no_trace(kind, tmp_path):
    """With a retention of a few seconds, a session that nobody changes any more is deleted with
    every key or row, its join code included; a change meanwhile would have pushed the date on."""
    retention_s = 3.0
    # The rate limits remember which address reached a session for hours (a Redis key naming it);
    # within this test's seconds that memory must end too.
    s = start_store(kind, tmp_path, env={"SAMENSPEL_RETENTION_DAYS": str(retention_s / 86400),
                                         "SAMENSPEL_RETENTION_SWEEP_EVERY": "0.2",
                                         "SAMENSPEL_KNOWN_ADDRESS_SECONDS": "1"})
    try:
        session = await create_session(s.http, title="Vergankelijk")
        person = await join(s.http, session["join_code"], "Ann", "leernetwerk")
        created = time.monotonic()
        sid, code = session["session"], session["join_code"]
        assert s.traces(sid, code)
        async with httpx.AsyncClient(base_url=s.http) as http:
            summary = (await http.get(f"/api/sessions/{sid}/summary",
                                      headers=auth(session["facilitator_secret"]))).json()
            assert summary["expires_at"] <= time.time() * 1000 + retention_s * 1000 + 1000
        assert await wait_for_no_traces(s, sid, code) == []
        assert time.monotonic() - created > retention_s - 1.5  # not before its time
        client = await Client(s.servers[0].ws_url).connect()
        assert (await client.hello(sid, token=person["token"]))["code"] == "not_found"
        await client.close()
    finally:
        stop_store(s)


async def test_redis_log_is_trimmed_once_a_snapshot_covers_it(tmp_path):
    """With a snapshot every 10 records, a session of 60 records keeps only the records after the
    last snapshot in its stream, and another instance still loads the right counts."""
    s = start_store("redis", tmp_path, env={"SAMENSPEL_SNAPSHOT_EVERY": "10"}, instances=2)
    try:
        session = await create_session(s.http, title="Lang")
        sid = session["session"]
        people = [await join(s.http, session["join_code"], f"P{i}", "leernetwerk") for i in range(15)]
        for p in people:
            ws = await connect(s.servers[0], sid, token=p["token"])
            for option in ("zingeving", "impact", "autonomie"):
                await ok(ws, {"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": option})
            await ws.close()
        total = 1 + 1 + 15 + 45  # created, hold off (on paper), joined, dots
        r = redis.Redis(port=s.redis.port)
        try:
            # Snapshot and trim follow the appends beside the write path (decision 78): the last
            # `ok` does not wait for them, so look until they are done (or the deadline says not).
            deadline = time.monotonic() + 10
            while True:
                length = r.xlen(f"ss:{{{sid}}}:log")
                snap_seq = int(r.hget(f"ss:{{{sid}}}:snap", "seq") or 0)
                if (snap_seq >= 60 and length <= total - snap_seq + 1) or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.05)
        finally:
            r.close()
        assert snap_seq >= 50 and length <= total - snap_seq + 1 < total
        async with httpx.AsyncClient(base_url=s.servers[1].http_url) as http:
            summary = (await http.get(f"/api/sessions/{sid}/summary",
                                      headers=auth(session["facilitator_secret"]))).json()
        drijfveren = next(d for d in summary["boards"][0]["dots"] if d["id"] == "drijfveren")
        assert drijfveren["totals"] == {"leernetwerk": 45, "management": 0}
        assert summary["seq"] == total
    finally:
        stop_store(s)


async def test_deleting_on_one_instance_sends_the_screens_of_another_away(tmp_path):
    """Two instances on one Redis: deleting through the first tells a screen connected to the
    second to reload; its hello then finds no session, and no key of it is left."""
    s = start_store("redis", tmp_path, instances=2)
    try:
        session = await create_session(s.http, title="Twee")
        sid, code = session["session"], session["join_code"]
        ann = await join(s.http, code, "Ann", "leernetwerk")
        elsewhere = await connect(s.servers[1], sid, token=ann["token"])
        async with httpx.AsyncClient(base_url=s.http) as http:
            assert (await http.delete(f"/api/sessions/{sid}", headers=auth(session["facilitator_secret"]))).status_code == 204
        assert (await elsewhere.next("reload"))["type"] == "reload"
        await elsewhere.close()
        again = await Client(s.servers[1].ws_url).connect()
        assert (await again.hello(sid, token=ann["token"]))["code"] == "not_found"
        await again.close()
        assert s.traces(sid, code) == []
    finally:
        stop_store(s)


async def test_guessing_share_links_is_slowed_but_the_facilitator_still_gets_in(store):
    """Past 20 wrong tokens a minute from one address the summary answers 429 with Retry-After,
    and says nothing of the session; the facilitator's valid secret is never refused."""
    session = await create_session(store.http, title="Geraden")
    sid = session["session"]
    async with httpx.AsyncClient(base_url=store.http) as http:
        answers = [await http.get(f"/api/sessions/{sid}/summary", headers=auth(f"guess-{i}")) for i in range(22)]
        assert {a.status_code for a in answers[:20]} == {403}
        limited = answers[-1]
        assert limited.status_code == 429 and limited.json()["error"]["code"] == "rate_limited"
        assert int(limited.headers["retry-after"]) >= 1 and "Geraden" not in limited.text
        assert (await http.get(f"/api/sessions/{sid}/summary",
                               headers=auth(session["facilitator_secret"]))).status_code == 200


async def test_checkout_export_keeps_answers_with_a_rating_and_no_sentence(server):
    """Eight check-out answers, two of them a rating without a sentence: the summary, the JSON
    export and checkout.csv hold all eight (an empty sentence for those two), and the CSV's ratings
    average 4.0 like the summary's, not 3.83."""
    session = await create_session(server.http_url, title="Afsluiting")
    sid, secret = session["session"], session["facilitator_secret"]
    answers = [(5, "Eindelijk samen aan tafel"), (4, "Goed gesprek"), (4, "Meer tijd graag"), (3, "Te kort"),
               (3, "Wat rommelig"), (4, "Helder"), (5, ""), (4, "")]
    fac = await connect(server, sid, token=secret)
    await ok(fac, {"type": "set_step", "step": "afsluiting", "board": BOARD})
    for i, (rating, text) in enumerate(answers):
        person = await join(server.http_url, session["join_code"], f"Deelnemer {i}", ("leernetwerk", "management")[i % 2])
        ws = await connect(server, sid, token=person["token"])
        await ok(ws, {"type": "check_out", "rating": rating, "text": text})
        await ws.close()
    await fac.close()
    expected = sorted(({"rating": r, "text": t} for r, t in answers), key=lambda a: (-a["rating"], a["text"]))
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        summary = (await http.get(f"/api/sessions/{sid}/summary", headers=auth(secret))).json()
        exported = (await http.get(f"/api/sessions/{sid}/export.json", headers=auth(secret))).json()
        as_zip = await http.get(f"/api/sessions/{sid}/export.zip", headers=auth(secret))
    for body in (summary, exported):
        assert body["checkout"]["count"] == 8 and body["checkout"]["average"] == 4.0
        assert body["checkout"]["answers"] == expected  # highest rating first, then the sentence A-Z
        assert [a for a in body["checkout"]["texts"] if a["text"]] == body["checkout"]["texts"]
    with zipfile.ZipFile(io.BytesIO(as_zip.content)) as files:
        rows = list(csv.reader(io.StringIO(files.read("checkout.csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["rating", "text"]
    assert rows[1:] == [[str(a["rating"]), a["text"]] for a in expected]
    assert sum(int(r[0]) for r in rows[1:]) / len(rows[1:]) == 4.0
