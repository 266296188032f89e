"""Card 3's radar on a phone (360x740): the radar takes the screen's width, its spokes numbered as
the list under it; a ring is chosen by a tap and by the arrow keys, the five rings of a pillar 44 px
wide and at least 44 px apart; with the dots of six people revealed it still reads. The projector
shows the same radar at 1024x768 and 3840x2160 within the screen.

Synchronisation is by Playwright's auto-waiting assertions, never by sleeping.
"""

from __future__ import annotations

from playwright.async_api import Page, expect

from tests.browser.axe import report, violations
from tests.browser.conftest import PHONE, join, shot
from tests.browser.test_card3 import fits
from tests.support.client import Client, create_session
from tests.support.client import join as join_http

W = "juiste_weg"
R = "organisatiecontext"
PILLARS = ["communicatie", "samenwerking", "capaciteit", "middelen", "tijd", "autonomie", "kennisdeling", "structuur"]
# five people on their own devices (by the protocol), then the phone's: six people's dots
PEOPLE = [("Annemarie", "leernetwerk", [1, 2, 3, 4, 5, 2, 1, 3]), ("Cornelis", "management", [2, 2, 4, 5, 5, 1, 2, 3]),
          ("Fatima", "leernetwerk", [1, 3, 3, 4, 4, 2, 2, 2]), ("Joost", "management", [3, 2, 5, 5, 4, 1, 1, 4]),
          ("Priya", "leernetwerk", [2, 1, 2, 4, 5, 3, 2, 3])]


async def radar_geometry(page: Page) -> dict:
    """The radar's width (its outer ring), the smallest font (px) of its text, and per pillar its ring
    buttons' sizes and the least distance between their centres (CSS px)."""
    return await page.evaluate("""(section) => {
        const svg = document.querySelector(`[data-testid=radar-${section}] svg`);
        const scale = svg.getScreenCTM().a; // CSS px per SVG unit
        const nums = [...svg.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size')) * scale);
        const rows = [...document.querySelectorAll(`[data-testid^=radar-row-${section}-]`)].map((row) => {
            const boxes = [...row.querySelectorAll('.radar-ring')].map((b) => b.getBoundingClientRect());
            const gaps = boxes.slice(1).map((b, i) => (b.left + b.width / 2) - (boxes[i].left + boxes[i].width / 2));
            return { n: boxes.length, least: Math.min(...boxes.map((b) => Math.min(b.width, b.height))), gap: Math.min(...gaps) };
        });
        const doc = document.scrollingElement;
        // the radar itself: its outer ring (drawn first), not the figure around it
        const ring = svg.querySelector('circle').getBoundingClientRect().width;
        return { width: ring, text: Math.min(...nums), rows,
                 scrolls: doc.scrollWidth > innerWidth + 1 };
    }""", R)


async def test_the_radar_on_a_phone_is_the_screen_s_width_and_takes_a_tap_and_the_keyboard(server, pages, artifacts):
    base = server.http_url
    created = await create_session(base, boards=[W])
    sid, secret = created["session"], created["facilitator_secret"]
    fac = await Client(server.ws_url).connect()
    await fac.hello(sid, token=secret)
    await fac.call({"type": "set_step", "step": R, "board": W})
    for name, group, rings in PEOPLE:
        person = await join_http(base, created["join_code"], name, group)
        ws = await Client(server.ws_url).connect()
        await ws.hello(sid, token=person["token"])
        for pillar, ring in zip(PILLARS, rings):
            assert (await ws.call({"type": "place_radar_dot", "board": W, "section": R, "pillar": pillar,
                                   "ring": ring}))["type"] == "ok"
        await ws.close()

    phone = await pages.open(PHONE, phone=True, name="phone")
    await join(phone, base, created["join_code"], "Bert", "leernetwerk", via_link=True)
    chart = phone.get_by_test_id(f"radar-{R}")
    await expect(chart.locator("svg")).to_be_visible()
    # by tap: a ring per pillar
    for pillar, ring in zip(PILLARS[:4], [2, 4, 3, 5]):
        button = phone.get_by_test_id(f"radar-ring-{R}-{pillar}-{ring}")
        await button.tap()
        await expect(button).to_have_attribute("aria-checked", "true")
    # by keyboard: the arrows move along a pillar's rings and store each step
    for pillar in PILLARS[4:]:
        await phone.get_by_test_id(f"radar-ring-{R}-{pillar}-1").focus()
        for _ in range(3):
            await phone.keyboard.press("ArrowRight")
        await expect(phone.get_by_test_id(f"radar-ring-{R}-{pillar}-4")).to_have_attribute("aria-checked", "true")
    await expect(chart.locator(".radar-own")).to_have_count(8)
    hidden = await radar_geometry(phone)
    await chart.scroll_into_view_if_needed()
    await phone.screenshot(path=str(artifacts / "radar-phone-360-hidden.png"))

    assert (await fac.call({"type": "set_hidden", "board": W, "section": R, "hidden": False}))["type"] == "ok"
    await expect(chart.locator(".radar-dot")).to_have_count(48)  # six people, eight pillars
    revealed = await radar_geometry(phone)
    await chart.scroll_into_view_if_needed()
    await phone.screenshot(path=str(artifacts / "radar-phone-360-revealed.png"))
    await phone.get_by_test_id(f"radar-row-{R}-tijd").scroll_into_view_if_needed()
    await phone.screenshot(path=str(artifacts / "radar-phone-360-revealed-rows.png"))
    for geometry in (hidden, revealed):
        assert geometry["width"] >= 300, geometry
        assert geometry["text"] >= 12, geometry  # the spokes' numbers: as large as the page's small text
        assert not geometry["scrolls"], geometry
        assert len(geometry["rows"]) == 8 and all(r["n"] == 5 and r["least"] >= 44 and r["gap"] >= 44
                                                  for r in geometry["rows"]), geometry
    found = await violations(phone)
    assert not found, report(found)

    proj = await pages.open({"width": 1024, "height": 768}, name="projector")
    await proj.goto(f"{base}/p/{sid}#c={created['join_code']}")
    for w, h in [(1024, 768), (3840, 2160)]:
        await proj.set_viewport_size({"width": w, "height": h})
        await expect(proj.get_by_test_id(f"radar-{R}").locator(".radar-dot")).to_have_count(48)
        assert await proj.locator(f"[data-testid=radar-{R}] svg.compact").count() == 0  # names around, not numbers
        await shot(proj, artifacts / f"radar-projector-{w}x{h}.png")
        await fits(proj)
    await fac.close()
