"""Learning networks over real HTTP on both stores: sessions started from a network start from it,
a closed session's contribution is confirmed once however it is sent, deletion and expiry leave
nothing, an export imports as the same network, and bad input stores nothing."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import httpx
import pytest
import redis

from tests.integration.test_summary_export import (Store, auth, connect, ok, start_store, stop_store,
                                                   wait_for_no_traces)
from tests.support.client import Client, join

BOARD = "samenspel"
SH = "stakeholders"


@pytest.fixture(params=["embedded", "redis"])
def store(request, tmp_path):
    s = start_store(request.param, tmp_path, instances=2 if request.param == "redis" else 1)
    yield s
    stop_store(s)


async def start_network(base: str, name: str = "Leernetwerk Wijkzorg") -> dict:
    async with httpx.AsyncClient(base_url=base) as http:
        response = await http.post("/api/networks", json={"name": name, "theme": "Samen leren in de wijk"})
        assert response.status_code == 201, response.text
        return response.json()


async def get_network(base: str, network: dict, **params) -> dict:
    async with httpx.AsyncClient(base_url=base, timeout=40) as http:
        response = await http.get(f"/api/networks/{network['network']}", headers=auth(network["secret"]),
                                  params=params)
        assert response.status_code == 200, response.text
        return response.json()


async def session_of(base: str, network: dict, boards: list[str], title: str) -> dict:
    async with httpx.AsyncClient(base_url=base) as http:
        response = await http.post(f"/api/networks/{network['network']}/sessions", headers=auth(network["secret"]),
                                   json={"title": title, "boards": boards})
        assert response.status_code == 201, response.text
        return response.json()


async def run_samenspel(base: str, ws_server, session: dict, ambition: str | None, actions: list[tuple[str, str]]):
    """Two people vote on the pillars; the facilitator sets the ambition (if given), adds actions, closes."""
    sid = session["session"]
    fac = await connect(ws_server, sid, token=session["facilitator_secret"])
    people = {}
    for name, group in (("Ann", "leernetwerk"), ("Max", "management")):
        token = (await join(base, session["join_code"], name, group))["token"]
        people[name] = await connect(ws_server, sid, token=token)
    await ok(fac, {"type": "set_step", "board": BOARD, "step": "pijlers"})
    for name, options in (("Ann", ("communicatie", "capaciteit")), ("Max", ("communicatie",))):
        for option in options:
            await ok(people[name], {"type": "place_dot", "board": BOARD, "section": "pijlers", "option": option})
    if ambition is not None:
        await ok(fac, {"type": "set_text", "board": BOARD, "section": "ambitie", "field": "ambitie", "text": ambition})
    for text, owner in actions:
        await ok(fac, {"type": "add_note", "board": BOARD, "section": "actie", "lane": "leernetwerk-doen",
                       "text": text, "owner": owner})
    await ok(fac, {"type": "close_session"})
    for client in (fac, *people.values()):
        await client.close()


async def confirm(base: str, session: dict, **body) -> httpx.Response:
    async with httpx.AsyncClient(base_url=base) as http:
        return await http.post(f"/api/sessions/{session['session']}/network/confirm",
                               headers=auth(session["facilitator_secret"]), json=body)


def network_traces(store: Store, network_id: str) -> list[str]:
    """What the store still holds naming the network: its keys or rows, and a session's claim on it."""
    left = store.traces(network_id, f"net:{network_id}")
    if store.redis is not None:
        r = redis.Redis(port=store.redis.port)
        try:
            for key in r.scan_iter(match="ss:*:cred", count=1000):
                if network_id.encode() in r.hvals(key):
                    left.append(f"{key.decode()} names it")
        finally:
            r.close()
    else:
        db = sqlite3.connect(store.servers[0].data_dir / "samenspel.sqlite3")
        try:
            n = db.execute("SELECT count(*) FROM credentials WHERE participant = ?", (network_id,)).fetchone()[0]
            left += [f"credentials naming it: {n}"] if n else []
        finally:
            db.close()
    return left


