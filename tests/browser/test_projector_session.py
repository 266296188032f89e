"""The projector through a whole session's end: closed says so on the beamer, the board stays whole."""

from __future__ import annotations

import re

from playwright.async_api import expect

from tests.browser.test_projector import CLIPPED, assert_every_note_shown, full_samenspel_session, open_projectors

DIGITS = re.compile(r"\d+:\d\d")


async def test_the_projector_says_the_session_is_closed_after_closing(server, pages, artifacts):
    """After "Sessie afsluiten" the projector's title bar and timer panel say "Sessie afgesloten",
    no clock digits run, the join code and QR are gone, and every action and insight is still shown
    whole at 1024x768 up to 3840x2160."""
    session, facilitator, people = await full_samenspel_session(server)
    await facilitator.call({"type": "set_step", "step": "afsluiting"})
    screens = await open_projectors(server, pages, session, "projector-closed")
    assert (await facilitator.call({"type": "close_session"}))["type"] == "ok"
    problems = []
    for (width, height), page in screens:
        await expect(page.get_by_test_id("current-step")).to_have_text("Sessie afgesloten")
        panel = page.get_by_test_id("timer-panel")
        await expect(panel).to_contain_text("Sessie afgesloten")
        assert not DIGITS.search(await panel.inner_text()), (width, await panel.inner_text())
        await expect(page.get_by_test_id("projector-join")).to_be_hidden()
        await expect(page.get_by_test_id("qr")).to_be_hidden()
        await expect(page.get_by_test_id("lane-actie-management-doen")).to_be_visible()
        await expect(page.get_by_test_id("lane-inzichten-actie")).to_be_visible()
        await page.evaluate("document.fonts.ready")
        await page.wait_for_function("() => !document.querySelector('.proj-board.fitting')")
        await page.screenshot(path=str(artifacts / f"projector-closed-{width}x{height}.png"))
        problems += [(width, p) for p in await page.evaluate(CLIPPED)]
        await assert_every_note_shown(page, "closed", width)
    assert problems == [], "\n".join(map(str, problems))
    for client in (facilitator, *people):
        await client.close()
