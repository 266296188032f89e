"""The browser client end to end: real server, real chromium, several people at once.

Synchronisation is by Playwright's auto-waiting assertions (``expect``) and ``wait_for_function``,
never by sleeping.
"""

from __future__ import annotations

import re

import pytest
from playwright.async_api import expect

from tests.browser.conftest import (
    AMBITIE, DOEL1, LAPTOP, PHONE, PROJECTOR, create_session, join, open_facilitator_board, shot,
)
from tests.support.client import Client, create_session as api_create, join as api_join

pytestmark = pytest.mark.service_worker  # the pages may install the worker, as a returning visitor's do

LEERNETWERK_RGB = "rgb(31, 119, 180)"  # #1f77b4
MANAGEMENT_RGB = "rgb(232, 89, 12)"  # #e8590c


def seconds_of(text: str) -> int:
    m, s = text.strip().split(":")[-2:]
    return int(m) * 60 + int(s)


async def count_colour(page, testid: str) -> str:
    """The group colour of a count: its dots' colour (the count chip itself is a darker shade, for
    the contrast of its white digits)."""
    return await page.get_by_test_id(testid).evaluate(
        "el => getComputedStyle(el.parentElement.querySelector('.dot')).backgroundColor")


async def test_start_page_creates_session_with_code_qr_and_secret_link(server, pages, artifacts):
    """The start page creates a session and shows the grouped join code, a QR, the join link and the secret facilitator link."""
    page = await pages.open(LAPTOP, name="facilitator")
    await page.goto(server.http_url + "/")
    await expect(page.get_by_role("heading", name="Sessie starten")).to_be_visible()
    await expect(page.get_by_role("heading", name="Meedoen")).to_be_visible()
    await shot(page, artifacts / "start-page-1280.png")

    created = await create_session(page, server.http_url)
    assert re.fullmatch(r"[A-Z0-9]{3} [A-Z0-9]{3}", created["shown_code"])
    await expect(page.get_by_test_id("created-qr")).to_be_visible()
    qr_text = await page.get_by_test_id("created-qr").get_attribute("data-qr-text")
    assert qr_text.endswith(f"/j/{created['code']}")
    await expect(page.get_by_test_id("created-join-link")).to_contain_text(f"/j/{created['code']}")
    await expect(page.get_by_text("Geheim: wie deze link heeft, is facilitator")).to_be_visible()
    await expect(page.get_by_test_id("copy-facilitator-link")).to_be_visible()
    await expect(page.get_by_test_id("created-projector-link")).to_contain_text(f"#c={created['code']}")
    await shot(page, artifacts / "start-created-1280.png")

    # the secret is remembered: /b/{session} without the fragment opens the board as facilitator
    await page.goto(f"{server.http_url}/b/{created['session']}")
    await expect(page.get_by_test_id("role-badge")).to_have_text("Facilitator")
    await expect(page.get_by_test_id("text-ambitie-ambitie")).to_have_text(AMBITIE)

    phone = await pages.open(PHONE, phone=True, name="phone-start")
    await phone.goto(server.http_url + "/")
    await shot(phone, artifacts / "start-page-360.png", full_page=True)


