"""What each page loads (server/pages.py): every module it imports was listed for preloading (none is
discovered one import level late), every URL carries its content hash, and the join page loads
nothing of the board. The pages load the bundle's chunks (server/bundle.py); one test runs the
source modules (SAMENSPEL_BUNDLE=0) so both paths stay tested."""

from __future__ import annotations

import json

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, participant_phone
from tests.support.client import create_session
from tests.support.processes import ServerProcess

pytestmark = pytest.mark.service_worker  # the pages may install the worker, as a returning visitor's do


def watch_scripts(page: Page) -> list[str]:
    """The URLs of the scripts the page requests from now on (module graph and classic)."""
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url) if r.resource_type == "script" else None)
    return urls


async def preloaded(page: Page) -> set[str]:
    return set(await page.eval_on_selector_all('link[rel="modulepreload"]', "links => links.map(l => l.href)"))


async def assert_all_preloaded(page: Page, requested: list[str]) -> None:
    listed = await preloaded(page)
    modules = [u for u in requested if "/vendor/msgpack" not in u]  # the one classic script
    assert modules, "no module was requested"
    assert [u for u in modules if u not in listed] == [], "imported but not preloaded"
    assert [u for u in requested if "?v=" not in u] == [], "requested without its content hash"


def chunk_of(bundle, module: str) -> str:
    return f"/static/{bundle.chunk(module)}?"


async def test_the_join_page_preloads_every_module_it_imports_and_none_of_the_board(server, pages, client_bundle):
    """The join page loads only the bundle's chunks, all in its modulepreload list, and none of the
    board, no QR library and no MessagePack."""
    session = await create_session(server.http_url, title="Leernetwerk")
    page = await pages.open(PHONE, phone=True, name="join")
    requested = watch_scripts(page)
    await page.goto(f"{server.http_url}/j/{session['join_code']}")
    await expect(page.get_by_test_id("join-name")).to_be_enabled()
    await assert_all_preloaded(page, requested)
    assert [u for u in requested if "/static/dist/" not in u] == []
    unwanted = [chunk_of(client_bundle, m) for m in ("board.js", "qr.js", "i18n/english.js")]
    assert [u for u in requested if "msgpack" in u or any(c in u for c in unwanted)] == []


@pytest.fixture
def source_server(tmp_path):
    """A server that serves the client's source modules, not its bundle."""
    proc = ServerProcess(tmp_path / "data", env={"SAMENSPEL_BUNDLE": "0"}).start()
    yield proc
    proc.stop()


async def test_the_join_page_and_board_run_from_the_source_modules_with_the_bundle_off(source_server, pages):
    """With SAMENSPEL_BUNDLE=0 a person joins through the form and gets the board, every module
    preloaded, none from the bundle, and the join page loads nothing of the board."""
    server = source_server
    session = await create_session(server.http_url, title="Leernetwerk")
    # no worker: one that took over the join page would serve the board the document without the
    # session's kinds (their code from its cache), and this test is about the network's path
    page = await pages.open(PHONE, phone=True, name="join", service_worker=False)
    requested = watch_scripts(page)
    await page.goto(f"{server.http_url}/j/{session['join_code']}")
    await expect(page.get_by_test_id("join-name")).to_be_enabled()
    await assert_all_preloaded(page, requested)
    assert "/static/start.js" in " ".join(requested)
    assert [u for u in requested if "/dist/" in u or "/board" in u or "/qr.js" in u or "msgpack" in u] == []
    await page.get_by_test_id("join-name").fill("Ann")
    await page.get_by_test_id("join-group-leernetwerk").check()
    requested.clear()
    await page.get_by_test_id("join-submit").click()
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann")
    await expect(page.get_by_test_id("section-drijfveren")).to_be_visible()
    await assert_all_preloaded(page, requested)
    assert "/static/board.js" in " ".join(requested) and "/dist/" not in " ".join(requested)


