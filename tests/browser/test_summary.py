"""The result in the browser: a short session ends with the summary page, its PDF, the share link,
and deleting the session."""

from __future__ import annotations

import re
import subprocess

from playwright.async_api import Page, TimeoutError as PlaywrightTimeout, expect

from tests.support.client import Client, create_session as api_session
from tests.browser.conftest import AMBITIE, LAPTOP, PHONE, create_session, join, open_facilitator_board, shot

MARKUP = '<img src=x onerror="window.__pwned=1"><b>Tijd</b> voor overleg'
SUMMARY_LAPTOP = {"width": 1280, "height": 800}

# Every word (a run of letters: markup and URLs may break at their punctuation) of the page's text
# on one line: a word the layout broke in two shows as pieces on different lines. Returns them.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('[data-testid=summary]'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    for (const m of text.matchAll(/\\p{L}+/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (new Set(rects.map((r) => Math.round(r.top))).size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""

# Nothing scrolls sideways, and nothing sticks out of the window either (a box cut off by an
# overflow rule would not scroll, yet be unreadable).
NO_SIDEWAYS_SCROLL = """() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
  && [...document.querySelectorAll('[data-testid=summary] *')].every(
    (el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5)"""


async def play_short_session(pages, base: str) -> dict:
    """Facilitator, Ann (learning network) and Max (management) through the UI: dots, an
    insight, actions (one with markup), the check-out and the close."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, base, title="Leernetwerk Jeugd Oost – maart")
    await open_facilitator_board(fac)
    ann = await pages.open(LAPTOP, name="ann")
    await join(ann, base, created["code"], "Ann", "leernetwerk")
    max_ = await pages.open(PHONE, phone=True, name="max")
    await join(max_, base, created["code"], "Max", "management")
    for page, options in ((ann, ("zingeving", "impact", "autonomie")), (max_, ("resultaat", "impact", "duurzaamheid"))):
        for option in options:
            await page.get_by_test_id(f"option-drijfveren-{option}").click()
            await expect(page.get_by_test_id(f"option-drijfveren-{option}")).to_have_attribute("aria-pressed", "true")
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("1")
    await expect(fac.get_by_test_id("count-drijfveren-impact-management")).to_have_text("1")

    await fac.get_by_test_id("add-note-inzichten-drijfveren").click()
    lane = fac.get_by_test_id("lane-inzichten-drijfveren")
    await lane.get_by_test_id("note-text").fill("Impact verbindt beide groepen.")
    await lane.get_by_test_id("note-save").click()
    await expect(lane).to_contain_text("Impact verbindt beide groepen.")
    for page, lane_id, text, owner in ((ann, "leernetwerk-doen", "Casusbespreking plannen", "Ann en Joost"),
                                       (max_, "management-nodig", MARKUP, "MT")):
        await page.get_by_test_id(f"add-note-actie-{lane_id}").click()
        lane = page.get_by_test_id(f"lane-actie-{lane_id}")
        await lane.get_by_test_id("note-text").fill(text)
        await lane.get_by_test_id("note-owner").fill(owner)
        await lane.get_by_test_id("note-save").click()
        await expect(fac.get_by_test_id(f"lane-actie-{lane_id}")).to_contain_text(owner)

    # the close: everyone's check-out, then the facilitator closes the session
    await fac.get_by_test_id("step-afsluiting").click()
    for page, rating, text in ((ann, 5, "Eindelijk samen aan tafel"), (max_, 4, "Goed gesprek")):
        await page.get_by_test_id(f"checkout-rating-{rating}").click()
        await page.get_by_test_id("checkout-text").fill(text)
        await page.get_by_test_id("checkout-submit").click()
        await expect(page.get_by_test_id("checkout-done")).to_be_visible()
    await expect(fac.get_by_test_id("checkout-answers")).to_contain_text("Goed gesprek")
    await fac.get_by_test_id("close-session").click()
    await fac.get_by_test_id("close-session-confirm").click()
    await expect(fac.get_by_test_id("closed-banner")).to_be_visible()
    secret = re.search(r"#f=(.+)$", created["facilitator_url"]).group(1)
    return {**created, "fac": fac, "ann": ann, "max": max_, "secret": secret}


async def open_summary_from_board(fac: Page) -> None:
    """Once closed, the facilitator's close panel leads to the summary."""
    await fac.get_by_test_id("closed-summary-link").click()
    await expect(fac.get_by_test_id("summary")).to_be_visible()