async def test_a_session_started_from_a_network_starts_from_its_ambition(store):
    """After a session's ambition is confirmed into the network, the next Samenspel and the next
    stakeholder map start with it filled in; the network keeps its version while the session edits."""
    base = store.http
    net = await start_network(base)
    first = await session_of(base, net, [BOARD], "Kick-off")
    await run_samenspel(base, store.servers[0], first, "Samen sterker in de wijk", [("Intervisie plannen", "Ann")])
    async with httpx.AsyncClient(base_url=base) as http:
        proposal = await http.get(f"/api/sessions/{first['session']}/network", headers=auth(first["facilitator_secret"]))
    assert proposal.status_code == 200, proposal.text
    assert proposal.json()["closed"] is True
    assert [(i["kind"], i["confirmed"]) for i in proposal.json()["items"]] == [
        ("ambition", False), ("reading", False), ("action", False)]
    assert (await confirm(base, first, keys=None)).status_code == 200
    second = await session_of(base, net, [BOARD, SH], "Instructie 2")
    assert second["prefilled"][BOARD]["ambitie"]["ambitie"] == "Samen sterker in de wijk"
    assert second["prefilled"][SH]["ambitie"]["ambitie"] == "Samen sterker in de wijk"
    fac = await Client(store.servers[-1].ws_url).connect()
    welcome = await fac.hello(second["session"], token=second["facilitator_secret"])
    texts = welcome["state"]["boards"][BOARD]["texts"]["ambitie"]
    assert texts["ambitie"] == "Samen sterker in de wijk"
    await ok(fac, {"type": "set_text", "board": BOARD, "section": "ambitie", "field": "ambitie", "text": "Anders"})
    await fac.close()
    view = await get_network(base, net)
    assert view["ambition"] == "Samen sterker in de wijk"
    assert [s["title"] for s in view["sessions"]] == ["Kick-off", "Instructie 2"]


async def test_two_sessions_closing_at_once_on_two_instances_both_land_exactly_once(store):
    """Two sessions of one network, closed and confirmed at the same moment (on two instances with
    Redis), each confirm sent twice: both ambitions and all actions are in, each once."""
    base = store.http
    net = await start_network(base)
    a = await session_of(base, net, [BOARD], "Sessie A")
    b = await session_of(store.servers[-1].http_url, net, [BOARD], "Sessie B")
    await asyncio.gather(
        run_samenspel(base, store.servers[0], a, "Ambitie A", [("Actie A1", "Ann"), ("Actie A2", "Bo")]),
        run_samenspel(store.servers[-1].http_url, store.servers[-1], b, "Ambitie B", [("Actie B1", "Max")]))
    replies = await asyncio.gather(
        confirm(store.servers[0].http_url, a, id="confirm-a-0001"), confirm(store.servers[-1].http_url, b),
        confirm(store.servers[-1].http_url, a, id="confirm-a-0001"), confirm(store.servers[0].http_url, b))
    assert [r.status_code for r in replies] == [200] * 4, [r.text for r in replies]
    view = await get_network(base, net)
    assert sorted(v["text"] for v in view["ambitions"]) == ["Ambitie A", "Ambitie B"]
    assert sorted(x["text"] for x in view["actions"]) == ["Actie A1", "Actie A2", "Actie B1"]
    assert len(view["readings"]) == 2
    assert {s["title"]: s["confirmed"] for s in view["sessions"]} == {"Sessie A": 4, "Sessie B": 3}  # ambition, reading, actions


async def test_the_page_hears_of_a_change_made_on_another_instance(store):
    """A long-poll waiting on one instance answers when an action's status is set on the other."""
    base = store.http
    net = await start_network(base)
    s = await session_of(base, net, [BOARD], "Actiesessie")
    await run_samenspel(base, store.servers[0], s, None, [("Rooster maken", "Max")])
    await confirm(base, s)
    before = await get_network(base, net)
    waiting = asyncio.create_task(get_network(store.servers[-1].http_url, net, after=before["seq"]))
    await asyncio.sleep(0)  # let the poll go out first: it must wake on the change, not find it
    (action,) = before["actions"]
    async with httpx.AsyncClient(base_url=base) as http:
        r = await http.post(f"/api/networks/{net['network']}/actions/{action['id']}",
                            headers=auth(net["cofacilitator_secret"]), json={"status": "bezig"})
        assert r.status_code == 200, r.text
    started = time.monotonic()
    after = await asyncio.wait_for(waiting, 20)
    assert time.monotonic() - started < 10  # woken, not the 25 s timeout
    assert after["actions"][0]["status"] == "bezig"