async def test_the_board_and_projector_preload_every_module_they_import(server, pages, client_bundle):
    """A participant's board (no QR code: the library stays unloaded; no join form; no English;
    nothing of the facilitator's, the projector's or a kind the session does not use) and the
    projector (which shows one) load only modules listed for preloading."""
    session, page = await participant_phone(server, pages)
    requested = watch_scripts(page)
    await page.goto(f"{server.http_url}/b/{session['session']}")
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann")
    await expect(page.get_by_test_id("section-drijfveren")).to_be_visible()
    await assert_all_preloaded(page, requested)
    assert [u for u in requested if "/static/dist/" not in u and "msgpack" not in u] == []
    # no QR code, join form or English; nothing of the facilitator's, the projector's or a kind this
    # session does not use (decisions 74 and 76)
    unwanted = [chunk_of(client_bundle, m) for m in ("qr.js", "start.js", "i18n/english.js",
                                                      "board/facilitator.js", "board/projector.js",
                                                      "board/kinds/stakeholders.js", "board/kinds/wordcloud.js")]
    assert [u for u in requested if any(c in u for c in unwanted)] == []
    assert any(chunk_of(client_bundle, "board/kinds/dots.js") in u for u in requested)

    projector = await pages.open(PROJECTOR, name="projector")
    requested = watch_scripts(projector)
    await projector.goto(f"{server.http_url}/p/{session['session']}#c={session['join_code']}")
    await expect(projector.get_by_test_id("qr")).to_be_visible()
    await assert_all_preloaded(projector, requested)


async def test_the_start_and_summary_pages_preload_every_module_they_import(server, pages):
    """The start page (including the QR code shown once a session is created) and the summary."""
    page = await pages.open(LAPTOP, name="facilitator")
    requested = watch_scripts(page)
    await page.goto(server.http_url + "/")
    await page.get_by_test_id("create-title").fill("Leernetwerk")
    await page.get_by_test_id("create-submit").click()
    await expect(page.get_by_test_id("created-qr")).to_be_visible()
    await assert_all_preloaded(page, requested)
    session_and_secret = (await page.get_by_test_id("open-board").get_attribute("href")).split("/b/")[1]

    # A browser of its own, with the facilitator's secret in the fragment: in the start page's
    # browser a service worker may have taken over by now, and it serves every summary the one
    # document without a session's kinds (client/sw.js), the code from its cache.
    summary = await pages.open(LAPTOP, name="summary")
    requested = watch_scripts(summary)
    await summary.goto(f"{server.http_url}/s/{session_and_secret}")
    await expect(summary.get_by_test_id("summary-title")).to_be_visible()
    await assert_all_preloaded(summary, requested)


async def test_the_board_connects_over_the_socket_its_document_opened_first(server, pages):
    """The board's document opens the websocket before any module has loaded (server/pages.py,
    early_socket), with the hello in its upgrade (decision 77), and the connection uses that one
    socket: one upgrade, no second, and no hello frame on it. A page that will not connect (nobody
    joined in this browser) opens none."""
    session, page = await participant_phone(server, pages)
    sockets = []
    page.on("websocket", lambda ws: sockets.append(ws))
    sent = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    await page.goto(f"{server.http_url}/b/{session['session']}")
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann")
    await expect(page.get_by_test_id("section-drijfveren")).to_be_visible()
    assert len(sockets) == 1 and not sockets[0].is_closed()
    assert sockets[0].url.endswith(f"/ws?s={session['session']}")  # for a proxy that routes by session
    assert await page.evaluate("window.__samenspelSocket") is None  # conn.js took it
    hellos = [f for f in sent if isinstance(f, bytes) and b"hello" in f]
    assert hellos == [], "a hello frame on a socket whose upgrade said it"

    stranger = await pages.open(PHONE, phone=True, name="stranger")
    opened = []
    stranger.on("websocket", lambda ws: opened.append(ws))
    await stranger.goto(f"{server.http_url}/b/{session['session']}")
    await expect(stranger.get_by_role("heading", level=1)).to_contain_text("nog niet mee")
    assert opened == []


# Every text the page ever puts in the DOM, in order, however briefly (a first render in the wrong
# language would be in it).
RECORD_TEXTS = """
window.__texts = [];
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.textContent) window.__texts.push(n.textContent);
}).observe(document, { childList: true, subtree: true });
"""