async def test_a_short_session_ends_with_the_summary_page_and_its_pdf(server, pages, artifacts, tmp_path):
    """After the close the facilitator opens the summary from the board: the chart's numbers,
    where the groups agree and differ, the insight, the actions with owners (markup as text), the
    check-out; the PDF (Chromium's print) holds the same, without the page's buttons; laptop and
    phone show it without sideways scrolling or words broken in two."""
    s = await play_short_session(pages, server.http_url)
    fac = s["fac"]
    await fac.set_viewport_size(SUMMARY_LAPTOP)
    await open_summary_from_board(fac)
    await expect(fac.get_by_test_id("summary-title")).to_have_text("Leernetwerk Jeugd Oost – maart")
    await expect(fac.get_by_test_id("summary")).to_contain_text(AMBITIE)
    impact = fac.get_by_test_id("sum-option-drijfveren-impact")
    await expect(impact).to_contain_text("meest gedeeld")
    await expect(impact.locator("svg")).to_have_attribute("aria-label", "Leernetwerk: 1 (33%), Management: 1 (33%)")
    await expect(fac.get_by_test_id("sum-option-drijfveren-zingeving").locator("svg")).to_have_attribute(
        "aria-label", "Leernetwerk: 1 (33%), Management: 0 (0%)")
    await expect(fac.get_by_test_id("sum-insights-inzichten")).to_contain_text("Impact verbindt beide groepen.")
    actions = fac.get_by_test_id("sum-actions-actie")
    await expect(actions).to_contain_text("Casusbespreking plannen")
    await expect(actions).to_contain_text("Wie: Ann en Joost")
    # markup typed into a post-it is shown as the characters it is, and never runs
    await expect(actions.locator(".sum-note-text", has_text="voor overleg")).to_have_text(MARKUP)
    assert await actions.locator("img, b").count() == 0
    assert await fac.evaluate("window.__pwned") is None
    checkout = fac.get_by_test_id("sum-checkout")
    await expect(checkout).to_contain_text("2 antwoorden, gemiddeld 4,5 van 5.")
    await expect(checkout).to_contain_text("Eindelijk samen aan tafel")
    await expect(checkout).not_to_contain_text("Ann")
    await expect(fac.get_by_test_id("summary-expiry")).to_contain_text("automatisch verwijderd")

    assert await fac.evaluate(NO_SIDEWAYS_SCROLL)
    assert await fac.evaluate(BROKEN_WORDS) == []
    await shot(fac, artifacts / "summary-1280.png", full_page=True)
    await fac.get_by_test_id("lang-en").click()  # the same summary in English
    await expect(fac.get_by_test_id("sum-dots-drijfveren")).to_contain_text("Motivators")
    await expect(impact).to_contain_text("most shared")
    await expect(checkout).to_contain_text("2 answers, 4.5 out of 5 on average.")
    await fac.get_by_test_id("lang-nl").click()

    pdf = tmp_path / "summary.pdf"
    await fac.emulate_media(media="print")
    await fac.pdf(path=str(pdf), format="A4", print_background=True)
    await fac.emulate_media(media="screen")
    (artifacts / "summary.pdf").write_bytes(pdf.read_bytes())
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Leernetwerk Jeugd Oost", "Drijfveren", "Impact", "meest gedeeld", "Impact verbindt beide groepen.",
                     "Casusbespreking plannen", "Ann en Joost", "<img src=x", "Eindelijk samen aan tafel"):
        assert expected.lower() in text.lower(), expected
    for chrome in ("Export CSV", "Afdrukken", "Sessie verwijderen", "Deellink"):
        assert chrome not in text, chrome
    pages_text = [p for p in text.split("\f") if p.strip()]
    for n, page in enumerate(pages_text, 1):  # sections flow; every page names the session and its number
        assert "Leernetwerk Jeugd Oost" in page and f"pagina {n} van {len(pages_text)}" in page, n
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(artifacts / "summary-pdf-page")],
                   check=True)

    phone = await pages.open(PHONE, phone=True, name="facilitator-phone")
    await phone.goto(f"{server.http_url}/s/{s['session']}#f={s['secret']}")
    await expect(phone.get_by_test_id("summary")).to_be_visible()
    await expect(phone.get_by_test_id("export-csv")).to_be_visible()
    assert "#f=" not in phone.url  # the secret leaves the address bar
    assert await phone.evaluate(NO_SIDEWAYS_SCROLL)
    assert await phone.evaluate(BROKEN_WORDS) == []
    await shot(phone, artifacts / "summary-360.png", full_page=True)
    await shot(phone, artifacts / "summary-360-top.png")
    for part in ("sum-dots-drijfveren", "sum-actions-actie", "sum-checkout"):
        await phone.get_by_test_id(part).screenshot(path=str(artifacts / f"summary-360-{part}.png"))


