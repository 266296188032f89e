"""Card 4 (Rollen) in real browsers: names put on roles by drag on a laptop and by tap-to-choose
on a phone, confirmed by the facilitator, the conditions table, the projector at every beamer size,
the summary. Synchronisation is by Playwright's waiting assertions, never by sleeping."""

from __future__ import annotations

from playwright.async_api import Page, expect

from tests.browser.axe import report, violations
from tests.browser.conftest import LAPTOP, PHONE, shot
from tests.browser.test_projector import BEAMERS, FITS
from tests.support.client import Client, create_session

BOARD = "rollen"
RINGS = {"board": BOARD, "section": "ringen"}
TABLE = {"board": BOARD, "section": "randvoorwaarden"}
LAPTOP_800 = {"width": 1280, "height": 800}

# a full network: long Dutch names on every ring (the facilitator's, so confirmed)
NAMES = [("Marieke van den Heuvel-Bakker", "leernetwerktrekker"), ("Joost Verbeek", "procesbegeleider"),
         ("Sanne de Wit", "projectassistent"), ("Fatima El Amrani", "communicatieadviseur"),
         ("Gemeentelijke jeugdzorgcoördinator", "verbindingsfunctionaris"), ("Pieter Jansen", "deelnemer"),
         ("Linda Hoekstra", "deelnemer"), ("Wijkteam Oost", "tweede_schil"),
         ("Ouderraad basisschool De Regenboog", "tweede_schil")]
CELLS = [("leernetwerktrekker", "tijd", "Vier uur per week vrijgeroosterd", "Teamleider jeugdzorg"),
         ("leernetwerktrekker", "informatie", "Toegang tot de wachtlijstcijfers", "Beleidsadviseur"),
         ("deelnemer", "ondersteuning", "Intervisie met een ervaringsdeskundige", "Procesbegeleider"),
         ("projectassistent", "tijd", "Twee uur per week", "Afdelingshoofd")]


async def assert_accessible(page: Page, screen: str) -> None:
    found = await violations(page)
    assert not found, f"axe on {screen}:\n{report(found)}"


async def join_rollen(page: Page, base: str, code: str, name: str) -> None:
    """Join a session of card 4 alone through /j/{code}: a name, no group to choose."""
    await page.goto(f"{base}/j/{code}")
    await page.get_by_test_id("join-name").fill(name)
    await page.get_by_test_id("join-submit").click()
    await expect(page.get_by_test_id("role-badge")).to_contain_text(name)


async def room(server, pages):
    """A card 4 session at step 2: the facilitator on a laptop (and an API client), Eva on a laptop,
    Finn on a phone."""
    created = await create_session(server.http_url, title="Leernetwerk Jeugd Oost – rollen", boards=[BOARD])
    api = await Client(server.ws_url).connect()
    await api.hello(created["session"], token=created["facilitator_secret"])
    assert (await api.call({"type": "set_step", "board": BOARD, "step": "toewijzen"}))["type"] == "ok"
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(f"{server.http_url}/b/{created['session']}#f={created['facilitator_secret']}")
    await expect(fac.get_by_test_id("role-badge")).to_have_text("Facilitator")
    eva = await pages.open(LAPTOP, name="eva")
    await join_rollen(eva, server.http_url, created["join_code"], "Eva")
    finn = await pages.open(PHONE, phone=True, name="finn")
    await join_rollen(finn, server.http_url, created["join_code"], "Finn")
    return created, api, fac, eva, finn


async def add_name(page: Page, name: str, role: str) -> None:
    await page.get_by_test_id("role-name-input").fill(name)
    await page.get_by_test_id("role-select").select_option(role)
    await page.get_by_test_id("role-add").click()
    await expect(page.get_by_test_id(f"role-names-{role}").get_by_text(name)).to_be_visible()


def chip(page: Page, role: str, name: str):
    return page.get_by_test_id(f"role-names-{role}").locator(".role-person", has_text=name)


