"""The facilitator's group comparison (differ view): every row's bars on one scale."""

from __future__ import annotations

from playwright.async_api import expect

from tests.browser.conftest import PHONE
from tests.support.client import Client, create_session, join

BOARD = "samenspel"
# Five people a group, three dots each: Leernetwerk impact 33 %, zingeving and autonomie 27 %,
# saamhorigheid and kwaliteit 7 %; Management impact and resultaat 33 %, kwaliteit 20 %, zingeving
# and saamhorigheid 7 %. Agree: impact, saamhorigheid; differ: resultaat, autonomie, zingeving.
VOTES = {
    "leernetwerk": [("impact", "zingeving", "autonomie")] * 4 + [("impact", "saamhorigheid", "kwaliteit")],
    "management": [("impact", "resultaat", "kwaliteit")] * 3 + [("impact", "resultaat", "zingeving"),
                                                                ("impact", "resultaat", "saamhorigheid")],
}
NAMES = {"leernetwerk": ["Annemarie", "Bea", "Christiaan", "Dirk-Jan", "Eva"],
         "management": ["Fatima", "Gerard", "Hanneke", "Ibrahim", "Jacqueline"]}

BAR_EDGES = """() => [...document.querySelectorAll('[data-testid="differ-drijfveren"] .differ-row')].map((row) => {
  const bars = [...row.querySelectorAll('.differ-bar')].map((b) => b.getBoundingClientRect());
  return { option: row.dataset.testid, mark: row.dataset.mark || '', left: bars.map((b) => Math.round(b.left)),
           width: bars.map((b) => Math.round(b.width)) };
})"""


async def voted_session(server) -> dict:
    session = await create_session(server.http_url, title="Leernetwerk Jeugd Oost – maart")
    for group, ballots in VOTES.items():
        for name, options in zip(NAMES[group], ballots):
            person = await join(server.http_url, session["join_code"], name, group)
            client = await Client(server.ws_url).connect()
            await client.hello(session["session"], token=person["token"])
            for option in options:
                reply = await client.call({"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": option})
                assert reply["type"] == "ok", reply
            await client.close()
    return session


async def test_differ_bars_start_at_one_x_in_every_row_badge_or_not(server, pages, artifacts):
    """Regression: rows with an agree/differ badge started their bars further left. Now every
    bar's left edge and full width are the same in all rows, on a laptop and on a phone, and the
    badges sit on impact (agree) and resultaat (differ)."""
    session = await voted_session(server)
    for (width, height), phone in (((1280, 800), False), ((PHONE["width"], PHONE["height"]), True)):
        page = await pages.open({"width": width, "height": height}, phone=phone, name=f"facilitator-{width}")
        await page.goto(f"{server.http_url}/b/{session['session']}#f={session['facilitator_secret']}")
        await page.get_by_test_id("differ-toggle-drijfveren").click()
        differ = page.get_by_test_id("differ-drijfveren")
        await expect(differ.get_by_test_id("differ-drijfveren-impact")).to_have_attribute("data-mark", "agree")
        await expect(differ.get_by_test_id("differ-drijfveren-resultaat")).to_have_attribute("data-mark", "differ")
        await expect(differ.get_by_test_id("differ-drijfveren-zingeving")).not_to_have_attribute("data-mark", "agree")
        rows = await page.evaluate(BAR_EDGES)
        assert {r["mark"] for r in rows} == {"agree", "differ", ""}
        assert len({left for r in rows for left in r["left"]}) == 1, (width, rows)
        assert len({w for r in rows for w in r["width"]}) == 1, (width, rows)
        assert await page.evaluate("document.documentElement.scrollWidth <= innerWidth"), width
        await differ.scroll_into_view_if_needed()
        await page.evaluate("document.fonts.ready")
        await page.screenshot(path=str(artifacts / f"differ-view-{width}x{height}.png"))
        await differ.screenshot(path=str(artifacts / f"differ-view-panel-{width}.png"))