async def test_share_link_reads_the_summary_until_it_is_turned_off_then_delete(server, pages, artifacts):
    """The group's link shows the summary without the facilitator's tools; turned off it says so;
    deleting the session (after a confirmation) leaves every link of it dead."""
    s = await play_short_session(pages, server.http_url)
    fac = s["fac"]
    await open_summary_from_board(fac)
    await fac.get_by_test_id("share-create").click()
    share_url = await fac.get_by_test_id("share-url").input_value()
    assert share_url.startswith(f"{server.http_url}/s/{s['session']}#k=")
    await expect(fac.get_by_test_id("share-state")).to_have_text("De deellink staat aan.")

    guest = await pages.open(LAPTOP, name="guest")
    await guest.goto(share_url)
    await expect(guest.get_by_test_id("summary-title")).to_have_text("Leernetwerk Jeugd Oost – maart")
    await expect(guest.get_by_test_id("summary-print")).to_be_visible()
    for tool in ("export-csv", "export-json", "share-panel", "delete-panel"):
        await expect(guest.get_by_test_id(tool)).to_have_count(0)

    await fac.get_by_test_id("share-off").click()
    await expect(fac.get_by_test_id("share-state")).to_have_text("De deellink staat uit.")
    await guest.reload()
    await expect(guest.get_by_test_id("summary-message")).to_contain_text("uitgezet of vervangen")
    await expect(guest.get_by_test_id("summary")).to_have_count(0)

    await fac.get_by_test_id("delete-session").click()
    await expect(fac.get_by_test_id("delete-confirm")).to_be_visible()
    await fac.get_by_test_id("delete-cancel").click()  # cancelling deletes nothing
    await fac.reload()
    await expect(fac.get_by_test_id("summary")).to_be_visible()
    await fac.get_by_test_id("delete-session").click()
    await fac.get_by_test_id("delete-confirm").click()
    await expect(fac.get_by_test_id("summary-message")).to_have_text(re.compile("De sessie is verwijderd."))
    # Ann's board, still open, is told at once; reopening it says the same
    await expect(s["ann"].get_by_test_id("fatal")).to_contain_text("bestaat niet")
    await s["ann"].goto(f"{server.http_url}/b/{s['session']}")
    await expect(s["ann"].get_by_test_id("fatal")).to_contain_text("bestaat niet")
    again = await pages.open(LAPTOP, name="facilitator-again")
    await again.goto(f"{server.http_url}/s/{s['session']}#f={s['secret']}")
    await expect(again.get_by_test_id("summary-message")).to_contain_text("verwijderd of verlopen")


async def test_start_page_has_a_privacy_note_in_both_languages(server, pages):
    """The start page says, in Dutch and in English, what is kept and that it is erased after the
    configured number of days."""
    page = await pages.open(LAPTOP, name="start")
    await page.goto(server.http_url + "/")
    note = page.get_by_test_id("privacy-note")
    await expect(note).to_contain_text("30 dagen na de laatste wijziging automatisch gewist")
    await page.get_by_test_id("lang-en").click()
    await expect(page.get_by_test_id("privacy-note")).to_contain_text("erased automatically 30 days after its last change")


