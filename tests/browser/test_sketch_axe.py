"""axe on card 1's sketch screens: the projector during steps 0 (Opwarmen) and 1 (Elevator pitch),
and the summary with its wall of drawings and photos. Nothing serious or critical."""

from __future__ import annotations

import httpx
from playwright.async_api import expect

from tests.browser.axe import report, violations
from tests.browser.conftest import LAPTOP
from tests.browser.sketch_media import drawing, photo
from tests.support.client import Client, create_session, join

BOARD = "ambitie"
IMAGES_LOADED = "() => [...document.querySelectorAll('img.sketch-photo')].every(i => i.complete && i.naturalWidth > 0)"


async def test_card_1s_sketch_screens_have_nothing_serious_for_axe(server, pages, artifacts):
    created = await create_session(server.http_url, on_paper=False, title="Leernetwerk Jeugd Oost – ambitie", boards=[BOARD])
    sid, code, secret = created["session"], created["join_code"], created["facilitator_secret"]
    api = await Client(server.ws_url).connect()
    await api.hello(sid, token=secret)
    projector = await pages.open({"width": 1280, "height": 800}, name="projector")
    await projector.goto(f"{server.http_url}/p/{sid}#c={code}")
    people = [await join(server.http_url, code, name, "deelnemer") for name in ("Hanna", "Ilse", "Joost", "Karin")]
    sockets = []
    for person in people:
        ws = await Client(server.ws_url).connect()
        await ws.hello(sid, token=person["token"])
        sockets.append(ws)
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        for step, section, prompts in (("opwarmen", "wie", ("wie",)), ("pitch", "pitch", ("probleem", "ideaal"))):
            assert (await api.call({"type": "set_step", "board": BOARD, "step": step}))["type"] == "ok"
            for i, (ws, person) in enumerate(zip(sockets, people)):
                for j, prompt in enumerate(prompts):
                    if (i + j) % 2:
                        reply = await ws.call({"type": "add_sketch", "board": BOARD, "section": section, "prompt": prompt,
                                               "strokes": drawing(i + j)})
                        assert reply["type"] == "ok", reply
                    else:
                        r = await http.post(f"/api/sessions/{sid}/images", params={"board": BOARD, "section": section, "prompt": prompt},
                                            content=photo(30 + i + j), headers={"Content-Type": "image/jpeg",
                                                                                "Authorization": f"Bearer {person['token']}"})
                        assert r.status_code == 201, r.text
            shown = projector.locator(".sec-sketch:not([hidden]) .sketch-count")
            await expect(shown).to_have_count(len(prompts))
            for k in range(len(prompts)):
                await expect(shown.nth(k)).to_contain_text("4 schetsen")
            await projector.evaluate("document.fonts.ready")
            await projector.screenshot(path=str(artifacts / f"projector-sketch-step-{step}-1280x800.png"))
            found = await violations(projector)
            assert not found, (step, report(found))
    assert (await api.call({"type": "close_session"}))["type"] == "ok"
    for ws in sockets:
        await ws.close()
    await api.close()
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(f"{server.http_url}/s/{sid}#f={secret}")
    wall = fac.get_by_test_id("sum-wall-wand")
    await expect(wall.locator(".wall-card.sketch")).to_have_count(12)
    await fac.wait_for_function(IMAGES_LOADED)
    await fac.screenshot(path=str(artifacts / "summary-sketches-axe-laptop.png"), full_page=True)
    found = await violations(fac)
    assert not found, report(found)
