"""Instruction card 3 live, on the embedded store and on two instances on Redis: radar dots and tree
answers hidden from everyone else until the reveal, then in every frame, exactly once after a
reconnect; bad input refused with its code, nothing stored, the socket open; no frame names who
answered what."""

from __future__ import annotations

import asyncio

from tests.integration.test_facilitation import connect, instances  # noqa: F401 (the fixture)
from tests.support.client import Client, create_session, join

W = "juiste_weg"
RADAR = {"board": W, "section": "organisatiecontext"}
TREE = {"board": W, "section": "beslisboom"}
PILLARS = ["communicatie", "samenwerking", "capaciteit", "middelen", "tijd", "autonomie", "kennisdeling", "structuur"]
RINGS = [2, 3, 4, 5, 1, 2, 3, 4]


async def card3(instances):  # noqa: F811
    first, last = instances[0], instances[-1]
    session = await create_session(first.http_url, boards=[W])
    ann = await join(first.http_url, session["join_code"], "Ann", "leernetwerk")
    max_ = await join(first.http_url, session["join_code"], "Max", "management")
    fac = await connect(first, session["session"], token=session["facilitator_secret"])
    ann_ws = await connect(last, session["session"], token=ann["token"])
    max_ws = await connect(first, session["session"], token=max_["token"])
    return session, ann, max_, fac, ann_ws, max_ws


async def settled(client: Client, seq: int) -> list[dict]:
    """Every frame the client got until its view reached ``seq``."""
    frames = []
    while client.seq < seq:
        frames.append(await client.next())
    await asyncio.sleep(0)  # frames of the same batch are filed together
    return frames + client.drain()


def names_nobody(frames: list[dict], ids: list[str]) -> None:
    for frame in frames:
        if frame.get("type") in ("event", "progress", "proxy_dots"):
            text = repr(frame)
            assert "'participant'" not in repr(frame.get("event", {})), frame
            if frame.get("type") == "event":
                assert not any(i in text for i in ids), frame


async def test_radar_dots_hidden_until_the_reveal_then_everywhere_once(instances):  # noqa: F811
    """Ann's eight dots (one moved) reach Max and the facilitator as masked frames or anonymous events;
    after the reveal Max's frames carry every dot once; a fresh hello and a resume both show each
    pillar's dot exactly once."""
    session, ann, max_, fac, ann_ws, max_ws = await card3(instances)
    ids = [ann["participant"], max_["participant"]]
    await fac.call({"type": "set_step", "step": "organisatiecontext", "board": W})
    for pillar, ring in zip(PILLARS, RINGS):
        assert (await ann_ws.call({"type": "place_radar_dot", **RADAR, "pillar": pillar, "ring": ring}))["type"] == "ok"
    reply = await ann_ws.call({"type": "place_radar_dot", **RADAR, "pillar": "tijd", "ring": 5})  # a move
    seq = reply["seq"]
    mine = [f for f in await settled(ann_ws, seq) if f["type"] == "you"][-1]
    assert mine["dots"][W]["organisatiecontext"] == dict(zip(PILLARS, RINGS)) | {"tijd": 5}
    seen_by_max = await settled(max_ws, seq)
    events = [f["event"] for f in seen_by_max if f["type"] == "event"]
    assert events and all(ev == {"type": "masked"} for ev in events[-9:])
    names_nobody(seen_by_max, ids)
    names_nobody(await settled(fac, seq), ids)
    last_seq, epoch = max_ws.seq, max_ws.epoch

    late, welcome = await hello(instances[-1], session["session"], max_["token"])
    assert welcome["state"]["boards"][W]["radars"]["organisatiecontext"] == {
        "hidden": True, "dots": {}, "stats": {}, "reading": None, "weakest": [], "disputed": []}

    reveal = await fac.call({"type": "set_hidden", **RADAR, "hidden": False})
    frames = await settled(max_ws, reveal["seq"])
    shown = [f["event"] for f in frames if f["type"] == "event" and f["event"]["type"] == "radar_visibility_set"]
    expected = {p: [[r, "leernetwerk"]] for p, r in zip(PILLARS, RINGS)} | {"tijd": [[5, "leernetwerk"]]}
    assert len(shown) == 1 and shown[0]["dots"] == expected
    names_nobody(frames, ids)

    fresh, welcome = await hello(instances[-1], session["session"], max_["token"])
    radar = welcome["state"]["boards"][W]["radars"]["organisatiecontext"]
    assert radar["hidden"] is False and radar["dots"] == expected
    resumed = Client(instances[0].ws_url)
    await resumed.connect()
    welcome = await resumed.hello(session["session"], token=max_["token"], last_seq=last_seq, epoch=epoch)
    assert welcome["type"] == "welcome"
    missed = await settled(resumed, reveal["seq"])
    reveals = [f for f in missed if f["type"] == "event" and f["event"]["type"] == "radar_visibility_set"]
    assert len(reveals) == 1 and reveals[0]["event"]["dots"] == expected
    for client in (fac, ann_ws, max_ws, late, fresh, resumed):
        await client.close()


async def hello(instance, session: str, token: str) -> tuple[Client, dict]:
    """A new socket's welcome (a fresh state: no last_seq)."""
    client = await Client(instance.ws_url).connect()
    welcome = await client.hello(session, token=token)
    assert welcome["type"] == "welcome" and welcome["mode"] != "resume", welcome
    return client, welcome