async def test_stakeholder_summary_shows_matrix_coverage_and_open_assumptions(server, pages, artifacts):
    """A stakeholder map made over the protocol: the summary puts each stakeholder in its quadrant,
    lists belangen and behoeften, which kinds of knowledge are missing and which assumptions are
    open; a stakeholder's markup shows as text. Laptop and phone, no sideways scroll."""
    session = await api_session(server.http_url, title="Stakeholders Jeugd Oost", boards=["stakeholders"],
                                texts={"stakeholders": {"ambitie": {"ambitie": AMBITIE}}})
    sid, secret = session["session"], session["facilitator_secret"]
    fac = await Client(server.ws_url).connect()
    await fac.hello(sid, token=secret)
    items = (("Onderzoekers", "Hogeschool, lector jeugdzorg", ["wetenschappelijk"], False, 0.8, 0.8, 0.08, 0.1),
             ("Ouders", "<i>ouderraad</i>", ["ervaringskennis"], True, 0.2, 0.9, 0.92, 0.2),
             ("Gemeente", "Beleidsadviseur jeugd", [], True, 0.9, 0.3, 0.15, 0.9))
    for category, names, knowledge, assumption, influence, interest, x, y in items:
        fac.drain()  # the next stakeholder_saved is this one's
        added = await fac.call({"type": "add_stakeholder", "board": "stakeholders", "section": "map",
                                "category": category, "names": names, "x": x, "y": y})
        assert added["type"] == "ok"
        saved = await fac.event("stakeholder_saved")
        item = saved["event"]["item"]["id"]
        for frame in ({"type": "edit_stakeholder", "item": item, "base_version": 1, "category": category,
                       "names": names, "knowledge": knowledge, "assumption": assumption},
                      {"type": "place_in_matrix", "item": item, "influence": influence, "interest": interest},
                      {"type": "add_attached_note", "item": item, "kind": "belang", "text": f"Belang van {category}"},
                      {"type": "add_attached_note", "item": item, "kind": "behoefte", "text": "Tijdig betrokken worden"}):
            reply = await fac.call({"board": "stakeholders", "section": "map", **frame})
            assert reply["type"] == "ok", (frame, reply)
    assert (await fac.call({"type": "set_check", "board": "stakeholders", "section": "aannames",
                            "item": "compleet", "checked": True}))["type"] == "ok"
    await fac.close()

    for viewport, name in ((SUMMARY_LAPTOP, "1280"), (PHONE, "360")):
        page = await pages.open(viewport, phone=viewport is PHONE, name=f"stakeholders-{name}")
        await page.goto(f"{server.http_url}/s/{sid}#f={secret}")
        section = page.get_by_test_id("sum-stakeholders-map")
        await expect(section).to_be_visible()
        # on the map where the group left them: Onderzoekers top left, Ouders top right, Gemeente bottom left
        boxes = {c: await section.get_by_test_id("sum-map-map").locator(".sum-map-item", has_text=c).bounding_box()
                 for c in ("Onderzoekers", "Ouders", "Gemeente")}
        assert boxes["Onderzoekers"]["x"] < boxes["Ouders"]["x"] and boxes["Onderzoekers"]["y"] < boxes["Gemeente"]["y"]
        await expect(section.locator(".sum-quadrant.q0")).to_contain_text("Onderzoekers")
        await expect(section.locator(".sum-quadrant.q1")).to_contain_text("Gemeente")
        await expect(section.locator(".sum-quadrant.q2")).to_contain_text("Ouders")
        await expect(section.get_by_test_id("sum-coverage-map").locator(".missing")).to_have_text(re.compile("Vakkennis"))
        await expect(section).to_contain_text("Belang van Ouders")
        await expect(section).to_contain_text("<i>ouderraad</i>")
        assert await section.locator("i").count() == 0
        open_list = section.locator("h3", has_text="Open aannames").locator("xpath=following-sibling::ul[1]")
        await expect(open_list).to_have_text(re.compile("Ouders.*Gemeente"))
        assert await page.evaluate(NO_SIDEWAYS_SCROLL)
        assert await page.evaluate(BROKEN_WORDS) == []
        await section.screenshot(path=str(artifacts / f"summary-stakeholders-{name}.png"))
        await section.get_by_test_id("sum-map-map").screenshot(path=str(artifacts / f"summary-map-{name}.png"))


# What keeps a post-it on the summary's map from being read whole, as a list: a label (category,
# names) cut (its text overflows its box: an ellipsis, a clamp, a word sticking out), a label
# outside its post-it, a post-it outside the map, on the ambition or on another post-it.
MAP_PROBLEMS = """(map) => {
  const problems = [];
  const m = map.getBoundingClientRect();
  const items = [...map.querySelectorAll('.sum-map-item')];
  const boxes = items.map((el) => el.getBoundingClientRect());
  const amb = map.querySelector('.sum-map-ambition').getBoundingClientRect();
  const apart = (a, b) => a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
  const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
  const nameOf = (el) => el.querySelector('.sum-map-cat').textContent;
  items.forEach((el, i) => {
    for (const label of el.querySelectorAll('.sum-map-cat, .sum-map-names')) {
      const cs = getComputedStyle(label);
      if (label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1) {
        problems.push(`${nameOf(el)}: "${label.textContent}" cut (${label.scrollWidth}x${label.scrollHeight} in ${label.clientWidth}x${label.clientHeight})`);
      }
      if (cs.textOverflow === 'ellipsis' && cs.overflowX !== 'visible') problems.push(`${nameOf(el)}: "${label.textContent}" with an ellipsis`);
      if (cs.webkitLineClamp && cs.webkitLineClamp !== 'none') problems.push(`${nameOf(el)}: "${label.textContent}" clamped`);
      if (!inside(label.getBoundingClientRect(), boxes[i])) problems.push(`${nameOf(el)}: "${label.textContent}" outside its post-it`);
    }
    if (!inside(boxes[i], m)) problems.push(`${nameOf(el)}: outside the map`);
    if (!apart(boxes[i], amb)) problems.push(`${nameOf(el)}: on the ambition`);
    boxes.forEach((o, j) => { if (j > i && !apart(boxes[i], o)) problems.push(`${nameOf(el)} covers ${nameOf(items[j])}`); });
  });
  return problems;
}"""

