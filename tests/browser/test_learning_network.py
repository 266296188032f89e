"""A learning network in the browser: started from the start page, a stakeholder map and then a
Samenspel run from its page with participants and a projector, each one's contribution confirmed,
the next session starting from the ambition; the page live on two laptops, on a phone, and printed."""

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
    for board in ("actiepunten", "samenspel", "stakeholders"):
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
