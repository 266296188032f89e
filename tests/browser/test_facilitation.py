"""The facilitator runs the session: steps, timer, reveal, people in the room, differ, close."""

from __future__ import annotations

from playwright.async_api import expect

from tests.browser.conftest import LAPTOP, create_session, join, open_facilitator_board


async def test_facilitator_counts_stay_true_while_a_section_is_hidden(server, pages):
    """Regression: A places a dot, the facilitator hides the section, B places a dot — the
    facilitator's screen shows both dots (it showed only B's), as a fresh load does."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    ann = await pages.open(LAPTOP, name="ann")
    await join(ann, server.http_url, created["code"], "Ann", "leernetwerk")
    bea = await pages.open(LAPTOP, name="bea")
    await join(bea, server.http_url, created["code"], "Bea", "leernetwerk")
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("1")
    await fac.get_by_test_id("hide-toggle-drijfveren").click()
    await expect(ann.get_by_test_id("hidden-notice-drijfveren")).to_be_visible()
    await bea.get_by_test_id("option-drijfveren-impact").click()
    await expect(bea.get_by_test_id("option-drijfveren-impact")).to_have_attribute("aria-pressed", "true")
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("2")
    await fac.reload()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("2")
