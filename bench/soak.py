"""Soak: thousands of connections joining, voting and leaving, round after round, on 127.0.0.1.

    python -m bench.soak [--people 2000] [--per-session 20] [--minutes 30] [--abuse-every 3]
                         [--redis-url redis://127.0.0.1:PORT/0]

Starts its own server. Round 0: everyone joins (HTTP), connects, votes and leaves. Then, until the time is up, each round reconnects everyone with their token (a reload: same person,
same budget), takes back and places dots, pulls one presence list, and leaves. Every
``--abuse-every``-th round (0: never) also sends, beside them, a wave of ``--projectors`` sockets
into one session (presence churn, up to the viewer cap) and ``--stalled`` anonymous sockets that start a 1 MiB frame
and stall (cut off by the pre-hello limit). After every round, once the server reports
(``/metrics``) no socket open and a complete garbage collection since (server/gc_pacing.py), it
prints the server's resident memory; at the end, errors, the p50/p99 of command round trips, and
the last memory against the warm-up's (the bar: within 10 %). The warm-up is the first round of
each kind (round 0, and the first abuse round): by then the server has seen its peak number of
sockets at once, and the allocator keeps some of what a peak needed; growth after it would be a leak.
Not part of the test suite. Loopback only; bounded by --people and --minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess

BOARD = "samenspel"
OPTIONS = ["impact", "zingeving", "autonomie", "kwaliteit"]


def cpu_seconds(pid: int) -> float:
    """The server's user + system CPU time so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def person(server: ServerProcess, session: str, token: str, round_no: int, latencies: list[float],
                 errors: list[str], start: asyncio.Event) -> None:
    await start.wait()
    client = Client(server.ws_url)
    try:
        await client.connect()
        welcome = await client.hello(session, token=token)
        if welcome["type"] != "welcome":
            errors.append(welcome.get("code", "?"))
            return
        mine = welcome["you"][BOARD]["drijfveren"]
        wanted = [OPTIONS[(round_no + i) % len(OPTIONS)] for i in range(2)]
        commands = [{"type": "remove_dot", "board": BOARD, "section": "drijfveren", "option": o}
                    for o in mine if o not in wanted]
        commands += [{"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": o}
                     for o in wanted if o not in mine]
        for command in commands:
            t = time.perf_counter()
            reply = await client.call(command, timeout=30)
            latencies.append(time.perf_counter() - t)
            if reply["type"] != "ok":
                errors.append(reply.get("code", "?"))
        await client.next("presence", timeout=30)
    except Exception as exc:  # a dropped or timed-out socket is an error of the run, not of the script
        errors.append(type(exc).__name__)
    finally:
        await client.close()


async def projector(server: ServerProcess, session: str, code: str, errors: list[str]) -> None:
    """A projector screen that says hello and leaves again."""
    client = Client(server.ws_url)
    try:
        await client.connect()
        welcome = await client.hello(session, code=code)
        if welcome["type"] != "welcome" and welcome.get("code") != "limit_reached":
            errors.append(f"projector:{welcome.get('code', '?')}")
    except Exception as exc:
        errors.append(f"projector:{type(exc).__name__}")
    finally:
        await client.close()


async def stalled_frame(server: ServerProcess) -> None:
    """An anonymous socket that announces a 1 MiB frame, sends 4 KB of it and stalls until cut off."""
    client = Client(server.ws_url)
    try:
        await client.connect()
        # FIN + binary, masked, 64-bit length; a mask key; then a little of the payload.
        client.ws.transport.write(b"\x82\xff" + (1 << 20).to_bytes(8, "big") + b"mask" + bytes(4000))
        await asyncio.wait_for(client.ws.wait_closed(), 30)
    except Exception:
        pass  # being cut off is the point
    finally:
        await client.close()


def metric(text: str, name: str) -> float:
    """The sum of a metric's samples whose line starts with ``name`` (labels included)."""
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(name))


