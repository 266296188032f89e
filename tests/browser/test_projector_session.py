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


# the tray's chips against the tray's box: a chip drawn is whole, the rest is counted on "+N"
TRAY = """() => {
  const tray = document.querySelector('[data-testid=matrix-tray-panel]');
  const box = tray.getBoundingClientRect();
  const chips = [...tray.querySelectorAll('[data-testid^=tray-item-]')].filter((c) => c.getClientRects().length);
  const more = tray.querySelector('[data-testid=matrix-tray-more]');
  const all = [...chips];
  if (more && more.getClientRects().length) all.push(more);
  const cut = all.filter((c) => { const r = c.getBoundingClientRect(); return r.bottom > box.bottom + 1 || r.right > box.right + 1; });
  return { shown: chips.length, more: more && more.getClientRects().length ? more.textContent : null, cut: cut.map((c) => c.textContent) };
}"""


async def test_the_projector_tray_counts_the_stakeholders_it_cannot_show(server, pages, artifacts):
    """At step 3 with more stakeholders not yet placed than the projector's tray can hold, at every
    beamer size: every chip drawn is whole, and a "+N" chip counts the ones left out."""
    from tests.browser.test_stakeholders import MAP, stakeholder_session
    from tests.support.client import Client
    session = await stakeholder_session(server)
    facilitator = await Client(server.ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    names = ["Jeugdgezondheidszorg", "Ervaringsdeskundigen", "Kinderopvangorganisaties", "Wijkteams", "Huisartsen",
             "Samenwerkingsverbanden passend onderwijs", "Gemeente", "Zorgverzekeraar", "Jongerenraad", "Politie",
             "Leerplichtambtenaren", "Specialistische jeugdhulp", "Pleegzorgaanbieders", "Onderzoekers",
             "Veilig Thuis", "Raad voor de Kinderbescherming", "Sportverenigingen", "Bibliotheek", "Buurthuizen",
             "Woningcorporaties", "Schuldhulpverlening", "Ouderplatform", "Kerken en moskeeën", "Huisartsenposten",
             "GGZ-instellingen", "Verslavingszorg", "Consultatiebureaus", "Logopedisten", "Fysiotherapeuten", "MEE"]
    for name in names:
        assert (await facilitator.call({"type": "add_stakeholder", **MAP, "category": name, "names": ""}))["type"] == "ok"
    await facilitator.call({"type": "set_step", "step": "matrix"})
    screens = await open_projectors(server, pages, session, "projector-tray")
    for (width, height), page in screens:
        await expect(page.get_by_test_id("matrix-tray-count")).to_have_text(str(len(names)))
        await page.evaluate("document.fonts.ready")
        await page.wait_for_function("() => !document.querySelector('.proj-board.fitting')")
        tray = await page.evaluate(TRAY)
        await page.screenshot(path=str(artifacts / f"projector-tray-{width}x{height}.png"))
        assert tray["cut"] == [], (width, tray)
        assert tray["more"] == f"+{len(names) - tray['shown']}", (width, tray)
        assert tray["shown"] >= 3, (width, tray)
    await facilitator.close()
