"""A learning network in the browser: started from the start page, a stakeholder map and then a
Samenspel run from its page with participants and a projector, each one's contribution confirmed,
the next session starting from the ambition; the page live on two laptops, on a phone, and printed.
Then the instruction cards: card 1's agendas prefill card 3, whose close panel offers its outcome
and radar medians without the network page; card 4 shows card 1's ambition and gives its roles;
the page with them all."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import Page, expect

from tests.browser.axe import report, violations
from tests.browser.test_summary import BROKEN_WORDS
from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, join as join_in_browser, shot
from tests.support.client import Client, join

AMBITIE = "Samen zorgen we dat elk kind in Oost op tijd de juiste hulp krijgt, dichtbij huis."
LONG = "Jeugdhulpverleningsorganisatieoverleg"  # a long Dutch word, whole on every screen

NO_SIDEWAYS_SCROLL = """() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"""


async def start_network(page: Page, base: str) -> str:
    await page.goto(base + "/")
    await page.get_by_test_id("start-network").click()
    await page.get_by_test_id("net-name").fill("Leernetwerk Jeugd Oost")
    await page.get_by_test_id("net-theme").fill(f"Samen leren over de wijk heen – {LONG}")
    await page.get_by_test_id("net-start").click()
    await expect(page.get_by_test_id("net-title")).to_have_text("Leernetwerk Jeugd Oost")
    return re.search(r"/n/(n\.[A-Za-z0-9_-]+)", page.url).group(1)


async def new_session(page: Page, title: str, boards: set[str]) -> Page:
    """Start a session from the network page; the board opens in a new tab (the facilitator's)."""
    for board in ("actiepunten", "kickoff", "ambitie", "stakeholders", "juiste_weg", "rollen", "samenspel"):
        box = page.get_by_test_id(f"net-board-{board}")
        await (box.check() if board in boards else box.uncheck())
    await page.get_by_test_id("net-session-title").fill(title)
    async with page.context.expect_page() as popup:
        await page.get_by_test_id("net-new-session").click()
    board = await popup.value
    await expect(board.get_by_test_id("board")).to_be_visible()
    return board


async def session_of(board: Page) -> tuple[str, str, str]:
    """The session the board shows, its facilitator secret and join code (kept by the network page)."""
    session = re.search(r"/b/([A-Za-z0-9_-]+)", board.url).group(1)
    secret = await board.evaluate(f"localStorage.getItem('samenspel.fac.{session}')")
    code = await board.evaluate(f"localStorage.getItem('samenspel.code.{session}')")
    return session, secret, code


async def people(server, session: str, code: str, groups=("leernetwerk", "management")) -> list[Client]:
    """Two participants on real websockets (the browser part is the facilitator and the projector)."""
    out = []
    for name, group in zip(("Ann", "Max"), groups):
        token = (await join(server.http_url, code, name, group))["token"]
        client = await Client(server.ws_url).connect()
        assert (await client.hello(session, token=token))["type"] == "welcome"
        out.append(client)
    return out


async def ok(client: Client, frame: dict) -> None:
    reply = await client.call(frame)
    assert reply["type"] == "ok", (frame, reply)


async def test_a_network_carries_the_ambition_and_actions_from_session_to_session(server, pages, artifacts):
    base = server.http_url
    fac = await pages.open(LAPTOP, name="facilitator")
    nid = await start_network(fac, base)
    await expect(fac.get_by_test_id("net-links")).to_be_visible()
    co_link = await fac.get_by_test_id("net-co-link").inner_text()

    # 1. A stakeholder map: the facilitator writes the ambition and a stakeholder, a participant adds one.
    board = await new_session(fac, "Instructie 1 – stakeholders", {"stakeholders"})
    session, secret, code = await session_of(board)
    fac_ws = await Client(server.ws_url).connect()
    assert (await fac_ws.hello(session, token=secret))["type"] == "welcome"
    projector = await pages.open(PROJECTOR, name="projector")
    await projector.goto(f"{base}/p/{session}#c={code}")
    await expect(projector.get_by_test_id("board")).to_be_visible()
    ann, max_ = await people(server, session, code, ("deelnemer", "deelnemer"))
    await ok(fac_ws, {"type": "set_text", "board": "stakeholders", "section": "ambitie", "field": "ambitie", "text": AMBITIE})
    await ok(fac_ws, {"type": "set_step", "board": "stakeholders", "step": "stakeholders"})
    await ok(ann, {"type": "add_stakeholder", "board": "stakeholders", "section": "map", "category": "Huisartsen",
                   "names": "Praktijk Oost"})
    await ok(fac_ws, {"type": "close_session"})
    await fac.bring_to_front()
    await fac.evaluate("window.dispatchEvent(new Event('focus'))")
    panel = fac.get_by_test_id("net-contribution")
    await expect(panel).to_contain_text("Huisartsen")
    await expect(panel).to_contain_text(AMBITIE)
    await fac.get_by_test_id("net-confirm-all").click()
    await expect(fac.get_by_test_id("net-ambition")).to_contain_text(AMBITIE)
    await expect(fac.get_by_test_id("net-stakeholders")).to_contain_text("Praktijk Oost")
    await expect(panel).to_have_count(0)

    # 2. Samenspel starts with the network's ambition; votes, actions, the close, the confirmation.
    board2 = await new_session(fac, "Samenspel met management", {"samenspel"})
    await expect(board2.get_by_text(AMBITIE).first).to_be_visible()
    session2, secret2, code2 = await session_of(board2)
    fac2 = await Client(server.ws_url).connect()
    welcome2 = await fac2.hello(session2, token=secret2)
    assert welcome2["state"]["boards"]["samenspel"]["texts"]["ambitie"]["ambitie"] == AMBITIE
    ann2, max2 = await people(server, session2, code2)
    await ok(fac2, {"type": "set_step", "board": "samenspel", "step": "pijlers"})
    for person, options in ((ann2, ("communicatie", "capaciteit", "samenwerking")), (max2, ("communicatie",))):
        for option in options:
            await ok(person, {"type": "place_dot", "board": "samenspel", "section": "pijlers", "option": option})
    await ok(fac2, {"type": "set_step", "board": "samenspel", "step": "actie"})
    await ok(ann2, {"type": "add_note", "board": "samenspel", "section": "actie", "lane": "leernetwerk-doen",
                    "text": f"Intervisie plannen met het {LONG}", "owner": "Ann"})
    await ok(max2, {"type": "add_note", "board": "samenspel", "section": "actie", "lane": "management-doen",
                    "text": "Rooster vrijmaken voor scholing", "owner": "Max"})
    await ok(fac2, {"type": "close_session"})
    await fac.bring_to_front()
    await fac.evaluate("window.dispatchEvent(new Event('focus'))")
    await expect(fac.get_by_test_id("net-contribution")).to_contain_text("Rooster vrijmaken")
    await fac.get_by_test_id("net-confirm-all").click()
    await expect(fac.get_by_test_id("net-action")).to_have_count(2)
    await expect(fac.get_by_test_id("net-multiple").first).to_be_visible()

    # The co-facilitator's laptop sees a status change made on the facilitator's, live.
    co = await pages.open(LAPTOP, name="co-facilitator")
    await co.goto(co_link)
    await expect(co.get_by_test_id("net-action")).to_have_count(2)
    await fac.get_by_test_id("net-action-status").first.select_option("klaar")
    await expect(co.get_by_test_id("net-action")).to_have_count(1)
    await expect(co.get_by_test_id("net-journey").get_by_test_id("net-stop")).to_have_count(2)
    assert not await co.get_by_test_id("net-delete").count()  # the co-facilitator may not delete

    found = await violations(fac)
    assert not found, report(found)
    for client in (fac_ws, ann, max_, fac2, ann2, max2):
        await client.close()

    # 3. The next Samenspel opens with the open action: a participant on a phone marks it, live on
    #    the facilitator's board and the projector; confirmed, the network's action is done.
    await fac.bring_to_front()
    board3 = await new_session(fac, "Samenspel – vervolg", {"actiepunten", "samenspel"})
    session3, secret3, code3 = await session_of(board3)
    review = board3.get_by_test_id("review-item")
    await expect(review).to_have_count(1)
    await expect(review).to_contain_text("Rooster vrijmaken voor scholing")
    fac3 = await Client(server.ws_url).connect()
    assert (await fac3.hello(session3, token=secret3))["type"] == "welcome"
    await ok(fac3, {"type": "set_step", "board": "actiepunten", "step": "acties"})
    projector3 = await pages.open(PROJECTOR, name="projector-3")
    await projector3.goto(f"{base}/p/{session3}#c={code3}")
    await expect(projector3.get_by_test_id("review-item")).to_have_count(1)
    bea = await pages.open(PHONE, phone=True, name="bea")
    await join_in_browser(bea, base, code3, "Bea", "leernetwerk")
    mark_id = await board3.locator('[data-testid^="review-"][data-testid$="-klaar"]').first.get_attribute("data-testid")
    action_id = mark_id[len("review-"):-len("-klaar")]
    await bea.get_by_test_id(f"review-{action_id}-klaar").click()
    await expect(board3.get_by_test_id(f"review-{action_id}-badge")).to_have_text("Klaar")
    await expect(projector3.get_by_test_id(f"review-{action_id}-badge")).to_have_text("Klaar")
    await shot(bea, artifacts / "network-review-phone.png")
    await shot(board3, artifacts / "network-review-laptop.png")
    for width, height in ((1024, 768), (1280, 720), (1366, 768), (1920, 1080), (3840, 2160)):
        await projector3.set_viewport_size({"width": width, "height": height})
        await expect(projector3.get_by_test_id(f"review-{action_id}-badge")).to_have_text("Klaar")
        assert await projector3.evaluate(NO_SIDEWAYS_SCROLL)
        await shot(projector3, artifacts / f"network-review-projector-{width}x{height}.png")
    found = await violations(bea)
    assert not found, report(found)
    await ok(fac3, {"type": "close_session"})
    await fac3.close()
    await fac.bring_to_front()
    await fac.evaluate("window.dispatchEvent(new Event('focus'))")
    await expect(fac.get_by_test_id("net-contribution")).to_contain_text("Actie bijgewerkt")
    await fac.get_by_test_id("net-confirm-all").click()
    await expect(fac.get_by_test_id("net-actions")).to_contain_text("Geen open acties")
    await expect(fac.get_by_test_id("net-stop")).to_have_count(3)

    # Screens: laptop and phone, whole words, nothing sideways; and the A4 print.
    await shot(fac, artifacts / "network-laptop.png", full_page=True)
    phone = await pages.open(PHONE, phone=True, name="phone")
    await phone.goto(co_link)
    await expect(phone.get_by_test_id("net-stop")).to_have_count(3)
    assert await phone.evaluate(NO_SIDEWAYS_SCROLL)
    assert await phone.evaluate(BROKEN_WORDS.replace("[data-testid=summary]", "[data-testid=network-page]")) == []
    await shot(phone, artifacts / "network-phone.png", full_page=True)
    await fac.emulate_media(media="print")
    await shot(fac, artifacts / "network-print.png", full_page=True)
    await fac.pdf(path=str(artifacts / "network-report.pdf"), format="A4", print_background=True)
    await fac.emulate_media(media="screen")

    # Delete now, with a confirmation: the link then says the network is gone.
    fac.once("dialog", lambda dialog: dialog.accept())
    await fac.get_by_test_id("net-delete").click()
    await expect(fac.get_by_test_id("net-deleted")).to_be_visible()
    await co.reload()
    await expect(co.get_by_test_id("net-gone")).to_be_visible()
    assert nid


AGENDAS = {
    "verander": ["Wijkteams werken vanuit één gezinsplan", "Ouders schuiven aan bij elke overdracht",
                 f"Een vast aanspreekpunt in het {LONG}"],
    "opleiding": ["Stage in het wijkteam voor hbo-v-studenten", "Intervisie over de grens van de eigen organisatie"],
    "onderzoek": ["Wat maakt een overdracht warm voor ouders?", "Verkort één gezinsplan de wachttijd?"],
}
TO_AAN_DE_SLAG = (("anderen", "nee"), ("oorzaken", "ja"), ("oplossing", "ja"), ("samenhang", "ja"), ("partijen", "ja"),
                  ("samen_leren", "ja"), ("draagvlak", "ja"))
PILLARS = ("communicatie", "samenwerking", "capaciteit", "middelen", "tijd", "autonomie", "kennisdeling", "structuur")
ROLES = (("leernetwerktrekker", "Fatima el Amrani"), ("procesbegeleider", "Joris de Wit"),
         ("projectassistent", "Sanne Peters"), ("communicatieadviseur", "Mo Bakker"),
         ("verbindingsfunctionaris", "Ilse Janssen"), ("deelnemer", "Ann"), ("deelnemer", "Max"), ("deelnemer", "Bea"),
         ("deelnemer", "Cas"), ("tweede_schil", "Wethouder Jeugd en Onderwijs"))


async def card3_run(server, session: str, code: str, fac: Client, rings: list[tuple[int, ...]], note: str) -> None:
    """The tree to "aan de slag", four people rate the eight pillars, one new research question."""
    for question, answer in TO_AAN_DE_SLAG:
        await ok(fac, {"type": "set_tree_answer", "board": "juiste_weg", "section": "beslisboom", "question": question,
                       "answer": answer})
    await ok(fac, {"type": "set_step", "board": "juiste_weg", "step": "organisatiecontext"})
    for (name, group), per_pillar in zip((("Ann", "leernetwerk"), ("Max", "management"), ("Bea", "leernetwerk"),
                                          ("Cas", "management")), rings):
        token = (await join(server.http_url, code, name, group))["token"]
        person = await Client(server.ws_url).connect()
        assert (await person.hello(session, token=token))["type"] == "welcome"
        for pillar, ring in zip(PILLARS, per_pillar):
            await ok(person, {"type": "place_radar_dot", "board": "juiste_weg", "section": "organisatiecontext",
                              "pillar": pillar, "ring": ring})
        await person.close()
    await ok(fac, {"type": "set_step", "board": "juiste_weg", "step": "agendas"})
    await ok(fac, {"type": "add_note", "board": "juiste_weg", "section": "agendas", "lane": "onderzoek", "text": note})
    await ok(fac, {"type": "close_session"})


async def test_card1_prefills_card3_whose_close_panel_offers_its_outcome_and_radar(server, pages, artifacts):
    """Card 1's agendas, confirmed in its own close panel, are on the next card-3 board;
    card 3 closes and its close panel — the network page never focused — lists the outcome and the
    radar's medians, confirmed one by one and then all; card 4 shows the ambition and gives its roles;
    the network page shows the outcome, the roles and the radar over two sessions, on a laptop, a
    phone and A4."""
    base = server.http_url
    fac = await pages.open({"width": 1280, "height": 800}, name="facilitator")
    nid = await start_network(fac, base)

    # Card 1: the ambition and template 5, closed; the board's close panel offers them at once.
    board1 = await new_session(fac, "Instructie 1 – ambitie", {"ambitie"})
    session1, secret1, _ = await session_of(board1)
    ws1 = await Client(server.ws_url).connect()
    assert (await ws1.hello(session1, token=secret1))["type"] == "welcome"
    await ok(ws1, {"type": "set_text", "board": "ambitie", "section": "ambitie", "field": "ambitie", "text": AMBITIE})
    for lane, texts in AGENDAS.items():
        for text in texts:
            await ok(ws1, {"type": "add_note", "board": "ambitie", "section": "agendas", "lane": lane, "text": text})
    await ok(ws1, {"type": "close_session"})
    await ws1.close()
    panel1 = board1.get_by_test_id("close-contribution")
    await expect(panel1).to_contain_text(AMBITIE)
    await expect(panel1.get_by_test_id("close-item")).to_have_count(1 + 7)
    await board1.get_by_test_id("close-confirm-all").click()
    await expect(board1.get_by_test_id("close-contribution-done")).to_be_visible()
    await expect(fac.get_by_test_id("net-ambition")).to_contain_text(AMBITIE)  # the page, live

    # An earlier card-3 reading through the API, so the radar has two sessions to show.
    async with httpx.AsyncClient(base_url=base) as http:
        secret = await fac.evaluate(f"localStorage.getItem('samenspel.net.{nid}')")
        made = (await http.post(f"/api/networks/{nid}/sessions", headers={"Authorization": f"Bearer {secret}"},
                                json={"title": "Instructie 3 – eerste verkenning", "boards": ["juiste_weg"]})).json()
        early = await Client(server.ws_url).connect()
        assert (await early.hello(made["session"], token=made["facilitator_secret"]))["type"] == "welcome"
        await card3_run(server, made["session"], made["join_code"], early,
                        [(4, 3, 5, 5, 5, 3, 4, 4), (4, 2, 4, 5, 4, 3, 3, 4), (3, 3, 5, 4, 5, 2, 4, 5), (5, 3, 4, 4, 5, 3, 4, 3)],
                        "Wie meet de wachttijd?")
        await early.close()
        r = await http.post(f"/api/sessions/{made['session']}/network/confirm",
                            headers={"Authorization": f"Bearer {made['facilitator_secret']}"}, json={})
        assert r.status_code == 200, r.text

    # Card 3 from the page: it starts with every agenda item of card 1 on template 5.
    board3 = await new_session(fac, "Instructie 3 – de juiste weg", {"juiste_weg"})
    for texts in AGENDAS.values():
        for text in texts:
            await expect(board3.get_by_text(text, exact=True).first).to_be_visible()
    session3, secret3, code3 = await session_of(board3)
    ws3 = await Client(server.ws_url).connect()
    assert (await ws3.hello(session3, token=secret3))["type"] == "welcome"
    await card3_run(server, session3, code3, ws3,
                    [(2, 1, 3, 4, 3, 2, 2, 3), (2, 2, 4, 3, 4, 1, 3, 3), (1, 2, 3, 4, 3, 2, 2, 2), (3, 1, 4, 3, 4, 2, 3, 3)],
                    "Helpt één gezinsplan ouders echt?")
    await ws3.close()
    # The close panel offers the contribution on the board itself; the network page stays behind.
    panel3 = board3.get_by_test_id("close-contribution")
    await expect(panel3).to_contain_text("Je kunt dus aan de slag!")
    await expect(panel3).to_contain_text("mediaan van 8 pijlers")
    # what it took at the start and gives back unchanged is folded away
    await expect(panel3.get_by_test_id("close-held")).to_contain_text("8 onderdelen staan al zo in het netwerk")
    assert await board3.evaluate("document.visibilityState") == "visible"
    await expect(panel3.get_by_role("heading")).to_be_in_viewport()  # scrolled to on its own
    await board3.evaluate("document.fonts.ready")
    await board3.screenshot(path=str(artifacts / "network-close-panel-laptop.png"))
    await panel3.screenshot(path=str(artifacts / "network-close-panel.png"))
    await board3.set_viewport_size(PHONE)
    await panel3.scroll_into_view_if_needed()
    assert await board3.evaluate(NO_SIDEWAYS_SCROLL)
    await board3.screenshot(path=str(artifacts / "network-close-panel-phone.png"))
    await board3.set_viewport_size({"width": 1280, "height": 800})
    found = await violations(board3)
    assert not found, report(found)
    # One by one: everything but the reading first, then the rest.
    boxes = panel3.locator("[data-testid=close-item]:not([disabled])")
    await expect(boxes).to_have_count(3)  # the outcome, the reading, the new research question
    await boxes.nth(1).uncheck()
    await board3.get_by_test_id("close-confirm-selected").click()
    await expect(panel3.locator("[data-testid=close-item]:not([disabled])")).to_have_count(1)
    await board3.get_by_test_id("close-confirm-all").click()
    await expect(board3.get_by_test_id("close-contribution-done")).to_be_visible()

    # Card 4: the ambition and the agendas as context; its roles, confirmed from its close panel.
    board4 = await new_session(fac, "Instructie 4 – rollen", {"rollen"})
    await expect(board4.get_by_text(AMBITIE).first).to_be_visible()
    await expect(board4.get_by_text("Helpt één gezinsplan ouders echt?").first).to_be_visible()
    await shot(board4, artifacts / "network-card4-context.png")
    session4, secret4, _ = await session_of(board4)
    ws4 = await Client(server.ws_url).connect()
    assert (await ws4.hello(session4, token=secret4))["type"] == "welcome"
    for role, name in ROLES:
        await ok(ws4, {"type": "add_role_person", "board": "rollen", "section": "ringen", "name": name, "role": role})
    await ok(ws4, {"type": "close_session"})
    await ws4.close()
    await expect(board4.get_by_test_id("close-contribution")).to_contain_text("Fatima el Amrani")
    await board4.get_by_test_id("close-confirm-all").click()
    await expect(board4.get_by_test_id("close-contribution-done")).to_be_visible()

    # The network page: the outcome of both card-3 sessions, the roles, the radar over two sessions.
    await fac.bring_to_front()
    await expect(fac.get_by_test_id("net-outcomes").locator("li")).to_have_count(2)
    await expect(fac.get_by_test_id("net-roles")).to_contain_text("Ann, Bea, Cas, Max")
    await expect(fac.get_by_test_id("net-radar").get_by_test_id("net-multiple")).to_have_count(8)
    await expect(fac.get_by_test_id("net-agendas")).to_contain_text("Helpt één gezinsplan ouders echt?")
    await expect(fac.get_by_test_id("net-contribution")).to_have_count(0)  # all confirmed from the boards
    found = await violations(fac)
    assert not found, report(found)
    assert await fac.evaluate(NO_SIDEWAYS_SCROLL)
    await shot(fac, artifacts / "network-cards-laptop.png", full_page=True)
    assert await fac.evaluate(BROKEN_WORDS.replace("[data-testid=summary]", "[data-testid=network-page]")) == []
    phone = await pages.open(PHONE, phone=True, name="phone")
    await phone.goto(await fac.get_by_test_id("net-co-link").inner_text())
    await expect(phone.get_by_test_id("net-roles")).to_be_visible()
    assert await phone.evaluate(NO_SIDEWAYS_SCROLL)
    await shot(phone, artifacts / "network-cards-phone.png", full_page=True)
    assert await phone.evaluate(BROKEN_WORDS.replace("[data-testid=summary]", "[data-testid=network-page]")) == []
    await fac.emulate_media(media="print")
    await shot(fac, artifacts / "network-cards-print.png", full_page=True)
    await fac.pdf(path=str(artifacts / "network-cards-report.pdf"), format="A4", print_background=True)
