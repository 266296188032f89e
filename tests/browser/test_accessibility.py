"""Accessibility: axe-core on every screen (0 critical, 0 serious), a heading on every page, groups
told apart by more than colour, a visible focus ring, and a short keyboard path onto the board.

axe-core is vendored (tests/browser/vendor/axe.min.js, see client/vendor/README.md).
"""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, expect

from tests.browser.axe import report, violations
from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, create_session, join, open_facilitator_board, shot
from tests.browser.test_stakeholders import add_stakeholder, join_map, open_editor, open_facilitator, stakeholder_session
from tests.support.client import Client

DESKTOP = {"width": 1280, "height": 800}


async def assert_accessible(page: Page, screen: str) -> None:
    found = await violations(page)
    assert not found, f"axe on {screen}:\n{report(found)}"


async def h1_text(page: Page) -> str:
    return await page.locator("h1").first.text_content()


async def test_every_screen_has_no_critical_or_serious_axe_violations(server, pages, artifacts):
    """Start, join, the participant's and the facilitator's board (with both groups' dots and time up),
    the projector and the summary: axe finds nothing critical or serious."""
    fac = await pages.open(DESKTOP, name="facilitator")
    await fac.goto(server.http_url + "/")
    await assert_accessible(fac, "start page")
    created = await create_session(fac, server.http_url)
    await assert_accessible(fac, "session created")
    await open_facilitator_board(fac)

    phone = await pages.open(PHONE, phone=True, name="phone")
    await phone.goto(server.http_url + "/")
    await assert_accessible(phone, "start page on a phone")
    await phone.goto(f"{server.http_url}/j/{created['code']}")
    await expect(phone.get_by_test_id("join-name")).to_be_visible()
    await assert_accessible(phone, "join page")
    await join(phone, server.http_url, created["code"], "Ann", "leernetwerk", via_link=True)
    bert = await pages.open(LAPTOP, name="bert")
    await join(bert, server.http_url, created["code"], "Bert", "management")
    await phone.get_by_test_id("option-drijfveren-zingeving").click()
    await bert.get_by_test_id("option-drijfveren-zingeving").click()
    for page in (phone, fac):
        await expect(page.get_by_test_id("count-drijfveren-zingeving-management")).to_have_text("1")
    await assert_accessible(phone, "participant board (phone)")
    await assert_accessible(bert, "participant board (laptop)")
    await assert_accessible(fac, "facilitator board")

    projector = await pages.open(PROJECTOR, name="projector")
    await projector.goto(f"{server.http_url}/p/{created['session']}#c={created['code']}")
    await expect(projector.get_by_test_id("count-drijfveren-zingeving-leernetwerk")).to_have_text("1")
    await assert_accessible(projector, "projector")

    # Time up: the red state, with its labels, on the facilitator's screen and the projector.
    api = await Client(server.ws_url).connect()
    facilitator_secret = re.search(r"#f=(.+)$", created["facilitator_url"]).group(1)
    await api.hello(created["session"], token=facilitator_secret)
    assert (await api.call({"type": "timer", "action": "set", "seconds": 1}))["type"] == "ok"
    assert (await api.call({"type": "timer", "action": "start"}))["type"] == "ok"
    await expect(fac.locator("body.time-up")).to_have_count(1)
    await assert_accessible(fac, "time up, facilitator")
    await expect(projector.locator(".panel-timer.expired")).to_have_count(1)
    await assert_accessible(projector, "time up, projector")
    await api.close()
    await shot(fac, artifacts / "a11y-facilitator-1280.png")
    await shot(phone, artifacts / "a11y-participant-360.png")
    # The summary the facilitator opens from the board.
    await fac.goto(f"{server.http_url}/s/{created['session']}")
    await expect(fac.locator("h1")).to_have_count(1)
    await assert_accessible(fac, "summary")
    await expect(fac.get_by_test_id("sum-chart-drijfveren")).to_be_visible()
    skipped = [v for v in await violations(fac, impacts=("moderate",)) if v["id"] == "heading-order"]
    assert not skipped, f"axe on the summary:\n{report(skipped)}"