async def test_export_then_import_makes_an_identical_network(store):
    """The JSON export, imported into another installation, exports the same document."""
    base = store.http
    net = await start_network(base)
    s = await session_of(base, net, [BOARD], "Kick-off")
    await run_samenspel(base, store.servers[0], s, "Ambitie", [("Actie", "Ann")])
    await confirm(base, s)
    async with httpx.AsyncClient(base_url=base) as http:
        doc = (await http.get(f"/api/networks/{net['network']}/export.json", headers=auth(net["secret"]))).json()
        imported = await http.post("/api/networks/import", json=doc)
        assert imported.status_code == 201, imported.text
        copy = imported.json()
        assert copy["network"] != net["network"]
        again = (await http.get(f"/api/networks/{copy['network']}/export.json",
                                headers=auth(copy["secret"]))).json()
        csv = await http.get(f"/api/networks/{net['network']}/export.csv", headers=auth(net["secret"]))
    assert again == doc
    assert csv.content.startswith("\ufeffsoort;sessie;tekst;wie;status;extra\r\n".encode())  # like the session CSVs
    assert "Actie" in csv.text and csv.headers["content-type"].startswith("text/csv")


async def test_delete_now_leaves_no_trace_of_the_network(store):
    """Deleting a network removes its keys or rows and its claim on its sessions; its link then
    answers not_found, and its sessions stay."""
    base = store.http
    net = await start_network(base)
    s = await session_of(base, net, [BOARD], "Kick-off")
    nid = net["network"]
    assert network_traces(store, nid)
    async with httpx.AsyncClient(base_url=base) as http:
        co = await http.delete(f"/api/networks/{nid}", headers=auth(net["cofacilitator_secret"]))
        assert co.status_code == 403 and co.json()["error"]["code"] == "forbidden"
        assert (await http.delete(f"/api/networks/{nid}", headers=auth(net["secret"]))).status_code == 204
        gone = await http.get(f"/api/networks/{nid}", headers=auth(net["secret"]))
        assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"
        summary = await http.get(f"/api/sessions/{s['session']}/summary", headers=auth(s["facilitator_secret"]))
        assert summary.status_code == 200
    assert network_traces(store, nid) == []


@pytest.mark.parametrize("kind", ["embedded", "redis"])
async def test_a_network_expires_after_its_last_change_and_leaves_no_trace(kind, tmp_path):
    """With a retention of a few seconds, a network nobody changes is deleted with every key or row."""
    s = start_store(kind, tmp_path, env={"SAMENSPEL_NETWORK_RETENTION_DAYS": str(3 / 86400),
                                         "SAMENSPEL_RETENTION_SWEEP_EVERY": "0.2",
                                         "SAMENSPEL_KNOWN_ADDRESS_SECONDS": "1"})
    try:
        net = await start_network(s.http)
        nid = net["network"]
        session = await session_of(s.http, net, [BOARD], "Blijft langer")
        view = await get_network(s.http, net)
        assert view["expires_at"] <= time.time() * 1000 + 4000
        assert await wait_for_no_traces(s, nid, f"net:{nid}") == []
        # The session outlives its network: another network may now take it.
        other = await start_network(s.http, "Opvolger")
        async with httpx.AsyncClient(base_url=s.http) as http:
            r = await http.post(f"/api/networks/{other['network']}/attach", headers=auth(other["secret"]),
                                json={"session": session["session"], "secret": session["facilitator_secret"]})
        assert r.status_code == 200, r.text
    finally:
        stop_store(s)


