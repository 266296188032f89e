"""A word burst's inbound path without the network, for comparing two trees on a shared machine
(the least of several runs counts; CPU time of this process):

    python bench/inbound_path.py <tree> [<tree> ...]     # ROUNDS=<n> interleaved rounds (3)
    python bench/inbound_path.py --parts                 # this tree's pieces, old way and new, per frame

Per tree: a session of Samenspel + stakeholder map + kick-off with 30 participants, held by a real
``LiveSession`` whose log takes every append at once (no store), and for each participant a real
``server.ws.SocketSession`` past its hello (frames handed to it as the protocol hands them, a
``Connection`` whose writes go nowhere). Timed, per burst of 60 words (two a person) and of 30
dots: the bytes of each websocket frame as a client sends them cut out of one read by the tree's
``server.protocols`` (when it parses frames itself; else websockets' parser), each frame handed to
its socket session (rate limits, decoding, queueing), the group commit (deciding, records, the
append), the fan-out, the `ok` replies and every socket's one write."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import msgpack


def client_frame(payload: bytes) -> bytes:
    mask = os.urandom(4)
    head = bytes((0x82, 0x80 | len(payload))) if len(payload) < 126 else None
    assert head is not None
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


async def measure() -> str:
    from boards.actors import Actor
    from server import protocols
    from server.connection import _flusher
    from server.live import LiveSession
    from server.protocols import EXTENSION
    from server.settings import Settings
    from server.store.base import SessionMeta
    from server.ws import SocketSession
    from tests.unit.boards.helpers import Session

    class Log:  # takes every append at once; snapshots and expiry go nowhere
        announces = True

        async def append(self, *args, **kwargs) -> bool:
            return True

        def __getattr__(self, name: str):
            async def nothing(*args, **kwargs) -> None:
                return None
            return nothing

    class Backend:
        log = Log()

    class Socket:  # what SocketSession and Connection need of a Starlette websocket
        client = None

        def __init__(self) -> None:
            self.scope = {"extensions": {EXTENSION: {"write": lambda payload: True, "buffered": lambda: 0}}}

    settings = Settings(rate_per_second=100000.0, rate_burst=100000)  # as bench.load runs the server
    s = Session(boards=("samenspel", "stakeholders", "kickoff"))
    people: list[Actor] = [s.join(f"P{i}", "leernetwerk" if i % 2 else "management") for i in range(30)]
    meta = SessionMeta(session="s1", join_code="ABC123", facilitator_hash="x", created_at=0, epoch="e")
    live = LiveSession(meta, s.state, Backend(), settings, "bench")  # type: ignore[arg-type]
    live._retention_touched = 10**15  # no expiry upkeep
    sockets = []
    for p in people:
        sess = SocketSession(Socket(), None, settings, None)  # type: ignore[arg-type]
        sess.conn.actor = p
        sess.conn.compact = True
        sess.live = live
        sess._direct = True
        if hasattr(sess, "_shared_bucket"):  # what this tree's hello keeps (the older looks it up per frame)
            sess._actor = p
            sess._shared_bucket = live.participant_buckets.bucket(p.participant, settings.rate_per_second,
                                                                  settings.rate_burst)
        live.connections.add(sess.conn)
        live._sockets_of.setdefault(p.participant, set()).add(sess.conn)
        sockets.append(sess)

    # The tree's own frame cutting, if it has it (server.protocols: data_received's loop), else
    # websockets' parser as uvicorn drives it.
    from websockets.protocol import OPEN, SERVER, Protocol

    def reader(sess):
        parser = Protocol(SERVER, state=OPEN, max_size=settings.ws_hard_limit)
        fast = getattr(protocols.GuardedWebSocketProtocol, "_between_frames", None)

        def feed(data: bytes) -> None:
            if fast is not None:
                proto = protocols.GuardedWebSocketProtocol.__new__(protocols.GuardedWebSocketProtocol)
                proto.conn, proto._deliver, proto.close_sent = parser, sess._on_frame, False
                protocols.GuardedWebSocketProtocol.data_received(proto, data)
            else:
                parser.receive_data(data)
                for event in parser.events_received():
                    sess._on_frame(event.data)
        return feed

    feeds = [reader(sess) for sess in sockets]
    ref = 0

    def burst_bytes(rep: int, words: bool) -> list[bytes]:
        nonlocal ref
        out = []
        for i in range(30):
            frames_ = []
            if words:
                kind = "add_word" if rep % 2 == 0 else "remove_word"
                for w in (f"woord{i % 7}", f"ander{i % 5}"):
                    ref += 1
                    frames_.append({"type": kind, "board": "kickoff", "section": "thema", "word": w, "ref": ref})
            else:
                ref += 1
                frames_.append({"type": "place_dot" if rep % 2 == 0 else "remove_dot", "board": "samenspel",
                                "section": "pijlers", "option": "kennisdeling", "ref": ref})
            out.append(b"".join(client_frame(msgpack.packb(f)) for f in frames_))
        return out

    async def burst(data: list[bytes]) -> tuple[float, float]:
        """CPU seconds: reading the frames (up to each command queued), and all of the burst."""
        t = time.process_time()
        for feed, chunk in zip(feeds, data):
            feed(chunk)
        read = time.process_time() - t
        while live._committing or any(sess._in_flight for sess in sockets):
            await asyncio.sleep(0)
        _flusher()._flush()
        return read, time.process_time() - t

    words, dots = [], []
    start = live.state.seq
    for rep in range(40):
        data = burst_bytes(rep, True)
        words.append(await burst(data))
        await asyncio.sleep(0.02)  # past the coalescing: the next burst's writes are at once
        data = burst_bytes(rep, False)
        dots.append(await burst(data))
        await asyncio.sleep(0.02)
    assert live.state.seq - start == 40 * 90, live.state.seq - start  # every word and dot stored: none refused
    return (f"word burst (60 words, 30 sockets) {min(w[1] for w in words) * 1e3:.2f} ms, reading "
            f"{min(w[0] for w in words) * 1e3:.2f} ms; dot burst (30 votes) {min(d[1] for d in dots) * 1e3:.2f} ms, "
            f"reading {min(d[0] for d in dots) * 1e3:.2f} ms")


def parts() -> str:
    """This tree's pieces against the ways they replace, per word frame (least of 7 loops, CPU)."""
    from collections import Counter

    from websockets.protocol import OPEN, SERVER, Protocol

    from server import frames, metrics, protocols
    from server.clock import now_ms

    def least(f, n: int) -> float:
        best = float("inf")
        for _ in range(7):
            t = time.process_time()
            f()
            best = min(best, time.process_time() - t)
        return best / n * 1e6

    payloads = [msgpack.packb({"type": "add_word", "board": "kickoff", "section": "thema", "word": f"woord{i}", "ref": i})
                for i in range(60)]
    chunk = b"".join(client_frame(p) for p in payloads)
    parser = Protocol(SERVER, state=OPEN, max_size=1 << 20)
    proto = protocols.GuardedWebSocketProtocol.__new__(protocols.GuardedWebSocketProtocol)
    got: list[bytes] = []
    proto.conn, proto._deliver, proto.close_sent = parser, got.append, False

    def by_websockets() -> None:
        for _ in range(100):
            parser.receive_data(chunk)
            got.extend(e.data for e in parser.events_received())

    def cut_here() -> None:
        for _ in range(100):
            protocols.GuardedWebSocketProtocol.data_received(proto, chunk)

    def checked() -> None:
        for _ in range(100):
            for p in payloads:
                frames._decode_checked(p, 65536)

    def direct() -> None:
        for _ in range(100):
            for p in payloads:
                frames.decode(p, 65536)

    at = now_ms()
    ats = [at] * 58 + [at + 1] * 2

    def observe_each() -> None:
        for _ in range(100):
            for a in ats:
                metrics.FANOUT_SECONDS.observe(max(0.0, (now_ms() - a) / 1000))

    def observe_lot() -> None:
        for _ in range(100):
            now = now_ms()
            for a, count in Counter(ats).items():
                metrics.observe_many(metrics.FANOUT_SECONDS, max(0.0, (now - a) / 1000), count)

    n = 6000
    return (f"per word frame, µs: websockets' parser {least(by_websockets, n):.2f}, cut here {least(cut_here, n):.2f}; "
            f"decoded the checked way {least(checked, n):.2f}, straight {least(direct, n):.2f}; "
            f"fan-out histogram per record {least(observe_each, n):.2f}, per lot {least(observe_lot, n):.2f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--parts"]:
        print(parts())
    elif sys.argv[1:2] == ["--here"]:
        print(asyncio.run(measure()))
    else:
        for _ in range(int(os.environ.get("ROUNDS", "3"))):  # interleaved: tree A, tree B, tree A, ...
            for tree in sys.argv[1:]:
                out = subprocess.run([sys.executable, os.path.abspath(__file__), "--here"], cwd=tree,
                                     capture_output=True, text=True, env={"PYTHONPATH": tree}, check=True).stdout.strip()
                print(f"{tree}: {out}")