async def test_names_are_dragged_on_a_laptop_tapped_on_a_phone_and_confirmed_by_the_facilitator(server, pages, artifacts):
    """Eva drags her suggestion onto a staff role, Finn taps his and chooses a role; everyone sees
    both as suggestions until the facilitator confirms; the count warns below 5."""
    created, api, fac, eva, finn = await room(server, pages)
    await add_name(eva, "Marieke de Vries", "deelnemer")
    await chip(eva, "deelnemer", "Marieke de Vries").locator(".role-person-name").drag_to(
        eva.get_by_test_id("role-ringen-leernetwerktrekker"))
    for page in (eva, fac, finn):
        await expect(chip(page, "leernetwerktrekker", "Marieke de Vries")).to_have_class("role-person unconfirmed")

    await add_name(finn, "Ahmed Yilmaz", "deelnemer")
    await chip(finn, "deelnemer", "Ahmed Yilmaz").locator(".role-person-name").tap()
    await chip(finn, "deelnemer", "Ahmed Yilmaz").locator(".role-chooser").get_by_role("button", name="Projectassistent").tap()
    for page in (eva, fac, finn):
        await expect(chip(page, "projectassistent", "Ahmed Yilmaz")).to_be_visible()
        await expect(page.get_by_test_id("roles-count-ringen")).to_contain_text("0 mensen")
        await expect(page.get_by_test_id("roles-count-ringen")).to_have_class("roles-count warn")

    await chip(fac, "leernetwerktrekker", "Marieke de Vries").locator(".role-confirm").click()
    await chip(fac, "projectassistent", "Ahmed Yilmaz").locator(".role-confirm").click()
    for page in (eva, fac, finn):
        await expect(chip(page, "projectassistent", "Ahmed Yilmaz")).to_have_class("role-person")
        await expect(page.get_by_test_id("roles-count-ringen")).to_contain_text("2 mensen")
    # confirmed: no longer Eva's to move
    await expect(chip(eva, "leernetwerktrekker", "Marieke de Vries").locator(".role-person-name")).not_to_have_attribute(
        "data-movable", "true")
    for name, role in NAMES:
        assert (await api.call({"type": "add_role_person", **RINGS, "name": name, "role": role}))["type"] == "ok"
    for page in (eva, fac, finn):
        await expect(page.get_by_test_id("roles-count-ringen")).to_contain_text("9 mensen")
        await expect(page.get_by_test_id("roles-count-ringen")).to_have_class("roles-count")
    await assert_accessible(fac, "card 4 rings, facilitator")
    await assert_accessible(finn, "card 4 rings, phone")
    await shot(finn, artifacts / "rollen-rings-phone-360.png", full_page=True)
    await eva.set_viewport_size(LAPTOP_800)
    await shot(eva, artifacts / "rollen-rings-laptop-1280.png", full_page=True)
    await api.close()


async def test_the_conditions_table_on_a_phone_the_projector_and_the_summary(server, pages, artifacts):
    """Finn writes a cell on his phone; the facilitator sees it; the projector shows the rings and
    then the table at every beamer size without scrolling; the summary has the rings and the table."""
    created, api, fac, eva, finn = await room(server, pages)
    assert (await api.call({"type": "set_step", "board": BOARD, "step": "rollen"}))["type"] == "ok"
    screens = []
    for width, height in BEAMERS:
        page = await pages.open({"width": width, "height": height}, name=f"projector-{width}")
        await page.goto(f"{server.http_url}/p/{created['session']}#c={created['join_code']}")
        await expect(page.get_by_test_id("ring-staf")).to_be_visible()
        screens.append(((width, height), page))

    async def fits(scene: str) -> None:
        for (width, height), page in screens:
            await page.evaluate("document.fonts.ready")
            assert await page.evaluate(FITS) == [], (scene, width, height)
            await page.screenshot(path=str(artifacts / f"projector-rollen-{scene}-{width}x{height}.png"))

    for _, page in screens:  # step 1: the roles with what the card says of each
        await expect(page.get_by_text("Deze tweede schil kijkt en leest mee")).to_be_visible()
    await fits("roles")
    assert (await api.call({"type": "set_step", "board": BOARD, "step": "toewijzen"}))["type"] == "ok"
    for name, role in NAMES:
        assert (await api.call({"type": "add_role_person", **RINGS, "name": name, "role": role}))["type"] == "ok"
    for _, page in screens:
        await expect(page.get_by_text("Ouderraad basisschool De Regenboog")).to_be_visible()
        await expect(page.get_by_text("Deze tweede schil kijkt en leest mee")).to_be_hidden()
    await fits("rings")
    await assert_accessible(screens[3][1], "card 4 projector")

    assert (await api.call({"type": "set_step", "board": BOARD, "step": "randvoorwaarden"}))["type"] == "ok"
    await finn.get_by_test_id("cond-text-deelnemer-tijd").fill("Een middag per maand")
    await finn.get_by_test_id("cond-who-deelnemer-tijd").fill("Eigen leidinggevende")
    await finn.get_by_test_id("cond-who-deelnemer-tijd").blur()
    await expect(fac.get_by_test_id("cond-text-deelnemer-tijd")).to_have_value("Een middag per maand")
    await expect(fac.get_by_test_id("cond-who-deelnemer-tijd")).to_have_value("Eigen leidinggevende")
    for row, column, text, who in CELLS:
        frame = {"type": "set_condition", **TABLE, "row": row, "column": column, "text": text, "who": who}
        assert (await api.call(frame))["type"] == "ok"
    for _, page in screens:
        await expect(page.get_by_test_id("cond-row-leernetwerktrekker")).to_contain_text("Vier uur per week")
    await fits("table")
    await expect(finn.get_by_test_id("cond-text-projectassistent-tijd")).to_have_value("Twee uur per week")
    await assert_accessible(finn, "card 4 table, phone")
    await shot(finn, artifacts / "rollen-table-phone-360.png", full_page=True)
    await fac.set_viewport_size(LAPTOP_800)
    await shot(fac, artifacts / "rollen-table-laptop-1280.png", full_page=True)

    await fac.goto(f"{server.http_url}/s/{created['session']}")
    roles = fac.get_by_test_id("sum-roles-ringen")
    await expect(roles).to_contain_text("Marieke van den Heuvel-Bakker")
    await expect(roles).to_contain_text("7 mensen in het leernetwerk")
    await expect(fac.get_by_test_id("sum-conditions-randvoorwaarden")).to_contain_text("Eigen leidinggevende")
    await assert_accessible(fac, "card 4 summary")
    await shot(fac, artifacts / "rollen-summary-1280.png", full_page=True)
    await api.close()
