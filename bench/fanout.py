"""Fan-out latency and throughput of one live session, measured over real sockets.

Starts a real server process (embedded store, or Redis with --redis-url), joins N
participants over websockets, and has them place and take back dots in turns. For
each command it records the time from sending until the *last* of the N+1 screens
has the event, and prints medians and percentiles. Loopback only, bounded in count.

    python -m bench.fanout [--clients 30] [--rounds 200] [--redis-url redis://127.0.0.1:PORT]
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

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess

OPTIONS = ["zingeving", "saamhorigheid", "autonomie", "kwaliteit", "resultaat", "impact", "teamontwikkeling",
           "duurzaamheid"]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def run(clients: int, rounds: int, redis_url: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(Path(tmp) / "data", redis_url=redis_url, env={
            "SAMENSPEL_RATE_PER_SECOND": "1000", "SAMENSPEL_RATE_BURST": "1000",
            "SAMENSPEL_JOIN_ATTEMPTS_PER_MINUTE": "100000"}).start()
        try:
            session = await create_session(server.http_url)
            facilitator = await Client(server.ws_url).connect()
            await facilitator.hello(session["session"], token=session["facilitator_secret"])
            people = []
            for i in range(clients):
                token = await join(server.http_url, session["join_code"], f"P{i}",
                                   "leernetwerk" if i % 2 else "management")
                client = await Client(server.ws_url).connect()
                await client.hello(session["session"], token=token["token"])
                people.append(client)
            screens = [facilitator, *people]
            for screen in screens:
                screen.drain()

            latencies: list[float] = []
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
                latencies.append((time.perf_counter() - t0) * 1000)
            elapsed = time.perf_counter() - started
            for screen in screens:
                await screen.close()
        finally:
            server.stop()
    return {
        "clients": clients + 1,
        "rounds": rounds,
        "median_ms": statistics.median(latencies),
        "p90_ms": pct(latencies, 90),
        "p99_ms": pct(latencies, 99),
        "commands_per_s": rounds / elapsed,
        "frames_per_s": rounds * (clients + 1) / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--redis-url")
    args = parser.parse_args()
    result = asyncio.run(run(args.clients, args.rounds, args.redis_url))
    store = "redis" if args.redis_url else "embedded"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; store: {store}")
    print(f"{result['clients']} screens, {result['rounds']} sequential commands (send -> last screen has it)")
    print(f"  latency median {result['median_ms']:.2f} ms, p90 {result['p90_ms']:.2f} ms, p99 {result['p99_ms']:.2f} ms")
    print(f"  {result['commands_per_s']:.0f} commands/s, {result['frames_per_s']:.0f} event frames delivered/s")


if __name__ == "__main__":
    main()
