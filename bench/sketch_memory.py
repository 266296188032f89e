"""What a card-1 session with a wall of sketches costs the store: 30 photos and 30 drawings.

Starts a real server on each store (embedded SQLite; Redis, a fresh ``redis-server``), creates an
``ambitie`` session, joins 30 people, and has each upload a photo of a paper sketch in step 0 (a
2400 x 1800 JPEG with paper grain and pen lines, EXIF included, as a phone sends it after the
browser's shrink is skipped: the server's re-encode decides what is kept) and draw a one-minute
sketch in step 1 (15 strokes of 40 points, within the bounds). Then it reports:

- Redis: ``MEMORY USAGE`` of each of the session's keys (the images hash, the log, the snapshot,
  the rest) and ``INFO memory`` ``used_memory`` before and after;
- SQLite: the bytes in the ``images`` table (display + thumbnail), the session's records and
  snapshot, and the file's growth (pages in use x page size);
- the welcome frame a projector gets (the state holds hashes, not images).

    python -m bench.sketch_memory [--people 30]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import math
import random
import sqlite3
import tempfile
from pathlib import Path

import httpx
import redis
from PIL import Image, ImageDraw

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

BOARD = "ambitie"


def paper_photo(seed: int) -> bytes:
    rnd = random.Random(seed)
    w, h = 2400, 1800
    grain = Image.effect_noise((w, h), 12).convert("RGB")
    paper = Image.blend(Image.new("RGB", (w, h), (240, 236, 226)), grain, 0.12)
    draw = ImageDraw.Draw(paper)
    for _ in range(14):
        pts = [(rnd.randint(80, w - 80), rnd.randint(80, h - 80)) for _ in range(rnd.randint(3, 8))]
        draw.line(pts, fill=rnd.choice([(25, 25, 35), (170, 30, 30), (20, 70, 150)]), width=rnd.randint(8, 20))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 3.0), 3: "E", 4: (4.0, 54.0, 1.0)}
    out = io.BytesIO()
    paper.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def drawing(seed: int) -> list[list[int]]:
    rnd = random.Random(seed)
    strokes = []
    for s in range(15):
        x, y, a = rnd.randint(100, 900), rnd.randint(100, 900), rnd.uniform(0, 6.28)
        pts = []
        for _ in range(40):
            a += rnd.uniform(-0.4, 0.4)
            x = min(1000, max(0, x + round(12 * math.cos(a))))
            y = min(1000, max(0, y + round(12 * math.sin(a))))
            pts += [x, y]
        strokes.append([s % 5, *pts])
    return strokes


async def fill(server: ServerProcess, people: int) -> dict:
    created = await create_session(server.http_url, on_paper=False, title="Geheugen", boards=[BOARD])
    sid, secret, code = created["session"], created["facilitator_secret"], created["join_code"]
    fac = await Client(server.ws_url).connect()
    await fac.hello(sid, token=secret)
    tokens = [(await join(server.http_url, code, f"P{i}", "deelnemer"))["token"] for i in range(people)]
    assert (await fac.call({"type": "set_step", "board": BOARD, "step": "opwarmen"}))["type"] == "ok"
    uploaded = 0
    async with httpx.AsyncClient(base_url=server.http_url, timeout=60) as http:
        for i, token in enumerate(tokens):
            r = await http.post(f"/api/sessions/{sid}/images", params={"board": BOARD, "section": "wie", "prompt": "wie"},
                                content=paper_photo(i), headers={"Content-Type": "image/jpeg", "Authorization": f"Bearer {token}"})
            assert r.status_code == 201, r.text
            uploaded += 1
    assert (await fac.call({"type": "set_step", "board": BOARD, "step": "pitch"}))["type"] == "ok"
    stroke_bytes = 0
    for i, token in enumerate(tokens):
        ws = await Client(server.ws_url).connect()
        await ws.hello(sid, token=token)
        strokes = drawing(i)
        stroke_bytes += len(json.dumps(strokes, separators=(",", ":")))
        reply = await ws.call({"type": "add_sketch", "board": BOARD, "section": "pitch", "prompt": "probleem",
                               "strokes": strokes})
        assert reply["type"] == "ok", reply
        await ws.close()
    viewer = await Client(server.ws_url).connect()
    welcome = await viewer.hello(sid, code=code)
    await viewer.close()
    await fac.close()
    return {"session": sid, "photos": uploaded, "drawings": people, "strokes_json_bytes": stroke_bytes,
            "welcome_json_bytes": len(json.dumps(welcome, separators=(",", ":")))}


async def main(people: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = ServerProcess(root / "embedded").start()
        try:
            out = await fill(server, people)
        finally:
            server.stop()
        db = sqlite3.connect(root / "embedded" / "samenspel.sqlite3")
        sid = out["session"]
        images = db.execute("SELECT count(*), sum(length(display)), sum(length(thumb)) FROM images WHERE session = ?",
                            (sid,)).fetchone()
        records = db.execute("SELECT count(*), sum(length(data)) FROM records WHERE session = ?", (sid,)).fetchone()
        snap = db.execute("SELECT length(data) FROM snapshots WHERE session = ?", (sid,)).fetchone()
        pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
        db.close()
        print(f"embedded: {out}")
        print(f"  images: {images[0]} rows, display {images[1]:,} B, thumbnails {images[2]:,} B "
              f"({(images[1] + images[2]) / images[0] / 1024:.0f} KiB a photo)")
        print(f"  records: {records[0]} rows, {records[1]:,} B; snapshot {snap[0] if snap else 0:,} B; file pages {pages:,} B")

        r_server = RedisServer(root / "redis").start()
        server = ServerProcess(root / "app", redis_url=r_server.url).start()
        r = redis.Redis(port=r_server.port)
        try:
            before = r.info("memory")["used_memory"]
            out = await fill(server, people)
            sid = out["session"]
            usage = {k.decode(): r.memory_usage(k, samples=0) for k in r.scan_iter(match=f"ss:{{{sid}}}:*")}
            after = r.info("memory")["used_memory"]
        finally:
            server.stop()
            r.close()
            r_server.kill()
        print(f"redis: {out}")
        for key, n in sorted(usage.items(), key=lambda kv: -kv[1]):
            print(f"  MEMORY USAGE {key}: {n:,} B")
        print(f"  the session's keys: {sum(usage.values()):,} B; used_memory {before:,} -> {after:,} B "
              f"(+{after - before:,} B)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=30)
    asyncio.run(main(parser.parse_args().people))
