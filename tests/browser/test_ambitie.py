"""Card 1 (Ambitie) in real browsers: the sentence word by word, marked on a phone and a laptop, the
counts on every screen and the projector (all five beamer sizes), a new version keeping the old one
with its marks; the three agendas; the summary. Synchronisation by waiting assertions only."""

from __future__ import annotations

from playwright.async_api import expect

from tests.browser.axe import report, violations
from tests.browser.conftest import LAPTOP, PHONE, shot
from tests.browser.test_projector import BEAMERS, FITS
from tests.browser.test_roles import LAPTOP_800, join_rollen as join_board
from tests.support.client import Client, create_session

BOARD = "ambitie"
DRAFT = {"board": BOARD, "section": "concreet"}
FIRST = "Wij willen kwalitatief goede en efficiënte jeugdzorg voor alle kinderen in de wijk Oost"
SECOND = "Wij willen dat elk kind in Oost binnen vier weken passende jeugdhulp krijgt, dichtbij huis"


async def test_words_are_marked_on_every_screen_and_every_version_is_kept(server, pages, artifacts):
    """Eva (laptop) and Finn (phone) tap unclear words; each screen shows how many marked each word;
    the facilitator's new version shows on top with the old one, and its marks, below; the agendas
    take post-its; the projector fits every beamer; the summary lists the versions with their marks."""
    created = await create_session(server.http_url, title="Leernetwerk Jeugd Oost – ambitie", boards=[BOARD])
    api = await Client(server.ws_url).connect()
    await api.hello(created["session"], token=created["facilitator_secret"])
    assert (await api.call({"type": "set_step", "board": BOARD, "step": "concretiseren"}))["type"] == "ok"
    assert (await api.call({"type": "write_draft", **DRAFT, "text": FIRST}))["type"] == "ok"
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(f"{server.http_url}/b/{created['session']}#f={created['facilitator_secret']}")
    eva = await pages.open(LAPTOP, name="eva")
    await join_board(eva, server.http_url, created["join_code"], "Eva")
    finn = await pages.open(PHONE, phone=True, name="finn")
    await join_board(finn, server.http_url, created["join_code"], "Finn")
    screens = []
    for width, height in BEAMERS:
        page = await pages.open({"width": width, "height": height}, name=f"projector-{width}")
        await page.goto(f"{server.http_url}/p/{created['session']}#c={created['join_code']}")
        screens.append(((width, height), page))

    # "kwalitatief" (word 2) by both, "efficiënte" (5) by Finn: 2 and 1 on every screen
    await eva.get_by_test_id("draft-word-2").click()
    await finn.get_by_test_id("draft-word-2").tap()
    await finn.get_by_test_id("draft-word-5").tap()
    await expect(finn.get_by_test_id("draft-word-2")).to_have_attribute("aria-pressed", "true")
    for page in (eva, finn, fac, *[p for _, p in screens]):
        await expect(page.get_by_test_id("draft-word-2").locator(".draft-count")).to_have_text("2")
        await expect(page.get_by_test_id("draft-word-5").locator(".draft-count")).to_have_text("1")
        await expect(page.get_by_test_id("draft-word-3").locator(".draft-count")).to_have_count(0)
    await eva.get_by_test_id("draft-word-2").click()  # taken back
    for page in (finn, fac):
        await expect(page.get_by_test_id("draft-word-2").locator(".draft-count")).to_have_text("1")
    for (width, height), page in screens:
        await page.evaluate("document.fonts.ready")
        assert await page.evaluate(FITS) == [], ("marks", width, height)
        await page.screenshot(path=str(artifacts / f"projector-ambitie-marks-{width}x{height}.png"))
    await shot(finn, artifacts / "ambitie-marks-phone-360.png", full_page=True)
    found = await violations(finn)
    assert not found, report(found)

    await fac.get_by_test_id("draft-input").fill(SECOND)
    await fac.get_by_test_id("draft-save").click()
    for page in (eva, finn, fac):
        await expect(page.get_by_test_id("draft-current-concreet")).to_have_attribute("data-version", "2")
        await expect(page.get_by_test_id("draft-word-1")).to_contain_text("willen")
        await expect(page.get_by_test_id("draft-history-concreet").locator(".draft-version")).to_have_count(1)
    history = fac.get_by_test_id("draft-history-concreet")
    await expect(history.locator(".draft-count")).to_have_text(["1", "1"])  # the old version keeps its marks
    await eva.get_by_test_id("draft-word-12").click()
    await expect(fac.get_by_test_id("draft-word-12").locator(".draft-count")).to_have_text("1")
    found = await violations(fac)
    assert not found, report(found)
    await fac.set_viewport_size(LAPTOP_800)
    await shot(fac, artifacts / "ambitie-marks-laptop-1280.png", full_page=True)
    for (width, height), page in screens:
        await expect(page.get_by_test_id("draft-history-concreet")).to_be_visible()
        await page.evaluate("document.fonts.ready")
        assert await page.evaluate(FITS) == [], ("versions", width, height)
        await page.screenshot(path=str(artifacts / f"projector-ambitie-versions-{width}x{height}.png"))

    assert (await api.call({"type": "set_step", "board": BOARD, "step": "agendas"}))["type"] == "ok"
    await finn.get_by_test_id("add-note-agendas-onderzoek").tap()
    await finn.get_by_test_id("note-text").fill("Wat werkt om wachttijden te verkorten?")
    await finn.get_by_test_id("note-save").tap()
    await expect(fac.get_by_test_id("lane-agendas-onderzoek")).to_contain_text("Wat werkt om wachttijden")

    await fac.goto(f"{server.http_url}/s/{created['session']}")
    summary = fac.get_by_test_id("sum-draft-concreet")
    await expect(summary.locator(".draft-version")).to_have_count(2)
    await expect(summary.locator(".draft-version").first.locator(".draft-count")).to_have_text(["1", "1"])
    found = await violations(fac)
    assert not found, report(found)
    await api.close()


