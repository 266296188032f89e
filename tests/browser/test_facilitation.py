"""The facilitator runs the session: steps, timer, reveal, people in the room, differ, close."""

from __future__ import annotations

import re

from playwright.async_api import expect

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, create_session, join, open_facilitator_board, shot
from tests.support.client import Client


async def facilitator_with(pages, server, *people: tuple[str, str, bool], on_paper: bool = True):
    """The facilitator's page on a new session and a page per (name, group, on a phone) joined."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url, on_paper=on_paper)
    await open_facilitator_board(fac)
    joined = []
    for name, group, phone in people:
        page = await pages.open(PHONE if phone else LAPTOP, phone=phone, name=name.lower())
        await join(page, server.http_url, created["code"], name, group)
        joined.append(page)
    return fac, created, joined


async def test_facilitator_counts_stay_true_while_a_section_is_hidden(server, pages):
    """Regression: A places a dot, the facilitator hides the section, B places a dot — the
    facilitator's screen shows both dots (it showed only B's), as a fresh load does."""
    fac, created, (ann, bea) = await facilitator_with(
        pages, server, ("Ann", "leernetwerk", False), ("Bea", "leernetwerk", False))
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("1")
    await fac.get_by_test_id("hide-toggle-drijfveren").click()
    await expect(ann.get_by_test_id("hidden-notice-drijfveren")).to_be_visible()
    await bea.get_by_test_id("option-drijfveren-impact").click()
    await expect(bea.get_by_test_id("option-drijfveren-impact")).to_have_attribute("aria-pressed", "true")
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("2")
    await fac.reload()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("2")


async def in_view(page, testid: str) -> None:
    """Wait until the element's top is on screen (the page scrolled to it)."""
    await page.wait_for_function(
        """(id) => { const el = document.querySelector(`[data-testid="${id}"]`);
                    if (!el) return false; const r = el.getBoundingClientRect();
                    return r.top >= 0 && r.top < innerHeight * 0.6; }""", arg=testid)