async def test_bad_input_is_refused_with_a_documented_code_and_stores_nothing(store):
    """Wrong link, a participant's confirm, a confirm before the close, a session claimed by a
    second network, a bad import: each refused with its code; the network is unchanged."""
    base = store.http
    net, other = await start_network(base), await start_network(base, "Ander netwerk")
    s = await session_of(base, net, [BOARD], "Open sessie")
    person = await join(base, s["join_code"], "Ann", "leernetwerk")
    before = await get_network(base, net)
    async with httpx.AsyncClient(base_url=base) as http:
        async def code(response: httpx.Response) -> tuple[int, str]:
            return response.status_code, response.json()["error"]["code"]

        nid = net["network"]
        assert await code(await http.get(f"/api/networks/{nid}", headers=auth("fout"))) == (403, "bad_token")
        assert await code(await http.get("/api/networks/n.nietbestaand", headers=auth("x"))) == (404, "not_found")
        assert await code(await http.get(f"/api/networks/{nid}")) == (401, "not_authenticated")
        assert await code(await http.post(f"/api/sessions/{s['session']}/network/confirm",
                                          headers=auth(person["token"]), json={})) == (403, "forbidden")
        assert await code(await confirm(base, s)) == (409, "session_open")
        assert await code(await http.post(f"/api/networks/{other['network']}/attach", headers=auth(other["secret"]),
                                          json={"session": s["session"], "secret": s["facilitator_secret"]})) \
            == (409, "already_attached")
        doc = (await http.get(f"/api/networks/{nid}/export.json", headers=auth(net["secret"]))).json()
        assert await code(await http.post("/api/networks/import", json={**doc, "version": 9})) == (400, "invalid")
        over = {**doc, "actions": [{"id": f"a{i}", "text": "x", "owner": "", "lane": "", "status": "open",
                                    "session": "s", "at": 0} for i in range(301)]}
        assert await code(await http.post("/api/networks/import", json=over)) == (409, "limit_reached")
        # A network id is no session: the board, the summary and its deletion do not open it.
        assert (await http.get(f"/api/sessions/{nid}/summary", headers=auth(net["secret"]))).status_code == 404
        assert (await http.delete(f"/api/sessions/{nid}", headers=auth(net["secret"]))).status_code == 404
    assert (await get_network(base, net))["seq"] == before["seq"]
    assert (await get_network(base, other))["sessions"] == []


async def test_a_session_opens_with_the_open_actions_and_the_group_marks_them(store):
    """A session with "actiepunten" first starts with the network's open actions; the group marks
    them live; confirmed, the network's actions take those statuses (a dropped one leaves the list)."""
    base = store.http
    net = await start_network(base)
    first = await session_of(base, net, [BOARD], "Kick-off")
    await run_samenspel(base, store.servers[0], first, "Ambitie", [("Plan maken", "Ann"), ("Zaal regelen", "Max")])
    await confirm(base, first)
    actions = {a["text"]: a["id"] for a in (await get_network(base, net))["actions"]}
    second = await session_of(base, net, ["actiepunten", BOARD], "Vervolg")
    assert [i["text"] for i in second["prefilled"]["actiepunten"]["acties"]] == ["Plan maken", "Zaal regelen"]
    sid = second["session"]
    fac = await connect(store.servers[-1], sid, token=second["facilitator_secret"])
    ann = await connect(store.servers[-1], sid, token=(await join(base, second["join_code"], "Ann", "leernetwerk"))["token"])
    await ok(fac, {"type": "set_step", "board": BOARD, "step": "ambitie"})
    refused = await ann.call({"type": "mark_review", "board": "actiepunten", "section": "acties",
                              "item": actions["Plan maken"], "mark": "klaar"})
    assert refused["type"] == "error" and refused["code"] == "not_in_step", refused  # only in its step
    await ok(fac, {"type": "set_step", "board": "actiepunten", "step": "acties"})
    await ok(ann, {"type": "mark_review", "board": "actiepunten", "section": "acties",
                   "item": actions["Plan maken"], "mark": "klaar"})
    await ok(fac, {"type": "mark_review", "board": "actiepunten", "section": "acties",
                   "item": actions["Zaal regelen"], "mark": "vervallen"})
    await ok(fac, {"type": "close_session"})
    for client in (fac, ann):
        await client.close()
    assert (await confirm(base, second)).status_code == 200
    view = await get_network(base, net)
    assert {a["text"]: a["status"] for a in view["actions"]} == {"Plan maken": "klaar", "Zaal regelen": "vervallen"}


