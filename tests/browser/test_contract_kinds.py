"""Issue 20's weighting ("Gewichten plakken aan de thema's") and agreements (the kick-off's
"Waardencontract ... JA = AFSPRAAK!") in the browser: a facilitator, two participants (one on a
phone), more people through the protocol and a projector; 20 themes and long Dutch words on every
beamer size; markup shown as text; axe finds nothing serious."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.browser.conftest import PHONE, open_facilitator_board, shot
from tests.browser.test_kickoff import LAPTOP_800, join_page, no_serious_axe, section_shot
from tests.browser.test_projector import FITS
from tests.support.client import Client
from tests.support.client import join as api_join

BEAMERS = [(1024, 768), (1280, 800), (1920, 1080), (2560, 1440), (3840, 2160)]
# inside each shown part on the projector: nothing cut off at its bottom or right edge
CLIPPED = """() => [...document.querySelectorAll('.proj-board > section:not([hidden]) :is(.wt-card, .ag-item, .wt-text, .ag-text)')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => `${el.className} is cut off: ${el.textContent.slice(0, 40)}`)"""
SCREEN = f"() => [...({FITS})(), ...({CLIPPED})()]"

THEMES = ["Ketensamenwerkingsafspraken", "Ouderbetrokkenheid", "Vroegsignalering in de wijk", "Kansengelijkheid",
          "Doorgaande leerlijn van kindercentrum naar school", "Taalontwikkeling", "Verantwoordelijkheidsgevoel",
          "Handelingsgericht werken", "Executieve functies", "Sociaal-emotionele ontwikkeling",
          "Meertaligheid", "Spelend leren", "Overgangsmomenten", "Samenwerking met de jeugdgezondheidszorg",
          "Professionaliseringsbehoeften", "Rekenvaardigheid", "Buitenspelen", "Mediawijsheid",
          "Warme overdracht", "Interprofessioneel leren"]


async def create(page: Page, base: str, board: str, title: str) -> dict:
    await page.goto(base + "/")
    await page.get_by_test_id("create-title").fill(title)
    await page.get_by_test_id(f"create-board-{board}").check()
    await page.get_by_test_id("create-board-samenspel").uncheck()
    await page.get_by_test_id("create-submit").click()
    code_el = page.get_by_test_id("created-join-code")
    await expect(code_el).to_have_text(re.compile(r"^[A-Z0-9]{3} [A-Z0-9]{3}$"))
    fac_url = await page.get_by_test_id("created-facilitator-link").input_value()
    return {"code": (await code_el.inner_text()).replace(" ", ""),
            "session": re.search(r"/b/([A-Za-z0-9_-]+)#f=", fac_url).group(1)}


async def fits(page: Page, scene: str, size: tuple[int, int]) -> None:
    try:
        await page.wait_for_function(f"() => ({SCREEN})().length === 0", timeout=5_000)
    except Exception:
        pass  # the assertion below says what does not fit
    assert await page.evaluate(SCREEN) == [], (scene, *size)


async def every_beamer(proj: Page, testid: str, scene: str, artifacts) -> None:
    """The scene at every beamer size: shown, screenshot, and nothing off the screen or cut off."""
    for width, height in BEAMERS:
        await proj.set_viewport_size({"width": width, "height": height})
        await expect(proj.get_by_test_id(testid)).to_be_visible()
        await shot(proj, artifacts / f"{scene}-projector-{width}x{height}.png")
        await fits(proj, scene, (width, height))


async def room(server, pages, board: str, title: str, extra: int):
    fac = await pages.open(LAPTOP_800, name="facilitator")
    created = await create(fac, server.http_url, board, title)
    await open_facilitator_board(fac)
    phone = await pages.open(PHONE, phone=True, name="ilse")
    laptop = await pages.open(LAPTOP_800, name="joost")
    await join_page(phone, server.http_url, created["code"], "Ilse")
    await join_page(laptop, server.http_url, created["code"], "Joost van der Heijden-Vermeulen")
    clients = []
    for n in range(extra):
        person = await api_join(server.http_url, created["code"], f"Deelnemer {n + 1}", "deelnemer")
        clients.append(await Client(server.ws_url).connect())
        await clients[-1].hello(created["session"], token=person["token"])
    proj = await pages.open({"width": 1920, "height": 1080}, name="projector")
    await proj.goto(f"{server.http_url}/p/{created['session']}#c={created['code']}")
    await expect(proj.get_by_test_id("timer-panel")).to_be_visible()
    return fac, phone, laptop, proj, clients


async def order_of(page: Page) -> list[str]:
    return await page.evaluate("() => [...document.querySelectorAll('[data-testid=wt-themas] > li')].map((li) => li.dataset.testid)")


async def test_themes_proposed_then_weighed_hidden_until_the_reveal(server, pages, artifacts):
    fac, phone, laptop, proj, clients = await room(server, pages, "thema_kiezen", "Keuze van het gezamenlijke thema", 4)
    await fac.get_by_test_id("step-bronnen").click()
    typed = iter(THEMES)
    for page in (phone, laptop, fac):
        await page.get_by_test_id("wt-input-themas").fill(next(typed))
        await page.get_by_test_id("wt-propose-themas").click()
        await expect(page.get_by_test_id("wt-input-themas")).to_have_value("")
    await laptop.get_by_test_id("wt-input-themas").fill("<b>Koffie</b>")
    await laptop.get_by_test_id("wt-propose-themas").click()
    for client in clients:
        for _ in range(4):
            reply = await client.call({"type": "propose_theme", "board": "thema_kiezen", "section": "themas", "text": next(typed)})
            assert reply["type"] == "ok", reply
    refused = await clients[0].call({"type": "propose_theme", "board": "thema_kiezen", "section": "themas", "text": "x" * 121})
    assert refused["code"] == "invalid"
    cards = proj.get_by_test_id("wt-themas").locator("li")
    await expect(cards).to_have_count(20)
    koffie = proj.locator(".wt-text", has_text="<b>Koffie</b>")
    await expect(koffie).to_be_visible()  # markup is text
    assert await proj.locator("[data-testid=wt-themas] b").count() == 0
    # the facilitator takes the markup away and merges "Ouderbetrokkenheid" into the phone's theme
    card_of = lambda text: fac.locator(".wt-card").filter(has=fac.locator(".wt-text", has_text=text))  # noqa: E731
    item = await card_of("<b>Koffie</b>").get_attribute("data-testid")
    await fac.get_by_test_id(item.replace("wt-item", "wt-hide")).click()
    await expect(cards).to_have_count(19)
    source = await card_of("Rekenvaardigheid").get_attribute("data-testid")
    target = await card_of("Ketensamenwerkingsafspraken").get_attribute("data-testid")
    await fac.get_by_test_id(source.replace("wt-item", "wt-merge")).select_option(target.replace("wt-item-", ""))
    await expect(cards).to_have_count(18)
    await expect(proj.get_by_test_id(target).locator(".wt-merged")).to_have_text("+1 samengevoegd")

    await fac.get_by_test_id("step-gewichten").click()
    await expect(phone.get_by_test_id("wt-left-themas")).to_have_text("Nog 5 van 5 stickers")
    first = phone.get_by_test_id("wt-themas").locator("li").first
    for _ in range(3):
        await first.locator(".wt-plus").click()
    second = phone.get_by_test_id("wt-themas").locator("li").nth(1)
    for _ in range(2):
        await second.locator(".wt-plus").click()
    await expect(phone.get_by_test_id("wt-left-themas")).to_have_text("Nog 0 van 5 stickers")
    await expect(first.locator(".wt-plus")).to_be_disabled()
    await expect(first.locator(".wt-mine")).to_have_text("3 van jou")
    before = await order_of(phone)
    await phone.reload()
    await expect(phone.get_by_test_id("wt-themas").locator("li")).to_have_count(18)
    assert await order_of(phone) == before  # the own order survives a reload
    assert await order_of(laptop) != before  # another person, another order
    lap_first = laptop.get_by_test_id("wt-themas").locator("li").first
    for _ in range(5):
        await lap_first.locator(".wt-plus").click()
    await expect(laptop.get_by_test_id("wt-left-themas")).to_have_text("Nog 0 van 5 stickers")
    ids = [t.replace("wt-item-", "") for t in await order_of(proj)]  # the shown themes
    for n, client in enumerate(clients):
        for k in range(5):
            assert (await client.call({"type": "weigh_theme", "board": "thema_kiezen", "section": "themas",
                                       "item": ids[(n * 3 + k) % 7]}))["type"] == "ok"
    # Gerrit is in the room without a device: the facilitator weighs for him, from his own five
    await fac.get_by_test_id("room-form").locator("summary").click()
    await fac.get_by_test_id("proxy-name").fill("Gerrit")
    await fac.get_by_test_id("proxy-add-deelnemer").click()
    await fac.get_by_test_id("proxy-picker-themas").get_by_text("Gerrit").click()
    await expect(fac.get_by_test_id("wt-left-themas")).to_have_text("Gerrit: nog 5 van 5 stickers")
    last = fac.get_by_test_id("wt-themas").locator("li.wt-card:not(.off)").last
    before = int(await last.locator(".wt-count").get_attribute("data-count"))
    for _ in range(2):
        await last.locator(".wt-plus").click()
    await expect(last.locator(".wt-mine")).to_have_text("2 van Gerrit")
    await expect(last.locator(".wt-count")).to_have_attribute("data-count", str(before + 2))
    await expect(fac.get_by_test_id("wt-left-themas")).to_have_text("Gerrit: nog 3 van 5 stickers")
    # hidden: the projector and the people see no counts, the facilitator does
    await expect(proj.locator(".wt-count").first).to_have_text("stickers verborgen")
    await expect(fac.locator("[data-testid=wt-themas] .wt-count[data-count]").first).to_be_visible()
    await section_shot(phone, "themas", artifacts / "weighting-phone-hidden.png")
    await section_shot(laptop, "themas", artifacts / "weighting-laptop-hidden.png")
    await section_shot(fac, "themas", artifacts / "weighting-facilitator-hidden.png")
    await no_serious_axe(phone, "phone, weighting")
    await no_serious_axe(fac, "facilitator, weighting")

    await fac.get_by_test_id("wt-reveal-themas").click()
    await expect(proj.locator(".wt-card.top").first).to_be_visible()
    tops = await proj.locator(".wt-card.top").count()
    assert tops >= 3
    counts = await proj.evaluate("() => [...document.querySelectorAll('[data-testid=wt-themas] .wt-count')].map((c) => +c.dataset.count)")
    assert counts == sorted(counts, reverse=True) and sum(counts) == 32  # 6 people x 5, and Gerrit's 2
    await expect(phone.get_by_test_id("wt-notice-themas")).to_have_text("Onthuld: de stickers liggen vast.")
    await expect(phone.locator(".wt-plus")).to_have_count(18)
    await expect(phone.locator(".wt-plus").first).to_be_hidden()
    late = await clients[0].call({"type": "weigh_theme", "board": "thema_kiezen", "section": "themas", "item": ids[0], "add": False})
    assert late["code"] == "already_revealed"
    await section_shot(phone, "themas", artifacts / "weighting-phone-revealed.png")
    await section_shot(laptop, "themas", artifacts / "weighting-laptop-revealed.png")
    await every_beamer(proj, "wt-themas", "weighting", artifacts)
    await no_serious_axe(proj, "projector, weighting")
    await no_serious_axe(laptop, "laptop, weighting revealed")
    for client in clients:
        await client.close()


async def test_the_values_contract_JA_is_an_agreement(server, pages, artifacts):
    fac, phone, laptop, proj, clients = await room(server, pages, "kickoff", "Kick-off lerend netwerk Oost", 2)
    await fac.get_by_test_id("step-afspraken").click()
    await expect(phone.get_by_test_id("ag-contract").locator("li")).to_have_count(5)
    await phone.get_by_test_id("ag-input-contract").fill("Verantwoordelijkheidsgevoel tonen voor ketensamenwerkingsafspraken")
    await phone.get_by_test_id("ag-add-contract").click()
    await laptop.get_by_test_id("ag-input-contract").fill("<i>Luisteren</i> zonder oordeel")
    await laptop.get_by_test_id("ag-add-contract").click()
    await expect(proj.get_by_test_id("ag-contract").locator("li")).to_have_count(7)
    await expect(proj.locator(".ag-text", has_text="<i>Luisteren</i> zonder oordeel")).to_be_visible()
    assert await proj.locator("[data-testid=ag-contract] i").count() == 0
    for page in (phone, laptop):
        await page.get_by_test_id("ag-yes-veiligheid").click()
        await expect(page.get_by_test_id("ag-yes-veiligheid")).to_have_attribute("aria-pressed", "true")
    await expect(proj.get_by_test_id("ag-item-veiligheid").locator(".ag-count")).to_have_text("2 van 4 akkoord")
    await expect(proj.get_by_test_id("ag-item-veiligheid").locator(".ag-agreed")).to_be_hidden()
    for client in clients:
        for item in ("veiligheid", "er_zijn"):
            assert (await client.call({"type": "confirm_agreement", "board": "kickoff", "section": "contract",
                                       "item": item}))["type"] == "ok"
    for page in (proj, phone, laptop, fac):
        await expect(page.get_by_test_id("ag-item-veiligheid").locator(".ag-agreed")).to_be_visible()
        await expect(page.get_by_test_id("ag-item-veiligheid").locator(".ag-count")).to_have_text("4 van 4 akkoord")
    # the phone takes its JA back: no longer everyone's
    await phone.get_by_test_id("ag-yes-veiligheid").click()
    await expect(phone.get_by_test_id("ag-yes-veiligheid")).to_have_attribute("aria-pressed", "false")
    await expect(proj.get_by_test_id("ag-item-veiligheid").locator(".ag-agreed")).to_be_hidden()
    await phone.get_by_test_id("ag-yes-veiligheid").click()
    await expect(proj.get_by_test_id("ag-item-veiligheid").locator(".ag-agreed")).to_be_visible()
    # only the facilitator edits: a participant's edit is refused over the protocol, the facilitator's lands
    refused = await clients[0].call({"type": "edit_agreement", "board": "kickoff", "section": "contract",
                                     "item": "veiligheid", "text": "Anders"})
    assert refused["code"] == "forbidden"
    assert await phone.locator(".ag-edit:visible").count() == 0
    await fac.get_by_test_id("ag-edit-deelgever").fill("Deelgever: ik deel wat ik weet")
    await fac.get_by_test_id("ag-save-deelgever").click()
    await expect(proj.get_by_test_id("ag-item-deelgever").locator(".ag-text")).to_have_text("Deelgever: ik deel wat ik weet")
    await section_shot(phone, "contract", artifacts / "agreements-phone.png")
    await section_shot(laptop, "contract", artifacts / "agreements-laptop.png")
    await section_shot(fac, "contract", artifacts / "agreements-facilitator.png")
    await no_serious_axe(phone, "phone, agreements")
    await no_serious_axe(fac, "facilitator, agreements")
    await every_beamer(proj, "ag-contract", "agreements", artifacts)
    await no_serious_axe(proj, "projector, agreements")
    for client in clients:
        await client.close()
