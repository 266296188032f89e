"""Card 1's sketches in real browsers: Finn draws on a phone (touch, 360x740), Gijs photographs his
paper sketch on a phone (a JPEG with EXIF GPS, through the file input), Eva on a laptop and more
people through the API; the wall of 18 sketches (drawings and photos) on a phone (a list, tap to
enlarge), a laptop and the projector at all five beamer sizes; dots on sketches, one taken off the
wall. The served photo carries no metadata. Synchronisation by waiting assertions only."""

from __future__ import annotations

import io
import math
import re
import subprocess
import time

import httpx
from PIL import Image
from playwright.async_api import expect

from tests.browser.axe import report, violations
from tests.browser.conftest import LAPTOP, PHONE, shot
from tests.browser.sketch_media import drawing, photo
from tests.browser.test_projector import BEAMERS, FITS
from tests.browser.test_summary_pdf import pages_as_png, print_summary
from tests.browser.test_roles import LAPTOP_800, join_rollen as join_board
from tests.support.client import Client, create_session, join

BOARD = "ambitie"
# every card of the wall inside the wall's grid (the grid clips: FITS sees only the section)
CARDS_INSIDE = """() => { const g = document.querySelector('.sec-wall .wall-grid').getBoundingClientRect();
  return [...document.querySelectorAll('.sec-wall .wall-card')].filter((c) => { const r = c.getBoundingClientRect();
    return r.bottom > g.bottom + 1 || r.right > g.right + 1; }).map((c) => c.dataset.testid); }"""
IMAGES_LOADED = "() => [...document.querySelectorAll('img.sketch-photo')].every(i => i.complete && i.naturalWidth > 0)"


async def touch_line(cdp, points) -> None:
    """One finger drawing through ``points`` (page coordinates): pointer events of type touch, a
    frame (16 ms, by the events' timestamps) apart, the finger resting on the last point before it
    lifts (a line lifted at speed starts a fling, and Chromium swallows the click of a tap that
    stops a fling)."""
    start = time.time()
    points = [*points, *[points[-1]] * 6]
    for i, (x, y) in enumerate(points):
        kind = "touchStart" if i == 0 else "touchMove"
        await cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y}],
                                                    "timestamp": start + i * 0.016})
    await cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": [],
                                                "timestamp": start + len(points) * 0.016})


async def draw_person(page, testid: str) -> None:
    await page.get_by_test_id(f"{testid}-canvas").scroll_into_view_if_needed()
    box = await page.get_by_test_id(f"{testid}-canvas").bounding_box()  # in the viewport, whole
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    at = lambda fx, fy: (box["x"] + fx * box["width"], box["y"] + fy * box["height"])  # noqa: E731
    cdp = await page.context.new_cdp_session(page)
    await touch_line(cdp, [at(0.5 + 0.1 * math.cos(a / 10 * math.pi), 0.22 + 0.1 * math.sin(a / 10 * math.pi)) for a in range(21)])
    canvas = page.get_by_test_id(f"{testid}-canvas")
    await expect(canvas).to_have_attribute("data-strokes", "1")
    await page.get_by_test_id(f"{testid}-colour-1").tap()
    await expect(page.get_by_test_id(f"{testid}-colour-1")).to_have_attribute("aria-pressed", "true")
    await touch_line(cdp, [at(0.5, 0.32 + i * 0.03) for i in range(11)])  # the body, in red
    await expect(canvas).to_have_attribute("data-strokes", "2")
    await page.get_by_test_id(f"{testid}-colour-2").tap()
    await expect(page.get_by_test_id(f"{testid}-colour-2")).to_have_attribute("aria-pressed", "true")
    await touch_line(cdp, [at(0.3 + i * 0.04, 0.45) for i in range(11)])  # arms, in blue
    await touch_line(cdp, [at(0.5 - i * 0.02, 0.62 + i * 0.025) for i in range(10)])
    await touch_line(cdp, [at(0.5 + i * 0.02, 0.62 + i * 0.025) for i in range(10)])
    await touch_line(cdp, [at(0.1, 0.9), at(0.9, 0.1)])  # a slip of the finger …
    await expect(canvas).to_have_attribute("data-strokes", "6")
    await page.get_by_test_id(f"{testid}-undo").tap()  # … undone
    await expect(canvas).to_have_attribute("data-strokes", "5")