async def test_two_groups_see_each_others_dots_and_one_timer(server, pages, artifacts):
    """Dots placed by one participant appear with the right count and colour on every page, and the facilitator's timer counts down everywhere."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    # the facilitator link's secret left the address bar
    assert "#f=" not in fac.url

    ann = await pages.open(LAPTOP, name="ann")
    await join(ann, server.http_url, created["code"], "Ann", "leernetwerk")
    bert = await pages.open(PHONE, phone=True, name="bert")
    await join(bert, server.http_url, created["shown_code"].lower(), "Bert", "management", via_link=True)

    # everyone sees who is online, per group
    for page in (fac, ann, bert):
        await expect(page.get_by_test_id("online-leernetwerk")).to_contain_text("Ann")
        await expect(page.get_by_test_id("online-management")).to_contain_text("Bert")

    # Ann (Leernetwerk) places a dot: one blue dot on Zingeving on all three pages
    await expect(ann.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 3 van 3 stickers")
    await ann.get_by_test_id("option-drijfveren-zingeving").click()
    await expect(ann.get_by_test_id("option-drijfveren-zingeving")).to_have_attribute("aria-pressed", "true")
    await expect(ann.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 2 van 3 stickers")
    for page in (fac, ann, bert):
        count = page.get_by_test_id("count-drijfveren-zingeving-leernetwerk")
        await expect(count).to_have_text("1")
        assert await count_colour(page, "count-drijfveren-zingeving-leernetwerk") == LEERNETWERK_RGB
        await expect(page.get_by_test_id("count-drijfveren-zingeving-management")).to_have_text("0")

    # Bert (Management, on a phone) adds an orange one on the same card
    await bert.get_by_test_id("option-drijfveren-zingeving").click()
    for page in (fac, ann, bert):
        await expect(page.get_by_test_id("count-drijfveren-zingeving-management")).to_have_text("1")
        assert await count_colour(page, "count-drijfveren-zingeving-management") == MANAGEMENT_RGB

    # clicking your own card again takes the dot back
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("1")
    await expect(ann.get_by_test_id("option-drijfveren-impact")).to_have_attribute("aria-pressed", "true")
    await expect(ann.get_by_test_id("option-drijfveren-impact")).not_to_have_class(re.compile(r"\bpending\b"))
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("0")
    await expect(ann.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 2 van 3 stickers")

    # the facilitator moves to step 2 and starts a 5 minute timer: it runs down on every page
    await fac.get_by_test_id("step-drijfveren").click()
    for page in (ann, bert):
        await expect(page.get_by_test_id("section-drijfveren")).to_have_class(re.compile(r"\bcurrent\b"))
    await fac.get_by_test_id("timer-minutes").fill("5")
    await fac.get_by_test_id("timer-start").click()
    for page in (fac, ann, bert):
        timer = page.get_by_test_id("timer")
        await expect(timer).to_have_text(re.compile(r"^[45]:\d\d$"))
        first = await timer.inner_text()
        await expect(timer).not_to_have_text(first)  # it ticks
        await page.wait_for_function(
            """([first]) => {
                const [m, s] = document.querySelector('[data-testid=timer]').textContent.split(':').map(Number);
                const [m0, s0] = first.split(':').map(Number);
                return m * 60 + s < m0 * 60 + s0;
            }""", arg=[first])
        await expect(page.get_by_test_id("timer-status")).to_have_text("Loopt")

    # all pages agree on the time left (same server clock), within a second or two
    values = [seconds_of(await p.get_by_test_id("timer").inner_text()) for p in (fac, ann, bert)]
    assert max(values) - min(values) <= 2, values

    # pause stops it everywhere
    await fac.get_by_test_id("timer-pause").click()
    for page in (ann, bert):
        await expect(page.get_by_test_id("timer-status")).to_have_text("Gepauzeerd")

    # screenshots of the live board; the facilitator lets the group work ahead on the pillars
    await fac.get_by_test_id("hold-toggle").uncheck()
    await expect(ann.get_by_test_id("waiting-pijlers")).to_be_hidden()
    await ann.get_by_test_id("option-pijlers-tijd").click()
    await expect(fac.get_by_test_id("count-pijlers-tijd-leernetwerk")).to_have_text("1")
    await shot(fac, artifacts / "board-facilitator-1280.png")
    await shot(fac, artifacts / "board-facilitator-1280-full.png", full_page=True)
    await shot(ann, artifacts / "board-participant-1280.png")
    await shot(ann, artifacts / "board-participant-1280-full.png", full_page=True)
    await shot(bert, artifacts / "board-phone-360.png")
    await bert.get_by_test_id("section-drijfveren").evaluate("el => el.scrollIntoView({block: 'start'})")
    await bert.screenshot(path=str(artifacts / "board-phone-360-dots.png"))

    # a reload keeps the identity: same dots, same remaining budget
    await ann.reload()
    await expect(ann.get_by_test_id("role-badge")).to_contain_text("Ann")
    await expect(ann.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 2 van 3 stickers")
    await expect(ann.get_by_test_id("remaining-pijlers")).to_have_text("Nog 2 van 3 stickers")
    await expect(ann.get_by_test_id("option-drijfveren-zingeving")).to_have_attribute("aria-pressed", "true")
    await expect(ann.get_by_test_id("count-drijfveren-zingeving-leernetwerk")).to_have_text("1")
    # and does not make a second Ann
    await expect(fac.get_by_test_id("online-leernetwerk").locator("li")).to_have_count(1)


async def test_dot_budget_and_errors_are_explained_in_dutch(server, pages):
    """A fourth dot is refused with a Dutch message, and the remaining-dots count reads zero."""
    created = await api_create(server.http_url)
    page = await pages.open(LAPTOP, name="cor")
    await join(page, server.http_url, created["join_code"], "Cor", "leernetwerk", via_link=True)
    for option in ("zingeving", "autonomie", "impact"):
        await page.get_by_test_id(f"option-drijfveren-{option}").click()
        await expect(page.get_by_test_id(f"option-drijfveren-{option}")).to_have_attribute("aria-pressed", "true")
    await expect(page.get_by_test_id("remaining-drijfveren")).to_have_text("Al je 3 stickers zijn geplakt")
    await page.get_by_test_id("option-drijfveren-kwaliteit").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("Al je stickers in dit onderdeel zijn geplakt")
    await expect(page.get_by_test_id("option-drijfveren-kwaliteit")).to_have_attribute("aria-pressed", "false")


async def test_wrong_code_and_missing_fields_show_dutch_errors(server, pages):
    """A wrong join code gets a clear Dutch message; a missing name or group is asked for."""
    page = await pages.open(PHONE, phone=True, name="guest")
    await page.goto(server.http_url + "/")
    await page.get_by_test_id("join-code-input").fill("XXX XXX")
    await page.get_by_test_id("join-lookup").click()
    await expect(page.get_by_test_id("join-error")).to_have_text(re.compile("Er is geen sessie met deze code"))
    await page.get_by_test_id("join-code-input").fill("AB")
    await page.get_by_test_id("join-lookup").click()
    await expect(page.get_by_test_id("join-error")).to_contain_text("6 tekens")

    created = await api_create(server.http_url, title="Jeugd West")
    await page.get_by_test_id("join-code-input").fill(created["join_code"])
    await page.get_by_test_id("join-lookup").click()
    await expect(page.get_by_test_id("join-title")).to_have_text("Jeugd West")
    await page.get_by_test_id("join-submit").click()
    await expect(page.get_by_test_id("join-error")).to_have_text("Vul een naam in.")
    await page.get_by_test_id("join-name").fill("Dana")
    await page.get_by_test_id("join-submit").click()
    await expect(page.get_by_test_id("join-error")).to_have_text("Kies een groep.")


async def test_projector_shows_code_qr_timer_and_current_step(server, pages, artifacts):
    """The projector view shows the join code big, a QR of the join link, the timer and the current step's section."""
    created = await api_create(server.http_url, title="Leernetwerk Jeugd Oost",
                               texts={"samenspel": {"ambitie": {"ambitie": AMBITIE, "doel1": DOEL1, "doel2": "Samen leren."}}})
    code = created["join_code"]
    ann = await api_join(server.http_url, code, "Ann", "leernetwerk")
    bert = await api_join(server.http_url, code, "Bert", "management")

    proj = await pages.open(PROJECTOR, name="projector")
    await proj.goto(f"{server.http_url}/p/{created['session']}#c={code}")
    await expect(proj.get_by_test_id("join-code")).to_have_text(f"{code[:3]} {code[3:]}")
    qr = proj.get_by_test_id("qr")
    await expect(qr).to_be_visible()
    assert await qr.evaluate("el => el.tagName.toLowerCase()") in ("svg", "canvas", "img")
    assert await qr.get_attribute("data-qr-text") == f"{server.http_url}/j/{code}"
    await expect(proj.get_by_test_id("text-ambitie-ambitie")).to_have_text(AMBITIE)
    await expect(proj.get_by_test_id("projector-count-leernetwerk")).to_have_text("1")

    # the facilitator (a protocol client here) moves to step 2, dots arrive, the timer runs
    fac = await Client(server.ws_url).connect()
    part_a = await Client(server.ws_url).connect()
    part_b = await Client(server.ws_url).connect()
    try:
        assert (await fac.hello(created["session"], token=created["facilitator_secret"]))["type"] == "welcome"
        assert (await part_a.hello(created["session"], token=ann["token"]))["type"] == "welcome"
        assert (await part_b.hello(created["session"], token=bert["token"]))["type"] == "welcome"
        assert (await fac.call({"type": "set_step", "step": "drijfveren"}))["type"] == "ok"
        for option in ("zingeving", "impact", "duurzaamheid"):
            assert (await part_a.call({"type": "place_dot", "board": "samenspel", "section": "drijfveren", "option": option}))["type"] == "ok"
        for option in ("zingeving", "resultaat", "kwaliteit"):
            assert (await part_b.call({"type": "place_dot", "board": "samenspel", "section": "drijfveren", "option": option}))["type"] == "ok"
        assert (await fac.call({"type": "timer", "action": "set", "seconds": 1200}))["type"] == "ok"
        assert (await fac.call({"type": "timer", "action": "start"}))["type"] == "ok"

        await expect(proj.get_by_test_id("section-drijfveren")).to_be_visible()
        await expect(proj.get_by_test_id("section-pijlers")).to_be_hidden()
        await expect(proj.get_by_test_id("current-step")).to_have_text("2 Drijfveren")
        await expect(proj.get_by_test_id("count-drijfveren-zingeving-leernetwerk")).to_have_text("1")
        await expect(proj.get_by_test_id("count-drijfveren-zingeving-management")).to_have_text("1")
        timer = proj.get_by_test_id("timer")
        await expect(timer).to_have_text(re.compile(r"^19:5\d$"))
        await expect(proj.get_by_test_id("option-drijfveren-zingeving")).to_be_visible()
        await shot(proj, artifacts / "projector-1920.png")

        # the projector is read-only: its cards are not buttons
        assert await proj.get_by_test_id("option-drijfveren-impact").evaluate("el => el.tagName") == "DIV"

        # time is up, clearly
        assert (await fac.call({"type": "timer", "action": "set", "seconds": 1}))["type"] == "ok"
        assert (await fac.call({"type": "timer", "action": "start"}))["type"] == "ok"
        await expect(proj.get_by_test_id("timer-status")).to_have_text("Tijd is om!")
        await expect(proj.get_by_test_id("timer")).to_have_text("0:00")
        await expect(proj.get_by_test_id("timer-panel")).to_have_class(re.compile(r"\bexpired\b"))
        await shot(proj, artifacts / "projector-1920-time-up.png")
    finally:
        for c in (fac, part_a, part_b):
            await c.close()