async def test_a_short_samenspel_session_runs_along_its_steps(server, pages, artifacts):
    """A facilitator runs a shortened session with three participants (one on a phone) and a
    projector: steps drive the board and the phone, time-up locks and signals everywhere, the
    reveal, dots for two people in the room, the differ view, the check-out and the close."""
    fac, created, (ann, bea, max_) = await facilitator_with(
        pages, server, ("Ann", "leernetwerk", False), ("Bea", "leernetwerk", False), ("Max", "management", True),
        on_paper=False)
    proj = await pages.open(PROJECTOR, name="projector")
    await proj.goto(f"{server.http_url}/p/{created['session']}#c={created['code']}")
    await expect(proj.get_by_test_id("timer-panel")).to_be_visible()
    # a co-facilitator's tab (same secret) keeps the clocks short: a few seconds per step
    cofac = await Client(server.ws_url).connect()
    await cofac.hello(created["session"], token=created["facilitator_url"].split("#f=")[1])

    # step 2: the Drijfveren are on, the pillars wait; the phone goes to the Drijfveren
    await fac.get_by_test_id("step-drijfveren").click()
    for page in (ann, max_, proj):
        await expect(page.get_by_test_id("current-step")).to_contain_text("Drijfveren")
    await expect(fac.get_by_test_id("timer")).to_have_text("20:00")
    await in_view(max_, "section-drijfveren")
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await expect(ann.get_by_test_id("option-drijfveren-impact")).to_have_attribute("aria-pressed", "true")
    await expect(ann.get_by_test_id("waiting-pijlers")).to_be_visible()
    await ann.get_by_test_id("option-pijlers-tijd").click()
    await expect(ann.get_by_test_id("toast")).to_contain_text("stap waar de groep nu is")
    await expect(ann.get_by_test_id("option-pijlers-tijd")).to_have_attribute("aria-pressed", "false")

    # hidden until the reveal; everyone sees how many still vote, the facilitator who
    await fac.get_by_test_id("hide-toggle-drijfveren").click()
    await expect(bea.get_by_test_id("hidden-notice-drijfveren")).to_be_visible()
    for option in ("impact", "zingeving", "autonomie"):
        await bea.get_by_test_id(f"option-drijfveren-{option}").click()
        await expect(bea.get_by_test_id(f"option-drijfveren-{option}")).to_have_attribute("aria-pressed", "true")
    await expect(ann.get_by_test_id("progress-drijfveren")).to_have_text("Nog 2 van 3 met stickers te plakken")
    await expect(fac.get_by_test_id("finished-drijfveren")).to_contain_text("Klaar: Bea")
    await expect(ann.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("–")
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("2")

    # two people in the room without a device; the facilitator places their dots
    await fac.get_by_test_id("room-form").locator("summary").click()
    await fac.get_by_test_id("proxy-name").fill("Els")
    await fac.get_by_test_id("proxy-add-management").click()
    await fac.get_by_test_id("proxy-add-leernetwerk").click()  # no name: "Gast 1"
    for page in (ann, fac):
        await expect(page.get_by_test_id("online-management")).to_contain_text("Els")
        await expect(page.get_by_test_id("online-leernetwerk")).to_contain_text("Gast 1")
    await expect(fac.get_by_test_id("online-management")).to_contain_text("in de zaal")
    await expect(ann.get_by_test_id("online-management")).not_to_contain_text("in de zaal")
    picker = fac.get_by_test_id("proxy-picker-drijfveren")
    await picker.get_by_text("Els").click()
    for option in ("impact", "resultaat", "kwaliteit"):
        await fac.get_by_test_id(f"option-drijfveren-{option}").click()
        await expect(fac.get_by_test_id(f"option-drijfveren-{option}")).to_have_attribute("aria-pressed", "true")
    await picker.get_by_text("Gast 1").click()
    await fac.get_by_test_id("option-drijfveren-impact").click()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("3")
    await expect(fac.get_by_test_id("count-drijfveren-impact-management")).to_have_text("1")

    # time-up: the banner on every screen, the section locks and reveals
    await cofac.call({"type": "timer", "action": "start", "seconds": 2})
    for page in (fac, ann, max_, proj):
        await expect(page.get_by_test_id("timeup-banner")).to_be_visible(timeout=8_000)
    await expect(ann.get_by_test_id("section-drijfveren-locked")).to_be_visible()
    await expect(ann.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("3")
    await expect(ann.get_by_test_id("count-drijfveren-impact-management")).to_have_text("1")
    await expect(max_.get_by_test_id("waiting-drijfveren")).to_contain_text("gesloten")
    await shot(proj, artifacts / "facilitation-timeup-projector-1920.png")
    await max_.screenshot(path=str(artifacts / "facilitation-timeup-phone-360.png"))
    await ann.get_by_test_id("option-drijfveren-saamhorigheid").click()
    await expect(ann.get_by_test_id("option-drijfveren-saamhorigheid")).to_have_attribute("aria-pressed", "false")

    # where the groups agree and differ
    await fac.get_by_test_id("differ-toggle-drijfveren").click()
    differ = fac.get_by_test_id("differ-drijfveren")
    await expect(differ).to_be_visible()
    # impact is 60 % of the Leernetwerk's dots and 33 % of Management's: 27 points apart, no common
    # ground (decision 54); resultaat and kwaliteit (0 % / 33 %) are the widest apart
    await expect(differ.get_by_test_id("differ-drijfveren-resultaat")).to_have_attribute("data-mark", "differ")
    await expect(differ.get_by_test_id("differ-drijfveren-kwaliteit")).to_have_attribute("data-mark", "differ")
    await expect(differ.get_by_test_id("differ-drijfveren-impact")).not_to_have_attribute("data-mark", "agree")
    await differ.screenshot(path=str(artifacts / "facilitation-differ-1280.png"))

    # the next step clears the time-up and brings its own clock; the phone follows
    await fac.get_by_test_id("step-pijlers").click()
    for page in (fac, ann, max_, proj):
        await expect(page.get_by_test_id("timeup-banner")).to_be_hidden()
    await expect(fac.get_by_test_id("timer")).to_have_text("20:00")
    await in_view(max_, "section-pijlers")

    # the close: the check-out, then the session is closed for everyone
    await fac.get_by_test_id("step-afsluiting").click()
    await expect(ann.get_by_test_id("checkout")).to_be_visible()
    await ann.get_by_test_id("checkout-rating-4").click()
    await ann.get_by_test_id("checkout-text").fill("Eindelijk zagen we waar we verschillen.")
    await ann.get_by_test_id("checkout-submit").click()
    await expect(ann.get_by_test_id("checkout-done")).to_be_visible()
    await expect(fac.get_by_test_id("checkout-answers")).to_contain_text("Eindelijk zagen we waar we verschillen.")
    await expect(fac.get_by_test_id("checkout-summary")).to_contain_text("Gemiddeld 4,0 van 5")
    await fac.get_by_test_id("runsheet").locator("summary.panel-title").click()
    await expect(fac.get_by_test_id("used-drijfveren")).not_to_have_text("–")
    await expect(fac.get_by_test_id("runsheet-verdict")).to_have_text(re.compile("schema|min"))
    await shot(fac, artifacts / "facilitation-console-1280.png", full_page=True)
    await fac.get_by_test_id("close-session").click()
    await fac.get_by_test_id("close-session-confirm").click()
    for page in (ann, max_, fac):
        await expect(page.get_by_test_id("closed-banner")).to_be_visible()
    newcomer = await pages.open(LAPTOP, name="newcomer")
    await newcomer.goto(f"{server.http_url}/j/{created['code']}")
    await expect(newcomer.get_by_test_id("join-error")).to_contain_text("afgesloten")
    await cofac.close()


async def test_a_closed_session_says_so_and_offers_nothing_that_would_be_refused(server, pages, artifacts):
    """After "Sessie afsluiten…" the participant's laptop, a phone and the facilitator's board say the
    session is closed and show no add/edit/delete/vote control (an open editor goes), no invite
    panel or QR code and no "Nu aan de beurt" (before: all of it stayed and failed only on save)."""
    fac, created, (ann, max_) = await facilitator_with(
        pages, server, ("Ann", "leernetwerk", False), ("Max", "management", True), on_paper=False)
    await fac.get_by_test_id("step-actie").click()
    await ann.get_by_test_id("add-note-actie-leernetwerk-doen").click()
    await ann.get_by_test_id("note-text").fill("Casuïstiekoverleg organiseren")
    await ann.get_by_test_id("note-save").click()
    await expect(fac.get_by_test_id("section-actie")).to_contain_text("Casuïstiekoverleg organiseren")
    await ann.get_by_test_id("note-edit").click()  # still editing when the session closes
    await expect(ann.get_by_test_id("note-text")).to_be_visible()
    await expect(fac.get_by_test_id("share-qr")).to_be_visible()
    await fac.get_by_test_id("close-session").click()
    await fac.get_by_test_id("close-session-confirm").click()
    for page in (ann, max_, fac):
        await expect(page.get_by_test_id("closed-banner")).to_contain_text("afgesloten")
        await expect(page.get_by_test_id("section-actie")).to_contain_text("Casuïstiekoverleg organiseren")
        for control in ("[data-testid^=add-note-]", "[data-testid=note-edit]", "[data-testid=note-remove]",
                        "[data-testid=note-text]", "[data-testid^=edit-]", "[data-testid^=lock-toggle-]",
                        "[data-testid=share-qr]", "[data-testid=join-code]", "[data-testid=timer-start]",
                        "[data-testid=bar-next]",
                        "button.option:not([aria-disabled=true])"):
            await expect(page.locator(f"{control} >> visible=true")).to_have_count(0)
        await expect(page.locator("text=Nu aan de beurt >> visible=true")).to_have_count(0)
        await expect(page.get_by_test_id("timer-status")).to_have_text("Sessie afgesloten")  # not "Klaar om te starten"
    await shot(fac, artifacts / "closed-facilitator-1280.png")
    await shot(max_, artifacts / "closed-phone-360.png")


async def test_a_locked_code_turns_newcomers_away_and_a_removed_participant_is_told(server, pages):
    """Locking the code: a newcomer reads that the session is closed to newcomers, Ann (already
    in) reloads fine. Removing Ann: her page says so and the board is gone for her."""
    fac, created, (ann,) = await facilitator_with(pages, server, ("Ann", "leernetwerk", False))
    await fac.get_by_test_id("join-lock").click()
    await expect(fac.get_by_test_id("join-locked-note")).to_be_visible()
    newcomer = await pages.open(LAPTOP, name="newcomer")
    await newcomer.goto(f"{server.http_url}/j/{created['code']}")
    await expect(newcomer.get_by_test_id("join-locked")).to_contain_text("gesloten voor nieuwe deelnemers")
    await ann.reload()
    await expect(ann.get_by_test_id("board")).to_be_visible()
    await expect(fac.get_by_test_id("online-leernetwerk")).to_contain_text("Ann")
    person = fac.get_by_test_id("online-leernetwerk").locator(".person", has_text="Ann")
    await person.locator(".person-remove").click()
    await person.locator(".person-confirm button.danger").click()
    await expect(ann.get_by_text("De facilitator heeft je uit deze sessie gehaald.")).to_be_visible()
    await expect(fac.get_by_test_id("online-leernetwerk")).not_to_contain_text("Ann")


IN_VIEW = """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                        return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; }"""
# every point of the element at a grid of spots is the element itself (nothing pinned over it)
UNCOVERED = """(sel) => { const el = document.querySelector(sel); const r = el.getBoundingClientRect();
    const spots = [];
    for (const fx of [0.05, 0.5, 0.95]) for (const fy of [0.05, 0.5, 0.95]) spots.push([r.left + fx * r.width, r.top + fy * r.height]);
    return spots.filter(([x, y]) => !el.contains(document.elementFromPoint(x, y))).length; }"""


async def test_the_facilitator_runs_the_session_from_the_first_screen_of_a_laptop(server, pages, artifacts):
    """At 1280x800 with the timer running the step buttons are on the first screen; scrolled to the
    bottom the next-step control is still at hand and moves the group on; the invite panel is never
    covered (a pinned timer of 290 px covered it, the step buttons were at y 817-1054). A phone of
    360 px keeps the bar without scrolling sideways."""
    fac, created, (ann, max_) = await facilitator_with(
        pages, server, ("Ann", "leernetwerk", False), ("Max", "management", True), on_paper=False)
    await fac.get_by_test_id("step-drijfveren").click()
    await fac.get_by_test_id("timer-start").click()
    await expect(fac.get_by_test_id("timer-panel")).to_have_attribute("data-phase", "running")
    for step in ("ambitie", "drijfveren", "pijlers", "actie", "afsluiting"):
        assert await fac.evaluate(IN_VIEW, f"[data-testid=step-{step}]"), step
    assert await fac.evaluate(IN_VIEW, "[data-testid=bar-next]")
    await fac.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    await fac.wait_for_function("() => scrollY > 0 && Math.ceil(scrollY + innerHeight) >= document.scrollingElement.scrollHeight")
    assert await fac.evaluate(IN_VIEW, "[data-testid=bar-next]")
    await shot_here(fac, artifacts / "facilitator-bottom-1280.png")
    await fac.get_by_test_id("bar-next").click()
    for page in (fac, ann):
        await expect(page.get_by_test_id("current-step")).to_contain_text("Innoveren")
    await expect(fac.get_by_test_id("bar-step")).to_have_text("3 Innoveren & Samen leren")
    for block in ("start", "center", "end"):
        await fac.evaluate("(block) => document.querySelector('.panel-share').scrollIntoView({block})", block)
        await fac.wait_for_function("() => { const r = document.querySelector('.panel-share').getBoundingClientRect(); return r.bottom <= innerHeight + 1; }")
        assert await fac.evaluate(UNCOVERED, ".panel-share") == 0, block
    phone = await pages.open(PHONE, phone=True, name="facilitator-phone")
    await phone.goto(created["facilitator_url"])
    await expect(phone.get_by_test_id("bar-next")).to_be_visible()
    assert await phone.evaluate("document.scrollingElement.scrollWidth") <= 360
    await phone.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    assert await phone.evaluate(IN_VIEW, "[data-testid=bar-next]")
    await phone.screenshot(path=str(artifacts / "facilitator-phone-360.png"))


async def shot_here(page, path) -> None:
    await page.evaluate("document.fonts.ready")
    await page.screenshot(path=str(path))
