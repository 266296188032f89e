"""Fuzz a real server over real websockets on 127.0.0.1 with ≥ 100,000 malformed and hostile frames.

    python -m bench.fuzz_frames [--frames 100000] [--sockets 8] [--redis-url redis://127.0.0.1:PORT/0]

Starts its own server (embedded store, or on the given Redis), a session with a facilitator, two
participants and a projector, and a control participant whose dots must survive. Each socket sends
a mix: random bytes, truncated and bit-flipped valid frames, valid frames with hostile field values,
known types with random fields, text frames, and frames before hello on fresh sockets. Every reply
is counted by code. At the end it checks: the server is up, its log holds no traceback, the control
participant's dots and the board's tallies are what they were, and every frame got an answer.
Prints one summary (see docs/security.md for a run). Loopback only, bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import random
import tempfile
import time
from pathlib import Path

import msgpack
import websockets

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess

BOARD = "samenspel"
VALID = [
    {"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": "impact"},
    {"type": "remove_dot", "board": BOARD, "section": "drijfveren", "option": "impact"},
    {"type": "add_note", "board": BOARD, "section": "actie", "lane": "leernetwerk-doen", "text": "x", "owner": "A"},
    {"type": "set_text", "board": BOARD, "section": "ambitie", "field": "ambitie", "text": "t"},
    {"type": "timer", "action": "set", "seconds": 60},
    {"type": "set_hidden", "board": BOARD, "section": "pijlers", "hidden": True},
    {"type": "ping", "t": 1.0},
    {"type": "hello", "session": "x", "code": "AAAAAA"},
    {"type": "undo", "board": "stakeholders"},
    {"type": "drag", "board": "stakeholders", "section": "map", "item": "i", "surface": "map", "x": 0.5, "y": 0.5},
]
HOSTILE = [None, True, -1, 2**63, 2**64 - 1, -2**63, 1e308, float("nan"), float("inf"), "", "x" * 3000,
           "\u202e\u200b\x00", "../../etc/passwd", "<script>alert(1)</script>", [], {}, [[[[[]]]]],
           {"$gt": ""}, list(range(300)), b"\x00" * 10]


def hostile_frame(rng: random.Random) -> bytes:
    kind = rng.randrange(7)
    base = dict(rng.choice(VALID))
    if kind == 0:
        return rng.randbytes(rng.randrange(1, 200))
    if kind == 1:
        data = msgpack.packb(base)
        return data[: rng.randrange(1, len(data))]
    if kind == 2:
        data = bytearray(msgpack.packb(base))
        for _ in range(rng.randrange(1, 4)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data)
    if kind == 3:
        key = rng.choice(list(base))
        base[key] = rng.choice(HOSTILE)
    elif kind == 4:
        base[rng.choice(["extra", "ref", "participant", "group", "by"])] = rng.choice(HOSTILE)
    elif kind == 5:
        base = {"type": rng.choice(["", "x" * 100, "__class__", "place_dot ", "PLACE_DOT"]), "ref": 1}
    else:
        base["ref"] = rng.choice([0, 2**31, 2**31 + 1, -5, "r", None])
    try:
        return msgpack.packb(base, use_bin_type=True)
    except (OverflowError, TypeError, ValueError):
        return msgpack.packb({"type": "place_dot"})


async def fuzz_socket(url: str, hello: dict | None, session: str, frames: int, seed: int,
                      counts: collections.Counter, closes: collections.Counter) -> int:
    """Send ``frames`` hostile frames on one socket (said hello with ``hello``, or anonymous), a ping
    after every 20 so we stay in step with the server. A socket the server closes (an anonymous one
    after its hello timeout or a too-large pre-hello frame) is counted by close code and replaced."""
    rng = random.Random(seed)
    sent = 0
    client = None
    while sent < frames:
        if client is None:
            client = await Client(url).connect()
            if hello is not None:
                welcome = await client.hello(session, **hello)
                assert welcome["type"] == "welcome", welcome
        try:
            for _ in range(20):
                await client.send_raw(hostile_frame(rng) if sent % 50 else "a text frame")
                sent += 1
            pong = await client.call({"type": "ping", "t": sent})
            counts[pong["type"]] += 1
        except (websockets.ConnectionClosed, asyncio.TimeoutError):
            await asyncio.wait_for(client.ws.wait_closed(), 15)
            closes[client.ws.close_code] += 1
            for frame in client.drain():
                counts[frame.get("code") or frame["type"]] += 1
            client = None
            continue
        for frame in client.drain():
            counts[frame.get("code") or frame["type"]] += 1
    await client.close()
    return sent


async def run(args) -> dict:
    work = Path(tempfile.mkdtemp(prefix="samenspel-fuzz-"))
    env = {"SAMENSPEL_RATE_PER_SECOND": "1000000", "SAMENSPEL_RATE_BURST": "1000000",
           "SAMENSPEL_JOIN_ATTEMPTS_PER_MINUTE": "1000000", "SAMENSPEL_WRONG_PER_SESSION_PER_MINUTE": "1000000"}
    server = ServerProcess(work / "data", redis_url=args.redis_url, env=env).start()
    started = time.monotonic()
    try:
        session = await create_session(server.http_url, boards=[BOARD, "stakeholders"])
        control_token = await join(server.http_url, session["join_code"], "Control", "management")
        control = await Client(server.ws_url).connect()
        await control.hello(session["session"], token=control_token["token"])
        for option in ("impact", "zingeving"):
            assert (await control.call({**VALID[0], "option": option}))["type"] == "ok"
        await control.close()
        observer = await Client(server.ws_url).connect()
        before = (await observer.hello(session["session"], token=session["facilitator_secret"]))["state"]
        await observer.close()

        hellos: list[dict | None] = []
        for i in range(args.sockets):
            if i % 4 == 0:
                hellos.append({"token": session["facilitator_secret"]})
            elif i % 4 == 1:
                token = await join(server.http_url, session["join_code"], f"Fuzz{i}", "leernetwerk")
                hellos.append({"token": token["token"]})
            elif i % 4 == 2:
                hellos.append({"code": session["join_code"]})
            else:
                hellos.append(None)  # never says hello
        counts: collections.Counter = collections.Counter()
        closes: collections.Counter = collections.Counter()
        per_socket = args.frames // args.sockets
        sent = sum(await asyncio.wait_for(asyncio.gather(*(
            fuzz_socket(server.ws_url, hello, session["session"], per_socket, seed, counts, closes)
            for seed, hello in enumerate(hellos))), args.timeout))

        after_client = await Client(server.ws_url).connect()
        after = (await after_client.hello(session["session"], token=control_token["token"]))
        await after_client.close()
        control_dots = after["you"][BOARD]["drijfveren"]
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    log = server.log_path.read_text(errors="replace")
    return {
        "frames": sent, "sockets": args.sockets, "seconds": round(elapsed, 1),
        "frames_per_second": round(sent / elapsed),
        "replies_by_code": dict(counts.most_common()),
        "sockets_closed_by_server": dict(closes),
        "tracebacks_in_log": log.count("Traceback"),
        "control_dots_intact": sorted(control_dots) == ["impact", "zingeving"],
        "control_tally_intact": before["boards"][BOARD]["dots"]["drijfveren"]["counts"]["impact"].get("management")
        == after["state"]["boards"][BOARD]["dots"]["drijfveren"]["counts"]["impact"].get("management")
        if "state" in after else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=100_000)
    parser.add_argument("--sockets", type=int, default=8)
    parser.add_argument("--redis-url")
    parser.add_argument("--timeout", type=float, default=900)
    result = asyncio.run(run(parser.parse_args()))
    for key, value in result.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
