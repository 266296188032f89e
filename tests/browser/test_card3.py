"""Instruction card 3 (De juiste weg) in real browsers: a facilitator, three participants (one on
a phone, by touch) and a projector at the five beamer sizes walk the decision tree and the radar.

Synchronisation is by Playwright's auto-waiting assertions, never by sleeping.
"""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.browser.axe import report, violations
from tests.browser.conftest import LAPTOP, PHONE, join, shot
from tests.browser.test_summary_pdf import pages_as_png, print_summary
from tests.support.client import Client

BEAMERS = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080), (3840, 2160)]
W = "juiste_weg"


async def create_card3(page: Page, base: str) -> dict:
    """"Sessie starten" with only De juiste weg chosen; the created view's links."""
    await page.goto(base + "/")
    await page.get_by_test_id("create-title").fill("Leernetwerk Jeugd Oost – de juiste weg")
    await page.get_by_test_id("create-board-samenspel").uncheck()
    await page.get_by_test_id("create-board-juiste_weg").check()
    await page.get_by_test_id("create-submit").click()
    code_el = page.get_by_test_id("created-join-code")
    await expect(code_el).to_have_text(re.compile(r"^[A-Z0-9]{3} [A-Z0-9]{3}$"))
    fac_url = await page.get_by_test_id("created-facilitator-link").input_value()
    session = re.search(r"/b/([A-Za-z0-9_-]+)#f=", fac_url).group(1)
    secret = re.search(r"#f=(.+)$", fac_url).group(1)
    return {"code": (await code_el.inner_text()).replace(" ", ""), "session": session, "secret": secret,
            "facilitator_url": fac_url}


async def no_axe(page: Page, where: str) -> None:
    found = await violations(page)
    assert not found, f"{where}: {report(found)}"


async def fits(page: Page) -> None:
    """Nothing scrolls, and the board's visible sections end inside the screen."""
    ok = await page.evaluate("""() => {
        const doc = document.scrollingElement;
        const shown = [...document.querySelectorAll('[data-testid=board] > section:not([hidden])')];
        const ours = [...document.querySelectorAll('.sec-tree:not([hidden]), .sec-radar:not([hidden])')];
        return doc.scrollHeight <= innerHeight + 1 && doc.scrollWidth <= innerWidth + 1
            && shown.every((s) => s.getBoundingClientRect().bottom <= innerHeight + 1)
            && [...document.querySelectorAll('.radar-row')].every((row) => {
                // a pillar's name fits its place (it does not run under its numbers)
                const name = row.querySelector('.radar-row-name strong');
                return !name || name.scrollWidth <= name.clientWidth + 1;
            })
            && ours.length > 0 && ours.every((s) => {
                const box = s.getBoundingClientRect();
                return [...s.querySelectorAll('*')].every((el) => {
                    const r = el.getBoundingClientRect();
                    return !r.height || getComputedStyle(el).visibility === 'hidden' || r.bottom <= box.bottom + 1;
                });
            });
    }""")
    assert ok, await page.evaluate("""() => [...document.querySelectorAll('.sec-tree:not([hidden]) *, .sec-radar:not([hidden]) *')]
        .filter((el) => el.getBoundingClientRect().bottom > el.closest('.sec').getBoundingClientRect().bottom + 1
                        && el.getBoundingClientRect().height)
        .map((el) => el.outerHTML.slice(0, 120))""")


