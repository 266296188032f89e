"""Cards 4 and 1 over real websockets, on the embedded store and on two instances on Redis: names
suggested on one instance and confirmed on the other, bad input refused with its code while the
connection stays open, the table closed with the session, the CSV export; the wall's dots kept
within a person's five when they send from two instances at once."""

from __future__ import annotations

import csv
import io
import zipfile

import httpx

from tests.integration.test_facilitation import connect, instances  # noqa: F401 (the fixture)
from tests.support.client import Client, create_session, join

BOARD = "rollen"
RINGS = {"board": BOARD, "section": "ringen"}
TABLE = {"board": BOARD, "section": "randvoorwaarden"}


async def room(instances):  # noqa: F811
    """The facilitator on the first instance, Eva on the last (the other one, on Redis)."""
    session = await create_session(instances[0].http_url, boards=[BOARD])
    fac = await connect(instances[0], session["session"], token=session["facilitator_secret"])
    eva_token = (await join(instances[-1].http_url, session["join_code"], "Eva", "deelnemer"))["token"]
    eva = await connect(instances[-1], session["session"], token=eva_token)
    return session, fac, eva


async def refused(client, frame: dict, code: str) -> None:
    reply = await client.call(frame)
    assert reply["type"] == "error" and reply["code"] == code, reply
    assert (await client.call({"type": "ping"}))["type"] == "pong"  # the connection stays open


async def test_a_suggestion_on_one_instance_is_confirmed_on_the_other_and_bad_input_stores_nothing(instances):  # noqa: F811
    """Eva's suggestion reaches the facilitator (another instance on Redis) unconfirmed; he confirms
    it; a name over 60 characters, a role that does not exist and a confirmation by a participant are
    refused with their codes, nothing is logged and Eva's connection stays open."""
    session, fac, eva = await room(instances)
    seq = eva.seq
    await refused(eva, {"type": "add_role_person", **RINGS, "name": "x" * 61, "role": "deelnemer"}, "invalid")
    await refused(eva, {"type": "add_role_person", **RINGS, "name": "Ahmed", "role": "koning"}, "not_found")
    assert (await eva.call({"type": "add_role_person", **RINGS, "name": "Ahmed", "role": "deelnemer"}))["type"] == "ok"
    seen = (await fac.event("role_person_saved"))["event"]["person"]
    assert (seen["name"], seen["role"], seen["confirmed"]) == ("Ahmed", "deelnemer", False)
    await refused(eva, {"type": "confirm_role_person", **RINGS, "person": seen["id"]}, "forbidden")
    assert (await fac.call({"type": "confirm_role_person", **RINGS, "person": seen["id"]}))["type"] == "ok"
    confirmed = (await eva.event("role_person_saved"))["event"]["person"]
    while not confirmed["confirmed"]:  # Eva's own add comes first
        confirmed = (await eva.event("role_person_saved"))["event"]["person"]
    assert confirmed["id"] == seen["id"]
    await refused(eva, {"type": "move_role_person", **RINGS, "person": seen["id"], "role": "tweede_schil"}, "forbidden")
    # two events logged in all: the add and the confirmation
    late = await Client(instances[-1].ws_url).connect()
    state = (await late.hello(session["session"], token=session["facilitator_secret"]))["state"]
    assert state["seq"] == seq + 2
    assert list(state["boards"][BOARD]["roles"]["ringen"].values()) == [confirmed]
    for client in (fac, eva, late):
        await client.close()


async def test_the_facilitator_dots_the_wall_for_someone_in_the_room(instances):  # noqa: F811
    """A person in the room gets five dots on the wall like everyone, placed by the facilitator
    with `proxy`; the facilitator gets them back in `proxy_dots`; Eva cannot use Gerrit's."""
    session = await create_session(instances[0].http_url, boards=["ambitie"])
    fac = await connect(instances[0], session["session"], token=session["facilitator_secret"])
    assert (await fac.call({"type": "add_proxy", "group": "deelnemer", "name": "Gerrit"}))["type"] == "ok"
    gerrit = (await fac.event("participant_joined"))["event"]["participant"]
    assert (await fac.call({"type": "set_step", "board": "ambitie", "step": "samenvoegen"}))["type"] == "ok"
    token = (await join(instances[0].http_url, session["join_code"], "Eva", "deelnemer"))["token"]
    eva = await connect(instances[-1], session["session"], token=token)
    wall = {"board": "ambitie", "section": "wand"}
    assert (await eva.call({"type": "add_wall_item", **wall, "text": "Op tijd hulp"}))["type"] == "ok"
    item = (await fac.event("wall_item_saved"))["event"]["item"]["id"]
    for_gerrit = {"type": "wall_dot", **wall, "item": item, "proxy": gerrit}
    for n in range(5):
        assert (await fac.call(for_gerrit))["type"] == "ok"
        mine = await fac.next("proxy_dots")
        while len(mine["dots"]["ambitie"]["wand"]) != n + 1:
            mine = await fac.next("proxy_dots")
    await refused(fac, for_gerrit, "budget_exhausted")
    await refused(eva, for_gerrit, "forbidden")
    assert (await eva.call({"type": "wall_dot", **wall, "item": item}))["type"] == "ok"  # Eva's own five
    late = await Client(instances[-1].ws_url).connect()
    state = (await late.hello(session["session"], token=session["facilitator_secret"]))["state"]
    assert state["boards"]["ambitie"]["walls"]["wand"]["counts"] == {item: 6}
    assert state["proxy_dots"][gerrit]["ambitie"]["wand"] == [item] * 5
    for client in (fac, eva, late):
        await client.close()