async def test_facilitator_hides_and_reveals_a_dot_section(server, pages):
    """While a section is hidden participants see a notice and no counts; the reveal shows the tally."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    ann = await pages.open(LAPTOP, name="ann")
    await join(ann, server.http_url, created["code"], "Ann", "leernetwerk", via_link=True)

    await expect(fac.get_by_test_id("hide-toggle-pijlers")).to_have_text("Verberg tot onthulling")
    await fac.get_by_test_id("hide-toggle-pijlers").click()
    await expect(fac.get_by_test_id("hide-toggle-pijlers")).to_have_text("Onthul")
    await expect(ann.get_by_test_id("hidden-notice-pijlers")).to_be_visible()

    await ann.get_by_test_id("option-pijlers-tijd").click()
    await expect(ann.get_by_test_id("remaining-pijlers")).to_have_text("Nog 2 van 3 stickers")
    await expect(ann.get_by_test_id("count-pijlers-tijd-leernetwerk")).to_have_text("–")
    await expect(fac.get_by_test_id("count-pijlers-tijd-leernetwerk")).to_have_text("1")  # the facilitator sees it

    await fac.get_by_test_id("hide-toggle-pijlers").click()
    await expect(ann.get_by_test_id("hidden-notice-pijlers")).to_be_hidden()
    await expect(ann.get_by_test_id("count-pijlers-tijd-leernetwerk")).to_have_text("1")


async def test_text_and_action_notes_with_edit_conflict(server, pages, artifacts):
    """The facilitator edits the ambition; an action post-it is added with an owner; a conflicting edit keeps the user's text and can be saved again."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    ann = await pages.open(LAPTOP, name="ann")
    await join(ann, server.http_url, created["code"], "Ann", "leernetwerk")

    # participants cannot edit the ambition; the facilitator can
    await expect(ann.get_by_test_id("edit-ambitie-ambitie")).to_have_count(0)
    await fac.get_by_test_id("edit-ambitie-doel2").click()
    await fac.get_by_test_id("editor-ambitie-doel2").fill("Elke maand een gezamenlijke casusbespreking.")
    await fac.get_by_test_id("save-ambitie-doel2").click()
    await expect(ann.get_by_test_id("text-ambitie-doel2")).to_have_text("Elke maand een gezamenlijke casusbespreking.")

    # insights: only the facilitator adds
    await expect(ann.get_by_test_id("add-note-inzichten-ambitie")).to_have_count(0)
    await fac.get_by_test_id("add-note-inzichten-drijfveren").click()
    await fac.get_by_test_id("lane-inzichten-drijfveren").get_by_test_id("note-text").fill("Zingeving scoort bij beide groepen hoog.")
    await fac.get_by_test_id("lane-inzichten-drijfveren").get_by_test_id("note-save").click()
    await expect(ann.get_by_test_id("lane-inzichten-drijfveren")).to_contain_text("Zingeving scoort bij beide groepen hoog.")

    # Ann adds an action post-it with an owner
    lane = ann.get_by_test_id("lane-actie-leernetwerk-doen")
    await ann.get_by_test_id("add-note-actie-leernetwerk-doen").click()
    await lane.get_by_test_id("note-text").fill("Casusbespreking plannen")
    await lane.get_by_test_id("note-owner").fill("Ann en Joost")
    await lane.get_by_test_id("note-save").click()
    fac_lane = fac.get_by_test_id("lane-actie-leernetwerk-doen")
    await expect(fac_lane).to_contain_text("Casusbespreking plannen")
    await expect(fac_lane).to_contain_text("Wie: Ann en Joost")

    # both open the note; the facilitator saves first; Ann's save conflicts
    await lane.get_by_test_id("note-edit").click()
    await fac_lane.get_by_test_id("note-edit").click()
    await fac_lane.get_by_test_id("note-text").fill("Casusbespreking plannen in april")
    await fac_lane.get_by_test_id("note-save").click()
    await expect(fac_lane.locator(".note-text")).to_have_text("Casusbespreking plannen in april")

    await lane.get_by_test_id("note-text").fill("Casusbespreking elke maand")
    await lane.get_by_test_id("note-save").click()
    conflict = lane.get_by_test_id("edit-conflict")
    await expect(conflict).to_contain_text("Iemand anders heeft deze notitie intussen gewijzigd")
    await expect(lane.get_by_test_id("conflict-other")).to_have_text("Casusbespreking plannen in april")
    await expect(lane.get_by_test_id("note-text")).to_have_value("Casusbespreking elke maand")
    await ann.get_by_test_id("section-actie").screenshot(path=str(artifacts / "note-conflict-1280.png"))
    await lane.get_by_test_id("note-save").click()  # on top of the new version
    await expect(fac_lane.locator(".note-text")).to_have_text("Casusbespreking elke maand")
    await expect(lane.get_by_test_id("note-text")).to_have_count(0)


