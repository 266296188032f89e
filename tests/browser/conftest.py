"""Browser fixtures: Debian's chromium driven by Playwright (async API, on the session loop)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright, expect

from tests.support import client as api
from tests.support.client import hold_off
from tests.support.bundle import ensure_bundle
from tests.support.processes import ServerProcess

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]

LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
PROJECTOR = {"width": 1920, "height": 1080}

expect.set_options(timeout=10_000)


@pytest.fixture(scope="session", autouse=True)
def client_bundle():
    """The browser suite runs against the client's bundle, built from the current sources (as
    `make test` builds it); test_pageload.py runs the source modules too (SAMENSPEL_BUNDLE=0)."""
    return ensure_bundle()


# Every person in these tests comes from 127.0.0.1, and the shared server sees the rooms of every
# test from that one address: its per-address limits are raised so that one test's creates and
# joins do not count against the next one's. Tests of a limit itself, and tests that stop the
# server, are marked ``own_server`` and get a fresh server with the defaults.
SHARED_SERVER_ENV = {
    "SAMENSPEL_CREATES_PER_MINUTE": "100000",
    "SAMENSPEL_JOINS_PER_MINUTE": "100000",
    "SAMENSPEL_JOIN_ATTEMPTS_PER_MINUTE": "100000",
    "SAMENSPEL_MAX_SOCKETS_PER_ADDRESS": "100000",
}


@pytest.fixture(scope="session")
def shared_server(tmp_path_factory):
    """One server on the embedded store for the browser tests that do not disturb it. Every test
    makes its own session (own code, own secret), so the tests do not see each other's rooms."""
    proc = ServerProcess(tmp_path_factory.mktemp("shared") / "data", env=SHARED_SERVER_ENV).start()
    yield proc
    proc.stop()


@pytest.fixture
def server(request, shared_server, tmp_path):
    """The shared server; a fresh one of its own (default limits, own data dir) for a test marked
    ``own_server`` (one that stops it, or spends a per-address limit)."""
    if request.node.get_closest_marker("own_server"):
        proc = ServerProcess(tmp_path / "data").start()
        yield proc
        proc.stop()
        return
    if shared_server.proc.poll() is not None:  # an earlier test took it down: do not fail this one for it
        shared_server.stop()
        shared_server.start()
    yield shared_server


@pytest.fixture(scope="session")
async def browser():
    if not Path(CHROMIUM).exists():  # a missing browser is a broken setup, not a reason to skip
        raise RuntimeError("chromium is not installed at /usr/bin/chromium: `make test` installs it")
    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        await b.close()


class Pages:
    """Opens one browser context per person (own localStorage) and collects page errors.

    The service worker (client/sw.js) is allowed only in the tests marked ``service_worker``
    (those of the worker itself, of page loading, of the network and of the board's reconnects):
    elsewhere every page comes from the network, as on a first visit. Each new browser context
    would otherwise install the worker and fetch and compile every asset of the client for its
    cache, a fifth of the browser suite's CPU, in tests whose pages are each opened once."""

    def __init__(self, browser: Browser, service_worker: bool = True) -> None:
        self.browser = browser
        self.service_worker = service_worker
        self.contexts: list[BrowserContext] = []
        self.errors: list[str] = []

    async def open(self, viewport: dict = LAPTOP, phone: bool = False, name: str = "",
                   service_worker: bool | None = None) -> Page:
        """A page in a browser of its own; ``service_worker=False`` for one whose every page comes
        from the network (what a first visit meets), never from a worker (client/sw.js); unset:
        as the test is marked."""
        if service_worker is None:
            service_worker = self.service_worker
        ctx = await self.browser.new_context(
            viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1, locale="nl-NL",
            service_workers="allow" if service_worker else "block")
        self.contexts.append(ctx)
        page = await ctx.new_page()
        page.on("pageerror", lambda exc: self.errors.append(f"{name}: {exc}"))
        return page

    async def close(self) -> None:
        for ctx in self.contexts:
            await ctx.close()


