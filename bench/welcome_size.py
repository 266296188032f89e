"""How big is the welcome frame of a full session, per template and audience?

Starts a real server (``samenspel serve``, embedded store, on a free port of 127.0.0.1), and for
every template in the registry (``boards.templates.TEMPLATES``: one added later is measured too)
creates a session of that board, lets ``--people`` participants join, fills every section through
the real commands over real websockets (:mod:`bench.welcome_fill`: post-its in every lane, every
text field, dots and votes of everyone, 60 words in a word cloud, open answers, statements, long
Dutch words), has everyone check out, then says hello as the facilitator, as a participant (one
who did everything) and as a projector (the join code), and prints the bytes of the websocket
message that carries the welcome: MessagePack as it goes on the wire, and what permessage-deflate
and gzip would make of it. The server negotiates no permessage-deflate (checked below: a client
offering it gets no extension), so the MessagePack figure is the one a phone downloads.

A template without groups of its own (people join with the main board's groups, like
``actiepunten``) is measured in a session with the first template that has groups, left empty;
the empty session of every template is printed too, for what the template's own definition costs.

    python -m bench.welcome_size [--people 20] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import zlib
from typing import Any

import httpx
import msgpack
import websockets

from bench.load import OURS_ENV, free_port, wait_port
from bench.welcome_fill import FILLERS, NAMES, checkouts
from boards import kinds
from boards.templates import TEMPLATES
from tests.support.client import Client, hold_off

HOST = "127.0.0.1"


def deflated(payload: bytes) -> int:
    """The payload as permessage-deflate sends it (raw deflate, sync flush, the 4-byte tail dropped)."""
    z = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return len(z.compress(payload) + z.flush(zlib.Z_SYNC_FLUSH)) - 4


async def welcome_bytes(ws_url: str, session: str, **cred: str) -> tuple[bytes, bool]:
    """The websocket message carrying the welcome for this credential, and whether it was a batch."""
    async with websockets.connect(ws_url, compression=None, max_size=2**24) as ws:
        await ws.send(msgpack.packb({"type": "hello", "session": session, "ref": 1, **cred}))
        while True:
            data = await asyncio.wait_for(ws.recv(), 20)
            frame = msgpack.unpackb(data)
            inner = frame["frames"] if frame.get("type") == "batch" else [frame]
            if any(f.get("type") == "welcome" for f in inner):
                return data, frame.get("type") == "batch"
            if any(f.get("type") == "error" for f in inner):
                raise RuntimeError(f"hello refused: {inner}")


def parts(data: bytes) -> dict[str, int]:
    """What a welcome's bytes are made of: its fields, the state's, and each kind's part of the boards."""
    frame = msgpack.unpackb(data)
    welcome = next(f for f in (frame["frames"] if frame.get("type") == "batch" else [frame]) if f.get("type") == "welcome")
    out: dict[str, int] = {}
    for key, value in welcome.items():
        if key != "state":
            out[key] = len(msgpack.packb(value))
    for key, value in welcome.get("state", {}).items():
        if key != "boards":
            out[f"state.{key}"] = len(msgpack.packb(value))
    for board in welcome.get("state", {}).get("boards", {}).values():
        for slot, value in board.items():
            out[f"boards.{slot}"] = out.get(f"boards.{slot}", 0) + len(msgpack.packb(value))
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


async def deflate_offered(ws_url: str) -> str | None:
    """What the server answers a client offering permessage-deflate (None: not negotiated)."""
    async with websockets.connect(ws_url, compression="deflate") as ws:
        return ws.response.headers.get("Sec-WebSocket-Extensions")


