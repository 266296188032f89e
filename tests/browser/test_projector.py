"""The projector at every common beamer size: it fits the screen at each step, legible across a room."""

from __future__ import annotations

import asyncio
import contextlib
import re

from playwright.async_api import TimeoutError as PlaywrightTimeoutError
from playwright.async_api import expect

from tests.browser.axe import violations
from tests.browser.conftest import PHONE
from tests.support.client import Client, create_session, join

BEAMERS = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080), (3840, 2160)]

# what a person would call broken: a scrollbar, a part cut off at the edge, a word broken inside
FITS = """() => {
  const out = [];
  const se = document.scrollingElement;
  if (se.scrollHeight > innerHeight + 1 || se.scrollWidth > innerWidth + 1) out.push('page scrolls');
  for (const el of document.querySelectorAll('.proj-board > *:not([hidden]), .proj-side > *')) {
    const r = el.getBoundingClientRect();
    if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1) out.push(`${el.className} runs off the screen`);
  }
  for (const el of document.querySelectorAll('.squeezed')) out.push(`word broken: ${el.textContent}`);
  return out;
}"""


async def open_projectors(server, pages, session: dict, name: str) -> list:
    """The session's projector page at every beamer size, each showing its timer: [((w, h), page)]."""
    screens = []
    for width, height in BEAMERS:
        page = await pages.open({"width": width, "height": height}, name=f"{name}-{width}")
        await page.goto(f"{server.http_url}/p/{session['session']}#c={session['join_code']}")
        await expect(page.get_by_test_id("timer-panel")).to_be_visible()
        screens.append(((width, height), page))
    return screens