@pytest.mark.own_server
async def test_reconnects_after_server_restart(server, pages):
    """When the server goes away a 'Opnieuw verbinden…' banner shows; after it is back the board resumes by itself."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    ann = await pages.open(PHONE, phone=True, name="ann")
    await join(ann, server.http_url, created["code"], "Ann", "leernetwerk")
    await ann.get_by_test_id("option-drijfveren-saamhorigheid").click()
    await expect(fac.get_by_test_id("count-drijfveren-saamhorigheid-leernetwerk")).to_have_text("1")
    await expect(ann.get_by_test_id("reconnect-banner")).to_be_hidden()
    sockets = []
    ann.on("websocket", lambda ws: sockets.append(ws.url))

    server.stop()
    await expect(ann.get_by_test_id("reconnect-banner")).to_be_visible()
    await expect(ann.get_by_test_id("reconnect-banner")).to_have_text("Opnieuw verbinden…")
    await expect(fac.get_by_test_id("reconnect-banner")).to_be_visible()
    server.start()
    await expect(ann.get_by_test_id("reconnect-banner")).to_be_hidden(timeout=30_000)
    await expect(fac.get_by_test_id("reconnect-banner")).to_be_hidden(timeout=30_000)
    # the board's own sockets (not the document's) name the session too, for a proxy that routes by it
    assert sockets and all(url.endswith(f"/ws?s={created['session']}") for url in sockets), sockets

    # still live, still the same people
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("1")
    await expect(ann.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 1 van 3 stickers")


async def test_language_switch_is_remembered(server, pages):
    """The NL/EN switch translates the interface and the template labels, and survives a reload."""
    created = await api_create(server.http_url)
    page = await pages.open(LAPTOP, name="eve")
    await join(page, server.http_url, created["join_code"], "Eve", "management", via_link=True)
    await expect(page.get_by_test_id("section-drijfveren").locator(".sec-title")).to_have_text("Drijfveren")
    await page.get_by_test_id("lang-en").click()
    await expect(page.get_by_test_id("section-drijfveren").locator(".sec-title")).to_have_text("Motivators")
    await expect(page.get_by_test_id("remaining-drijfveren")).to_have_text("3 of 3 dots left")
    await page.reload()
    await expect(page.get_by_test_id("option-drijfveren-zingeving")).to_contain_text("Meaning")
    await page.get_by_test_id("lang-nl").click()
    await expect(page.get_by_test_id("option-drijfveren-zingeving")).to_contain_text("Zingeving")


async def test_facilitator_is_warned_above_recommended_group_size(server, pages):
    """With more than 8 participants the facilitator sees a warning; participants do not."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    await expect(fac.get_by_test_id("too-many-warning")).to_be_hidden()
    for i in range(9):
        await api_join(server.http_url, created["code"], f"Deelnemer {i + 1}", "leernetwerk" if i % 2 else "management")
    await expect(fac.get_by_test_id("too-many-warning")).to_be_visible()
    await expect(fac.get_by_test_id("too-many-warning")).to_contain_text("9 deelnemers")
    await expect(fac.get_by_test_id("too-many-warning")).to_contain_text("maximaal 8")


