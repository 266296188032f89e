"""The run sheet over real websockets and HTTP, on the embedded store and on Redis (two instances):
a block added during the session reaches a second screen; a participant's block edit is refused
with a stable code, nothing stored, the socket open; a session saved as a template file and a new
session started from one; a bad file refused with where and what."""

from __future__ import annotations

import httpx

from boards import template_file
from boards.templates import TEMPLATES
from tests.integration.test_facilitation import instances  # noqa: F401  (the fixture: both stores)
from tests.support.client import Client, create_session, join

KO = "kickoff"


async def test_a_block_added_during_the_session_reaches_another_screen(instances):
    session = await create_session(instances[0].http_url, boards=[KO], title="Kick-off", on_paper=False)
    facilitator = await Client(instances[0].ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    person = await join(instances[-1].http_url, session["join_code"], "Ilse", "deelnemer")
    ilse = await Client(instances[-1].ws_url).connect()
    await ilse.hello(session["session"], token=person["token"])
    assert (await facilitator.call({"type": "set_step", "step": "opening"}))["type"] == "ok"

    reply = await facilitator.call({"type": "add_block", "board": KO, "title": "Woordwolk", "minutes": 5, "index": 1,
                                    "activity": "wordcloud", "prompt": "Eén woord?"})
    assert reply["type"] == "ok", reply
    ev = (await ilse.event("block_added"))["event"]
    step, (section,) = ev["step"], ev["sections"]
    assert ev["index"] == 1 and step["label"] == {"nl": "Woordwolk", "en": "Woordwolk"} and step["minutes"] == 5
    assert section["type"] == "wordcloud" and ev["contents"][section["id"]]["slot"] == "clouds"

    # the participant's edits are refused, nothing stored, the socket stays open
    for frame in ({"type": "add_block", "board": KO, "title": "Mijn blok"},
                  {"type": "remove_block", "board": KO, "step": step["id"]},
                  {"type": "edit_block", "board": KO, "step": "opening", "minutes": 1}):
        refused = await ilse.call(frame)
        assert (refused["type"], refused["code"]) == ("error", "forbidden")
    assert (await ilse.call({"type": "ping"}))["type"] == "pong"

    # the block runs: the participant answers in it
    assert (await facilitator.call({"type": "set_step", "step": step["id"], "board": KO}))["type"] == "ok"
    assert (await ilse.call({"type": "add_word", "board": KO, "section": section["id"], "word": "samen"}))["type"] == "ok"
    fresh = await Client(instances[0].ws_url).connect()
    welcome = await fresh.hello(session["session"], token=session["facilitator_secret"])
    state = welcome["state"]
    assert [s["id"] for s in state["templates"][KO]["steps"]][:3] == ["opening", step["id"], "kennismaking"]
    assert state["boards"][KO]["clouds"][section["id"]]["counts"] == {"samen": 1}
    assert state["timer"]["duration_ms"] == 5 * 60_000
    assert not any(s["label"]["nl"] == "Mijn blok" for s in state["templates"][KO]["steps"])
    for client in (facilitator, ilse, fresh):
        await client.close()


async def test_save_a_session_as_a_file_and_start_another_from_it(instances):
    first = await create_session(instances[0].http_url, boards=[KO], title="Eerste")
    facilitator = await Client(instances[0].ws_url).connect()
    await facilitator.hello(first["session"], token=first["facilitator_secret"])
    assert (await facilitator.call({"type": "edit_block", "board": KO, "step": "pauze1", "title": "Koffie",
                                    "who": "Sam"}))["type"] == "ok"
    await facilitator.close()
    async with httpx.AsyncClient(base_url=instances[-1].http_url) as http:
        url = f"/api/sessions/{first['session']}/template"
        assert (await http.get(url)).status_code == 401
        assert (await http.get(url, headers={"Authorization": "Bearer wrong"})).status_code == 403
        got = await http.get(url, headers={"Authorization": f"Bearer {first['facilitator_secret']}"})
        assert got.status_code == 200 and "kickoff.samenspel.json" in got.headers["content-disposition"]
        sheet = template_file.load(got.content)
        assert sheet.step("pauze1").label.nl == "Koffie" and sheet.step("pauze1").plan.who == "Sam"

        made = await http.post("/api/sessions/from-template?title=Tweede", content=got.content,
                               headers={"Content-Type": "application/json"})
        assert made.status_code == 201, made.text
        second = made.json()

        bad = got.text.replace('"id": "pauze2"', '"id": "pauze1"')
        refused = await http.post("/api/sessions/from-template", content=bad.encode(),
                                  headers={"Content-Type": "application/json"})
        assert refused.status_code == 400
        error = refused.json()["error"]
        assert error["code"] == "bad_template" and "duplicate step id 'pauze1'" in error["message"]
        assert error["problems"][0]["line"] > 1 and error["problems"][0]["field"].startswith("template.steps[")
        for body, status, code in ((b"{", 400, "bad_template"),
                                   (got.content.replace(b'"version": 1', b'"version": 7'), 400, "bad_template"),
                                   (b" " * (template_file.MAX_FILE_BYTES + 1), 413, "frame_too_large")):
            r = await http.post("/api/sessions/from-template", content=body, headers={"Content-Type": "application/json"})
            assert (r.status_code, r.json()["error"]["code"]) == (status, code)
    viewer = await Client(instances[0].ws_url).connect()
    welcome = await viewer.hello(second["session"], token=second["facilitator_secret"])
    assert welcome["state"]["title"] == "Tweede"
    assert welcome["state"]["templates"][KO]["steps"][2]["label"]["nl"] == "Koffie"
    assert len(welcome["state"]["templates"][KO]["steps"]) == len(TEMPLATES[KO].steps)
    await viewer.close()
