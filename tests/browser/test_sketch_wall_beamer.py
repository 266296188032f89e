"""Card 1's wall of sketches on the projector uses the room: with 12, 20 and 30 sketches, at every
beamer size, the cards are as large as fit (fewer columns where there is height), none cut off,
nothing scrolls. At 1920x1080 and up the wall showed ~9 small columns with empty space below."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.browser.sketch_media import drawing
from tests.browser.test_projector import FITS
from tests.support.client import Client, create_session, join

BOARD = "ambitie"
SCREENS = [(1024, 768), (1280, 800), (1920, 1080), (2560, 1440), (3840, 2160)]
PROMPTS = 3  # sketches a person makes: who they are, the problem, the ideal

# the wall's room and how its cards use it
MEASURE = """() => {
  const g = document.querySelector('.sec-wall .wall-grid');
  const gr = g.getBoundingClientRect();
  const cards = [...g.querySelectorAll('.wall-card')].map((c) => c.getBoundingClientRect());
  const media = g.querySelector('.wall-media').getBoundingClientRect();
  return { grid: [gr.width, gr.height], bottom: Math.max(...cards.map((r) => r.bottom)) - gr.top,
           right: Math.max(...cards.map((r) => r.right)) - gr.left,
           columns: new Set(cards.map((r) => Math.round(r.left))).size, media: [media.width, media.height],
           cut: cards.filter((r) => r.bottom > gr.bottom + 1 || r.right > gr.right + 1).length };
}"""


@pytest.mark.parametrize("n", [6, 12, 20, 30])
async def test_the_sketch_wall_fills_every_beamer(server, pages, artifacts, n):
    created = await create_session(server.http_url, on_paper=False, title="Leernetwerk Jeugd Oost – ambitie", boards=[BOARD])
    sid, code, secret = created["session"], created["join_code"], created["facilitator_secret"]
    api = await Client(server.ws_url).connect()
    await api.hello(sid, token=secret)
    people = -(-n // PROMPTS)
    sockets = []
    for p in range(people):
        person = await join(server.http_url, code, f"Deelnemer {p + 1}", "deelnemer")
        ws = await Client(server.ws_url).connect()
        await ws.hello(sid, token=person["token"])
        sockets.append(ws)
    made = 0
    for step, section, prompt in (("opwarmen", "wie", "wie"), ("pitch", "pitch", "probleem"), ("pitch", "pitch", "ideaal")):
        assert (await api.call({"type": "set_step", "board": BOARD, "step": step}))["type"] == "ok"
        for ws in sockets:
            if made == n:
                break
            reply = await ws.call({"type": "add_sketch", "board": BOARD, "section": section, "prompt": prompt,
                                   "strokes": drawing(made)})
            assert reply["type"] == "ok", reply
            made += 1
    for ws in sockets:
        await ws.close()
    assert (await api.call({"type": "set_step", "board": BOARD, "step": "samenvoegen"}))["type"] == "ok"
    for width, height in SCREENS:
        page = await pages.open({"width": width, "height": height}, name=f"projector-{width}")
        await page.goto(f"{server.http_url}/p/{sid}#c={code}")
        await expect(page.locator(".sec-wall .wall-card.sketch")).to_have_count(n)
        await page.evaluate("document.fonts.ready")
        await page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
        m = await page.evaluate(MEASURE)
        fits = await page.evaluate(FITS)
        await page.screenshot(path=str(artifacts / f"projector-wall-{n}-{width}x{height}.png"))
        await page.close()
        print(n, width, height, m)
        assert fits == [], (width, height, fits)
        assert m["cut"] == 0, (width, height, m)
        gw, gh = m["grid"]
        mw, mh = m["media"]
        # as large as fits: the cards reach (nearly) the wall's bottom, or their sketches are as
        # large as their columns allow (a square box: a drawing is square, taller shows no more)
        fills_height = m["bottom"] >= 0.85 * gh
        widest = mh >= mw - 2
        assert fills_height or (widest and m["right"] >= 0.97 * gw), ("room left unused", width, height, m)
