"""Long Dutch words in the ambition, the goals and the insights stay whole on a laptop and a phone."""

from __future__ import annotations

from playwright.async_api import expect

from tests.browser.conftest import PHONE, join
from tests.browser.test_projector import full_samenspel_session

LAPTOP_800 = {"width": 1280, "height": 800}
DOEL1 = "Wachttijden voor jeugdhulpverleningstrajecten halveren in 2026."
AMBITIE = "Samen zorgen we dat ervaringsdeskundigheid en jeugdhulpverleningstrajecten elkaar versterken."

# every word in the ambition, goals and insights: drawn on one line (its rects all share a top)
SPLIT_WORDS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('.tfield-text, .sec-id-inzichten .note-text')) {
    if (!el.getClientRects().length) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
  }
  // a box made wider for its word stays inside its section (nothing spills over the side panel)
  for (const box of document.querySelectorAll('.tfield, .sec-id-inzichten .note')) {
    const sec = box.closest('.sec');
    if (!box.getClientRects().length || !sec) continue;
    if (box.getBoundingClientRect().right > sec.getBoundingClientRect().right + 1) out.push(`spills: ${box.textContent.slice(0, 30)}`);
  }
  if (document.scrollingElement.scrollWidth > innerWidth + 1) out.push('page scrolls sideways');
  return out;
}"""


async def test_long_dutch_words_are_not_broken_mid_word_in_the_ambition_goals_and_insights(server, pages, artifacts):
    """With "jeugdhulpverleningstrajecten" in the ambition and Doel 1 and "Resultaatgerichtheid"
    in the insights, no word of those boxes is split over two lines on the facilitator's laptop
    (1280x800, and 1024x768) or on a phone (360x740), for the facilitator and a participant; no box spills out of its section."""
    session, facilitator, people = await full_samenspel_session(server)
    for field, text in (("doel1", DOEL1), ("ambitie", AMBITIE)):
        reply = await facilitator.call({"type": "set_text", "board": "samenspel", "section": "ambitie", "field": field, "text": text})
        assert reply["type"] == "ok", reply
    await facilitator.call({"type": "set_step", "step": "actie"})
    views = [("facilitator", LAPTOP_800, f"/b/{session['session']}#f={session['facilitator_secret']}"),
             ("facilitator", {"width": 1024, "height": 768}, f"/b/{session['session']}#f={session['facilitator_secret']}"),
             ("facilitator", PHONE, f"/b/{session['session']}#f={session['facilitator_secret']}"),
             ("participant", PHONE, None)]
    problems = []
    for who, viewport, path in views:
        page = await pages.open(viewport, phone=viewport is PHONE, name=f"{who}-{viewport['width']}")
        if path:
            await page.goto(server.http_url + path)
        else:
            await join(page, server.http_url, session["join_code"], "Fleur", "leernetwerk")
        await expect(page.get_by_test_id("text-ambitie-doel1")).to_have_text(DOEL1)
        await expect(page.get_by_test_id("lane-inzichten-drijfveren")).to_contain_text("Resultaatgerichtheid")
        await page.evaluate("document.fonts.ready")
        problems += [(who, viewport["width"], word) for word in await page.evaluate(SPLIT_WORDS)]
        await page.screenshot(path=str(artifacts / f"long-words-{who}-{viewport['width']}.png"), full_page=True)
    assert problems == [], problems
    for client in (facilitator, *people):
        await client.close()
