"""bench/pageload.py's visits with the round trip on the wire: a delaying proxy (bench/delayproxy.py,
75 ms each way on every byte, websocket frames included) in front of the server instead of CDP's
latency (set to 0); CDP keeps the bandwidths and the 4x CPU. CDP's latency does not delay websocket
frames, so pageload.py charges a hello's round trip nothing; this one charges it the profile's
150 ms (docs/benchmarks.md, stop 24).

    python -m bench.pageload_wire [--runs 3] [--root /work/main] [--floor]

``--floor``: also bench/pageload.py's floor page (no code of ours), through the same proxy.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
from pathlib import Path

from playwright.async_api import async_playwright

from bench import pageload
from bench.delayproxy import serve
from tests.support.processes import free_port


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--floor", action="store_true", help="also the floor page (bench/floor_server.py)")
    args = parser.parse_args()
    one_way = pageload.RTT_MS / 2000  # seconds each way
    pageload.RTT_MS = 0  # the proxy holds the round trip, not CDP
    runs = []
    with pageload.Server(args.root.resolve(), 0, args.floor) as server:
        port = free_port()
        proxy = await serve(port, server.port, one_way)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=pageload.CHROMIUM, args=pageload.CHROMIUM_ARGS)
            for _ in range(args.runs):
                runs.append(await pageload.one_run(browser, f"http://127.0.0.1:{port}", True, floor=args.floor))
            await browser.close()
        proxy.close()
    print(f"root {args.root} · 150 ms RTT on the wire (proxy), 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower"
          f" · median of {args.runs} · load {os.getloadavg()[0]:.1f}")
    for name in runs[0]:
        ms = [r[name].usable_ms for r in runs]
        seen = [r[name].seen_ms for r in runs]
        print(f"{name:26} usable {statistics.median(ms):6.0f} ms  seen {statistics.median(seen):6.0f} ms"
              f"   ({', '.join(f'{v:.0f}/{s:.0f}' for v, s in zip(ms, seen))})")


if __name__ == "__main__":
    asyncio.run(main())