async def test_a_table_edit_on_a_closed_session_is_refused_and_the_export_has_the_rings_and_table(instances):  # noqa: F811
    """A cell written before closing is in conditions.csv, the confirmed name in roles.csv; after the
    facilitator closes the session a cell edit gets session_closed and the connection stays open."""
    session, fac, eva = await room(instances)
    assert (await fac.call({"type": "add_role_person", **RINGS, "name": "Marieke", "role": "leernetwerktrekker"}))["type"] == "ok"
    cell = {"type": "set_condition", **TABLE, "row": "leernetwerktrekker", "column": "tijd"}
    assert (await eva.call({**cell, "text": "Vier uur per week", "who": "Teamleider"}))["type"] == "ok"
    assert (await fac.call({"type": "close_session"}))["type"] == "ok"
    await eva.event("session_closed")
    await refused(eva, {**cell, "text": "Acht uur"}, "session_closed")
    await refused(fac, {**cell, "text": "Acht uur"}, "session_closed")
    async with httpx.AsyncClient(base_url=instances[-1].http_url) as http:
        response = await http.get(f"/api/sessions/{session['session']}/export.zip",
                                  headers={"Authorization": f"Bearer {session['facilitator_secret']}"})
    files = zipfile.ZipFile(io.BytesIO(response.content))
    read = lambda name: list(csv.reader(io.StringIO(files.read(name).decode("utf-8-sig")), delimiter=";"))
    assert read("roles.csv")[1:] == [["rollen", "ringen", "1. Staf", "Leernetwerktrekker", "Marieke", "ja"]]
    assert read("conditions.csv")[1:] == [["rollen", "randvoorwaarden", "Leernetwerktrekker", "Tijd",
                                           "Vier uur per week", "Teamleider"]]
    for client in (fac, eva):
        await client.close()


async def test_wall_dots_stay_within_five_when_one_person_sends_from_two_instances(instances):  # noqa: F811
    """Eva on both instances (on Redis: two servers) sends eight dots at once: exactly five are
    kept; the rest are refused with budget_exhausted (or the retryable conflict), nothing more is
    stored, and both connections stay open."""
    import asyncio

    session = await create_session(instances[0].http_url, boards=["ambitie"])
    fac = await connect(instances[0], session["session"], token=session["facilitator_secret"])
    assert (await fac.call({"type": "set_step", "board": "ambitie", "step": "samenvoegen"}))["type"] == "ok"
    token = (await join(instances[0].http_url, session["join_code"], "Eva", "deelnemer"))["token"]
    first = await connect(instances[0], session["session"], token=token)
    second = await connect(instances[-1], session["session"], token=token)
    wall = {"board": "ambitie", "section": "wand"}
    assert (await first.call({"type": "add_wall_item", **wall, "text": "Op tijd hulp"}))["type"] == "ok"
    item = (await second.event("wall_item_saved"))["event"]["item"]["id"]
    replies = await asyncio.gather(*[client.call({"type": "wall_dot", **wall, "item": item})
                                     for _ in range(4) for client in (first, second)])
    ok = [r for r in replies if r["type"] == "ok"]
    assert len(ok) <= 5 and all(r["code"] in ("budget_exhausted", "conflict") for r in replies if r["type"] != "ok")
    while len(ok) < 5:  # conflicts are retryable: retry until the budget is used
        reply = await first.call({"type": "wall_dot", **wall, "item": item})
        assert reply["type"] == "ok" or reply["code"] == "conflict", reply
        ok += [reply] if reply["type"] == "ok" else []
    await refused(second, {"type": "wall_dot", **wall, "item": item}, "budget_exhausted")
    late = await Client(instances[-1].ws_url).connect()
    state = (await late.hello(session["session"], token=session["facilitator_secret"]))["state"]
    assert state["boards"]["ambitie"]["walls"]["wand"]["counts"] == {item: 5}
    for client in (fac, first, second, late):
        await client.close()