# The map laid out for the size it has now (summary.js marks the size it laid it out for).
MAP_LAID_OUT = """(map) => map.dataset.laidOut === `${map.clientWidth}x${map.clientHeight}`
  && [...map.querySelectorAll('.sum-map-item')].every((el) => el.style.left && el.style.top)"""

# A label's font as a share of the one the page's CSS gives it (a long word is fitted smaller).
FONT_SHARE = """(el) => {
  const now = parseFloat(getComputedStyle(el).fontSize);
  const fitted = el.style.fontSize;
  el.style.fontSize = '';
  const css = parseFloat(getComputedStyle(el).fontSize);
  el.style.fontSize = fitted;
  return now / css;
}"""


async def map_problems(page: Page) -> list[str]:
    """MAP_PROBLEMS of the summary's map once it is laid out for its size and clear; what is
    still wrong with it if it does not get there."""
    found = "document.querySelector('[data-testid=sum-map-map]')"
    try:
        await page.wait_for_function(f"() => ({MAP_LAID_OUT})({found}) && !({MAP_PROBLEMS})({found}).length", timeout=10_000)
    except PlaywrightTimeout:
        pass  # the answer below says what is wrong
    return await page.evaluate(f"() => ({MAP_PROBLEMS})({found})")


LONG_NAMES = (
    ("Onderzoekers", "Hogeschool, lector jeugdzorg", 0.08, 0.1),
    ("Management", "MT en directie", 0.9, 0.1),
    ("Ervaringsdeskundigen", "Jongerenraad Oost", 0.1, 0.5),
    ("Scholen, kinderopvang en jeugdzorg", "Basisscholen en kinderdagverblijven", 0.92, 0.5),
    ("Gemeente", "Beleidsadviseur jeugd", 0.15, 0.9),
    ("Huisartsen en praktijkondersteuners", "POH-GGZ", 0.85, 0.9),
    ("Wijkteams", "Jeugdconsulenten", 0.5, 0.5),  # added without a place: the summary finds it one
    ("Zorgaanbieders", "Specialistische jeugdhulp", 0.5, 0.05),
)


async def test_summary_map_shows_every_stakeholder_whole_and_no_post_it_covers_another(server, pages, artifacts):
    """Issue 8: eight stakeholders with long names on the map; the summary's map shows every
    category and its names whole on a phone, a laptop and the printed page: broken between words
    (never inside one, and never cut off with an ellipsis), a long word at most a little smaller,
    and no post-it on another or on the ambition."""
    session = await api_session(server.http_url, title="Stakeholders Jeugd Oost", boards=["stakeholders"],
                                texts={"stakeholders": {"ambitie": {"ambitie": AMBITIE}}})
    sid, secret = session["session"], session["facilitator_secret"]
    fac = await Client(server.ws_url).connect()
    await fac.hello(sid, token=secret)
    for category, names, x, y in LONG_NAMES:
        added = await fac.call({"type": "add_stakeholder", "board": "stakeholders", "section": "map",
                                "category": category, "names": names, "x": x, "y": y})
        assert added["type"] == "ok", added
    await fac.close()

    for viewport, name in ((PHONE, "360"), (SUMMARY_LAPTOP, "1280")):
        page = await pages.open(viewport, phone=viewport is PHONE, name=f"long-names-{name}")
        await page.goto(f"{server.http_url}/s/{sid}#f={secret}")
        the_map = page.get_by_test_id("sum-map-map")
        await expect(the_map.locator(".sum-map-item")).to_have_count(len(LONG_NAMES))
        assert await map_problems(page) == [], name
        for category, names, _, _ in LONG_NAMES:
            item = the_map.locator(".sum-map-item", has_text=category)
            # the whole text, without soft hyphens (a word broken in two), at most a little smaller
            await expect(item.locator(".sum-map-cat")).to_have_text(category)
            await expect(item.locator(".sum-map-names")).to_have_text(names)
            for label in (item.locator(".sum-map-cat"), item.locator(".sum-map-names")):
                assert await label.evaluate(FONT_SHARE) >= 0.75, (name, category)
        assert await page.evaluate(NO_SIDEWAYS_SCROLL), name
        assert await page.evaluate(BROKEN_WORDS) == [], name
        await the_map.screenshot(path=str(artifacts / f"summary-map-long-names-{name}.png"))

    # printed (A4, 180 mm between the margins): laid out again for the paper
    await page.emulate_media(media="print")
    await page.wait_for_function("() => document.querySelector('[data-testid=sum-map-map]').clientWidth < 690")
    assert await map_problems(page) == [], "print"
    assert await page.evaluate(BROKEN_WORDS) == [], "print"
    await page.emulate_media(media="screen")