async def test_author_removes_own_note_in_two_steps(server, pages):
    """A participant removes their own action note with a two-step confirm; others see it disappear."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    ann = await pages.open(PHONE, phone=True, name="ann")
    await join(ann, server.http_url, created["code"], "Ann", "management")
    lane = ann.get_by_test_id("lane-actie-management-nodig")
    await ann.get_by_test_id("add-note-actie-management-nodig").click()
    await lane.get_by_test_id("note-text").fill("Budget voor scholing")
    await lane.get_by_test_id("note-save").click()
    await expect(fac.get_by_test_id("lane-actie-management-nodig")).to_contain_text("Budget voor scholing")
    remove = lane.get_by_test_id("note-remove")
    await remove.click()
    await expect(remove).to_have_text("Zeker weten?")
    await remove.click()
    await expect(fac.get_by_test_id("lane-actie-management-nodig")).not_to_contain_text("Budget voor scholing")
    await expect(lane.locator(".note")).to_have_count(0)


@pytest.mark.own_server
async def test_too_many_wrong_codes_are_explained(server, pages):
    """After many wrong codes the join form says, in Dutch, to wait a minute (rate_limited)."""
    import httpx

    async with httpx.AsyncClient(base_url=server.http_url) as client:
        for _ in range(25):
            response = await client.get("/api/codes/XXXXXX")
            if response.status_code == 429:
                break
        assert response.status_code == 429
    page = await pages.open(LAPTOP, name="guest")
    await page.goto(server.http_url + "/j/ACDEFG")
    await expect(page.get_by_test_id("join-error")).to_contain_text("Te veel pogingen")


async def test_board_link_without_identity_offers_the_join_form(server, pages):
    """Opening a board link in a browser that never joined shows why, and the join form; joining lands on the board."""
    created = await api_create(server.http_url, title="Jeugd Noord")
    page = await pages.open(PHONE, phone=True, name="newcomer")
    await page.goto(f"{server.http_url}/b/{created['session']}")
    await expect(page.get_by_test_id("not-joined")).to_be_visible()
    await page.get_by_test_id("join-code-input").fill(created["join_code"])
    await page.get_by_test_id("join-lookup").click()
    await expect(page.get_by_test_id("join-title")).to_have_text("Jeugd Noord")
    await page.get_by_test_id("join-name").fill("Fien")
    await page.get_by_test_id("join-group-leernetwerk").check()
    await page.get_by_test_id("join-submit").click()
    await expect(page.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 3 van 3 stickers")
    # coming back through the join link recognises the person
    await page.goto(f"{server.http_url}/j/{created['join_code']}")
    await expect(page.get_by_test_id("join-continue")).to_be_visible()
    await expect(page.get_by_text("al mee als Fien")).to_be_visible()


# --- issue 8: nothing pinned covers content without reason ----------------------------------------

SCROLL_AT_REST = """() => {
    if (window.__lastScroll === undefined) {
        window.__lastScroll = performance.now();
        addEventListener('scroll', () => { window.__lastScroll = performance.now(); }, { passive: true });
    }
    return performance.now() - window.__lastScroll > 300;
}"""

TITLE_CLEAR_OF_TIMER = """(testid) => {
    // the facilitator's time is in the bar of the top bar (fac-bar.js), their timer card stays in place
    const pinned = document.querySelector('[data-testid=fac-bar]') ? '.topbar' : '[data-testid=timer-panel]';
    const timer = document.querySelector(pinned).getBoundingClientRect();
    const title = document.querySelector(`[data-testid=${testid}] .sec-title`).getBoundingClientRect();
    const beside = title.left >= timer.right - 1 || title.right <= timer.left + 1;
    return { clear: beside || title.top >= timer.bottom - 1 || title.bottom <= timer.top + 1, top: title.top, timer: [timer.top, timer.bottom] };
}"""


async def at_rest(page) -> None:
    """Wait until the page has not scrolled for a while (a smooth scroll to a step is over)."""
    await page.evaluate("() => { window.__lastScroll = undefined; }")
    await page.wait_for_function(SCROLL_AT_REST, polling=50)


async def position_of(locator) -> str:
    return await locator.evaluate("el => getComputedStyle(el).position")


async def test_the_timer_is_pinned_only_while_the_time_counts_and_never_over_the_step_scrolled_to(server, pages, artifacts):
    """Regression (issue 8): before a step started, the phone's timer card ("Nog niet begonnen /
    Timer nog niet gestart") was pinned under the top bar and covered what scrolled under it (on a
    laptop it covered the side panels); the facilitator's card, with its buttons, covered the title
    of the step scrolled to. Now the card is pinned only while the time counts (running, paused
    with time left, up), and then a section scrolled to lands below it."""
    created = await api_create(server.http_url, title="Jeugd Oost")
    fac = await Client(server.ws_url).connect()
    await fac.hello(created["session"], token=created["facilitator_secret"])
    phone = await pages.open(PHONE, phone=True, name="phone")
    await join(phone, server.http_url, created["join_code"], "Noor", "management", via_link=True)
    fac_phone = await pages.open(PHONE, phone=True, name="facilitator-phone")
    await fac_phone.goto(f"{server.http_url}/b/{created['session']}#f={created['facilitator_secret']}")
    laptop = await pages.open({"width": 1280, "height": 800}, name="facilitator-laptop")
    await laptop.goto(f"{server.http_url}/b/{created['session']}#f={created['facilitator_secret']}")
    screens = {"phone": phone, "facilitator-phone": fac_phone, "laptop": laptop}

    # no timer yet: the card stays in its place; scrolled down, it covers nothing
    for name, page in screens.items():
        timer = page.get_by_test_id("timer-panel")
        await expect(timer).to_have_attribute("data-phase", "unset")
        await page.get_by_test_id("section-pijlers").evaluate("el => el.scrollIntoView({block: 'start'})")
        await at_rest(page)
        assert await position_of(timer) not in ("sticky", "fixed"), name
        seen = await page.evaluate(TITLE_CLEAR_OF_TIMER, "section-pijlers")
        assert seen["clear"], (name, seen)
        if name == "laptop":  # nor the side panels under it
            people = await page.locator(".panel-people").bounding_box()
            box = await timer.bounding_box()
            assert box["y"] + box["height"] <= people["y"] + 1, (box, people)
        await page.screenshot(path=str(artifacts / f"timer-idle-{name}.png"))

    # a step with its time set but not started: still in its place
    await fac.call({"type": "set_step", "step": "drijfveren"})
    await expect(phone.get_by_test_id("timer-panel")).to_have_attribute("data-phase", "ready")
    await at_rest(phone)  # the phone followed the step
    assert await position_of(phone.get_by_test_id("timer-panel")) not in ("sticky", "fixed")
    assert (await phone.evaluate(TITLE_CLEAR_OF_TIMER, "section-drijfveren"))["clear"]

    # started: pinned on a participant's screen (the facilitator's time is in the bar of the sticky top
    # bar, their card stays in place); the phone at the step makes room for it instead of covering the title
    await fac.call({"type": "timer", "action": "start"})
    for name, page in screens.items():
        timer = page.get_by_test_id("timer-panel")
        await expect(timer).to_have_attribute("data-phase", "running")
        if name == "phone":
            await expect(timer).to_have_class(re.compile(r"\bpinned\b"))
            assert await position_of(timer) == "sticky", name
        else:
            await expect(page.get_by_test_id("bar-time")).to_be_visible()
            assert await position_of(timer) not in ("sticky", "fixed"), name
    await at_rest(phone)
    seen = await phone.evaluate(TITLE_CLEAR_OF_TIMER, "section-drijfveren")
    assert seen["clear"] and seen["top"] < PHONE["height"] / 2, seen
    # and a jump to the step lands below the pinned card (the facilitator's: below the bar)
    for name in ("phone", "facilitator-phone"):
        page = screens[name]
        await page.evaluate("window.scrollTo(0, 0)")
        await page.get_by_test_id("current-step").click()
        await at_rest(page)
        seen = await page.evaluate(TITLE_CLEAR_OF_TIMER, "section-drijfveren")
        assert seen["clear"] and seen["top"] < PHONE["height"] / 2, (name, seen)
        pinned = page.get_by_test_id("timer-panel" if name == "phone" else "fac-bar")
        box = await pinned.bounding_box()
        assert box["y"] > 40, (name, box)  # pinned under the top bar, not scrolled away
        await page.screenshot(path=str(artifacts / f"timer-running-{name}.png"))

    # paused with time left: still pinned; reset: back in its place
    await fac.call({"type": "timer", "action": "pause"})
    await expect(phone.get_by_test_id("timer-panel")).to_have_attribute("data-phase", "paused")
    await expect(phone.get_by_test_id("timer-panel")).to_have_class(re.compile(r"\bpinned\b"))
    await fac.call({"type": "timer", "action": "reset"})
    for name, page in screens.items():
        await expect(page.get_by_test_id("timer-panel")).not_to_have_class(re.compile(r"\bpinned\b"))
        assert await position_of(page.get_by_test_id("timer-panel")) not in ("sticky", "fixed"), name

    # time up: pinned below the banner (which covers the top bar), and the phone at the step makes
    # room for both rather than covering the step's title
    await phone.get_by_test_id("section-drijfveren").evaluate("el => el.scrollIntoView({block: 'start'})")
    await at_rest(phone)
    await fac.call({"type": "timer", "action": "start", "seconds": 1})
    await expect(phone.get_by_test_id("timer-panel")).to_have_attribute("data-phase", "up")
    await expect(phone.get_by_test_id("timeup-banner")).to_be_visible()
    await expect(phone.get_by_test_id("timer-panel")).to_have_class(re.compile(r"\bpinned\b"))
    await phone.wait_for_function(
        """() => {
            const banner = document.querySelector('[data-testid=timeup-banner]').getBoundingClientRect();
            const timer = document.querySelector('[data-testid=timer-panel]').getBoundingClientRect();
            const title = document.querySelector('[data-testid=section-drijfveren] .sec-title').getBoundingClientRect();
            return timer.top >= banner.bottom - 1 && title.top >= timer.bottom - 1 && title.top < innerHeight / 2;
        }""")
    await at_rest(phone)
    seen = await phone.evaluate(TITLE_CLEAR_OF_TIMER, "section-drijfveren")
    assert seen["clear"], seen
    await phone.screenshot(path=str(artifacts / "timer-up-phone.png"))
    await fac.close()