async def test_a_card3_session_tree_radar_projector_summary(server, pages, artifacts):
    """Answers and dots stay hidden from the others until the reveal; then every screen shows
    the split and every dot; the group's answers light the path to its outcome everywhere; the
    radar takes a drag, a tap on a phone and the arrow keys; the projector fits the five beamer
    sizes; the summary shows the outcome and the radar; axe finds nothing serious."""
    base = server.http_url
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_card3(fac, base)
    await fac.goto(created["facilitator_url"])
    await expect(fac.get_by_test_id("role-badge")).to_have_text(re.compile("Facilitator"))
    ann = await pages.open(LAPTOP, name="ann")
    await join(ann, base, created["code"], "Annemarie", "leernetwerk")
    cor = await pages.open(LAPTOP, name="cor")
    await join(cor, base, created["code"], "Cornelis", "management")
    phone = await pages.open(PHONE, phone=True, name="phone")
    await join(phone, base, created["code"], "Bert", "leernetwerk", via_link=True)
    proj = await pages.open({"width": 1920, "height": 1080}, name="projector")
    await proj.goto(f"{base}/p/{created['session']}#c={created['code']}")

    ws = await Client(server.ws_url).connect()
    await ws.hello(created["session"], token=created["secret"])
    await ws.call({"type": "add_proxy", "group": "management", "name": "Gerrit"})
    gast = (await ws.event("participant_joined"))["event"]["participant"]
    await ws.call({"type": "set_step", "step": "beslisboom", "board": W})

    # --- step 1: the decision tree ------------------------------------------------------------
    answers = {  # per person: question -> answer
        ann: {"anderen": "nee", "oorzaken": "ja", "oplossing": "ja", "samenhang": "ja", "partijen": "ja",
              "samen_leren": "ja", "draagvlak": "nee"},
        cor: {"anderen": "nee", "oorzaken": "ja", "oplossing": "nee", "samenhang": "ja", "partijen": "ja",
              "samen_leren": "ja", "draagvlak": "ja"},
        phone: {"anderen": "ja", "oorzaken": "ja", "oplossing": "ja", "samenhang": "nee", "partijen": "ja",
                "samen_leren": "ja", "draagvlak": "ja"},
    }
    for page, mine in answers.items():
        for q, a in mine.items():
            button = page.get_by_test_id(f"tree-mine-beslisboom-{q}-{a}")
            if page is phone:
                await button.tap()
            else:
                await button.click()
            await expect(button).to_have_attribute("aria-pressed", "true")
    # the facilitator answers for Gerrit, in the room without a device
    await fac.get_by_test_id("proxy-picker-beslisboom").get_by_test_id(f"proxy-chip-{gast}").click()
    for q in answers[ann]:
        button = fac.get_by_test_id(f"tree-mine-beslisboom-{q}-{'nee' if q == 'anderen' else 'ja'}")
        await button.click()
        await expect(button).to_have_attribute("aria-pressed", "true")
    await expect(fac.get_by_test_id("progress-beslisboom")).to_have_attribute("data-left", "0")
    # hidden: nobody but the facilitator sees a split
    await expect(ann.get_by_test_id("tree-split-beslisboom-anderen")).to_be_hidden()
    await expect(proj.get_by_test_id("tree-split-beslisboom-anderen")).to_be_hidden()
    await expect(fac.get_by_test_id("tree-split-beslisboom-anderen")).to_have_text("1 ja · 3 nee")
    await shot(phone, artifacts / "card3-tree-phone-360-hidden.png")
    await no_axe(phone, "phone, tree hidden")

    await fac.get_by_test_id("hide-toggle-beslisboom").click()
    for page in (ann, cor, phone, proj):
        await expect(page.get_by_test_id("tree-split-beslisboom-anderen")).to_have_text("1 ja · 3 nee")
    await expect(ann.get_by_test_id("tree-mine-beslisboom-anderen-ja")).to_be_disabled()  # no vote after the reveal
    for q, a in [("anderen", "nee"), ("oorzaken", "ja"), ("oplossing", "ja"), ("samenhang", "ja"), ("partijen", "ja"),
                 ("samen_leren", "ja"), ("draagvlak", "nee")]:
        await fac.get_by_test_id(f"tree-group-beslisboom-{q}-{a}").click()
        await expect(fac.get_by_test_id(f"tree-group-beslisboom-{q}-{a}")).to_have_attribute("aria-pressed", "true")
    for page in (ann, cor, phone, proj, fac):
        await expect(page.get_by_test_id("tree-outcome-beslisboom")).to_contain_text("kwartiermaker")
        await expect(page.locator(".tree-q.on-path")).to_have_count(7)
    await fac.get_by_test_id("tree-group-beslisboom-draagvlak-ja").click()
    for page in (ann, proj):
        await expect(page.get_by_test_id("tree-outcome-beslisboom")).to_contain_text("Je kunt dus aan de slag!")
    await ann.get_by_test_id("section-beslisboom").scroll_into_view_if_needed()
    await ann.screenshot(path=str(artifacts / "card3-tree-1280-path.png"), full_page=True)
    await shot(phone, artifacts / "card3-tree-phone-360-path.png", full_page=True)
    await phone.get_by_test_id("tree-q-beslisboom-samenhang").scroll_into_view_if_needed()
    await phone.screenshot(path=str(artifacts / "card3-tree-phone-360-path-view.png"))
    await phone.get_by_test_id("tree-outcome-beslisboom").scroll_into_view_if_needed()
    await phone.screenshot(path=str(artifacts / "card3-tree-phone-360-outcome-view.png"))
    await no_axe(ann, "participant, tree revealed")
    await no_axe(fac, "facilitator, tree")
    for w, hgt in BEAMERS:
        await proj.set_viewport_size({"width": w, "height": hgt})
        await expect(proj.get_by_test_id("tree-outcome-beslisboom")).to_be_visible()
        await shot(proj, artifacts / f"card3-projector-tree-{w}x{hgt}.png")
        await fits(proj)
    await no_axe(proj, "projector, tree")

    # --- step 2: the radar --------------------------------------------------------------------
    await ws.call({"type": "set_step", "step": "organisatiecontext", "board": W})
    await proj.set_viewport_size({"width": 1920, "height": 1080})
    await expect(proj.get_by_test_id("radar-organisatiecontext")).to_be_visible()
    pillars = ["communicatie", "samenwerking", "capaciteit", "middelen", "tijd", "autonomie", "kennisdeling", "structuur"]
    # the phone taps a ring per pillar
    phone_rings = [2, 3, 4, 5, 4, 2, 3, 2]
    for p, ring in zip(pillars, phone_rings):
        await phone.get_by_test_id(f"radar-ring-organisatiecontext-{p}-{ring}").tap()
        await expect(phone.get_by_test_id(f"radar-ring-organisatiecontext-{p}-{ring}")).to_have_attribute("aria-checked", "true")
    # Cor uses the keyboard: arrows move along the rings of a pillar and store each step
    for p in pillars:
        await cor.get_by_test_id(f"radar-ring-organisatiecontext-{p}-1").focus()
        for _ in range(2):
            await cor.keyboard.press("ArrowRight")
        await expect(cor.get_by_test_id(f"radar-ring-organisatiecontext-{p}-3")).to_have_attribute("aria-checked", "true")
    # Annemarie drags on the radar: from the core outwards along each spoke
    chart = ann.get_by_test_id("radar-organisatiecontext")
    await chart.scroll_into_view_if_needed()
    for i, p in enumerate(pillars):
        ring = 1 + i % 3
        start = await spoke_point(ann, i, 1)
        end = await spoke_point(ann, i, ring + (1 if p == "tijd" else 0))
        await ann.mouse.move(*start)
        await ann.mouse.down()
        await ann.mouse.move(*end, steps=4)
        await ann.mouse.up()
        await expect(ann.get_by_test_id(f"radar-ring-organisatiecontext-{p}-{ring + (1 if p == 'tijd' else 0)}")).to_have_attribute(
            "aria-checked", "true")
    # and places Gerrit's dots: a tap on a ring per pillar
    await fac.get_by_test_id("proxy-picker-organisatiecontext").get_by_test_id(f"proxy-chip-{gast}").click()
    for p in pillars:
        await fac.get_by_test_id(f"radar-ring-organisatiecontext-{p}-3").click()
        await expect(fac.get_by_test_id(f"radar-ring-organisatiecontext-{p}-3")).to_have_attribute("aria-checked", "true")
    await expect(fac.get_by_test_id("progress-organisatiecontext")).to_have_attribute("data-left", "0")
    # hidden: the others see no dot but their own
    assert await proj.locator(".radar-dot").count() == 0
    assert await ann.locator(".radar-dot").count() == 0
    assert await ann.locator(".radar-own").count() == 8
    await phone.get_by_test_id("section-organisatiecontext").scroll_into_view_if_needed()
    await phone.get_by_test_id("radar-organisatiecontext").scroll_into_view_if_needed()
    await phone.screenshot(path=str(artifacts / "card3-radar-phone-360-before.png"))
    await shot(proj, artifacts / "card3-projector-radar-1920x1080-before.png")
    await no_axe(phone, "phone, radar hidden")

    await fac.get_by_test_id("hide-toggle-organisatiecontext").click()
    for page in (ann, cor, phone, proj, fac):
        await expect(page.locator(".radar-dot")).to_have_count(32)
    await expect(fac.get_by_test_id("radar-reading-organisatiecontext")).to_contain_text("Gematigde spreiding")
    await expect(proj.get_by_test_id("radar-stats-organisatiecontext-tijd")).to_contain_text("mediaan 3")
    await phone.get_by_test_id("radar-organisatiecontext").scroll_into_view_if_needed()
    await phone.screenshot(path=str(artifacts / "card3-radar-phone-360-after.png"))
    await fac.get_by_test_id("section-organisatiecontext").scroll_into_view_if_needed()
    await fac.screenshot(path=str(artifacts / "card3-radar-facilitator-1280.png"))
    await no_axe(phone, "phone, radar revealed")
    await no_axe(fac, "facilitator, radar revealed")
    for w, hgt in BEAMERS:
        await proj.set_viewport_size({"width": w, "height": hgt})
        await expect(proj.get_by_test_id("radar-organisatiecontext")).to_be_visible()
        await shot(proj, artifacts / f"card3-projector-radar-{w}x{hgt}.png")
        await fits(proj)
    await no_axe(proj, "projector, radar")

    # --- the three agendas, the close and the summary ------------------------------------------
    await ws.call({"type": "set_step", "step": "agendas", "board": W})
    for lane, text in [("verander", "Wijkteams werken vanuit één gezamenlijk plan"),
                       ("opleiding", "Casuïstiekbesprekingen in de opleidingsroute"),
                       ("onderzoek", "Wat werkt bij ketensamenwerking in de jeugdhulp?")]:
        await ws.call({"type": "add_note", "board": W, "section": "agendas", "lane": lane, "text": text})
    await ws.call({"type": "add_note", "board": W, "section": "inzichten", "lane": "organisatiecontext",
                   "text": "Tijd en middelen zijn de zwakste pijlers; over capaciteit verschillen we van mening"})
    await ws.call({"type": "close_session"})
    await ws.close()
    await fac.goto(f"{base}/s/{created['session']}")
    await expect(fac.get_by_test_id("summary")).to_be_visible()
    await expect(fac.get_by_test_id("sum-tree-outcome-beslisboom")).to_contain_text("Je kunt dus aan de slag!")
    await expect(fac.get_by_test_id("sum-radar-reading-organisatiecontext")).to_contain_text("Gematigde spreiding")
    assert await fac.locator("[data-testid=sum-radar-organisatiecontext] .radar-dot").count() == 32
    await fac.get_by_test_id("sum-tree-beslisboom").scroll_into_view_if_needed()
    await shot(fac, artifacts / "card3-summary-1280.png", full_page=True)
    await no_axe(fac, "summary")
    # the print: the radar is vector (its pillar names are text in the PDF), the outcome and reading in it
    pdf = artifacts / "card3-summary.pdf"
    text = "\n".join(await print_summary(fac, pdf))
    pages_as_png(pdf, artifacts, "card3-summary-page")
    assert "Je kunt dus aan de slag!" in text and "Gematigde spreiding" in text
    assert "Kennisdeling" in text and "verdeeld" in text
    await fac.get_by_test_id("lang-en").click()
    await expect(fac.get_by_test_id("sum-tree-outcome-beslisboom")).to_contain_text("Outcome of the decision tree")
    await expect(fac.get_by_test_id("sum-radar-reading-organisatiecontext")).to_contain_text("Moderate spread")


async def spoke_point(page: Page, index: int, ring: int) -> tuple[float, float]:
    """The screen point of ``ring``'s band on pillar ``index``'s spoke of the radar."""
    return tuple(await page.evaluate("""([i, ring]) => {
        const svg = document.querySelector('[data-testid=radar-organisatiecontext] svg');
        const a = -Math.PI / 2 + 2 * Math.PI * i / 8, r = (ring - 0.5) / 5 * 125;
        const p = new DOMPoint(r * Math.cos(a), r * Math.sin(a)).matrixTransform(svg.getScreenCTM());
        return [p.x, p.y];
    }""", [index, ring]))