async def settled(server: ServerProcess, collections_before: float, timeout: float = 60.0) -> float:
    """Wait until the server has no socket open and has run a complete garbage collection since;
    returns its count of complete collections then."""
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        while True:
            text = (await http.get("/metrics")).text
            done = metric(text, 'samenspel_gc_pause_seconds_count{kind="complete"}')
            if metric(text, "samenspel_connections ") == 0 and done > collections_before:
                return done
            if time.monotonic() > deadline:
                print("  (the server did not settle within the timeout)")
                return done
            await asyncio.sleep(0.5)  # polling: the server pushes nothing for this


async def run(args) -> None:
    work = Path(tempfile.mkdtemp(prefix="samenspel-soak-"))
    env = {"SAMENSPEL_JOINS_PER_MINUTE": "1000000", "SAMENSPEL_CREATES_PER_MINUTE": "1000000",
           "SAMENSPEL_MAX_SOCKETS_PER_ADDRESS": "100000", "SAMENSPEL_RATE_PER_SECOND": "100",
           "SAMENSPEL_RATE_BURST": "100"}
    server = ServerProcess(work / "data", redis_url=args.redis_url, env=env).start()
    pid = server.proc.pid
    try:
        people: list[tuple[str, str]] = []
        codes: dict[str, str] = {}
        for _ in range(max(1, args.people // args.per_session)):
            session = await create_session(server.http_url)
            codes[session["session"]] = session["join_code"]
            for i in range(args.per_session):
                token = await join(server.http_url, session["join_code"], f"P{i}", ("leernetwerk", "management")[i % 2])
                people.append((session["session"], token["token"]))
        print(f"{len(people)} people in {len(people) // args.per_session} sessions; server pid {pid}, "
              f"{rss_mb(pid):.1f} MB before round 0")
        deadline = time.monotonic() + args.minutes * 60
        all_latencies: list[float] = []
        all_errors: list[str] = []
        warm = None
        round_no = 0
        collections = 0.0
        abused, abused_code = next(iter(codes.items()))
        while round_no == 0 or time.monotonic() < deadline:
            latencies: list[float] = []
            errors: list[str] = []
            start = asyncio.Event()
            tasks = [asyncio.create_task(person(server, s, t, round_no, latencies, errors, start)) for s, t in people]
            abuse = bool(args.abuse_every) and round_no > 0 and round_no % args.abuse_every == 0
            if abuse:
                tasks += [asyncio.create_task(projector(server, abused, abused_code, errors))
                          for _ in range(args.projectors)]
                tasks += [asyncio.create_task(stalled_frame(server)) for _ in range(args.stalled)]
            t0 = time.monotonic()
            cpu0 = cpu_seconds(pid)
            start.set()
            await asyncio.gather(*tasks)
            busy = cpu_seconds(pid) - cpu0
            gc.collect()
            collections = await settled(server, collections)
            memory = rss_mb(pid)
            if round_no == 0 or (abuse and round_no == args.abuse_every):
                warm = memory
            p99 = statistics.quantiles(latencies, n=100)[98] * 1000 if len(latencies) > 100 else float("nan")
            print(f"round {round_no}{' (+abuse)' if abuse else ''}: {time.monotonic() - t0:.1f} s (server CPU {busy:.1f} s), {len(latencies)} commands, "
                  f"{len(errors)} errors, p99 {p99:.1f} ms, server {memory:.1f} MB after all left", flush=True)
            all_latencies += latencies
            all_errors += errors
            round_no += 1
        final = rss_mb(pid)
        q = statistics.quantiles(all_latencies, n=100)
        print(f"total: {round_no} rounds, {len(all_latencies)} commands, {len(all_errors)} errors "
              f"{sorted(set(all_errors))}, p50 {q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms")
        print(f"memory: warm-up {warm:.1f} MB, last {final:.1f} MB ({(final / warm - 1) * 100:+.1f} %)")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--per-session", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--abuse-every", type=int, default=3)
    parser.add_argument("--projectors", type=int, default=300, help="projector sockets per abuse round")
    parser.add_argument("--stalled", type=int, default=200, help="stalled 1 MiB frames per abuse round")
    parser.add_argument("--redis-url")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
