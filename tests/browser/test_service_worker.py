"""The service worker (client/sw.js, server/worker.py; decision 75) as a returning phone meets it:
the second visit comes from the worker and shows the board, a new client version reaches the page,
no session's data is ever kept, and the board opens offline saying it reconnects."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from playwright.async_api import Page, expect

from server.settings import client_dir
from tests.browser.conftest import PHONE, participant_phone
from tests.support.client import create_session
from tests.support.processes import ServerProcess

pytestmark = pytest.mark.service_worker  # the pages may install the worker, as a returning visitor's do

CONTROLLED = "() => navigator.serviceWorker.controller?.state === 'activated'"
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


async def first_visit(page: Page, url: str) -> None:
    """The board, then the worker registered, installed and controlling the page."""
    response = await page.goto(url)
    assert not response.from_service_worker
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann")
    await page.wait_for_function(CONTROLLED)


async def test_a_second_visit_to_the_board_comes_from_the_worker_and_shows_the_board(server, pages):
    """The document and every script of the second visit come from the worker; the board is live."""
    session, page = await participant_phone(server, pages)
    url = f"{server.http_url}/b/{session['session']}"
    await first_visit(page, url)
    scripts = []
    page.on("response", lambda r: scripts.append(r) if r.request.resource_type == "script" else None)
    response = await page.goto(url)
    assert response.from_service_worker
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann")
    await expect(page.get_by_test_id("section-drijfveren")).to_be_visible()
    await expect(page.get_by_test_id("reconnect-banner")).to_be_hidden()
    assert scripts and [r.url for r in scripts if not r.from_service_worker] == []


async def test_no_answer_of_the_api_or_the_socket_is_ever_kept(server, pages):
    """After joining through the form (the board it opens comes from the worker), a board and a
    summary, the worker's caches hold the client's hashed files and the pages' documents only:
    nothing of /api, /ws, a session or its summary."""
    session = await create_session(server.http_url, title="Leernetwerk")
    page = await pages.open(PHONE, phone=True, name="participant")
    await page.goto(f"{server.http_url}/j/{session['join_code']}")
    await page.wait_for_function(CONTROLLED)
    await page.get_by_test_id("join-name").fill("Ann")
    await page.get_by_test_id("join-group-leernetwerk").check()
    async with page.expect_response(lambda r: "/b/" in r.url and r.request.is_navigation_request()) as board:
        await page.get_by_test_id("join-submit").click()
    assert (await board.value).from_service_worker  # fetched by the worker while Ann typed
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann")
    await page.reload()
    await expect(page.get_by_test_id("section-drijfveren")).to_be_visible()
    await page.goto(f"{server.http_url}/s/{session['session']}")
    await page.wait_for_load_state("networkidle")
    config = json.loads(re.match(r"self\.SAMENSPEL_SW = (.*);\n",
                                 await page.evaluate("fetch('/sw.js').then(r => r.text())")).group(1))
    documents = {server.http_url + url for _, url in config["pages"].values()}
    kept = await page.evaluate(CACHED_URLS)
    assert kept
    assert [u for u in kept if "/api/" in u or "/ws" in u or session["session"] in u] == []
    assert [u for u in kept if u not in documents and not re.search(r"/static/[^?]+\?v=[0-9a-f]{16}$", u)] == []


async def test_the_board_reloaded_offline_shows_itself_reconnecting(server, pages):
    """No network at all: the board's page and code come from the worker, and the board says it is
    reconnecting instead of the browser's error page."""
    session, page = await participant_phone(server, pages)
    url = f"{server.http_url}/b/{session['session']}"
    await first_visit(page, url)
    await page.context.set_offline(True)
    response = await page.reload()
    assert response.from_service_worker
    await expect(page.get_by_test_id("reconnect-banner")).to_be_visible()
    await expect(page.get_by_test_id("reconnect-banner")).to_contain_text("Opnieuw verbinden")
    await page.context.set_offline(False)
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann", timeout=30_000)
    await expect(page.get_by_test_id("reconnect-banner")).to_be_hidden(timeout=30_000)


@pytest.fixture
def own_client_server(tmp_path):
    """A server on its own copy of the client's files (bundle included), which a test may change."""
    files = tmp_path / "client"
    shutil.copytree(client_dir(), files, ignore=shutil.ignore_patterns("node_modules"))
    proc = ServerProcess(tmp_path / "data", env={"SAMENSPEL_STATIC_DIR": str(files)}).start()
    proc.client = files
    yield proc
    proc.stop()


async def test_a_new_client_version_reaches_a_returning_page(own_client_server, pages):
    """The style sheet changes on the server (a new client version). The next visit still opens at
    once from the worker (the old version, whole), the browser fetches the new worker, and the page,
    untouched so far, reloads itself into the new version: its style sheet, and the board."""
    server = own_client_server
    session, page = await participant_phone(server, pages)
    url = f"{server.http_url}/b/{session['session']}"
    await first_visit(page, url)
    old = await page.locator('link[rel="stylesheet"][href*="/style.css"]').get_attribute("href")
    with open(server.client / "style.css", "a", encoding="utf-8") as css:
        css.write("\n.sw-test-new-version { color: inherit; }\n")
    response = await page.goto(url)
    assert response.from_service_worker
    new_style = page.locator('link[rel="stylesheet"][href*="/style.css"]')
    await expect(new_style).not_to_have_attribute("href", old, timeout=30_000)
    href = await new_style.get_attribute("href")
    served = await page.evaluate("u => fetch(u).then(r => r.text())", href)
    assert "sw-test-new-version" in served
    await expect(page.get_by_test_id("role-badge")).to_contain_text("Ann")
    await expect(page.get_by_test_id("section-drijfveren")).to_be_visible()


async def test_a_page_someone_touched_is_not_reloaded_the_next_page_is_new(own_client_server, pages):
    """The new version arrives while a person has already typed on the page: the page stays as it
    is (nothing they typed is lost), and the next page they open is of the new version."""
    server = own_client_server
    session, page = await participant_phone(server, pages)
    url = f"{server.http_url}/b/{session['session']}"
    await first_visit(page, url)
    await page.goto(url)
    await expect(page.get_by_test_id("section-drijfveren")).to_be_visible()
    style = page.locator('link[rel="stylesheet"][href*="/style.css"]')
    old = await style.get_attribute("href")
    await page.keyboard.press("Tab")
    await page.evaluate("window.__samePage = navigator.serviceWorker.controller")
    with open(server.client / "style.css", "a", encoding="utf-8") as css:
        css.write("\n.sw-test-new-version { color: inherit; }\n")
    await page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    await page.wait_for_function("() => window.__samePage && navigator.serviceWorker.controller !== window.__samePage")
    assert await style.get_attribute("href") == old
    await page.goto(url)
    await expect(style).not_to_have_attribute("href", old)
    await expect(page.get_by_test_id("section-drijfveren")).to_be_visible()
