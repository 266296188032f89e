"""A lot's fan-out without the network, for comparing two trees on a shared machine (the least of
several runs counts):

    python bench/lot_path.py <tree> [<tree> ...]

Per tree: a session of Samenspel + stakeholder map + kick-off with 30 participants, each with one
socket (a real ``server.connection.Connection`` whose writes go nowhere), held by a real
``LiveSession``; then ``advance`` of a dot burst's lot (30 votes, one a person: 30 events, 30 `you`,
the progress) and of a word burst's (60 words, two a person), timed from the records to every
socket's frames handed over and flushed: each socket's frames made into its one message (a
``batch``) and given to a write that takes everything at once. ``--compact``: every socket asked
for `events` frames (hello ``compact``, decision 79; a tree without it ignores the attribute). Also
printed: the bytes one screen is written per lot (median of the sockets, last repetition)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time


async def measure(compact: bool) -> str:
    from boards import commands as c
    from boards.actors import Actor
    from boards.engine import apply, decide
    from boards.events import Record
    from boards.state import copy_state
    from server.connection import Connection, _flusher
    from server.live import LiveSession
    from server.protocols import EXTENSION
    from server.settings import Settings
    from server.store.base import SessionMeta
    from tests.unit.boards.helpers import Session

    written: dict[int, int] = {}  # socket -> bytes written since the last lot

    class Socket:  # what Connection needs of a Starlette websocket: its scope, with a write that takes everything
        def __init__(self, i: int) -> None:
            def write(payload: bytes) -> bool:
                written[i] = written.get(i, 0) + len(payload)
                return True
            self.scope = {"extensions": {EXTENSION: {"write": write, "buffered": lambda: 0}}}

    s = Session(boards=("samenspel", "stakeholders", "kickoff"))
    people = [s.join(f"P{i}", "leernetwerk" if i % 2 else "management") for i in range(30)]
    meta = SessionMeta(session="s1", join_code="ABC123", facilitator_hash="x", created_at=0, epoch="e")
    live = LiveSession(meta, s.state, None, Settings(), "bench")  # type: ignore[arg-type]
    for i, p in enumerate(people):
        conn = Connection(Socket(i), f"c{i}", 1 << 20)  # type: ignore[arg-type]
        conn.actor = p
        conn.compact = compact
        live.connections.add(conn)
        live._sockets_of.setdefault(p.participant, set()).add(conn)

    def lot(commands: list[tuple[Actor, c.Command]]) -> list[Record]:
        scratch = copy_state(live.state)
        out = []
        for actor, command in commands:
            for ev in decide(scratch, actor, command, s.ctx()):
                r = Record(seq=scratch.seq + 1, at=s.now, event=ev)
                apply(scratch, r)
                out.append(r)
        return out

    dots, words = [], []
    sizes = {}
    for rep in range(9):
        kind = c.PlaceDot if rep % 2 == 0 else c.RemoveDot
        records = lot([(p, kind(board="samenspel", section="pijlers", option="kennisdeling")) for p in people])
        t = time.perf_counter()
        live.advance(records)
        _flusher()._flush()  # what the loop's next turn does: every socket's one write
        dots.append(time.perf_counter() - t)
        sizes["dot"] = sorted(written.values())[len(written) // 2]
        written.clear()
        await asyncio.sleep(0.02)  # past the coalescing: the next lot's writes are at once
        kind = c.AddWord if rep % 2 == 0 else c.RemoveWord
        records = lot([(p, kind(board="kickoff", section="thema", word=w)) for i, p in enumerate(people)
                       for w in (f"woord{i % 7}", f"ander{i % 5}")])
        t = time.perf_counter()
        live.advance(records)
        _flusher()._flush()
        words.append(time.perf_counter() - t)
        sizes["word"] = sorted(written.values())[len(written) // 2]
        written.clear()
        await asyncio.sleep(0.02)
    return (f"dot lot (30 votes, 30 sockets) {min(dots) * 1e3:.2f} ms, {sizes['dot']} B a screen; "
            f"word lot (60 words) {min(words) * 1e3:.2f} ms, {sizes['word']} B a screen")


if __name__ == "__main__":
    compact = "--compact" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--compact"]
    if args and args[0] == "--here":
        print(asyncio.run(measure(compact)))
    else:
        for _ in range(3):  # interleaved: tree A, tree B, tree A, ...
            for tree in args:
                out = subprocess.run([sys.executable, __file__, "--here", *(["--compact"] if compact else [])],
                                     cwd=tree, capture_output=True,
                                     text=True, env={"PYTHONPATH": tree}, check=True).stdout.strip()
                print(f"{tree}: {out}")
