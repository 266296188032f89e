"""Small things seen in screenshots (issue 16, item 14): what a page says and how it marks things."""

from __future__ import annotations

from playwright.async_api import expect

from tests.browser.conftest import LAPTOP, PHONE, shot
from tests.browser.test_accessibility import assert_accessible
from tests.browser.test_facilitation import facilitator_with

# Every toast shown from now on, kept after it fades (an ``expect(...).to_have_count(0)`` would
# simply wait until a toast has gone).
RECORD_TOASTS = """() => { window.__toasts = [];
  new MutationObserver(() => { for (const el of document.querySelectorAll('#toasts .toast'))
    if (!window.__toasts.includes(el.textContent)) window.__toasts.push(el.textContent); })
  .observe(document.getElementById('toasts'), { childList: true }); }"""


async def test_the_locked_join_page_says_joining_is_closed_not_that_you_take_part(server, pages, artifacts):
    """A newcomer on a locked code reads "Meedoen is gesloten voor …", never "Je doet mee aan"."""
    fac, created, _ = await facilitator_with(pages, server)
    await fac.get_by_test_id("join-lock").click()
    await expect(fac.get_by_test_id("join-locked-note")).to_be_visible()
    newcomer = await pages.open(PHONE, phone=True, name="newcomer")
    await newcomer.goto(f"{server.http_url}/j/{created['code']}")
    await expect(newcomer.get_by_test_id("join-locked")).to_be_visible()
    await expect(newcomer.get_by_test_id("join-for")).to_have_text("Meedoen is gesloten voor")
    await expect(newcomer.get_by_test_id("join-card")).not_to_contain_text("Je doet mee aan")
    await shot(newcomer, artifacts / "join-locked-360.png")
    await assert_accessible(newcomer, "locked join page")


async def test_a_removed_person_reads_one_calm_message_and_the_confirm_names_them(server, pages, artifacts):
    """The facilitator's confirm box asks "Anna uit de sessie halen?"; Anna then sees only that the
    facilitator removed her: no red error toast, no form inviting her back in."""
    fac, created, (anna,) = await facilitator_with(pages, server, ("Anna", "leernetwerk", True))
    await anna.evaluate(RECORD_TOASTS)
    person = fac.get_by_test_id("online-leernetwerk").locator(".person", has_text="Anna")
    await person.locator(".person-remove").click()
    await expect(person.locator(".person-confirm")).to_contain_text("Anna uit de sessie halen?")
    await person.locator(".person-confirm").scroll_into_view_if_needed()
    await fac.screenshot(path=str(artifacts / "remove-confirm-1280.png"))
    await person.locator(".person-confirm button.danger").click()
    await expect(anna.get_by_test_id("removed-notice")).to_contain_text("De facilitator heeft je uit deze sessie gehaald.")
    await expect(anna.get_by_test_id("join-card")).to_have_count(0)
    await expect(anna.get_by_test_id("join-card")).to_have_count(0)
    await expect(anna.get_by_test_id("join-name")).to_have_count(0)
    await shot(anna, artifacts / "removed-360.png")
    await assert_accessible(anna, "removed")
    assert await anna.evaluate("window.__toasts") == []


async def test_a_card_tapped_offline_says_the_change_comes_through_once_the_connection_is_back(server, pages, artifacts):
    """Ann's network is gone and she taps a card: besides the greyed card she reads "Je wijzigingen
    komen door zodra ze terug is"; back online the dot lands and the words go."""
    fac, created, (ann, bert) = await facilitator_with(
        pages, server, ("Ann", "leernetwerk", True), ("Bert", "management", False))
    for page in (ann, bert):
        await page.context.set_offline(True)
        await expect(page.get_by_test_id("reconnect-banner")).to_be_visible()
        await expect(page.get_by_test_id("offline-hint")).to_be_hidden()  # nothing waits yet
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await bert.get_by_test_id("option-drijfveren-impact").click()
    for page, name in ((ann, "360"), (bert, "1280")):
        await expect(page.get_by_test_id("offline-hint")).to_have_text(
            "De verbinding is weggevallen. Je wijzigingen komen door zodra ze terug is.")
        await page.get_by_test_id("option-drijfveren-impact").scroll_into_view_if_needed()
        await page.screenshot(path=str(artifacts / f"offline-hint-{name}.png"))
        await assert_accessible(page, f"offline hint {name}")
    for page in (ann, bert):
        await page.context.set_offline(False)
        await expect(page.get_by_test_id("reconnect-banner")).to_be_hidden()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("1")
    await expect(fac.get_by_test_id("count-drijfveren-impact-management")).to_have_text("1")
    await expect(ann.get_by_test_id("offline-hint")).to_be_hidden()


SCALE_ENDS = """() => {
  const box = (sel) => document.querySelector(sel).getBoundingClientRect();
  const first = box('[data-testid="checkout-rating-1"]'), last = box('[data-testid="checkout-rating-5"]');
  const ends = document.querySelectorAll('[data-testid="checkout"] .rating-end');
  const low = ends[0].getBoundingClientRect(), high = ends[ends.length - 1].getBoundingClientRect();
  return { lowUnderFirst: Math.abs(low.left - first.left) <= 2 && low.top >= first.bottom,
           highUnderLast: Math.abs(high.right - last.right) <= 2 && high.top >= last.bottom,
           oneLine: Math.abs(first.top - last.top) < 1 };
}"""