LONG_WORD = "Jeugdgezondheidszorgsamenwerkingsverbandcoördinatoren"  # a Dutch compound, 53 letters


async def test_a_word_longer_than_the_phone_is_wide_breaks_and_the_page_keeps_its_width(server, pages, artifacts):
    """A session title and a stakeholder that are one long Dutch compound: on a phone the summary
    stays as wide as the phone (nothing scrolls sideways or sticks out); only that word, which
    cannot fit on a line, is broken."""
    session = await api_session(server.http_url, title="Ketensamenwerkingsovereenkomstonderhandelingen",
                                boards=["stakeholders"])
    sid, secret = session["session"], session["facilitator_secret"]
    fac = await Client(server.ws_url).connect()
    await fac.hello(sid, token=secret)
    assert (await fac.call({"type": "add_stakeholder", "board": "stakeholders", "section": "map",
                            "category": LONG_WORD, "names": f"{LONG_WORD} en ouders"}))["type"] == "ok"
    item = (await fac.event("stakeholder_saved"))["event"]["item"]["id"]
    assert (await fac.call({"type": "add_attached_note", "board": "stakeholders", "section": "map",
                            "item": item, "kind": "belang", "text": LONG_WORD}))["type"] == "ok"
    await fac.close()
    page = await pages.open(PHONE, phone=True, name="long-word")
    await page.goto(f"{server.http_url}/s/{sid}#f={secret}")
    await expect(page.get_by_test_id("sum-stakeholders-map")).to_contain_text("en ouders")
    assert await page.evaluate(NO_SIDEWAYS_SCROLL)
    # Pieces of the two long words (the map hyphenates its labels' pieces) and nothing else.
    longs = (LONG_WORD, "Ketensamenwerkingsovereenkomstonderhandelingen")
    broken = await page.evaluate(BROKEN_WORDS)
    assert broken and all(any(word in long for long in longs) for word in broken), broken
    await page.screenshot(path=str(artifacts / "summary-long-word-360.png"), full_page=True)


async def test_the_summary_shows_the_sections_in_the_template_s_order_whatever_their_kinds(server, pages, artifacts):
    """Card 1 interleaves kinds (the wall, a text, the draft, a text, the agendas) and the kick-off
    too (open question, word cloud, stand, statements, a text, the values contract, a text, word cloud): the summary page shows
    each board's sections in its template's order, each block by its kind (the client's registry)."""
    session = await api_session(server.http_url, boards=["ambitie", "kickoff"])
    page = await pages.open(SUMMARY_LAPTOP)
    await page.goto(f"{server.http_url}/s/{session['session']}#f={session['facilitator_secret']}")
    await expect(page.get_by_test_id("summary")).to_be_visible()
    shown = await page.evaluate("""() => [...document.querySelectorAll('[data-testid=summary] > section.sum-section')]
        .map((s) => s.dataset.testid).filter((id) => id && id !== 'sum-checkout' && id !== 'sum-steps')""")
    assert shown == ["sum-wall-wand", "sum-text-zinnen", "sum-draft-concreet", "sum-text-ambitie", "sum-insights-agendas",
                     "sum-open-verwachtingen", "sum-wordcloud-thema", "sum-stand-cirkel", "sum-statements-klaar",
                     "sum-text-exploreervraag", "sum-agreements-contract", "sum-text-afspraken",
                     "sum-wordcloud-checkout"], shown
    await shot(page, artifacts / "summary-template-order-1280.png", full_page=True)
