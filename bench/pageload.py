"""Page load as a phone on venue Wi-Fi feels it: the join page and the board, first and second visit.

Starts a real server (``samenspel serve`` on 127.0.0.1, embedded store, from ``--root``: this
checkout by default, or another one for a baseline), creates a session and a participant over the
API, and opens the pages in Debian's headless Chromium (Playwright) with, by default, the network
and CPU of a mid-range phone on busy Wi-Fi (Chrome DevTools Protocol):

- network: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (issue 21's figures; DevTools' own
  "Fast 3G" preset has the same bandwidths but a 562.5 ms latency);
- CPU: 4× slower (``Emulation.setCPUThrottlingRate``).

Per page and visit it reports the requests (and how many went to the network rather than the
cache), the bytes on the wire (``encodedDataLength``: headers and compressed bodies), and when the
page became usable, in ms from the start of navigation (and when that part was then on screen,
drawn: ``seen``, the first frame with it in the viewport, reported by an IntersectionObserver):

- join page (``/j/<code>``): the name field of the join form is in the DOM, enabled (the code is
  looked up, the form is ready to type in);
- board (``/b/<session>``, as a participant; the facilitator has opened step 2, the vote on
  "Drijfveren"): the card of the current step's section is marked ``current`` (the state arrived
  and the board rendered) and holds an enabled button (a sticker can be placed).

"First visit" is a fresh browser context (empty cache); "second visit" (and "third visit") opens the same URL again in
that context; "board after the join page" opens the board in the join page's context (what a person
does after joining: the code the two pages share is in the cache, the board's is not — unless a
service worker fetched it). When the server has a service worker (``/sw.js``; decision 75), the first visit then
waits until the worker is active and controls the page (it registers once the page has loaded,
then fetches and keeps the client's files) before the second visit starts, so the second visit is
the one a person gets when they come back; the table's ``worker ms`` says when that was (ms from the
start of the first visit's navigation; ``-`` for a server without one). The worker's own fetches
are not throttled (CDP throttles the page's target) and its CPU is not slowed: per visit it only
looks the page up in its cache and revalidates it in the background. What the worker fetches is not
in the first visit's requests and bytes (they are the page's). Each figure is the median over
``--runs`` runs, runs interleaved by page.

    python -m bench.pageload [--runs 3] [--root /work/main] [--no-throttle] [--port 0] [--lang en] [--floor]

``--floor``: also the floor page, what this machine, Chromium and the throttling cost with no code
of ours (bench/floor_server.py: one text field, served as the board's document is and kept by the
same service worker; usable = the field in the DOM and enabled), first, second and third visit in a
fresh context. The server then runs as bench/floor_server.py (the same server with that one page
added, from ``--root``).

``--lang en``: the browser chose English before (as the NL/EN switch remembers it): English is
fetched only for such a browser (decision 74), so this is what it costs them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from playwright.async_api import Browser, BrowserContext, async_playwright

from tests.support.client import Client
from tests.support.processes import free_port, terminate, wait_for_http

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]
PHONE = {"width": 360, "height": 740}

DOWN_BITS, UP_BITS, RTT_MS, CPU_SLOWDOWN = 1_600_000, 750_000, 150, 4

# Records performance.now() (ms since navigation start) the first time the page is usable.
USABLE_SCRIPT = """
(() => {
  const usable = {
    join: () => { const el = document.querySelector('[data-testid="join-name"]'); return !!el && !el.disabled; },
    board: () => {
      const sec = document.querySelector('.current[data-testid^="section-"]');
      return !!sec && !!sec.querySelector('button:not([disabled])');
    },
    floor: () => { const el = document.querySelector('[data-testid="floor-input"]'); return !!el && !el.disabled; },
  }[%s];
  // seen: the page's usable part is on screen and drawn (an IntersectionObserver reports after the
  // frame that laid it out inside the viewport): work moved past "usable" still counts here
  const part = { join: '[data-testid="join-name"]', board: '.current[data-testid^="section-"]',
    floor: '[data-testid="floor-input"]' }[%s];
  const seen = () => {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && window.__seen === undefined) { window.__seen = performance.now(); io.disconnect(); }
    });
    io.observe(document.querySelector(part));
  };
  const check = () => {
    if (window.__usable === undefined && usable()) { window.__usable = performance.now(); obs.disconnect(); seen(); }
  };
  const obs = new MutationObserver(check);
  document.addEventListener('readystatechange', check);
  obs.observe(document, { childList: true, subtree: true, attributes: true });
})();
"""


@dataclass
class Visit:
    requests: int = 0
    from_network: int = 0
    bytes: int = 0
    usable_ms: float = 0.0
    seen_ms: float = 0.0  # the usable part on screen, drawn (after the frame that laid it out in view)
    worker_ms: float | None = None  # first visit: when a service worker controlled the page
    urls: list[str] = field(default_factory=list)


class Server:
    """``python -m server.cli serve`` run from ``root`` (so a baseline can be another checkout)."""

    def __init__(self, root: Path, port: int, floor: bool = False) -> None:
        self.root, self.port, self.floor = root, port or free_port(), floor
        self.dir = tempfile.TemporaryDirectory(prefix="pageload-")
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Server":
        python = self.root / ".venv/bin/python"
        # the floor page: the same server (from root) with one page added, bench/floor_server.py
        program = [str(Path(__file__).with_name("floor_server.py"))] if self.floor else ["-m", "server.cli"]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if self.floor:
            env["PYTHONPATH"] = os.pathsep.join([str(self.root), *filter(None, [env.get("PYTHONPATH")])])
        self.proc = subprocess.Popen(
            [str(python if python.exists() else sys.executable), *program, "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--data-dir", self.dir.name, "--log-level", "warning"],
            cwd=self.root, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_http(f"{self.url}/healthz", self.proc)
        return self

    def __exit__(self, *exc: object) -> None:
        terminate(self.proc)
        self.dir.cleanup()


async def new_session(base: str) -> tuple[str, str, dict]:
    """A session, its join code and a participant (as the browser keeps it after joining)."""
    async with httpx.AsyncClient(base_url=base) as client:
        created = (await client.post("/api/sessions", json={"title": "Leernetwerk Jeugd Oost – maart"})).json()
        info = (await client.get(f"/api/codes/{created['join_code']}")).json()
        group = info["groups"][0]["id"]
        joined = (await client.post("/api/join", json={"code": created["join_code"], "name": "Ann", "group": group})).json()
        facilitator = await Client(base.replace("http", "ws", 1) + "/ws").connect()
        await facilitator.hello(created["session"], token=created["facilitator_secret"])
        await facilitator.call({"type": "set_step", "step": "drijfveren"})
        await facilitator.close()
    return created["session"], created["join_code"], {
        "participant": joined["participant"], "token": joined["token"], "name": "Ann", "group": group}


async def visit(ctx: BrowserContext, url: str, kind: str, throttle: bool, first: bool = False) -> Visit:
    page = await ctx.new_page()
    cdp = await ctx.new_cdp_session(page)
    result = Visit()
    sizes: dict[str, int] = {}
    cached: set[str] = set()

    def sent(e: dict) -> None:
        if e["request"]["url"].startswith("data:"):
            return
        result.requests += 1
        result.urls.append(e["request"]["url"])

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on("Network.responseReceived", lambda e: cached.add(e["requestId"])
           if e["response"].get("fromDiskCache") or e["response"].get("fromServiceWorker") else None)
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    await cdp.send("Network.enable")
    if throttle:
        await cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": RTT_MS,
            "downloadThroughput": DOWN_BITS / 8, "uploadThroughput": UP_BITS / 8})
        await cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    await page.add_init_script(USABLE_SCRIPT % (json.dumps(kind), json.dumps(kind)))
    await page.goto(url, wait_until="commit")
    await page.wait_for_function("() => window.__usable !== undefined", timeout=60_000, polling=100)
    result.usable_ms = await page.evaluate("window.__usable")
    await page.wait_for_function("() => window.__seen !== undefined", timeout=60_000, polling=100)
    result.seen_ms = await page.evaluate("window.__seen")
    try:  # what the page still fetches after it is usable counts too
        await page.wait_for_load_state("networkidle", timeout=10_000)
    except Exception:
        pass
    result.bytes = sum(sizes.values())
    if first and await page.evaluate("fetch('/sw.js', {method: 'HEAD'}).then(r => r.ok)"):
        # the server has a service worker: the second visit starts once it controls the page
        await page.wait_for_function("() => navigator.serviceWorker.controller?.state === 'activated'",
                                     timeout=120_000, polling=100)
        result.worker_ms = await page.evaluate("performance.now()")
    result.from_network = len([r for r in sizes if r not in cached])
    await page.close()
    return result


async def joined(ctx: BrowserContext, session: str, participant: dict) -> None:
    """This browser holds the participant (as it does after the join form)."""
    await ctx.add_init_script(
        f"localStorage.setItem('samenspel.part.{session}', {json.dumps(json.dumps(participant))});"
        f"localStorage.setItem('samenspel.role.{session}', 'participant');")


async def new_context(browser: Browser, lang: str | None) -> BrowserContext:
    ctx = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    if lang:
        await ctx.add_init_script(f"localStorage.setItem('samenspel.lang', {json.dumps(lang)});")
    return ctx


async def one_run(browser: Browser, base: str, throttle: bool, lang: str | None = None,
                  floor: bool = False) -> dict[str, Visit]:
    session, code, participant = await new_session(base)
    out: dict[str, Visit] = {}
    ctx = await new_context(browser, lang)
    out["join page, first visit"] = await visit(ctx, f"{base}/j/{code}", "join", throttle, first=True)
    out["join page, second visit"] = await visit(ctx, f"{base}/j/{code}", "join", throttle)
    await joined(ctx, session, participant)
    out["board after the join page"] = await visit(ctx, f"{base}/b/{session}", "board", throttle)
    await ctx.close()
    ctx = await new_context(browser, lang)
    await joined(ctx, session, participant)
    out["board, first visit"] = await visit(ctx, f"{base}/b/{session}", "board", throttle, first=True)
    out["board, second visit"] = await visit(ctx, f"{base}/b/{session}", "board", throttle)
    # a phone that comes back again: V8 now has the modules' compiled code (made on the second visit)
    out["board, third visit"] = await visit(ctx, f"{base}/b/{session}", "board", throttle)
    await ctx.close()
    if floor:  # no code of ours: what the machine, Chromium and the throttling cost by themselves
        ctx = await new_context(browser, lang)
        out["floor, first visit"] = await visit(ctx, f"{base}/floor", "floor", throttle, first=True)
        out["floor, second visit"] = await visit(ctx, f"{base}/floor", "floor", throttle)
        out["floor, third visit"] = await visit(ctx, f"{base}/floor", "floor", throttle)
        await ctx.close()
    return out


def worker(visits: list[Visit]) -> str:
    times = [v.worker_ms for v in visits if v.worker_ms is not None]
    return f"{statistics.median(times):.0f}" if times else "-"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1],
                        help="the checkout whose server to run (default: this one)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--no-throttle", action="store_true", help="no network or CPU throttling")
    parser.add_argument("--urls", action="store_true", help="list the URLs of each visit's requests (last run)")
    parser.add_argument("--lang", choices=["nl", "en"], help="the language this browser chose before (default: none, Dutch)")
    parser.add_argument("--floor", action="store_true", help="also the floor page: no code of ours (bench/floor_server.py)")
    args = parser.parse_args()
    throttle = not args.no_throttle
    runs: list[dict[str, Visit]] = []
    with Server(args.root.resolve(), args.port, args.floor) as server:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                runs.append(await one_run(browser, server.url, throttle, args.lang, args.floor))
            await browser.close()
    print(f"root {args.root} · {'1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, CPU 4x slower' if throttle else 'no throttling'}"
          f"{f' · lang {args.lang}' if args.lang else ''}{' · floor' if args.floor else ''} · median of {args.runs} · load {os.getloadavg()[0]:.1f}")
    print(f"{'page':26} {'requests':>9} {'network':>8} {'kB wire':>8} {'usable ms':>10} {'seen ms':>8} {'worker ms':>10}   (runs)")
    for name in runs[0]:
        vs = [r[name] for r in runs]
        med = lambda xs: statistics.median(xs)  # noqa: E731
        print(f"{name:26} {med([v.requests for v in vs]):9.0f} {med([v.from_network for v in vs]):8.0f} "
              f"{med([v.bytes for v in vs]) / 1000:8.1f} {med([v.usable_ms for v in vs]):10.0f} "
              f"{med([v.seen_ms for v in vs]):8.0f} "
              f"{worker(vs):>10}   "
              f"({', '.join(f'{v.usable_ms:.0f}/{v.seen_ms:.0f}' for v in vs)})")
        if args.urls:
            print("   ", "\n    ".join(vs[-1].urls))


if __name__ == "__main__":
    asyncio.run(main())