async def test_the_projector_fits_every_beamer_at_every_step(server, pages, artifacts):
    """At 1024x768 up to 3840x2160: no scrollbar, nothing cut off, no word broken, the timer's
    digits at least 8 % of the screen height; the start, a dot step, after the vote (the groups
    side by side) and step 4 each show what the room should see."""
    session = await create_session(server.http_url, title="Leernetwerk Jeugd Oost – maart", texts={
        "samenspel": {"ambitie": {"ambitie": "Samen zorgen we dat elk kind in Oost op tijd de juiste hulp krijgt.",
                                  "doel1": "Wachttijden voor jeugdhulp halveren in 2026.",
                                  "doel2": "Professionals leren structureel van elkaars casuïstiek."}}})
    facilitator = await Client(server.ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    voters = []
    for name, group in (("Ann", "leernetwerk"), ("Max", "management")):
        person = await join(server.http_url, session["join_code"], name, group)
        voters.append(await Client(server.ws_url).connect())
        await voters[-1].hello(session["session"], token=person["token"])
    screens = await open_projectors(server, pages, session, "projector")

    async def check(scene: str, visible: str) -> None:
        for (width, height), page in screens:
            await expect(page.get_by_test_id(visible)).to_be_visible()
            await page.evaluate("document.fonts.ready")
            assert await page.evaluate(FITS) == [], (scene, width, height)
            timer = page.get_by_test_id("timer")
            if await timer.is_visible():
                box = await timer.bounding_box()
                assert box["height"] >= 0.08 * height, (scene, width, box)
            await page.screenshot(path=str(artifacts / f"projector-{scene}-{width}x{height}.png"))

    await check("start", "text-ambitie-ambitie")
    await facilitator.call({"type": "set_step", "step": "drijfveren"})
    for voter, options in zip(voters, (("impact", "zingeving", "autonomie"), ("impact", "resultaat", "kwaliteit"))):
        for option in options:
            await voter.call({"type": "place_dot", "board": "samenspel", "section": "drijfveren", "option": option})
    await facilitator.call({"type": "add_note", "board": "samenspel", "section": "inzichten", "lane": "drijfveren",
                            "text": "Impact drijft beide groepen."})
    await check("drijfveren", "option-drijfveren-impact")
    for _, page in screens:  # the step's insight is on the screen, the other steps' lanes are not
        await expect(page.get_by_test_id("lane-inzichten-drijfveren")).to_contain_text("Impact drijft beide groepen.")
        await expect(page.get_by_test_id("lane-inzichten-pijlers")).to_be_hidden()
    await facilitator.call({"type": "set_locked", "board": "samenspel", "section": "drijfveren", "locked": True})
    await check("after-the-vote", "projector-differ-drijfveren")
    for _, page in screens:
        await expect(page.get_by_test_id("differ-drijfveren-impact")).to_have_attribute("data-mark", "agree")
    await facilitator.call({"type": "set_step", "step": "actie"})
    await check("actie", "lane-actie-leernetwerk-doen")
    for _, page in screens:
        await expect(page.get_by_test_id("lane-inzichten-drijfveren")).to_be_visible()
        await expect(page.get_by_test_id("text-ambitie-ambitie")).to_be_visible()
    await facilitator.call({"type": "set_joining", "open": False})
    for _, page in screens:  # the code goes once joining is locked
        await expect(page.get_by_test_id("projector-join")).to_be_hidden()
    for client in (facilitator, *voters):
        await client.close()


async def test_a_phone_that_joins_during_step_3_lands_on_its_section(server, pages):
    """Joining while step 3 is on, and reloading, the phone shows the pillars, not the ambition."""
    session = await create_session(server.http_url)
    facilitator = await Client(server.ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    await facilitator.call({"type": "set_step", "step": "pijlers"})
    phone = await pages.open(PHONE, phone=True, name="phone")
    await phone.goto(f"{server.http_url}/j/{session['join_code']}")
    await phone.get_by_test_id("join-name").fill("Noor")
    await phone.get_by_test_id("join-group-management").check()
    await phone.get_by_test_id("join-submit").click()
    for attempt in ("after joining", "after a reload"):
        await phone.wait_for_function(
            """() => { const r = document.querySelector('[data-testid=section-pijlers]')?.getBoundingClientRect();
                       return !!r && r.top >= 0 && r.top < innerHeight / 2; }""")
        title = phone.get_by_test_id("section-pijlers").locator(".sec-title")
        box = await title.bounding_box()
        timer = await phone.get_by_test_id("timer-panel").bounding_box()
        assert box["y"] >= timer["y"] + timer["height"] - 1, f"the pinned timer covers the title {attempt}"
        if attempt == "after joining":
            await phone.reload()
    await facilitator.close()


# the chips on the matrix, in screen px: none may cover another
CHIP_OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('[data-testid=matrix-surface] .sh-layer .sh-chip')]
    .map((el) => [el.textContent, el.getBoundingClientRect()]);
  const out = [];
  for (const [i, [a, ra]] of boxes.entries()) {
    for (const [b, rb] of boxes.slice(i + 1)) {
      if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) out.push(`${a} / ${b}`);
    }
  }
  return out;
}"""

STAKEHOLDERS = [("Onderzoekers", "Hogeschool", (0.8, 0.8)), ("Management", "MT en directie", (0.2, 0.85)),
                ("Zorgaanbieders", "Specialistische jeugdhulp", (0.75, 0.3)), ("Wijkteams", "Jeugdconsulenten", (0.3, 0.2)),
                ("Ervaringsdeskundigen", "Jongerenraad", (0.85, 0.75)),
                ("Scholen, kinderopvang en jeugdzorg", "Basisscholen", None), ("Gemeente", "Beleidsadviseur jeugd", None),
                ("Huisartsen", "POH-GGZ", None)]


async def test_the_stakeholder_projector_fits_every_beamer_and_shows_what_the_step_is_about(server, pages, artifacts):
    """The stakeholder board at 1024x768 up to 3840x2160: no scrollbar, nothing cut off, no word
    broken; step 3 shows the matrix filling the stage's height with those not placed yet beside it,
    step 4 the checklist with the map beside it."""
    from tests.browser.test_stakeholders import MAP, stakeholder_session
    session = await stakeholder_session(server)
    facilitator = await Client(server.ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    ids = {}
    for category, names, _ in STAKEHOLDERS:
        assert (await facilitator.call({"type": "add_stakeholder", **MAP, "category": category, "names": names}))["type"] == "ok"
        while (event := (await facilitator.event("stakeholder_saved"))["event"])["change"] != "add":
            pass
        ids[category] = event["item"]["id"]
    for category, _, place in STAKEHOLDERS:
        if place:
            frame = {"type": "place_in_matrix", **MAP, "item": ids[category], "interest": place[0], "influence": place[1]}
            assert (await facilitator.call(frame))["type"] == "ok"
    placed = [ids[c] for c, _, place in STAKEHOLDERS if place]
    unplaced = [ids[c] for c, _, place in STAKEHOLDERS if not place]
    screens = await open_projectors(server, pages, session, "projector-sh")

    async def fits(scene: str) -> None:
        for (width, height), page in screens:
            await page.evaluate("document.fonts.ready")
            assert await page.evaluate(FITS) == [], (scene, width, height)
            await page.screenshot(path=str(artifacts / f"projector-stakeholders-{scene}-{width}x{height}.png"))

    await facilitator.call({"type": "set_step", "step": "stakeholders"})
    for _, page in screens:
        for item_id in ids.values():
            await expect(page.get_by_test_id(f"stakeholder-{item_id}")).to_be_visible()
    await fits("stakeholders")

    await facilitator.call({"type": "set_step", "step": "matrix"})
    for (width, height), page in screens:
        await expect(page.get_by_test_id("map-surface")).to_be_hidden()
        for item_id in placed:
            await expect(page.get_by_test_id(f"matrix-item-{item_id}")).to_be_visible()
        for item_id in unplaced:  # the room sees who is not on the matrix yet, and how many
            await expect(page.get_by_test_id("matrix-tray").get_by_test_id(f"tray-item-{item_id}")).to_be_visible()
        await expect(page.get_by_test_id("matrix-tray-count")).to_have_text(str(len(unplaced)))
        # the chips are laid out again once the matrix has its size (a frame after the step shows
        # it): wait for that, then none may cover another
        with contextlib.suppress(PlaywrightTimeoutError):
            await page.wait_for_function(f"({CHIP_OVERLAPS})().length === 0", timeout=5000)
        assert await page.evaluate(CHIP_OVERLAPS) == [], (width, height)
        board = await page.get_by_test_id("board").bounding_box()
        matrix = await page.get_by_test_id("matrix-surface").bounding_box()
        card = await page.get_by_test_id("section-matrix").bounding_box()
        assert card["y"] + card["height"] >= board["y"] + 0.97 * board["height"], ("the matrix takes the height left", width, card, board)
        assert matrix["height"] >= 0.7 * board["height"], ("the matrix fills the stage's height", width, matrix, board)
    await fits("matrix")

    await facilitator.call({"type": "set_step", "step": "aannames"})
    for (width, height), page in screens:
        checklist = page.get_by_test_id("section-aannames")
        surface = page.get_by_test_id("map-surface")
        await expect(checklist).to_be_visible()
        await expect(surface).to_be_visible()  # the room checks its assumptions on the map
        for item_id in ids.values():
            await expect(page.get_by_test_id(f"stakeholder-{item_id}")).to_be_visible()
        left, right = await checklist.bounding_box(), await surface.bounding_box()
        assert left["x"] + left["width"] <= right["x"], ("the map beside the checklist", width)
        board = await page.get_by_test_id("board").bounding_box()
        card = await page.get_by_test_id("section-map").bounding_box()
        assert card["y"] + card["height"] >= board["y"] + 0.97 * board["height"], ("the map takes the height left", width, card, board)
        assert right["height"] >= 0.5 * board["height"], ("the map fills the stage's height", width, right, board)
    await fits("aannames")
    await facilitator.close()


# --- a whole Samenspel session on the projector: everything the room should see is on it ----------

# every post-it, action and insight on the board: its box inside the screen and inside every
# ancestor that clips (overflow other than visible), and its text not cut inside the note itself;
# a note that is paged away (data-paged-out) must be shown whole on another page
CLIPPED = """() => {
  const out = [];
  const se = document.scrollingElement;
  if (se.scrollHeight > innerHeight + 1 || se.scrollWidth > innerWidth + 1) out.push('page scrolls');
  const inside = (r, b) => r.left >= b.left - 1 && r.top >= b.top - 1 && r.right <= b.right + 1 && r.bottom <= b.bottom + 1;
  const screen = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  const items = document.querySelectorAll('.proj-board .note, .proj-board .lane-title, .proj-board .sec-title, .proj-board .central-question, .proj-side > *');
  for (const el of items) {
    if (!el.getClientRects().length || el.closest('[data-paged-out]')) continue;
    const r = el.getBoundingClientRect();
    const name = `${el.className}: ${el.textContent.slice(0, 40)}`;
    if (!inside(r, screen)) { out.push(`off the screen: ${name}`); continue; }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      if (!inside(r, a.getBoundingClientRect())) { out.push(`clipped by ${a.className}: ${name}`); break; }
    }
    const text = el.querySelector('.note-text');
    if (text && text.scrollHeight > text.clientHeight + 1) out.push(`text cut: ${name}`);
  }
  return out;
}"""

# the differ's rows against the insights box below it
DIFFER_OVER_INSIGHTS = """() => {
  const box = document.querySelector('.proj-board .sec-id-inzichten:not([hidden])')?.getBoundingClientRect();
  if (!box) return ['no insights box'];
  const out = [];
  for (const row of document.querySelectorAll('.proj-differ:not([hidden]) .differ-row')) {
    const r = row.getBoundingClientRect();
    if (r.bottom > box.top + 1 && r.top < box.bottom - 1) out.push(row.textContent);
  }
  return out;
}"""

INSIGHTS = {
    "ambitie": ["Ervaringsdeskundigheid en jeugdhulpverlening horen structureel bij de ambitie."],
    "drijfveren": ["Impact en Resultaatgerichtheid drijven beide groepen, Zingeving vooral het leernetwerk.",
                   "Kwaliteitsverbeteringstrajecten worden pas gedragen als teams zich gehoord voelen."],
    "pijlers": ["Kennisdelingsbijeenkomsten vragen tijd die nu nergens in de capaciteitsplanning staat.",
                "Samenwerkingsafspraken tussen wijkteams en specialistische jeugdhulp ontbreken."],
    "actie": ["Verantwoordelijkheidsverdeling vastleggen vóór de volgende bijeenkomst."],
}
ACTIONS = {
    "leernetwerk-nodig": ["Tijd in het rooster voor intervisie en casuïstiekbespreking.",
                          "Een vaste contactpersoon bij het management.",
                          "Budget voor scholing in oplossingsgericht werken."],
    "leernetwerk-doen": ["Maandelijkse kennisdelingsbijeenkomst organiseren.",
                         "Ervaringsverhalen van jongeren verzamelen en delen.",
                         "Een werkgroep Resultaatgerichtheid starten."],
    "management-nodig": ["Inzicht in de wachttijden per wijk, elk kwartaal.",
                         "Voorstellen van het leernetwerk op één A4.",
                         "Meedenkers uit de jongerenraad."],
    "management-doen": ["Capaciteitsplanning aanpassen zodat leertijd geborgd is.",
                        "Twee keer per jaar aansluiten bij het leernetwerk.",
                        "Samenwerkingsafspraken met gemeente vastleggen."],
}
OWNERS = ["Ann", "Bram", "Max", "Noor", "Leernetwerkcoördinator", "MT"]


async def full_samenspel_session(server) -> tuple[dict, Client, list[Client]]:
    """A whole Samenspel session: four people in two groups, both dot steps voted and locked, six
    insights and twelve actions with owners (long Dutch words); returns (session, facilitator, people)."""
    session = await create_session(server.http_url, title="Leernetwerk Jeugd Oost – maart", texts={
        "samenspel": {"ambitie": {"ambitie": "Samen zorgen we dat elk kind in Oost op tijd de juiste hulp krijgt, dichtbij huis.",
                                  "doel1": "Wachttijden voor jeugdhulp halveren in 2026.",
                                  "doel2": "Professionals leren structureel van elkaars casuïstiek."}}})
    facilitator = await Client(server.ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    people = []
    for name, group in (("Ann", "leernetwerk"), ("Bram", "leernetwerk"), ("Max", "management"), ("Noor", "management")):
        person = await join(server.http_url, session["join_code"], name, group)
        people.append(await Client(server.ws_url).connect())
        await people[-1].hello(session["session"], token=person["token"])
    votes = {"drijfveren": (("impact", "zingeving", "autonomie"), ("impact", "resultaat", "zingeving"),
                            ("impact", "resultaat", "kwaliteit"), ("teamontwikkeling", "resultaat", "duurzaamheid")),
             "pijlers": (("tijd", "kennisdeling", "capaciteit"), ("tijd", "samenwerking", "middelen"),
                         ("structuur", "communicatie", "capaciteit"), ("structuur", "samenwerking", "tijd"))}
    for section, choices in votes.items():
        for person, options in zip(people, choices):
            for option in options:
                reply = await person.call({"type": "place_dot", "board": "samenspel", "section": section, "option": option})
                assert reply["type"] == "ok", reply
        await facilitator.call({"type": "set_locked", "board": "samenspel", "section": section, "locked": True})
    for lane, texts in INSIGHTS.items():
        for text in texts:
            reply = await facilitator.call({"type": "add_note", "board": "samenspel", "section": "inzichten", "lane": lane, "text": text})
            assert reply["type"] == "ok", reply
    for i, (lane, texts) in enumerate(ACTIONS.items()):
        author = people[0] if lane.startswith("leernetwerk") else people[2]
        for j, text in enumerate(texts):
            reply = await author.call({"type": "add_note", "board": "samenspel", "section": "actie", "lane": lane,
                                       "text": text, "owner": OWNERS[(i + j) % len(OWNERS)]})
            assert reply["type"] == "ok", reply
    return session, facilitator, people


async def test_the_projector_shows_every_action_and_insight_at_every_beamer_size(server, pages, artifacts):
    """With a whole session's content, at step 2 (after the vote), step 4, the close and after closing,
    at 1024x768 up to 3840x2160: every post-it and insight is on the screen whole (or on a page of
    its own with the page indicator showing), the comparison stays clear of the insights, nothing scrolls."""
    session, facilitator, people = await full_samenspel_session(server)
    screens = await open_projectors(server, pages, session, "projector-full")
    scenes = [("drijfveren", {"type": "set_step", "step": "drijfveren"}, "projector-differ-drijfveren"),
              ("actie", {"type": "set_step", "step": "actie"}, "lane-actie-management-doen"),
              ("afsluiting", {"type": "set_step", "step": "afsluiting"}, "lane-actie-management-doen"),
              ("closed", {"type": "close_session"}, "lane-actie-management-doen")]
    problems = []  # all of them, so that one run shows the whole picture
    for scene, command, visible in scenes:
        assert (await facilitator.call(command))["type"] == "ok"
        for (width, height), page in screens:
            await expect(page.get_by_test_id(visible)).to_be_visible()
            await page.evaluate("document.fonts.ready")
            await page.wait_for_function("() => !document.querySelector('.proj-board.fitting')")
            await page.screenshot(path=str(artifacts / f"projector-full-{scene}-{width}x{height}.png"))
            problems += [(scene, width, p) for p in await page.evaluate(CLIPPED)]
            if scene == "drijfveren":
                problems += [(scene, width, f"the differ over the insights: {p}") for p in await page.evaluate(DIFFER_OVER_INSIGHTS)]
            await assert_every_note_shown(page, scene, width)
            if width in (1024, 1920):
                problems += [(scene, width, f"axe: {v['id']} {v['nodes'][0]['target']}") for v in await violations(page)]
    assert problems == [], "\n".join(map(str, problems))
    for client in (facilitator, *people):
        await client.close()


async def assert_every_note_shown(page, scene: str, width: int) -> None:
    """No post-it is paged away without the page indicator saying so."""
    if await page.locator(".proj-board [data-paged-out]").count():
        await expect(page.get_by_test_id("projector-page")).to_be_visible()


SHOWN_NOTES = """() => [...document.querySelectorAll('.proj-board .note')]
  .filter((n) => n.getClientRects().length).map((n) => n.dataset.testid)"""


async def test_more_actions_than_the_projector_can_show_are_paged_with_an_indicator(server, pages, artifacts):
    """Forty actions at step 4 on a 1280x720 beamer: the board pages, "Pagina 1/n" shows, the pages
    turn by themselves, and every action is shown whole on one of them."""
    session, facilitator, people = await full_samenspel_session(server)
    for i in range(28):
        lane = list(ACTIONS)[i % 4]
        author = people[0] if lane.startswith("leernetwerk") else people[2]
        reply = await author.call({"type": "add_note", "board": "samenspel", "section": "actie", "lane": lane,
                                   "text": f"Actiepunt {i + 1}: kennisdelingsbijeenkomsten plannen met de jeugdconsulenten.",
                                   "owner": OWNERS[i % len(OWNERS)]})
        assert reply["type"] == "ok", reply
    await facilitator.call({"type": "set_step", "step": "actie"})
    page = await pages.open({"width": 1280, "height": 720}, name="projector-paged")
    await page.goto(f"{server.http_url}/p/{session['session']}#c={session['join_code']}")
    indicator = page.get_by_test_id("projector-page")
    await expect(indicator).to_have_text(re.compile(r"^Pagina 1/\d$"))
    total = int((await indicator.inner_text()).split("/")[1])
    reader = await Client(server.ws_url).connect()
    welcome = await reader.hello(session["session"], token=session["facilitator_secret"])
    every = {n["id"] for n in welcome["state"]["boards"]["samenspel"]["notes"]["actie"]}
    assert len(every) == 40
    await reader.close()
    seen = set()
    for n in range(1, total + 1):
        await expect(indicator).to_have_text(f"Pagina {n}/{total}", timeout=15_000)
        await page.wait_for_function("() => !document.querySelector('.proj-board.fitting')")
        assert await page.evaluate(CLIPPED) == [], n
        seen |= {t.removeprefix("note-") for t in await page.evaluate(SHOWN_NOTES)}
        await page.screenshot(path=str(artifacts / f"projector-paged-{n}-1280x720.png"))
    assert every <= seen, every - seen
    await expect(indicator).to_have_text(f"Pagina 1/{total}", timeout=15_000)  # and round again
    assert await violations(page) == []
    for client in (facilitator, *people):
        await client.close()


# what the time-up banner covers of the title bar and the timer (nothing, or it is a defect)
BANNER_CLEAR = """() => {
  const b = document.querySelector('[data-testid=timeup-banner]').getBoundingClientRect();
  if (!b.height) return ['banner not shown'];
  return ['session-title', 'current-step', 'timer-panel'].filter((id) => {
    const r = document.querySelector(`[data-testid=${id}]`).getBoundingClientRect();
    return b.left < r.right - 1 && r.left < b.right - 1 && b.top < r.bottom - 1 && r.top < b.bottom - 1;
  });
}"""


async def test_time_up_on_the_projector_leaves_title_and_timer_in_view_and_goes_by_itself(server, pages, artifacts):
    """"Tijd is om!" on the projector covers neither the title bar nor the timer at any beamer size,
    the board still fits under it, and it goes by itself after a while; the facilitator's banner says
    how to clear it, and Reset does."""
    session, facilitator, people = await full_samenspel_session(server)
    await facilitator.call({"type": "set_step", "step": "actie"})
    screens = await open_projectors(server, pages, session, "projector-timeup")
    fac = await pages.open(name="facilitator")
    await fac.goto(f"{server.http_url}/b/{session['session']}#f={session['facilitator_secret']}")
    await facilitator.call({"type": "timer", "action": "start", "seconds": 1})

    async def while_up(size, page):  # all screens at once: the banner is up for a while only
        await expect(page.get_by_test_id("timeup-banner")).to_be_visible()
        await page.wait_for_function("() => !document.querySelector('.proj-board.fitting')")
        seen = await page.evaluate(BANNER_CLEAR)
        await page.screenshot(path=str(artifacts / f"projector-timeup-{size[0]}x{size[1]}.png"))
        return size, seen, await page.evaluate(CLIPPED)

    for size, seen, clipped in await asyncio.gather(*(while_up(size, page) for size, page in screens)):
        assert seen == [], (size, seen)
        assert clipped == [], (size, clipped)
    await expect(fac.get_by_test_id("timeup-howto")).to_have_text("Weg met Reset, +1 min of de volgende stap")
    await fac.screenshot(path=str(artifacts / "facilitator-timeup-howto-1280.png"))
    for _, page in screens:  # the room has seen it: it goes, the timer panel still says the time is up
        await expect(page.get_by_test_id("timeup-banner")).to_be_hidden(timeout=30_000)
        await expect(page.get_by_test_id("timer-panel")).to_have_attribute("data-phase", "up")
    await facilitator.call({"type": "timer", "action": "reset"})
    await expect(fac.get_by_test_id("timeup-banner")).to_be_hidden()
    for client in (facilitator, *people):
        await client.close()


# a bar's number: its size on the screen, and its contrast with what is behind it (its own
# background if it has one, else the group's fill where the fill runs under it, else the bar)
BAR_LABELS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  return [...document.querySelectorAll('.proj-differ:not([hidden]) .differ-num')].map((num) => {
    const bar = num.closest('.differ-bar');
    const fill = bar.querySelector('.differ-fill');
    const r = num.getBoundingClientRect();
    const f = fill.getBoundingClientRect();
    const own = rgb(getComputedStyle(num).backgroundColor);
    let behind;
    if (own.length === 3 || (own.length === 4 && own[3] === 1)) behind = own;
    else if (f.width > 0 && f.right > r.left + 2) behind = rgb(getComputedStyle(fill).backgroundColor);
    else behind = rgb(getComputedStyle(bar).backgroundColor);
    const px = parseFloat(getComputedStyle(num).fontSize) * r.height / num.offsetHeight;
    return { text: num.textContent, contrast: ratio(rgb(getComputedStyle(num).color), behind), px };
  });
}"""