@pytest.fixture
async def pages(request, browser):
    p = Pages(browser, service_worker=request.node.get_closest_marker("service_worker") is not None)
    yield p
    await p.close()
    assert not p.errors, f"JavaScript errors in the pages: {p.errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# --- flows through the UI ---------------------------------------------------------------------

AMBITIE = "Samen zorgen we dat elk kind in Oost op tijd de juiste hulp krijgt, dichtbij huis."
DOEL1 = "Wachttijden voor jeugdhulp halveren in 2026."
DOEL2 = "Professionals leren structureel van elkaars casuïstiek."


async def create_session(page: Page, base: str, title: str = "Leernetwerk Jeugd Oost – maart",
                         on_paper: bool = True) -> dict:
    """Fill "Sessie starten" on the start page; return what the created view shows. ``on_paper``:
    hold off (participants act without a step); off: as created, they wait for step 1."""
    await page.goto(base + "/")
    await page.get_by_test_id("create-title").fill(title)
    await page.get_by_test_id("create-ambitie").fill(AMBITIE)
    await page.get_by_test_id("create-doel1").fill(DOEL1)
    await page.get_by_test_id("create-doel2").fill(DOEL2)
    await page.get_by_test_id("create-submit").click()
    code_el = page.get_by_test_id("created-join-code")
    await expect(code_el).to_have_text(re.compile(r"^[A-Z0-9]{3} [A-Z0-9]{3}$"))
    shown = await code_el.inner_text()
    fac_url = await page.get_by_test_id("created-facilitator-link").input_value()
    session, secret = re.search(r"/b/([A-Za-z0-9_-]+)#f=(.+)$", fac_url).groups()
    if on_paper:
        await hold_off(base.replace("http", "ws", 1) + "/ws", session, secret)
    return {"code": shown.replace(" ", ""), "shown_code": shown, "facilitator_url": fac_url, "session": session}


async def join(page: Page, base: str, code: str, name: str, group: str, via_link: bool = False) -> None:
    """Join through the form: type the code on the start page (or open /j/{code}), name, group."""
    if via_link:
        await page.goto(f"{base}/j/{code}")
    else:
        await page.goto(base + "/")
        await page.get_by_test_id("join-code-input").fill(code)
        await page.get_by_test_id("join-lookup").click()
    await page.get_by_test_id("join-name").fill(name)
    await page.get_by_test_id(f"join-group-{group}").check()
    await page.get_by_test_id("join-submit").click()
    await expect(page.get_by_test_id("board")).to_be_visible()
    await expect(page.get_by_test_id("role-badge")).to_contain_text(name)


async def open_facilitator_board(page: Page) -> None:
    """From the created view, open the board as facilitator."""
    await page.get_by_test_id("open-board").click()
    await expect(page.get_by_test_id("board")).to_be_visible()
    await expect(page.get_by_test_id("role-badge")).to_have_text(re.compile("Facilitator"))


async def shot(page: Page, path: Path, full_page: bool = False) -> None:
    """A screenshot from the top of the page, after fonts and layout settled."""
    await page.evaluate("window.scrollTo(0, 0)")
    await page.evaluate("document.fonts.ready")
    await page.screenshot(path=str(path), full_page=full_page)


async def participant_phone(server, pages) -> tuple[dict, Page]:
    """A new session (over the API) and a phone that joined it as Ann, as the browser keeps it
    after the join form."""
    session = await api.create_session(server.http_url, title="Leernetwerk")
    joined = await api.join(server.http_url, session["join_code"], "Ann", "leernetwerk")
    page = await pages.open(PHONE, phone=True, name="participant")
    await page.context.add_init_script(
        f"localStorage.setItem('samenspel.part.{session['session']}', "
        f"{json.dumps(json.dumps({**joined, 'name': 'Ann', 'group': 'leernetwerk'}))});")
    return session, page
