"""The stakeholder map live over real websockets: adds, drags, concurrent edits, removal rights."""

from __future__ import annotations

import asyncio

import msgpack
import pytest

from tests.support.client import Client, create_session, join

BOARD = "stakeholders"
MAP = {"board": BOARD, "section": "map"}


@pytest.fixture
async def people(server):
    """A stakeholder-only session with a facilitator and two participants connected."""
    session = await create_session(server.http_url, boards=[BOARD],
                                   texts={BOARD: {"ambitie": {"ambitie": "Minder wachtlijsten"}}})
    clients = {}
    facilitator = await Client(server.ws_url).connect()
    welcome = await facilitator.hello(session["session"], token=session["facilitator_secret"])
    assert welcome["state"]["boards"][BOARD]["texts"]["ambitie"]["ambitie"] == "Minder wachtlijsten"
    clients["facilitator"] = facilitator
    for name in ("Ann", "Bob"):
        token = await join(server.http_url, session["join_code"], name, "deelnemer")
        client = await Client(server.ws_url).connect()
        await client.hello(session["session"], token=token["token"])
        clients[name] = client
    yield clients
    for client in clients.values():
        await client.close()


async def added(client: Client, **fields) -> dict:
    reply = await client.call({"type": "add_stakeholder", **MAP, **fields})
    assert reply["type"] == "ok", reply
    return (await client.event("stakeholder_saved"))["event"]["item"]


async def test_a_new_stakeholder_appears_on_every_screen(people):
    """Ann's post-it shows up for Bob and the facilitator with its category and place."""
    item = await added(people["Ann"], category="Onderzoekers", names="Hogeschool", x=0.2, y=0.3)
    for who in ("Bob", "facilitator"):
        seen = (await people[who].event("stakeholder_saved"))["event"]
        assert seen["change"] == "add"
        assert (seen["item"]["id"], seen["item"]["category"], seen["item"]["x"]) == (item["id"], "Onderzoekers", 0.2)


async def test_drag_is_relayed_live_and_only_the_drop_is_logged(people):
    """Drag positions reach the others coalesced (no seq); the drop is one logged move."""
    ann, bob = people["Ann"], people["Bob"]
    item = await added(ann, category="Cliënten")
    await bob.event("stakeholder_saved")
    seq_before = bob.seq
    for i in range(1, 11):
        await ann.send({"type": "drag", **MAP, "item": item["id"], "surface": "map", "x": i / 10, "y": 0.5})
    drags = []
    while not drags or drags[-1]["x"] != 1.0:
        drags.append(await bob.next("drag"))
    assert len(drags) < 10  # coalesced: not one frame per mouse move
    assert bob.seq == seq_before  # nothing logged by dragging
    await ann.call({"type": "move_stakeholder", **MAP, "item": item["id"], "x": 1.0, "y": 0.5})
    moved = await bob.event("stakeholder_saved")
    assert moved["seq"] == seq_before + 1 and moved["event"]["change"] == "move"
    assert (moved["event"]["item"]["x"], moved["event"]["item"]["y"]) == (1.0, 0.5)


async def test_two_people_editing_one_post_it_converge_and_nobody_is_silently_overwritten(people):
    """Two saves from version 1: one lands everywhere, the other is told edit_conflict."""
    ann, bob, facilitator = people["Ann"], people["Bob"], people["facilitator"]
    item = await added(ann, category="Cliënten")
    edit = {"type": "edit_stakeholder", **MAP, "item": item["id"], "base_version": 1}
    replies = await asyncio.gather(ann.call({**edit, "category": "Cliëntenraad"}),
                                   bob.call({**edit, "category": "Naasten"}))
    assert sorted(r["type"] for r in replies) == ["error", "ok"]
    assert [r["code"] for r in replies if r["type"] == "error"] == ["edit_conflict"]
    winner = "Cliëntenraad" if replies[0]["type"] == "ok" else "Naasten"
    for client in (ann, bob, facilitator):
        while (frame := await client.event("stakeholder_saved"))["event"]["change"] != "edit":
            pass
        assert frame["event"]["item"]["category"] == winner
        assert frame["event"]["item"]["version"] == 2