async def test_english_is_fetched_only_when_chosen_and_shown_from_the_first_frame(server, pages, client_bundle):
    """Dutch is in every page's bundle; English only when someone chooses it (decision 74). Choosing
    it fetches it and then switches the whole page; the next visit is in English from its first
    frame (no Dutch shown first), and a stranger's board (not joined) shows the join form in it."""
    english = chunk_of(client_bundle, "i18n/english.js")
    session, page = await participant_phone(server, pages)
    requested = watch_scripts(page)
    await page.goto(f"{server.http_url}/b/{session['session']}")
    await expect(page.get_by_test_id("section-drijfveren").locator(".sec-title")).to_have_text("Drijfveren")
    assert [u for u in requested if english in u] == []

    await page.get_by_test_id("lang-en").click()
    await expect(page.get_by_test_id("section-drijfveren").locator(".sec-title")).to_have_text("Motivators")
    await expect(page.get_by_test_id("remaining-drijfveren")).to_have_text("3 of 3 dots left")
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    assert len([u for u in requested if english in u]) == 1

    await page.context.add_init_script(RECORD_TEXTS)
    requested.clear()
    await page.reload()
    await expect(page.get_by_test_id("remaining-drijfveren")).to_have_text("3 of 3 dots left")
    texts = await page.evaluate("window.__texts")
    assert "Connecting…" in texts and "Verbinden…" not in texts  # the board's first frame
    assert [t for t in texts if "Drijfveren" in t or "stickers" in t] == []
    assert len([u for u in requested if english in u]) == 1  # beside the page's chunks (main.js)

    await page.get_by_test_id("lang-nl").click()
    await expect(page.get_by_test_id("section-drijfveren").locator(".sec-title")).to_have_text("Drijfveren")

    stranger = await pages.open(PHONE, phone=True, name="stranger")  # chose English, never joined
    await stranger.context.add_init_script("localStorage.setItem('samenspel.lang', 'en')")
    await stranger.goto(f"{server.http_url}/b/{session['session']}")
    await expect(stranger.get_by_role("heading", level=1)).to_have_text("You have not joined this session yet")
    await expect(stranger.get_by_test_id("join-code-input")).to_be_editable()


def hello_frames(page: Page) -> list[bytes]:
    """The hello frames the page's sockets send from now on (MessagePack: the key and value are
    plain bytes in it)."""
    sent: list[bytes] = []
    page.on("websocket", lambda ws: ws.on(
        "framesent", lambda payload: sent.append(payload) if isinstance(payload, bytes) and b"hello" in payload else None))
    return sent


async def test_facilitator_and_projector_say_hello_in_the_upgrade(server, pages):
    """The facilitator's link and the projector's page connect with the hello in the upgrade (no
    hello frame) and show their board, as the participant's does."""
    session = await create_session(server.http_url, title="Leernetwerk")
    fac = await pages.open(LAPTOP, name="facilitator")
    sent = hello_frames(fac)
    await fac.goto(f"{server.http_url}/b/{session['session']}#f={session['facilitator_secret']}")
    await expect(fac.get_by_test_id("role-badge")).to_contain_text("Facilitator")
    await expect(fac.get_by_test_id("section-drijfveren")).to_be_visible()
    assert sent == [] and "#f=" not in fac.url  # the secret left the address bar, as before
    await fac.reload()  # the secret is now kept in this browser: the document finds it there
    await expect(fac.get_by_test_id("role-badge")).to_contain_text("Facilitator")
    assert sent == []

    projector = await pages.open(PROJECTOR, name="projector")
    sent = hello_frames(projector)
    await projector.goto(f"{server.http_url}/p/{session['session']}#c={session['join_code']}")
    await expect(projector.get_by_test_id("qr")).to_be_visible()
    await expect(projector.get_by_role("heading", name="Ambitie en doelen")).to_be_visible()  # before step 1
    assert sent == []


@pytest.mark.parametrize(("where", "message"), [
    ("participant", "Je aanmelding is niet meer geldig"),
    ("facilitator", "Deze facilitatorlink is niet (meer) geldig."),
    ("projector", "Deze code hoort niet bij deze sessie."),
    ("no session", "Deze sessie bestaat niet (meer)."),
])
async def test_a_hello_refused_in_the_upgrade_reaches_the_page_as_before(server, pages, where, message):
    """A forged token, a wrong facilitator link or code, an unknown session: the server refuses
    the upgrade's hello and the page says so, as when the hello was a frame."""
    session = await create_session(server.http_url, title="Leernetwerk")
    page = await pages.open(PHONE, phone=True, name=where.replace(" ", "-"))
    sid = session["session"]
    if where == "participant":
        await page.context.add_init_script(
            f"localStorage.setItem('samenspel.part.{sid}', "
            f"{json.dumps(json.dumps({'participant': 'p', 'token': 'forged', 'name': 'Ann', 'group': 'leernetwerk'}))});")
        url = f"/b/{sid}"
    elif where == "facilitator":
        url = f"/b/{sid}#f=forged"
    elif where == "projector":
        url = f"/p/{sid}#c=AAAAAA"
    else:
        url = "/p/nosuchsession#c=AAAAAA"
    sent = hello_frames(page)
    await page.goto(server.http_url + url)
    await expect(page.locator("#app")).to_contain_text(message)
    assert sent == []