class Filler:
    """One session: its facilitator's and participants' sockets, and the commands sent through them."""

    def __init__(self, http: httpx.AsyncClient, ws_url: str, boards: list[str], people: int, seed: int) -> None:
        self.http, self.ws_url, self.boards, self.people = http, ws_url, boards, people
        self.rng = random.Random(seed)
        self.refused: dict[str, int] = {}
        self.sent = 0

    async def create(self, title: str) -> None:
        r = await self.http.post("/api/sessions", json={"title": title, "boards": self.boards})
        r.raise_for_status()
        self.created = created = r.json()
        self.session, self.secret, self.code = created["session"], created["facilitator_secret"], created["join_code"]
        await hold_off(self.ws_url, self.session, self.secret)
        looked_up = (await self.http.get(f"/api/codes/{self.code}")).json()
        groups = [g["id"] for g in looked_up["groups"]]
        self.tokens = []
        for p in range(self.people):
            r = await self.http.post("/api/join", json={"code": self.code, "name": NAMES[p % len(NAMES)][:40],
                                                        "group": groups[p % len(groups)]})
            r.raise_for_status()
            self.tokens.append(r.json()["token"])

    async def open(self) -> None:
        self.facilitator = await Client(self.ws_url).connect()
        assert (await self.facilitator.hello(self.session, token=self.secret))["type"] == "welcome"
        self.clients = []
        for token in self.tokens:
            client = await Client(self.ws_url).connect()
            assert (await client.hello(self.session, token=token))["type"] == "welcome"
            self.clients.append(client)

    async def close(self) -> None:
        for client in [self.facilitator, *self.clients]:
            await client.close()

    async def run(self, commands: list[tuple[Any, dict]]) -> None:
        """Each sender's commands in order, the senders side by side (as a room sends them)."""
        by: dict[Any, list[dict]] = {}
        for who, cmd in commands:
            by.setdefault(who, []).append(cmd)

        async def one(who: Any, cmds: list[dict]) -> None:
            client = self.facilitator if who == "f" else self.clients[who]
            for cmd in cmds:
                reply = await client.call(cmd, timeout=30)
                self.sent += 1
                if reply["type"] == "error":
                    key = f"{cmd['type']}:{reply['code']}"
                    self.refused[key] = self.refused.get(key, 0) + 1

        await asyncio.gather(*(one(w, c) for w, c in by.items()))

    async def state(self) -> dict:
        client = await Client(self.ws_url).connect()
        try:
            return (await client.hello(self.session, token=self.secret))["state"]
        finally:
            await client.close()

    async def fill(self, only: str) -> list[str]:
        """Every section of board ``only``; the kinds that have no filler, by name."""
        template = TEMPLATES[only]
        missing, first, second = [], [], []
        for section in template.sections:
            fillers = FILLERS.get(type(section))
            if fillers is None:
                missing.append(f"{only}/{section.id} ({type(section).__name__})")
                continue
            first += fillers[0](self.rng, only, section, self.people)
            if fillers[1] is not None:
                second.append((section, fillers[1]))
        await self.run(first)
        if second:
            view = (await self.state())["boards"][only]
            more = []
            for section, fill in second:
                content = view[kinds.kind_of(section).slot][section.id]
                more += fill(self.rng, only, section, content, self.people)
            await self.run(more)
        await self.run(checkouts(self.rng, self.people))
        return missing

    async def measure(self) -> dict[str, dict[str, Any]]:
        out = {}
        for audience, cred in (("facilitator", {"token": self.secret}), ("participant", {"token": self.tokens[0]}),
                               ("projector", {"code": self.code})):
            if audience == "participant" and not self.tokens:
                continue
            data, batch = await welcome_bytes(self.ws_url, self.session, **cred)
            out[audience] = {"bytes": len(data), "deflate": deflated(data), "gzip": len(gzip.compress(data, 6)),
                             "batch": batch, "parts": parts(data)}
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--json", help="append the figures as one JSON line to this file")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, commit {commit}, "
          f"load {os.getloadavg()[0]:.2f}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
          f"{args.people} participants", flush=True)
    port = free_port()
    data = tempfile.mkdtemp(prefix="bench-welcome-")
    env = {**os.environ, **OURS_ENV, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", "--host", HOST, "--port", str(port),
                             "--data-dir", data, "--log-level", "warning"], env=env)
    try:
        wait_port(port, proc)
        results = asyncio.run(measure_all(port, args.people))
    finally:
        proc.terminate()
        proc.wait(10)
    if args.json:
        with open(args.json, "a") as f:
            f.write(json.dumps(results) + "\n")


async def measure_all(port: int, people: int) -> dict:
    ws_url = f"ws://{HOST}:{port}/ws"
    offered = await deflate_offered(ws_url)
    print(f"# permessage-deflate offered by the client: the server answers {offered or 'no extension (off)'}")
    with_groups = next(tid for tid, tpl in TEMPLATES.items() if tpl.groups)
    results: dict[str, Any] = {}
    print("| template | audience | empty session B | full session B | deflate B | gzip B | commands sent | refused |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", timeout=60) as http:
        for n, (tid, tpl) in enumerate(TEMPLATES.items()):
            boards = [tid] if tpl.groups else [tid, with_groups]
            empty = Filler(http, ws_url, boards, 1, seed=n)  # one participant, who did nothing yet
            await empty.create(f"Leeg {tid}")
            empty_sizes = await empty.measure()
            full = Filler(http, ws_url, boards, people, seed=n)
            await full.create(f"Bijeenkomst lerend netwerk: {tpl.title.nl}")
            await full.open()
            try:
                missing = await full.fill(tid)
                sizes = await full.measure()
            finally:
                await full.close()
            name = tid if tpl.groups else f"{tid} (+ {with_groups}, empty)"
            for audience, m in sizes.items():
                e = empty_sizes.get(audience, {}).get("bytes", 0)
                refused = ", ".join(f"{k} x{v}" for k, v in full.refused.items()) or "-"
                print(f"| {name} | {audience} | {e:,} | {m['bytes']:,}{' (batch)' if m['batch'] else ''} | "
                      f"{m['deflate']:,} | {m['gzip']:,} | {full.sent} | {refused} |", flush=True)
            if missing:
                print(f"!! {tid}: sections with no filler (add one to bench/welcome_fill.py): {', '.join(missing)}")
            results[tid] = {"empty": empty_sizes, "full": sizes, "sent": full.sent, "refused": full.refused,
                            "missing": missing, "boards": boards}
    print("\n| template | the facilitator's welcome, largest parts (bytes of MessagePack) |")
    print("| --- | --- |")
    for tid, r in results.items():
        top = list(r["full"]["facilitator"]["parts"].items())[:6]
        print(f"| {tid} | {', '.join(f'{k} {v:,}' for k, v in top)} |")
    return results


if __name__ == "__main__":
    main()