async def test_the_comparison_bar_labels_are_readable_across_the_room(server, pages):
    """After the vote, every number on the projector's comparison bars has a contrast of at least
    4.5:1 with what is behind it and is at least 1.1 % of the screen's width tall (12 px at 1024)."""
    session, facilitator, people = await full_samenspel_session(server)
    await facilitator.call({"type": "set_step", "step": "drijfveren"})
    for (width, height), page in await open_projectors(server, pages, session, "projector-bars"):
        await expect(page.get_by_test_id("projector-differ-drijfveren")).to_be_visible()
        await page.wait_for_function("() => !document.querySelector('.proj-board.fitting')")
        labels = await page.evaluate(BAR_LABELS)
        assert len(labels) == 16
        assert [x for x in labels if x["contrast"] < 4.5] == [], width
        assert [x for x in labels if x["px"] < 0.011 * width] == [], width
    for client in (facilitator, *people):
        await client.close()


async def test_the_projector_asks_for_a_click_to_turn_the_sound_on(server, pages):
    """While the time-up sound is on and the browser still keeps the page silent, the projector says
    "Klik hier om het geluid aan te zetten"; one click anywhere and the hint is gone."""
    session = await create_session(server.http_url)
    page = await pages.open({"width": 1280, "height": 720}, name="projector-sound")
    await page.goto(f"{server.http_url}/p/{session['session']}#c={session['join_code']}")
    hint = page.get_by_test_id("sound-hint")
    await expect(hint).to_have_text("Klik hier om het geluid aan te zetten")
    await page.mouse.click(300, 300)
    await expect(hint).to_be_hidden()
    await page.get_by_test_id("sound-toggle").uncheck()  # no sound wanted: nothing to ask
    await page.reload()
    await expect(page.get_by_test_id("timer-panel")).to_be_visible()
    await expect(hint).to_be_hidden()


async def test_the_projector_tells_the_room_a_tally_is_hidden_until_the_reveal(server, pages):
    """A hidden tally on the projector reads "Verborgen tot de onthulling", not the facilitator's
    "Verborgen voor deelnemers"."""
    session = await create_session(server.http_url)
    facilitator = await Client(server.ws_url).connect()
    await facilitator.hello(session["session"], token=session["facilitator_secret"])
    await facilitator.call({"type": "set_step", "step": "drijfveren"})
    await facilitator.call({"type": "set_hidden", "board": "samenspel", "section": "drijfveren", "hidden": True})
    page = await pages.open({"width": 1280, "height": 720}, name="projector-hidden")
    await page.goto(f"{server.http_url}/p/{session['session']}#c={session['join_code']}")
    notice = page.get_by_test_id("hidden-notice-drijfveren")
    await expect(notice).to_have_text("Verborgen tot de onthulling")
    await expect(page.get_by_text("Verborgen voor deelnemers")).to_have_count(0)
    await facilitator.close()