ITEMS = ["Een kind dat op tijd de juiste hulp krijgt, dichtbij huis", "Wachtlijsten als een muur tussen gezin en hulpverlening",
         "Professionals die van elkaars casuïstiek leren", "Ouders als ervaringsdeskundigen aan tafel",
         "Eén gezin, één plan, één regisseur", "Jeugdzorgorganisaties die samenwerken in plaats van concurreren"]


async def test_the_wall_takes_five_dots_a_person_hidden_until_the_reveal(server, pages, artifacts):
    """Finn (phone) puts three dots on one item and two on another, then has none left; with the dots
    hidden Eva sees no counts; at the reveal every screen marks the most-dotted item; the projector
    fits every beamer."""
    created = await create_session(server.http_url, title="Leernetwerk Jeugd Oost – ambitie", boards=[BOARD])
    api = await Client(server.ws_url).connect()
    await api.hello(created["session"], token=created["facilitator_secret"])
    assert (await api.call({"type": "set_step", "board": BOARD, "step": "samenvoegen"}))["type"] == "ok"
    ids = []
    for text in ITEMS:
        assert (await api.call({"type": "add_wall_item", "board": BOARD, "section": "wand", "text": text}))["type"] == "ok"
        ids.append((await api.event("wall_item_saved"))["event"]["item"]["id"])
    assert (await api.call({"type": "set_wall_hidden", "board": BOARD, "section": "wand", "hidden": True}))["type"] == "ok"
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(f"{server.http_url}/b/{created['session']}#f={created['facilitator_secret']}")
    eva = await pages.open(LAPTOP, name="eva")
    await join_board(eva, server.http_url, created["join_code"], "Eva")
    finn = await pages.open(PHONE, phone=True, name="finn")
    await join_board(finn, server.http_url, created["join_code"], "Finn")
    for i in (0, 0, 0, 1, 1):
        await finn.get_by_test_id(f"wall-dot-{ids[i]}").tap()
    await expect(finn.get_by_test_id("wall-left-wand")).to_contain_text("Nog 0 van 5")
    await expect(finn.get_by_test_id(f"wall-dot-{ids[2]}")).to_be_disabled()
    await expect(eva.get_by_test_id(f"wall-item-{ids[0]}")).to_contain_text("stickers verborgen")
    await expect(fac.get_by_test_id(f"wall-item-{ids[0]}").locator(".wall-count")).to_have_text("3 stickers")
    await eva.get_by_test_id(f"wall-dot-{ids[1]}").click()
    # Gerrit is in the room without a device: the facilitator places his dots, from his own five
    assert (await api.call({"type": "add_proxy", "group": "deelnemer", "name": "Gerrit"}))["type"] == "ok"
    await fac.get_by_test_id("proxy-picker-wand").get_by_text("Gerrit").click()
    await expect(fac.get_by_test_id("wall-left-wand")).to_have_text("Gerrit: nog 5 van 5 stickers")
    for _ in range(2):
        await fac.get_by_test_id(f"wall-dot-{ids[2]}").click()
    await expect(fac.get_by_test_id(f"wall-item-{ids[2]}").locator(".wall-mine")).to_have_text("2 van Gerrit")
    await expect(fac.get_by_test_id("wall-left-wand")).to_have_text("Gerrit: nog 3 van 5 stickers")
    # The same on the facilitator's phone: the picker and Gerrit's marks fit without sideways scrolling
    fac_phone = await pages.open(PHONE, phone=True, name="facilitator-phone")
    await fac_phone.goto(f"{server.http_url}/b/{created['session']}#f={created['facilitator_secret']}")
    await fac_phone.get_by_test_id("proxy-picker-wand").get_by_text("Gerrit").tap()
    await expect(fac_phone.get_by_test_id("wall-left-wand")).to_have_text("Gerrit: nog 3 van 5 stickers")
    await expect(fac_phone.get_by_test_id(f"wall-item-{ids[2]}").locator(".wall-mine")).to_have_text("2 van Gerrit")
    await fac_phone.get_by_test_id("proxy-picker-wand").scroll_into_view_if_needed()
    assert await fac_phone.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    await fac_phone.screenshot(path=str(artifacts / "ambitie-wall-facilitator-phone-360-picker.png"))
    await fac.get_by_test_id("wall-hide-dots").click()  # the reveal
    screens = []
    for width, height in BEAMERS:
        page = await pages.open({"width": width, "height": height}, name=f"projector-{width}")
        await page.goto(f"{server.http_url}/p/{created['session']}#c={created['join_code']}")
        screens.append(((width, height), page))
    for page in (eva, finn, fac, *[p for _, p in screens]):
        await expect(page.get_by_test_id(f"wall-item-{ids[0]}").locator(".wall-count")).to_have_text("3 stickers")
        await expect(page.get_by_test_id(f"wall-item-{ids[1]}").locator(".wall-count")).to_have_text("3 stickers")
        await expect(page.get_by_test_id(f"wall-item-{ids[2]}").locator(".wall-count")).to_have_text("2 stickers")
        await expect(page.locator(".wall-card.most")).to_have_count(2)
    for (width, height), page in screens:
        await page.evaluate("document.fonts.ready")
        assert await page.evaluate(FITS) == [], ("wall", width, height)
        await page.screenshot(path=str(artifacts / f"projector-ambitie-wall-{width}x{height}.png"))
    await fac.get_by_test_id(f"wall-hide-{ids[5]}").click()
    await expect(eva.get_by_test_id(f"wall-item-{ids[5]}")).to_have_count(0)
    for page, screen in ((finn, "phone"), (fac, "facilitator")):
        found = await violations(page)
        assert not found, f"{screen}: {report(found)}"
    await shot(finn, artifacts / "ambitie-wall-phone-360.png", full_page=True)
    await eva.set_viewport_size(LAPTOP_800)
    await shot(eva, artifacts / "ambitie-wall-laptop-1280.png", full_page=True)
    await api.close()