async def test_the_check_out_scale_keeps_each_end_label_under_its_end_on_a_phone(server, pages, artifacts):
    """At the check-out on a 360 px phone (and a laptop) "matig" stays under 1 and "heel goed" under 5,
    the five buttons on one line (the labels wrapped onto one side)."""
    fac, created, (ann, bert) = await facilitator_with(
        pages, server, ("Ann", "leernetwerk", True), ("Bert", "management", False))
    await fac.get_by_test_id("step-afsluiting").click()
    for page, name in ((ann, "360"), (bert, "1280")):
        await expect(page.get_by_test_id("checkout")).to_be_visible()
        assert await page.evaluate(SCALE_ENDS) == {"lowUnderFirst": True, "highUnderLast": True, "oneLine": True}
        await page.get_by_test_id("checkout").scroll_into_view_if_needed()
        await page.get_by_test_id("checkout").screenshot(path=str(artifacts / f"checkout-scale-{name}.png"))


GREEN = "rgb(35, 122, 54)"  # --ok (#237a36), the tick of a question answered well
CHECK_ROWS = """() => Object.fromEntries(['compleet', 'duidelijk', 'onderzoek'].map((id) => {
  const row = document.querySelector(`[data-testid="check-${id}"]`).closest('label');
  return [id, { text: row.innerText, box: getComputedStyle(row.querySelector('.check-box')).backgroundColor }];
}))"""


async def test_a_yes_to_more_research_shows_as_work_to_do_not_as_a_green_tick(server, pages, artifacts):
    """On the stakeholder checklist a "yes" to "Moet iets verder onderzocht worden?" shows an orange
    "onderzoeken" mark, not the green tick of a "yes" to "Zijn alle relevante stakeholders
    meegenomen?"; the summary lists it as open too."""
    from tests.browser.test_stakeholders import join_map, open_facilitator, populate, stakeholder_session

    created = await stakeholder_session(server)
    await populate(server, created)  # a full map; "compleet" is ticked
    ann = await pages.open(PHONE, phone=True, name="ann")
    await join_map(ann, server.http_url, created["join_code"], "Ann")
    fac = await pages.open(LAPTOP, name="facilitator")
    await open_facilitator(fac, server.http_url, created)
    await ann.get_by_test_id("check-onderzoek").check()
    await expect(fac.get_by_test_id("check-onderzoek")).to_be_checked()
    for page, name in ((ann, "360"), (fac, "1280")):
        rows = await page.evaluate(CHECK_ROWS)
        assert rows["compleet"]["box"] == GREEN  # a "yes" that is done
        assert "onderzoeken" in rows["onderzoek"]["text"]
        assert rows["onderzoek"]["box"] != GREEN
        assert "uitzoeken" not in rows["duidelijk"]["text"]  # not answered: no mark
        await page.get_by_test_id("check-onderzoek").locator("xpath=ancestor::section[1]").scroll_into_view_if_needed()
        await page.screenshot(path=str(artifacts / f"checklist-open-item-{name}.png"))
        await assert_accessible(page, f"checklist open item {name}")
    await fac.goto(f"{server.http_url}/s/{created['session']}#f={created['facilitator_secret']}")
    research = fac.locator(".sum-checks li", has_text="Moet iets verder onderzocht worden?")
    await expect(research).to_contain_text("onderzoeken")
    await expect(research.locator(".sum-check")).to_have_text("!")
    await expect(fac.locator(".sum-checks li", has_text="Zijn alle relevante").locator(".sum-check")).to_have_text("✓")
    await research.scroll_into_view_if_needed()
    await fac.screenshot(path=str(artifacts / "checklist-open-item-summary-1280.png"))
    await assert_accessible(fac, "summary with an open checklist item")


async def test_online_counts_only_people_with_a_device_and_the_too_many_warning_goes_at_the_close(server, pages, artifacts):
    """Ann and Bert are on their devices, two people are added "in de zaal" and seven more joined but
    are not connected: everyone reads "2 online · 2 in de zaal" (it said 4 online); the facilitator's
    too-many warning (11 people, 8 recommended) is gone once the session is closed."""
    from tests.support.client import join as api_join

    fac, created, (ann, bert) = await facilitator_with(
        pages, server, ("Ann", "leernetwerk", True), ("Bert", "management", False))
    for i in range(7):
        await api_join(server.http_url, created["code"], f"Deelnemer {i + 1}", "leernetwerk")
    await fac.get_by_test_id("room-form").locator("summary").click()
    await fac.get_by_test_id("proxy-name").fill("Piet")
    await fac.get_by_test_id("proxy-add-management").click()
    await expect(fac.get_by_test_id("online-management")).to_contain_text("Piet")
    await fac.get_by_test_id("proxy-add-leernetwerk").click()
    await expect(fac.get_by_test_id("too-many-warning")).to_contain_text("Er doen 11 deelnemers mee")
    for page in (fac, ann, bert):
        await expect(page.get_by_test_id("online-summary")).to_have_text("2 online · 2 in de zaal")
    await shot(fac, artifacts / "online-count-1280.png")
    await assert_accessible(fac, "online count")
    await ann.get_by_test_id("online-summary").scroll_into_view_if_needed()
    await ann.screenshot(path=str(artifacts / "online-count-360.png"))
    await fac.get_by_test_id("close-session").click()
    await fac.get_by_test_id("close-session-confirm").click()
    await expect(fac.get_by_test_id("closed-banner")).to_be_visible()
    await expect(fac.get_by_test_id("too-many-warning")).to_be_hidden()
    await shot(fac, artifacts / "closed-no-warning-1280.png")