async def test_the_timer_in_every_state_has_no_critical_or_serious_axe_violations(server, pages, artifacts):
    """Idle, running ("Loopt", it was green at 3.44:1), paused and time up: axe finds nothing critical
    or serious on the facilitator's board, a participant's phone and the projector."""
    fac = await pages.open(DESKTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    phone = await pages.open(PHONE, phone=True, name="ann")
    await join(phone, server.http_url, created["code"], "Ann", "leernetwerk")
    projector = await pages.open(PROJECTOR, name="projector")
    await projector.goto(f"{server.http_url}/p/{created['session']}#c={created['code']}")
    screens = {"facilitator": fac, "participant (phone)": phone, "projector": projector}
    api = await Client(server.ws_url).connect()
    await api.hello(created["session"], token=re.search(r"#f=(.+)$", created["facilitator_url"]).group(1))
    commands = {
        "unset": [],
        "running": [{"type": "timer", "action": "start", "seconds": 600}],
        "paused": [{"type": "timer", "action": "pause"}],
        "up": [{"type": "timer", "action": "start", "seconds": 1}],
    }
    for phase, frames in commands.items():
        for frame in frames:
            assert (await api.call(frame))["type"] == "ok"
        for name, page in screens.items():
            await expect(page.locator(f"[data-testid=timer-panel][data-phase={phase}]")).to_have_count(1, timeout=10_000)
            await assert_accessible(page, f"timer {phase}, {name}")
        await shot(fac, artifacts / f"a11y-timer-{phase}-facilitator-1280.png")
    await api.close()


async def test_the_stakeholder_map_and_its_editor_have_no_critical_or_serious_axe_violations(server, pages, artifacts):
    """The map with a post-it carrying a knowledge badge, the open editor, and the
    facilitator's map: nothing critical or serious (post-its are named by their visible text)."""
    created = await stakeholder_session(server)
    ann = await pages.open(DESKTOP, name="ann")
    await join_map(ann, server.http_url, created["join_code"], "Ann")
    sid = await add_stakeholder(ann, "Onderzoekers", "Hogeschool Utrecht, lectoraat Jeugd")
    await open_editor(ann, sid)
    await ann.get_by_test_id("sh-knowledge-wetenschappelijk").check()
    await assert_accessible(ann, "stakeholder editor")
    await ann.get_by_test_id("sh-close").click()
    await expect(ann.get_by_test_id("stakeholder-editor")).to_have_count(0)
    await assert_accessible(ann, "stakeholder map")
    post_it = ann.get_by_test_id(f"stakeholder-{sid}")
    await expect(post_it).to_have_accessible_name(re.compile(r"^Onderzoekers\s*Hogeschool Utrecht, lectoraat Jeugd"))
    phone = await pages.open(PHONE, phone=True, name="bob")
    await join_map(phone, server.http_url, created["join_code"], "Bob")
    await assert_accessible(phone, "stakeholder map on a phone")
    fac = await pages.open(DESKTOP, name="facilitator")
    await open_facilitator(fac, server.http_url, created)
    await assert_accessible(fac, "stakeholder map, facilitator")
    await expect(fac.get_by_test_id("lock-toggle-map")).to_have_text(re.compile(r"\S"))
    await shot(ann, artifacts / "a11y-stakeholders-1280.png")
    await shot(phone, artifacts / "a11y-stakeholders-360.png")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "laptop"])
async def test_start_join_and_board_pages_have_an_h1(server, pages, viewport, artifacts):
    """Screen-reader users navigate by headings: each page has an h1, also on a phone (where the
    board's title is not shown)."""
    page = await pages.open(viewport, phone=viewport is PHONE, name="visitor")
    await page.goto(server.http_url + "/")
    assert await h1_text(page) == "Samenspel"
    await shot(page, artifacts / f"a11y-start-{viewport['width']}.png")
    fac = await pages.open(DESKTOP, name="facilitator")
    created = await create_session(fac, server.http_url, title="Leernetwerk Jeugd Oost")
    await page.goto(f"{server.http_url}/j/{created['code']}")
    await expect(page.locator("h1")).to_have_text("Meedoen")
    await shot(page, artifacts / f"a11y-join-{viewport['width']}.png")
    await join(page, server.http_url, created["code"], "Ann", "leernetwerk", via_link=True)
    await expect(page.locator("h1")).to_have_count(1)
    assert await h1_text(page) == "Leernetwerk Jeugd Oost"