async def test_bad_input_is_refused_with_its_code_and_nothing_is_stored(instances):  # noqa: F811
    """Each bad command gets its stable code, the log does not move, and the socket still answers."""
    session, ann, max_, fac, ann_ws, max_ws = await card3(instances)
    cases = [
        (ann_ws, {"type": "place_radar_dot", **RADAR, "pillar": "tijd", "ring": 6}, "invalid"),
        (ann_ws, {"type": "place_radar_dot", **RADAR, "pillar": "tijd", "ring": 0}, "invalid"),
        (ann_ws, {"type": "place_radar_dot", **RADAR, "pillar": "geld", "ring": 2}, "not_found"),
        (ann_ws, {"type": "answer_tree", **TREE, "question": "budget", "answer": "ja"}, "not_found"),
        (ann_ws, {"type": "answer_tree", **TREE, "question": "anderen", "answer": "misschien"}, "invalid"),
        (ann_ws, {"type": "set_tree_answer", **TREE, "question": "anderen", "answer": "ja"}, "forbidden"),
        (ann_ws, {"type": "remove_radar_dot", **RADAR, "pillar": "tijd"}, "no_such_dot"),
    ]
    start = fac.seq
    for client, frame, code in cases:
        reply = await client.call(frame)
        assert (reply["type"], reply.get("code")) == ("error", code), (frame, reply)
    step = await fac.call({"type": "set_step", "step": "beslisboom", "board": W})  # step_set, timer_set
    start = step["seq"] - 2
    reply = await ann_ws.call({"type": "place_radar_dot", **RADAR, "pillar": "tijd", "ring": 2})
    assert reply.get("code") == "not_in_step"
    assert (await ann_ws.call({"type": "ping"}))["type"] == "pong"
    await fac.call({"type": "set_locked", **TREE, "locked": True})
    reply = await ann_ws.call({"type": "answer_tree", **TREE, "question": "anderen", "answer": "ja"})
    assert reply.get("code") == "section_locked"
    await fac.call({"type": "set_locked", **TREE, "locked": False})
    reveal = await fac.call({"type": "set_hidden", **TREE, "hidden": False})
    reply = await ann_ws.call({"type": "answer_tree", **TREE, "question": "anderen", "answer": "ja"})
    assert reply.get("code") == "already_revealed"
    assert fac.seq == reveal["seq"] == start + 5  # step, timer, lock, unlock, reveal: nothing else stored
    assert (await ann_ws.call({"type": "ping"}))["type"] == "pong"
    for client in (fac, ann_ws, max_ws):
        await client.close()


async def test_the_result_holds_the_tree_its_outcome_and_the_radar(instances):  # noqa: F811
    """The summary, export.json and the CSV zip carry the split, the group's answers, the path,
    the outcome and the radar's dots, numbers and reading; a Samenspel-only export has no such files."""
    import csv
    import io
    import zipfile

    import httpx

    session, ann, max_, fac, ann_ws, max_ws = await card3(instances)
    for client, answer in ((ann_ws, "nee"), (max_ws, "ja")):
        await client.call({"type": "answer_tree", **TREE, "question": "anderen", "answer": answer})
    for pillar, ring in zip(PILLARS, RINGS):
        await ann_ws.call({"type": "place_radar_dot", **RADAR, "pillar": pillar, "ring": ring})
        await max_ws.call({"type": "place_radar_dot", **RADAR, "pillar": pillar, "ring": 5})
    await fac.call({"type": "set_hidden", **TREE, "hidden": False})
    await fac.call({"type": "set_hidden", **RADAR, "hidden": False})
    for q, a in (("anderen", "nee"), ("oorzaken", "nee")):
        await fac.call({"type": "set_tree_answer", **TREE, "question": q, "answer": a})
    auth = {"Authorization": f"Bearer {session['facilitator_secret']}"}
    async with httpx.AsyncClient(base_url=instances[-1].http_url) as http:
        exported = (await http.get(f"/api/sessions/{session['session']}/export.json", headers=auth)).json()
        as_zip = await http.get(f"/api/sessions/{session['session']}/export.zip", headers=auth)
    (board,) = exported["boards"]
    (tree,) = board["trees"]
    assert tree["path"] == ["anderen", "oorzaken"] and tree["outcome"]["id"] == "bijscholing"
    assert tree["questions"][0]["split"] == {"ja": 1, "nee": 1} and tree["questions"][0]["group"] == "nee"
    (radar,) = board["radars"]
    tijd = next(p for p in radar["pillars"] if p["id"] == "tijd")
    assert tijd["dots"] == [[1, "leernetwerk"], [5, "management"]] and (tijd["median"], tijd["spread"]) == (3, 4)
    assert radar["reading"] == "moderate"
    files = zipfile.ZipFile(io.BytesIO(as_zip.content))
    rows = {n: list(csv.reader(io.StringIO(files.read(n).decode("utf-8-sig")), delimiter=";")) for n in files.namelist()}
    assert ["juiste_weg", "beslisboom", "oorzaken", "Mijn vraagstuk heeft meerdere oorzaken", "0", "0", "nee", "ja",
            "bijscholing", "Een bijscholing of training zou kunnen volstaan (bijv. als aanvulling op bestaande kennis)"] \
        in rows["tree.csv"]
    assert ["juiste_weg", "organisatiecontext", "tijd", "Tijd", "Management", "0", "0", "0", "0", "1", "2", "3", "4",
            "disputed", "moderate"] in rows["radar.csv"]
    assert ann["participant"] not in repr(exported) and max_["participant"] not in repr(exported)
    for client in (fac, ann_ws, max_ws):
        await client.close()
