"""Fan-out latency and throughput of one live session, measured over real sockets.

Starts real server processes (embedded store, or ``--instances`` of them on Redis with
``--redis-url``), joins N participants over websockets (spread over the instances), and
measures two scenarios:

- sequential: participants place and take back dots in turns; for each command, the
  time from sending until the *last* of the N+1 screens has the event;
- burst: every participant places a dot at the same moment; the time until every
  screen has all N events (what a "now everyone vote" moment costs).

Prints medians and percentiles. Loopback only, bounded in count and time.

    python -m bench.fanout [--clients 30] [--rounds 300] [--bursts 20]
                           [--redis-url redis://127.0.0.1:PORT --instances 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from boards.templates.samenspel import SAMENSPEL
from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess

OPTIONS = [o.id for o in SAMENSPEL.section("drijfveren").options]
PILLARS = [o.id for o in SAMENSPEL.section("pijlers").options]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def run(clients: int, rounds: int, bursts: int, redis_url: str | None, instances: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        servers = [ServerProcess(Path(tmp) / f"data{i}", redis_url=redis_url, env={
            "SAMENSPEL_RATE_PER_SECOND": "1000", "SAMENSPEL_RATE_BURST": "1000",
            "SAMENSPEL_JOIN_ATTEMPTS_PER_MINUTE": "100000"}).start() for i in range(instances)]
        try:
            first = servers[0]
            session = await create_session(first.http_url)
            facilitator = await Client(first.ws_url).connect()
            await facilitator.hello(session["session"], token=session["facilitator_secret"])
            people = []
            for i in range(clients):
                token = await join(first.http_url, session["join_code"], f"P{i}",
                                   "leernetwerk" if i % 2 else "management")
                client = await Client(servers[i % instances].ws_url).connect()
                await client.hello(session["session"], token=token["token"])
                people.append(client)
            screens = [facilitator, *people]
            for screen in screens:
                screen.drain()

            sequential: list[float] = []
            started = time.perf_counter()
            for r in range(rounds):
                sender = people[r % clients]
                placed = r // clients % 2 == 0
                option = OPTIONS[(r // (2 * clients)) % len(OPTIONS)]
                t0 = time.perf_counter()
                await sender.send({"type": "place_dot" if placed else "remove_dot", "board": "samenspel",
                                   "section": "drijfveren", "option": option})
                kind = "dot_placed" if placed else "dot_removed"
                await asyncio.gather(*(s.event(kind) for s in screens))
                sequential.append((time.perf_counter() - t0) * 1000)
            elapsed = time.perf_counter() - started

            burst: list[float] = []
            for b in range(bursts):
                placed = b % 2 == 0
                kind = "dot_placed" if placed else "dot_removed"
                option = PILLARS[(b // 2) % len(PILLARS)]
                t0 = time.perf_counter()
                await asyncio.gather(*(p.send({"type": "place_dot" if placed else "remove_dot",
                                               "board": "samenspel", "section": "pijlers", "option": option})
                                       for p in people))

                async def all_events(screen: Client) -> None:
                    for _ in range(clients):
                        await screen.event(kind)

                await asyncio.gather(*(all_events(s) for s in screens))
                burst.append((time.perf_counter() - t0) * 1000)
            for screen in screens:
                await screen.close()
        finally:
            for server in servers:
                server.stop()
    return {
        "clients": clients + 1,
        "rounds": rounds,
        "bursts": bursts,
        "median_ms": statistics.median(sequential),
        "p90_ms": pct(sequential, 90),
        "p99_ms": pct(sequential, 99),
        "commands_per_s": rounds / elapsed,
        "burst_median_ms": statistics.median(burst) if burst else float("nan"),
        "burst_max_ms": max(burst) if burst else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--bursts", type=int, default=20)
    parser.add_argument("--redis-url")
    parser.add_argument("--instances", type=int, default=1, help="server instances (needs --redis-url if > 1)")
    args = parser.parse_args()
    if args.instances > 1 and not args.redis_url:
        parser.error("several instances share boards only through Redis: give --redis-url")
    result = asyncio.run(run(args.clients, args.rounds, args.bursts, args.redis_url, args.instances))
    store = f"redis, {args.instances} instance(s)" if args.redis_url else "embedded"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; store: {store}")
    print(f"{result['clients']} screens; {result['rounds']} sequential commands (send -> last screen has it)")
    print(f"  latency median {result['median_ms']:.2f} ms, p90 {result['p90_ms']:.2f} ms, p99 {result['p99_ms']:.2f} ms"
          f"  ({result['commands_per_s']:.0f} commands/s)")
    print(f"{result['bursts']} bursts of {result['clients'] - 1} simultaneous dots (until every screen has all)")
    print(f"  burst median {result['burst_median_ms']:.1f} ms, max {result['burst_max_ms']:.1f} ms")


if __name__ == "__main__":
    main()