async def test_sketches_drawn_and_photographed_make_the_wall(server, pages, artifacts):
    created = await create_session(server.http_url, on_paper=False, title="Leernetwerk Jeugd Oost – ambitie",
                                   boards=[BOARD])
    sid, code, secret = created["session"], created["join_code"], created["facilitator_secret"]
    api = await Client(server.ws_url).connect()
    await api.hello(sid, token=secret)
    assert (await api.call({"type": "set_step", "board": BOARD, "step": "opwarmen"}))["type"] == "ok"
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(f"{server.http_url}/b/{sid}#f={secret}")
    eva = await pages.open(LAPTOP, name="eva")
    await join_board(eva, server.http_url, code, "Eva")
    finn = await pages.open(PHONE, phone=True, name="finn")
    await join_board(finn, server.http_url, code, "Finn")
    gijs = await pages.open(PHONE, phone=True, name="gijs")
    await join_board(gijs, server.http_url, code, "Gijs")
    others = [await join(server.http_url, code, name, "deelnemer") for name in ("Hanna", "Ilse", "Joost", "Karin", "Lars")]
    sockets = []
    for person in others:
        ws = await Client(server.ws_url).connect()
        await ws.hello(sid, token=person["token"])
        sockets.append(ws)

    # Finn draws who he is with his finger; Gijs sends a photo of his paper sketch
    await expect(finn.get_by_test_id("pad-wie-wie-canvas")).to_be_visible()
    await draw_person(finn, "pad-wie-wie")
    await shot(finn, artifacts / "sketch-pad-phone-360.png")
    found = await violations(finn)
    assert not found, report(found)
    await finn.get_by_test_id("sketch-send-wie-wie").tap()
    drawn = (await api.event("wall_item_saved"))["event"]["item"]
    assert len(drawn["strokes"]) == 5 and [s[0] for s in drawn["strokes"]] == [0, 1, 2, 2, 2]
    assert all(0 <= v <= 1000 for s in drawn["strokes"] for v in s[1:])
    await expect(finn.get_by_test_id("sketch-done-wie-wie")).to_be_visible()

    await gijs.get_by_test_id("sketch-file-wie-wie").set_input_files(
        {"name": "schets.jpg", "mimeType": "image/jpeg", "buffer": photo(1)})
    photographed = (await api.event("wall_item_saved"))["event"]["item"]
    assert photographed["image"]["w"] == 1600 and photographed["image"]["h"] == 1200
    await expect(gijs.get_by_test_id("sketch-done-wie-wie")).to_be_visible()
    await expect(fac.get_by_test_id("sketch-count-wie-wie")).to_contain_text("2 schetsen")
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        served = await http.get(f"/api/sessions/{sid}/images/{photographed['image']['hash']}.jpg",
                                headers={"Authorization": f"Bearer {secret}"})
        assert served.status_code == 200
        assert dict(Image.open(io.BytesIO(served.content)).getexif()) == {}  # no GPS, no camera

        # the others: drawings and photos for every prompt
        for i, (ws, person) in enumerate(zip(sockets, others)):
            if i % 2:
                assert (await ws.call({"type": "add_sketch", "board": BOARD, "section": "wie", "prompt": "wie",
                                       "strokes": drawing(i)}))["type"] == "ok"
            else:
                r = await http.post(f"/api/sessions/{sid}/images", params={"board": BOARD, "section": "wie", "prompt": "wie"},
                                    content=photo(10 + i), headers={"Content-Type": "image/jpeg",
                                                                    "Authorization": f"Bearer {person['token']}"})
                assert r.status_code == 201, r.text
        assert (await api.call({"type": "set_step", "board": BOARD, "step": "pitch"}))["type"] == "ok"
        await expect(finn.get_by_test_id("pad-pitch-probleem-canvas")).to_be_visible()
        await draw_person(finn, "pad-pitch-probleem")
        await finn.get_by_test_id("sketch-send-pitch-probleem").tap()
        await expect(finn.get_by_test_id("sketch-done-pitch-probleem")).to_be_visible()
        await shot(finn, artifacts / "sketch-pitch-phone-360.png", full_page=True)
        for i, (ws, person) in enumerate(zip(sockets, others)):
            for j, prompt in enumerate(("probleem", "ideaal")):
                if (i + j) % 3:
                    assert (await ws.call({"type": "add_sketch", "board": BOARD, "section": "pitch", "prompt": prompt,
                                           "strokes": drawing(i + j + 1)}))["type"] == "ok"
                else:
                    r = await http.post(f"/api/sessions/{sid}/images",
                                        params={"board": BOARD, "section": "pitch", "prompt": prompt},
                                        content=photo(20 + i + j), headers={"Content-Type": "image/jpeg",
                                                                            "Authorization": f"Bearer {person['token']}"})
                    assert r.status_code == 201, r.text

    assert (await api.call({"type": "set_step", "board": BOARD, "step": "samenvoegen"}))["type"] == "ok"
    cards = fac.locator(".wall-card.sketch")
    await expect(cards).to_have_count(18)
    # Finn: two dots on Gijs's photo, one on a drawing; the phone's wall is a list, tap to enlarge
    await finn.get_by_test_id(f"wall-dot-{photographed['id']}").tap()
    await finn.get_by_test_id(f"wall-dot-{photographed['id']}").tap()
    await finn.get_by_test_id(f"wall-dot-{drawn['id']}").tap()
    await expect(finn.get_by_test_id("wall-left-wand")).to_contain_text("Nog 2 van 5")
    await expect(fac.get_by_test_id(f"wall-item-{photographed['id']}").locator(".wall-count")).to_have_text("2 stickers")
    await finn.wait_for_function(IMAGES_LOADED)
    await finn.get_by_test_id(f"wall-item-{photographed['id']}").scroll_into_view_if_needed()
    await shot(finn, artifacts / "sketch-wall-phone-360.png", full_page=True)
    await finn.get_by_test_id(f"wall-enlarge-{photographed['id']}").tap()
    dialog = finn.get_by_test_id("sketch-dialog")
    await expect(dialog).to_be_visible()
    await finn.wait_for_function(IMAGES_LOADED)
    large = dialog.locator("img.sketch-photo")
    assert await large.evaluate("async (i) => { await i.decode(); return i.naturalWidth; }") == 1600  # the display size
    await finn.screenshot(path=str(artifacts / "sketch-enlarged-phone-360.png"))
    found = await violations(finn)
    assert not found, report(found)
    await finn.get_by_test_id("sketch-dialog-close").tap()
    await expect(dialog).to_be_hidden()

    # the facilitator takes a drawing off the wall: gone for the others
    hidden = (await api.call({"type": "hide_wall_item", "board": BOARD, "section": "wand", "item": drawn["id"], "hidden": True}))
    assert hidden["type"] == "ok"
    await expect(eva.get_by_test_id(f"wall-item-{drawn['id']}")).to_have_count(0)
    await expect(fac.get_by_test_id(f"wall-item-{drawn['id']}")).to_have_class(re.compile(r"\boff\b"))

    screens = []
    for width, height in BEAMERS:
        page = await pages.open({"width": width, "height": height}, name=f"projector-{width}")
        await page.goto(f"{server.http_url}/p/{sid}#c={code}")
        screens.append(((width, height), page))
    for (width, height), page in screens:
        await expect(page.locator(".wall-card.sketch")).to_have_count(17)
        await page.wait_for_function(IMAGES_LOADED)
        await page.evaluate("document.fonts.ready")
        assert await page.evaluate(FITS) == [], ("wall", width, height)
        assert await page.evaluate(CARDS_INSIDE) == [], ("cards cut off", width, height)
        await page.screenshot(path=str(artifacts / f"projector-sketch-wall-{width}x{height}.png"))
    await eva.set_viewport_size(LAPTOP_800)
    await eva.wait_for_function(IMAGES_LOADED)
    await shot(eva, artifacts / "sketch-wall-laptop-1280.png", full_page=True)
    found = await violations(fac)
    assert not found, report(found)

    # the summary and its print: the wall with its dots, drawings as SVG and photos as thumbnails
    assert (await api.call({"type": "close_session"}))["type"] == "ok"
    await fac.goto(f"{server.http_url}/s/{sid}#f={secret}")
    wall = fac.get_by_test_id("sum-wall-wand")
    await expect(wall.locator(".wall-card.sketch")).to_have_count(17)  # the one taken off the wall left out
    await expect(wall.locator(".wall-card").first.locator(".wall-count")).to_have_text("2 stickers")
    await expect(wall.locator(".sketch-svg")).to_have_count(10)
    await fac.wait_for_function(IMAGES_LOADED)
    pdf = artifacts / "summary-sketches.pdf"
    await print_summary(fac, pdf)
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len([line for line in listed.splitlines()[2:] if " image " in line]) >= 7, listed  # the 7 photos
    pages_as_png(pdf, artifacts, "summary-sketches-page")
    for ws in sockets:
        await ws.close()
    await api.close()