async def test_a_participant_cannot_delete_or_restore_anothers_stakeholder(people):
    """Bob may not remove Ann's post-it; after Ann removes it, only she or the facilitator restores it."""
    ann, bob, facilitator = people["Ann"], people["Bob"], people["facilitator"]
    item = await added(ann, category="Gemeente")
    target = {**MAP, "item": item["id"]}
    assert (await bob.call({"type": "remove_stakeholder", **target}))["code"] == "forbidden"
    assert (await ann.call({"type": "remove_stakeholder", **target}))["type"] == "ok"
    assert (await bob.call({"type": "restore_stakeholder", **target}))["code"] == "forbidden"
    assert (await facilitator.call({"type": "restore_stakeholder", **target}))["type"] == "ok"


async def test_undo_over_the_wire_restores_the_previous_place(people):
    """Ann moves her post-it and undoes it: everyone sees it back where it was."""
    ann, bob = people["Ann"], people["Bob"]
    item = await added(ann, category="Zorgaanbieders", x=0.1, y=0.1)
    await ann.call({"type": "move_stakeholder", **MAP, "item": item["id"], "x": 0.9, "y": 0.9})
    assert (await ann.call({"type": "undo", "board": BOARD}))["type"] == "ok"
    while (frame := await bob.event("stakeholder_saved"))["event"]["change"] != "undo":
        pass
    assert (frame["event"]["item"]["x"], frame["event"]["item"]["y"]) == (0.1, 0.1)


async def test_bad_stakeholder_input_is_refused_with_codes(people):
    """Over-long text, missing items and drags of unknown post-its get error codes."""
    ann = people["Ann"]
    assert (await ann.call({"type": "add_stakeholder", **MAP, "category": "x" * 100}))["code"] == "invalid"
    assert (await ann.call({"type": "move_stakeholder", **MAP, "item": "nope", "x": 0, "y": 0}))["code"] == "not_found"
    assert (await ann.call({"type": "drag", **MAP, "item": "nope", "surface": "map", "x": 0, "y": 0}))["code"] \
        == "not_found"
    assert (await ann.call({"type": "place_in_matrix", **MAP, "item": "nope", "influence": 0.5,
                            "interest": "hoog"}))["code"] == "invalid"


async def test_a_drag_that_ends_without_a_drop_is_announced(people):
    """Letting go outside the board tells the others at once, and logs nothing."""
    ann, bob = people["Ann"], people["Bob"]
    item = await added(ann, category="Huisartsen")
    await bob.event("stakeholder_saved")
    seq_before = bob.seq
    drag = {"type": "drag", **MAP, "item": item["id"], "surface": "matrix", "x": 0.4, "y": 0.6}
    await ann.send(drag)
    assert (await bob.next("drag"))["end"] is False
    await ann.send({**drag, "end": True})
    assert (await bob.next("drag"))["end"] is True
    assert bob.seq == seq_before


async def test_add_remove_cycles_cannot_grow_the_welcome_without_bound(tmp_path):
    """One participant adding and removing as fast as allowed is stopped at the map's stored maximum,
    and a projector's welcome stays small (it was 1.66 MB after 3,767 cycles)."""
    from tests.support.processes import ServerProcess

    server = ServerProcess(tmp_path / "data", env={"SAMENSPEL_RATE_PER_SECOND": "1000",
                                                   "SAMENSPEL_RATE_BURST": "1000"}).start()
    try:
        session = await create_session(server.http_url, boards=[BOARD])
        token = await join(server.http_url, session["join_code"], "Ann", "deelnemer")
        ann = await Client(server.ws_url).connect()
        await ann.hello(session["session"], token=token["token"])
        refusal = None
        for i in range(200):
            reply = await ann.call({"type": "add_stakeholder", **MAP, "category": f"Categorie {i}", "names": "n" * 200})
            if reply["type"] == "error":
                refusal = (i, reply["code"])
                break
            item = (await ann.event("stakeholder_saved"))["event"]["item"]
            assert (await ann.call({"type": "remove_stakeholder", **MAP, "item": item["id"]}))["type"] == "ok"
            assert (await ann.event("stakeholder_saved"))["event"]["change"] == "remove"
        assert refusal == (120, "limit_reached")
        projector = await Client(server.ws_url).connect()
        welcome = await projector.hello(session["session"], code=session["join_code"])
        assert len(welcome["state"]["boards"][BOARD]["stakeholders"]["map"]) == 120
        assert len(msgpack.packb(welcome)) < 120 * 1000
        await projector.close()
        await ann.close()
    finally:
        server.stop()