async def test_the_two_groups_differ_by_letter_and_shape_not_colour_alone(server, pages, artifacts):
    """In greyscale the groups stay apart: Leernetwerk's count says L and its dots are round,
    Management's says M and its dots are diamonds."""
    fac = await pages.open(DESKTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    for name, group in (("Ann", "leernetwerk"), ("Bert", "management")):
        page = await pages.open(LAPTOP, name=name)
        await join(page, server.http_url, created["code"], name, group)
        await page.get_by_test_id("option-drijfveren-impact").click()
    card = fac.get_by_test_id("option-drijfveren-impact")
    await expect(fac.get_by_test_id("count-drijfveren-impact-management")).to_have_text("1")
    marks = await card.evaluate("""card => [...card.querySelectorAll('.count-n')].map(
        n => getComputedStyle(n, '::before').content)""")
    assert marks == ['"L\u2009"', '"M\u2009"']
    shapes = await card.evaluate("""card => [...card.querySelectorAll('.count-row')].map(row => {
        const dot = row.querySelector('.dot'); const s = getComputedStyle(dot);
        return [s.borderRadius, s.transform !== 'none'];
    })""")
    assert shapes[0] == ["50%", False] and shapes[1][1] is True and shapes[1][0] != "50%"
    # (a style set through the DOM: the page's CSP allows no inline <style>)
    await fac.evaluate("document.documentElement.style.filter = 'grayscale(1)'")
    await card.screenshot(path=str(artifacts / "a11y-groups-greyscale.png"))


async def test_the_keyboard_focus_ring_is_clearly_visible(server, pages, artifacts):
    """A focused card and button get a solid ring of at least 3 px in a colour with 3:1 contrast
    against white (it was a faint grey glow)."""
    fac = await pages.open(DESKTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    page = await pages.open(LAPTOP, name="ann")
    await join(page, server.http_url, created["code"], "Ann", "leernetwerk")
    card = page.get_by_test_id("option-drijfveren-zingeving")
    await card.focus()
    await page.keyboard.press("Shift+Tab")
    await page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    ring = await card.evaluate("el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }")
    assert ring[0] == "solid" and float(ring[1].rstrip("px")) >= 3
    assert ring[2] == "rgb(29, 78, 216)"  # #1d4ed8: 6.7:1 on white
    box = await card.bounding_box()  # the ring is outside the card: take a margin around it
    await page.screenshot(path=str(artifacts / "a11y-focus-ring.png"), clip={
        "x": box["x"] - 10, "y": box["y"] - 10, "width": box["width"] + 20, "height": box["height"] + 20})


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "laptop"])
async def test_from_the_join_page_the_keyboard_is_on_the_first_card_within_5_tabs(server, pages, viewport):
    """Name typed, group chosen with the keyboard, Enter: on the board, at most 5 Tabs in all (from the
    join page) put the focus on the first card of the current step, and Space places a dot."""
    fac = await pages.open(DESKTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    await fac.get_by_test_id("step-drijfveren").click()
    page = await pages.open(viewport, phone=viewport is PHONE, name="ann")
    await page.goto(f"{server.http_url}/j/{created['code']}")
    name = page.get_by_test_id("join-name")
    await expect(name).to_be_focused()
    await page.keyboard.type("Ann")
    tabs = 0

    async def tab() -> None:
        nonlocal tabs
        tabs += 1
        await page.keyboard.press("Tab")

    await tab()
    await expect(page.get_by_test_id("join-group-leernetwerk")).to_be_focused()
    await page.keyboard.press("Space")
    await tab()
    await expect(page.get_by_test_id("join-submit")).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann")
    first_card = page.get_by_test_id("option-drijfveren-zingeving")
    await expect(first_card).to_be_visible()
    while tabs < 5 and not await first_card.evaluate("el => el === document.activeElement"):
        await tab()
    await expect(first_card).to_be_focused()
    assert tabs <= 5
    await page.keyboard.press("Space")
    await expect(first_card).to_have_attribute("aria-pressed", "true")
    print(f"{viewport['width']} px: on the first card after {tabs} Tabs")