async def test_a_card3_session_gives_its_outcome_and_radar_medians_exactly_once(store):
    """Card 1's ambition and agendas confirmed, a card-3 session of the network starts with the agendas; its
    tree ends on "aan de slag", three people rate two pillars; closed, it proposes the outcome, the
    radar's medians and its new agenda item (what it took back marked as held); confirmed twice on
    two instances (and once more by keys), the network holds the outcome and the reading once."""
    base, other = store.http, store.servers[-1].http_url
    net = await start_network(base)
    first = await session_of(base, net, ["ambitie"], "Instructie 1")
    fac = await connect(store.servers[0], first["session"], token=first["facilitator_secret"])
    await ok(fac, {"type": "set_text", "board": "ambitie", "section": "ambitie", "field": "ambitie",
                   "text": "Elk kind op tijd de juiste hulp"})
    await ok(fac, {"type": "add_note", "board": "ambitie", "section": "agendas", "lane": "verander",
                   "text": "Eén plan per gezin"})
    await ok(fac, {"type": "close_session"})
    await fac.close()
    assert (await confirm(base, first)).status_code == 200

    third = await session_of(other, net, ["juiste_weg"], "Instructie 3")
    assert third["prefilled"] == {"juiste_weg": {"agendas": {"verander": ["Eén plan per gezin"]}}}
    sid = third["session"]
    fac = await Client(store.servers[-1].ws_url).connect()
    notes = (await fac.hello(sid, token=third["facilitator_secret"]))["state"]["boards"]["juiste_weg"]["notes"]
    assert [n["text"] for n in notes["agendas"]] == ["Eén plan per gezin"]
    for question, answer in (("anderen", "nee"), ("oorzaken", "ja"), ("oplossing", "ja"), ("samenhang", "ja"),
                             ("partijen", "ja"), ("samen_leren", "ja"), ("draagvlak", "ja")):
        await ok(fac, {"type": "set_tree_answer", "board": "juiste_weg", "section": "beslisboom",
                       "question": question, "answer": answer})
    await ok(fac, {"type": "set_step", "board": "juiste_weg", "step": "organisatiecontext"})
    people = []
    for name, group, rings in (("Ann", "leernetwerk", (5, 1)), ("Bo", "management", (4, 2)),
                               ("Cas", "management", (4, 3))):
        token = (await join(base, third["join_code"], name, group))["token"]
        person = await connect(store.servers[0], sid, token=token)
        for pillar, ring in zip(("tijd", "communicatie"), rings):
            await ok(person, {"type": "place_radar_dot", "board": "juiste_weg", "section": "organisatiecontext",
                              "pillar": pillar, "ring": ring})
        people.append(person)
    await ok(fac, {"type": "add_note", "board": "juiste_weg", "section": "agendas", "lane": "onderzoek",
                   "text": "Helpt één plan ouders?"})
    await ok(fac, {"type": "close_session"})
    for client in (fac, *people):
        await client.close()

    async with httpx.AsyncClient(base_url=base) as http:
        proposal = (await http.get(f"/api/sessions/{sid}/network", headers=auth(third["facilitator_secret"]))).json()
    assert [(i["kind"], i["held"]) for i in proposal["items"]] == [
        ("agenda", True), ("agenda", False), ("outcome", False), ("reading", False)]
    keys = [i["key"] for i in proposal["items"]]
    replies = await asyncio.gather(confirm(base, third, id="confirm-c3-0001"), confirm(other, third),
                                   confirm(other, third, id="confirm-c3-0001"))
    assert [r.status_code for r in replies] == [200] * 3, [r.text for r in replies]
    assert (await confirm(base, third, keys=keys[2:4])).json()["added"] == 0
    view = await get_network(other, net)
    assert [o["text"][-24:] for o in view["outcomes"]] == ["Je kunt dus aan de slag!"]
    assert [(r["name"], r["values"]) for r in view["readings"]] == [
        ("radar", {"tijd": {"mediaan": 0.25}, "communicatie": {"mediaan": 0.75}})]
    assert view["trend"]["radar"]["series"]["tijd"] == {"mediaan": [0.25]}
    assert [a["text"] for a in view["agendas"]["onderzoeks"]] == ["Helpt één plan ouders?"]
    assert [a["text"] for a in view["agendas"]["verander"]] == ["Eén plan per gezin"]
    assert len(view["ambitions"]) == 1
