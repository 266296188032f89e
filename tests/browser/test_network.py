"""A dropping network: noticed within 5 s both ways, and every change sent meanwhile lands exactly once.

The offline spells (3 s, 10 s) are the scenario, not synchronisation: the network is cut for that
long on purpose. Everything else waits on what the pages show (``expect``).
"""

from __future__ import annotations

import asyncio
import re
import time

import msgpack
import pytest
from playwright.async_api import expect

from tests.browser.conftest import LAPTOP, PHONE, create_session, join, open_facilitator_board
from tests.support.client import Client

pytestmark = pytest.mark.service_worker  # the pages may install the worker, as a returning visitor's do

NOTE = "Elke maand een casusbespreking"
BANNER_WITHIN_MS = 5000


async def board_state(server, created: dict) -> dict:
    """The board as a projector connecting now gets it from the server."""
    client = await Client(server.ws_url).connect()
    welcome = await client.hello(created["session"], code=created["code"])
    await client.close()
    return welcome["state"]["boards"]["samenspel"]


async def room(server, pages):
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    ann = await pages.open(PHONE, phone=True, name="ann")
    await join(ann, server.http_url, created["code"], "Ann", "leernetwerk")
    bert = await pages.open(LAPTOP, name="bert")
    await join(bert, server.http_url, created["code"], "Bert", "management")
    for page in (fac, ann, bert):
        await expect(page.get_by_test_id("online-leernetwerk")).to_contain_text("Ann")
    return fac, ann, bert, created


@pytest.mark.parametrize("offline_s", [3, 10])
async def test_a_dot_and_a_post_it_sent_while_the_network_drops_land_exactly_once(server, pages, offline_s):
    """Ann's network goes: her banner shows within 5 s, the facilitator sees her go offline within 5 s;
    the dot and the post-it she sent meanwhile appear once on every page after the network is back,
    with no error shown to her."""
    fac, ann, bert, created = await room(server, pages)
    lane = ann.get_by_test_id("lane-actie-leernetwerk-nodig")
    await ann.get_by_test_id("add-note-actie-leernetwerk-nodig").click()
    await lane.get_by_test_id("note-text").fill(NOTE)

    await ann.context.set_offline(True)
    cut = time.monotonic()
    # Sent into a connection that is dying but not known to be dead yet.
    await ann.get_by_test_id("option-drijfveren-zingeving").click()
    await lane.get_by_test_id("note-save").click()
    await expect(ann.get_by_test_id("reconnect-banner")).to_be_visible(timeout=BANNER_WITHIN_MS)
    banner_after = time.monotonic() - cut
    await expect(ann.get_by_test_id("reconnect-banner")).to_contain_text("Opnieuw verbinden")
    # The server noticed too: Ann is offline on the facilitator's screen.
    ann_on_fac = fac.get_by_test_id("online-leernetwerk").locator("li.person", has_text="Ann")
    await expect(ann_on_fac).to_have_attribute("data-online", "false", timeout=BANNER_WITHIN_MS)
    gone_after = time.monotonic() - cut
    # While she is away her dot waits, visibly not done (not lost, not refused).
    await expect(ann.get_by_test_id("option-drijfveren-zingeving")).to_have_class(re.compile(r"\bpending\b"))
    await asyncio.sleep(max(0.0, offline_s - (time.monotonic() - cut)))  # the rest of the offline spell
    await ann.context.set_offline(False)

    await expect(ann.get_by_test_id("reconnect-banner")).to_be_hidden()
    for page in (fac, ann, bert):
        await expect(page.get_by_test_id("count-drijfveren-zingeving-leernetwerk")).to_have_text("1")
        await expect(page.get_by_test_id("lane-actie-leernetwerk-nodig").locator(".note-text")).to_have_text([NOTE])
    await expect(ann.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 2 van 3 stickers")
    await expect(ann.get_by_test_id("option-drijfveren-zingeving")).to_have_attribute("aria-pressed", "true")
    await expect(ann.get_by_test_id("option-drijfveren-zingeving")).not_to_have_class(re.compile(r"\bpending\b"))
    await expect(lane.get_by_test_id("note-text")).to_have_count(0)  # the form closed: saved
    await expect(ann.locator(".toast")).to_have_count(0)  # no "try again", no error at all
    # And the server holds each change once.
    board = await board_state(server, created)
    assert board["dots"]["drijfveren"]["counts"] == {"zingeving": {"leernetwerk": 1}}
    assert [n["text"] for n in board["notes"]["actie"]] == [NOTE]
    print(f"offline {offline_s} s: banner after {banner_after:.2f} s, offline on the facilitator's "
          f"screen after {gone_after:.2f} s")


async def test_a_dot_whose_answer_was_lost_is_resent_and_applied_once(server, pages):
    """The server applies Ann's dot but the connection dies before its answer reaches her: the page
    sends it again with the same id after reconnecting, and it stays one dot (not taken back, no error)."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, server.http_url)
    await open_facilitator_board(fac)
    ann = await pages.open(PHONE, phone=True, name="ann")
    seen: list[dict] = []
    cut_once = asyncio.Event()

    async def route(ws):
        # Forward both ways between the page and the real server; the first time the server answers
        # a place_dot, swallow the answer and hang up on the page, as a network that died would.
        server_ws = ws.connect_to_server()

        def to_server(message):
            frame = msgpack.unpackb(message) if isinstance(message, bytes) else {}
            seen.append(frame)
            server_ws.send(message)

        def to_page(message):
            frame = msgpack.unpackb(message) if isinstance(message, bytes) else {}
            # several frames of one server turn come as one batch frame (docs/protocol.md)
            inner = frame.get("frames", []) if frame.get("type") == "batch" else [frame]
            oks = [f.get("ref") for f in inner if f.get("type") == "ok"]
            place = next((f for f in seen if f.get("type") == "place_dot" and f.get("ref") in oks), None)
            if place is not None and not cut_once.is_set():
                cut_once.set()
                asyncio.ensure_future(ws.close(code=4000, reason="network gone"))
                return
            ws.send(message)

        ws.on_message(to_server)
        server_ws.on_message(to_page)

    await ann.route_web_socket(re.compile(r"/ws(\?|$)"), route)
    await join(ann, server.http_url, created["code"], "Ann", "leernetwerk")
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await expect(fac.get_by_test_id("count-drijfveren-impact-leernetwerk")).to_have_text("1")
    await asyncio.wait_for(cut_once.wait(), 10)
    await expect(ann.get_by_test_id("option-drijfveren-impact")).to_have_attribute("aria-pressed", "true")
    await expect(ann.get_by_test_id("option-drijfveren-impact")).not_to_have_class(re.compile(r"\bpending\b"))
    sends = [f for f in seen if f.get("type") == "place_dot"]
    assert len(sends) == 2 and sends[0]["id"] == sends[1]["id"]  # sent again, same id
    await expect(ann.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 2 van 3 stickers")
    await expect(ann.locator(".toast")).to_have_count(0)
    board = await board_state(server, created)
    assert board["dots"]["drijfveren"]["counts"] == {"impact": {"leernetwerk": 1}}
