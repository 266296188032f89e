"""The facilitator on a phone finds the join code on the first screen, not after the whole board."""

from __future__ import annotations

from playwright.async_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_projector import full_samenspel_session

# two boxes that overlap (a control covered by another)
OVERLAP = """([a, b]) => {
  const r = document.querySelector(a).getBoundingClientRect(), s = document.querySelector(b).getBoundingClientRect();
  return r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1;
}"""


async def test_the_facilitator_on_a_phone_sees_the_join_code_without_scrolling_past_the_board(server, pages, artifacts):
    """On a 360x740 phone, with a whole session on the board, the facilitator's join code is on the
    first screen (above the board), one tap shows the QR code and the links, and neither covers
    the timer's or the steps' controls."""
    session, facilitator, people = await full_samenspel_session(server)
    await facilitator.call({"type": "set_step", "step": "drijfveren"})
    page = await pages.open(PHONE, phone=True, name="facilitator-phone")
    await page.goto(f"{server.http_url}/b/{session['session']}#f={session['facilitator_secret']}")
    code = page.get_by_test_id("join-code")
    await expect(code).to_be_visible()
    await page.evaluate("document.fonts.ready")
    box = await code.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], ("the code on the first screen", box)
    board = await page.get_by_test_id("section-ambitie").bounding_box()
    assert box["y"] < board["y"], "the code comes before the board"
    await page.screenshot(path=str(artifacts / "facilitator-phone-invite-360.png"))
    await page.get_by_test_id("share-more").click()
    await expect(page.get_by_test_id("share-qr")).to_be_visible()
    await expect(page.get_by_test_id("copy-join-link")).to_be_visible()
    for control in ("[data-testid=timer-start]", "[data-testid=step-drijfveren]"):
        assert not await page.evaluate(OVERLAP, ["[data-testid=share-qr]", control]), control
    assert await page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    await page.screenshot(path=str(artifacts / "facilitator-phone-invite-open-360.png"))
    for client in (facilitator, *people):
        await client.close()
