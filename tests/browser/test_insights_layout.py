"""The facilitator's Inzichtenvlak with real insights: long Dutch words stay whole, buttons stay in their note."""

from __future__ import annotations

from playwright.async_api import expect

from tests.browser.conftest import AMBITIE, DOEL1, DOEL2, LAPTOP, PHONE
from tests.support.client import Client, create_session as api_create, join as api_join

INSIGHTS = {
    "ambitie": ["Resultaatgerichtheid en samenwerking gaan samen: de ambitie is gedeeld.",
                "Een Samenwerkingsovereenkomst met de gemeente maakt de ambitie concreet."],
    "drijfveren": ["Kwaliteitsverbetering drijft beide groepen.", "Resultaatgerichtheid scoort bij management hoog."],
    "pijlers": ["Kennisdeling en tijd zijn de knelpunten.", "Verantwoordelijkheidsverdeling is onduidelijk."],
    "actie": ["Casusbespreking elke maand, met Ervaringsdeskundigheid aan tafel."],
}
ACTIONS = {
    "leernetwerk-nodig": ["Tijd om casuïstiek te bespreken", "Een vaste Samenwerkingsovereenkomst"],
    "leernetwerk-doen": ["Elke maand een casusbespreking", "Kennisdelingsbijeenkomsten organiseren"],
    "management-nodig": ["Zicht op Resultaatgerichtheid", "Heldere verantwoordelijkheden"],
    "management-doen": ["Budget voor scholing vrijmaken", "Roosterruimte voor intervisie"],
}

# a word is broken when its letters lie on more than one line (a hyphen from `hyphens: auto` counts too:
# a normal Dutch word should fit whole)
BROKEN_WORDS = """(root) => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.textContent.matchAll(/\\p{L}+/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (new Set(rects.map((r) => Math.round(r.top))).size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""

# every button inside its note
STICKING_OUT = """(root) => [...document.querySelectorAll(`${root} .note`)].flatMap((note) => {
  const box = note.getBoundingClientRect();
  return [...note.querySelectorAll('button')].filter((b) => {
    const r = b.getBoundingClientRect();
    return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5);
  }).map((b) => b.textContent);
})"""


async def full_session(server) -> dict:
    """A Samenspel session with every insight written and several post-its per action lane."""
    created = await api_create(server.http_url, title="Leernetwerk Jeugd Oost – maart", boards=["samenspel"],
                               texts={"samenspel": {"ambitie": {"ambitie": AMBITIE, "doel1": DOEL1, "doel2": DOEL2}}})
    fac = await Client(server.ws_url).connect()
    await fac.hello(created["session"], token=created["facilitator_secret"])
    for lane, texts in INSIGHTS.items():
        for text in texts:
            reply = await fac.call({"type": "add_note", "board": "samenspel", "section": "inzichten", "lane": lane, "text": text})
            assert reply["type"] == "ok", reply
    for lane, texts in ACTIONS.items():
        for text in texts:
            reply = await fac.call({"type": "add_note", "board": "samenspel", "section": "actie", "lane": lane,
                                    "text": text, "owner": "Ann en Joost"})
            assert reply["type"] == "ok", reply
    await fac.close()
    await api_join(server.http_url, created["join_code"], "Ann", "leernetwerk")
    return created


async def test_long_dutch_words_in_the_inzichtenvlak_stay_whole_and_bewerken_stays_in_its_note(server, pages, artifacts):
    """The facilitator's Inzichtenvlak on a laptop and a phone: "Resultaatgerichtheid" and
    "Samenwerkingsovereenkomst" are not broken mid-word, and no note's buttons stick out of it."""
    created = await full_session(server)
    for viewport, phone, name in ((LAPTOP, False, "1280"), (PHONE, True, "360")):
        fac = await pages.open(viewport, phone=phone, name=f"facilitator-{name}")
        await fac.goto(f"{server.http_url}/b/{created['session']}#f={created['facilitator_secret']}")
        section = fac.get_by_test_id("section-inzichten")
        await expect(section).to_contain_text("Resultaatgerichtheid scoort")
        await fac.evaluate("document.fonts.ready")
        await section.scroll_into_view_if_needed()
        await section.screenshot(path=str(artifacts / f"inzichten-fac-{name}.png"))
        assert await fac.evaluate(STICKING_OUT, "[data-testid=section-inzichten]") == [], name
        assert await fac.evaluate(BROKEN_WORDS, "[data-testid=section-inzichten]") == [], name
