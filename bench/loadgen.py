"""One load-generator process: it sets up its share of the sessions, then drives them on command.

Started by ``bench.load`` (the orchestrator), which talks to it over stdin/stdout, one JSON
object a line::

    -> {"spec": {...}}                       (argv) what to set up: server kind, ports, sessions
    <- {"ready": true, "sockets": n}         everything connected and welcomed
    -> {"run": {"rate": r, "warm": s, "measure": s, "mode": "steady" | "burst", ...}}
    <- {"result": {...}}                     per-delivery latencies summarised
    -> {"quit": true}

Every session has ``clients`` sockets. In ``steady`` mode one of them (the sender) sends ``rate``
commands a second, each at a precomputed moment (phases spread over the sessions), without
waiting for replies; in ``burst`` mode every socket of every session sends at the same moment: one
dot (``activity: dots``, placed and taken back in turn), or one to three words for the kick-off's
word cloud (``activity: wordcloud``: given in one burst, taken back in the next, as the cap is three
words a person; drawn from :data:`WORDS` with repeats across people, as in a real room).
Every socket stamps every event on arrival: **arrived** means the websocket message that carries it
has been read from the socket and decoded (MessagePack), the stamp taken after decoding (one clock,
``time.perf_counter``: CLOCK_MONOTONIC, the same in every process of the machine). A burst's sends
all carry the moment the burst began (they go out one after another, in one loop: ``send_ms`` says
how long that took). Events are matched to their send by sequence number:

- ours: the sender is the board's only writer, so the events its socket receives between two
  ``ok`` replies are exactly the events of the command that ``ok`` answers (in ``burst`` mode: the
  event just before a participant's own ``you`` frame is its own dot; a word's ``ok`` names the
  seq of its event);
- the peers: the sender numbers its messages and the relays pass them through unchanged.

The garbage collector is off from the start of a measurement window until its events have
arrived (a collection in the window would bias the tail); it is collected before and after.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field

import httpx
import msgpack

from bench.wsclient import WsClient, connect
from tests.support.client import hold_off

HOST = "127.0.0.1"
_perf = time.perf_counter
PAD = "x" * 40  # peers' messages are about the size of one of our dot events (~110 bytes)
# The word cloud burst: "Waar denk jij aan bij het thema?" Forty Dutch words, the first ones given
# far more often than the last (weights 1/rank), so a burst repeats words across people.
WORDS = (
    "samenwerken", "vertrouwen", "leren", "netwerk", "verbinding", "kennis", "ontwikkeling", "jeugd",
    "innovatie", "samen", "energie", "ruimte", "nieuwsgierig", "groei", "ervaring", "inspiratie",
    "eigenaarschap", "gemeente", "zorg", "preventie", "participatie", "delen", "verandering", "uitdaging",
    "toekomst", "wijk", "onderwijs", "gezondheid", "vakmanschap", "reflectie", "actieleren", "doelen",
    "praktijk", "lef", "openheid", "complexiteit", "partners", "maatschappij", "creativiteit", "verduurzaming",
)
WORD_WEIGHTS = tuple(1 / (rank + 1) for rank in range(len(WORDS)))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


@dataclass
class Session:
    index: int
    room: str = ""
    sockets: list[WsClient] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    item: str = ""  # ours: the stakeholder the sender moves
    # seq (ours) or message number (peers) -> send time; arrivals as (seq, time)
    sent: dict[int, float] = field(default_factory=dict)
    arrivals: list[tuple[int, float]] = field(default_factory=list)
    counter: int = 0
    dots: int = 0
    # ours: on each socket, the refs sent and the seqs received since the last ok
    outstanding: dict[int, float] = field(default_factory=dict)
    unmatched: list[int] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    ref: int = 0
    seq: int = 0
    # word cloud burst: the words each socket's participant holds now
    words: dict[int, list[str]] = field(default_factory=dict)


class _Retrying:
    """httpx with a few retries: on a starved machine a keep-alive connection may be closed by the
    server (idle past its keep-alive timeout) just as a request goes out. A retried join may add a
    participant twice; for a benchmark that is harmless."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def post(self, url: str, **kw) -> httpx.Response:
        for attempt in range(5):
            try:
                return await self._client.post(url, **kw)
            except httpx.TransportError:
                if attempt == 4:
                    raise
                await asyncio.sleep(0.2 * (attempt + 1))
        raise AssertionError


class Generator:
    def __init__(self, spec: dict) -> None:
        self.spec = spec
        self.kind: str = spec["kind"]  # ours | relay | sio
        self.ports: list[int] = spec["ports"]
        self.clients: int = spec["clients"]
        self.sessions = [Session(i) for i in spec["session_indexes"]]
        self.mode = "steady"
        self.activity = "dots"  # burst: dots | wordcloud
        self.rx_bytes = self.rx_events = 0  # what this process received (ours): bytes per event delivered
        self.rx_msgs = 0  # websocket messages received (ours): writes the server made
        self.stalled: list[WsClient] = []
        self.closed_codes: list[int | None] = []

    # --- setup ---------------------------------------------------------------------------------

    async def setup(self) -> int:
        sem = asyncio.Semaphore(self.spec.get("setup_concurrency", 16))

        async def one(s: Session) -> None:
            async with sem:
                await self._setup_session(s)

        if self.kind == "ours":
            limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
            self.http = {p: httpx.AsyncClient(base_url=f"http://{HOST}:{p}", limits=limits, timeout=60)
                         for p in self.ports}
        await asyncio.gather(*(one(s) for s in self.sessions))
        if self.spec.get("stalled"):
            await self._add_stalled(self.sessions[0])
        return sum(len(s.sockets) for s in self.sessions) + len(self.stalled)

    def _port(self, i: int, session: int) -> int:
        """The instance a session's ``i``-th client connects to: spread over the instances, or with
        ``affinity`` all of a session's on one (as a proxy hashing the session would place them)."""
        if self.spec.get("affinity"):
            return self.ports[session % len(self.ports)]
        return self.ports[(i + session) % len(self.ports)]

    async def _setup_session(self, s: Session) -> None:
        if self.kind == "ours":
            http = _Retrying(self.http[self.ports[0]])
            boards = ["samenspel", "stakeholders"] + (["kickoff"] if self.spec.get("wordcloud") else [])
            r = await http.post("/api/sessions", json={"title": f"Bench {s.index}", "boards": boards})
            r.raise_for_status()
            created = r.json()
            s.room = created["session"]
            # participants act without a step only with hold off (a new session waits for step 1)
            await hold_off(f"ws://{HOST}:{self.ports[0]}/ws", created["session"], created["facilitator_secret"])
            for i in range(self.clients):
                r = await http.post("/api/join", json={"code": created["join_code"], "name": f"P{i}",
                                                        "group": "leernetwerk" if i % 2 else "management"})
                r.raise_for_status()
                s.tokens.append(r.json()["token"])
            for i in range(self.clients):
                sock = await connect(HOST, self._port(i, s.index), "/ws", self._handler(s, i))
                s.sockets.append(sock)
                welcomed = asyncio.get_running_loop().create_future()
                self._welcome_waiters[(s.index, i)] = welcomed
                hello = {"type": "hello", "session": s.room, "token": s.tokens[i], "ref": 0}
                if self.spec.get("compact"):
                    hello["compact"] = True  # a lot's events in one `events` frame (decision 79)
                sock.send_binary(msgpack.packb(hello))
                await asyncio.wait_for(welcomed, 30)
            # The sender's post-it to move.
            added = asyncio.get_running_loop().create_future()
            self._added[s.index] = added
            s.sockets[0].send_binary(msgpack.packb({"type": "add_stakeholder", "board": "stakeholders",
                                                    "section": "map", "category": "Bench", "ref": 1}))
            s.item = await asyncio.wait_for(added, 30)
        elif self.kind == "relay":
            s.room = f"room{s.index}"
            for i in range(self.clients):
                s.sockets.append(await connect(HOST, self._port(i, s.index), f"/ws/{s.room}", self._handler(s, i)))
        else:  # socket.io
            s.room = f"room{s.index}"
            for i in range(self.clients):
                joined = asyncio.get_running_loop().create_future()
                self._welcome_waiters[(s.index, i)] = joined
                sock = await connect(HOST, self._port(i, s.index), "/socket.io/?EIO=4&transport=websocket",
                                     self._handler(s, i))
                s.sockets.append(sock)
                await asyncio.wait_for(joined, 30)
        # Peers: the room is live once every member is registered; give the last one a moment.
        if self.kind != "ours":
            await asyncio.sleep(0.2)

    _welcome_waiters: dict = {}
    _added: dict = {}

    async def _add_stalled(self, s: Session) -> None:
        """One more screen in the first (busy) session that never reads."""
        def ignore(payload: bytes, text: bool, now: float) -> None:
            pass

        port = self._port(0, 0)
        if self.kind == "ours":
            sock = await connect(HOST, port, "/ws", ignore, rcvbuf=4096)
            r = await _Retrying(self.http[self.ports[0]]).post("/api/join", json={"code": self._code_of(s), "name": "Stalled",
                                                                         "group": "management"})
            sock.send_binary(msgpack.packb({"type": "hello", "session": s.room, "token": r.json()["token"]}))
        elif self.kind == "relay":
            sock = await connect(HOST, port, f"/ws/{s.room}", ignore, rcvbuf=4096)
        else:
            sock = await connect(HOST, port, "/socket.io/?EIO=4&transport=websocket", ignore, rcvbuf=4096)
            sock.send_text("40")
            await asyncio.sleep(0.2)
            sock.send_text(f'420["join","{s.room}"]')
        await asyncio.sleep(0.5)
        sock.stop_reading()
        self.stalled.append(sock)

    def _code_of(self, s: Session) -> str:
        return self._codes[s.index]

    _codes: dict = {}

    # --- receiving -----------------------------------------------------------------------------

    def _handler(self, s: Session, i: int):
        if self.kind == "ours":
            return self._ours_handler(s, i)
        if self.kind == "relay":
            arrivals = s.arrivals

            def on_relay(payload: bytes, text: bool, now: float) -> None:
                arrivals.append((msgpack.unpackb(payload)[1], _perf()))

            return on_relay
        return self._sio_handler(s, i)

    def _ours_handler(self, s: Session, i: int):
        arrivals = s.arrivals
        sender = i == 0
        unpackb = msgpack.unpackb
        last_event = [0]
        gen = self

        def frame(f: dict, now: float) -> None:
            t = f["type"]
            if t == "event":
                seq = f["seq"]
                arrivals.append((seq, now))
                gen.rx_events += 1
                last_event[0] = seq
                if gen.mode == "steady" and sender:
                    s.unmatched.append(seq)
                ev = f["event"]
                if ev["type"] == "stakeholder_saved" and sender and s.index in gen._added and not gen._added[s.index].done():
                    gen._added[s.index].set_result(ev["item"]["id"])
            elif t == "events":  # several records' events in one frame: seq, seq + 1, ... (decision 79)
                first = f["seq"]
                evs = f["events"]
                n = len(evs)
                arrivals.extend((seq, now) for seq in range(first, first + n))
                gen.rx_events += n
                last_event[0] = first + n - 1
                if gen.mode == "steady" and sender:
                    s.unmatched.extend(range(first, first + n))
                if sender and s.index in gen._added and not gen._added[s.index].done():
                    for ev in evs:
                        if ev["type"] == "stakeholder_saved":
                            gen._added[s.index].set_result(ev["item"]["id"])
                            break
            elif t == "ok" and gen.mode == "burst" and gen.activity == "wordcloud":
                # a word's ok names its event's seq (sent at the burst's moment, whenever it comes)
                at = s.outstanding.pop(f.get("ref"), None)
                if at is not None:
                    s.sent[f["seq"]] = at
            elif t == "ok" or t == "error":
                if t == "error":
                    s.errors[f["code"]] = s.errors.get(f["code"], 0) + 1
                if gen.mode == "steady" and sender:
                    at = s.outstanding.pop(f.get("ref"), None)
                    # The server reads a socket's next command while earlier ones are stored, so
                    # events of the next command may come before this ok: this command's events
                    # are those up to the seq it names.
                    upto = f.get("seq", 0) if t == "ok" else 0
                    mine = [seq for seq in s.unmatched if seq <= upto]
                    if at is not None:
                        for seq in mine:
                            s.sent[seq] = at
                    s.unmatched = [seq for seq in s.unmatched if seq > upto]
            elif t == "you":
                if gen.mode == "burst" and gen.activity == "dots":
                    at = s.outstanding.pop(i, None)
                    if at is not None:
                        s.sent[last_event[0]] = at
            elif t == "welcome":
                s.seq = max(s.seq, f["seq"])
                if "state" in f and s.index not in gen._codes:
                    gen._codes[s.index] = f["join_code"]
                gen._codes.setdefault(s.index, f["join_code"])
                w = gen._welcome_waiters.pop((s.index, i), None)
                if w is not None and not w.done():
                    w.set_result(None)

        def on_message(payload: bytes, text: bool, now: float) -> None:
            f = unpackb(payload)
            # "Arrived": the message read from the socket and decoded; each event in it is matched
            # to its send by seq afterwards (see run).
            now = _perf()
            gen.rx_bytes += len(payload)
            gen.rx_msgs += 1
            if f["type"] == "batch":
                for g in f["frames"]:
                    frame(g, now)
            else:
                frame(f, now)

        return on_message

    def _sio_handler(self, s: Session, i: int):
        arrivals = s.arrivals
        loads = json.loads
        gen = self
        me: list[WsClient] = []

        def on_message(payload: bytes, text: bool, now: float) -> None:
            if payload[:2] == b"42":
                arrivals.append((loads(payload[2:])[1]["n"], now))
            elif payload[:1] == b"2":
                me[0].send_text("3")
            elif payload[:1] == b"0":
                me[0].send_text("40")
            elif payload[:2] == b"40":
                me[0].send_text(f'420["join","{s.room}"]')
            elif payload[:3] == b"430":
                w = gen._welcome_waiters.pop((s.index, i), None)
                if w is not None and not w.done():
                    w.set_result(None)

        on_message.bind = me.append  # type: ignore[attr-defined]
        return on_message

    # --- sending -------------------------------------------------------------------------------

    def _send(self, s: Session, i: int, now: float) -> int:
        """Send what socket ``i`` sends now; how many commands that was."""
        sock = s.sockets[i]
        if self.kind == "ours":
            s.ref += 1
            ref = s.ref
            if self.mode == "burst":
                if self.activity == "wordcloud":
                    return self._send_words(s, i, now)
                s.outstanding[i] = now
                sock.send_binary(msgpack.packb({"type": "place_dot" if s.dots % 2 == 0 else "remove_dot",
                                                "board": "samenspel", "section": "pijlers", "option": "kennisdeling",
                                                "ref": ref}))
                return 1
            s.outstanding[ref] = now
            k = s.counter
            s.counter += 1
            if k % 3 == 2:
                cmd = {"type": "move_stakeholder", "board": "stakeholders", "section": "map", "item": s.item,
                       "x": random.random(), "y": random.random(), "ref": ref}
            else:
                cmd = {"type": "place_dot" if s.dots % 2 == 0 else "remove_dot", "board": "samenspel",
                       "section": "drijfveren", "option": "impact", "ref": ref}
                s.dots += 1
            sock.send_binary(msgpack.packb(cmd))
        else:
            s.counter += 1
            n = s.counter
            s.sent[n] = now
            if self.kind == "relay":
                sock.send_binary(msgpack.packb([s.index, n, PAD]))
            else:
                sock.send_text('42["msg",' + json.dumps({"r": s.room, "n": n, "p": PAD}) + "]")
        return 1

    def _send_words(self, s: Session, i: int, now: float) -> int:
        """Give one to three words (distinct for this person, repeated across people), or take back
        the ones given in the burst before: each a command of its own, as the client sends them."""
        held = s.words.get(i)
        if held:
            words, kind = held, "remove_word"
            s.words[i] = []
        else:
            k = random.randint(1, 3)
            words = []
            while len(words) < k:
                w = random.choices(WORDS, WORD_WEIGHTS)[0]
                if w not in words:
                    words.append(w)
            kind = "add_word"
            s.words[i] = words
        sock = s.sockets[i]
        for w in words:
            s.ref += 1
            s.outstanding[s.ref] = now
            sock.send_binary(msgpack.packb({"type": kind, "board": "kickoff", "section": "thema", "word": w,
                                            "ref": s.ref}))
        return len(words)

    async def run(self, cmd: dict) -> dict:
        self.mode = cmd.get("mode", "steady")
        self.activity = cmd.get("activity", "dots")
        self.rx_bytes = self.rx_events = self.rx_msgs = 0  # this run's traffic, not the welcomes of the setup
        rate = cmd["rate"]  # per session per second (steady) / bursts per second (burst)
        warm, measure, drain = cmd["warm"], cmd["measure"], cmd.get("drain", 3.0)
        for s in self.sessions:
            s.sent.clear()
            s.arrivals.clear()
            s.unmatched.clear()
            s.outstanding.clear()
            s.errors.clear()
        start = _perf() + 0.2
        window = (start + warm, start + warm + measure)
        # Every send's moment, spread: session phases are random, so sessions are not in lock-step.
        plan: list[tuple[float, int]] = []
        if self.mode == "steady":
            for idx, s in enumerate(self.sessions):
                phase = random.random() / rate
                t = start + phase
                while t < window[1]:
                    plan.append((t, idx))
                    t += 1 / rate
        else:
            t = start
            while t < window[1]:
                plan.append((t, -1))
                t += 1 / rate
        plan.sort()
        counted: set[tuple[int, int]] = set()
        send_times: list[list[float]] = []  # planned, started, done: per send (burst)
        lag_max = 0.0
        sends_in_window = 0
        cpu0 = wall0 = None
        gc_off = False
        for t, idx in plan:
            now = _perf()
            if now < t:
                await asyncio.sleep(t - now)
                now = _perf()
            if not gc_off and t >= window[0]:
                gc.collect()
                gc.disable()
                gc_off = True
                cpu0, wall0 = _cpu(), _perf()
                marks = {s.index: (s.counter, s.ref) for s in self.sessions}
            if t >= window[0]:
                lag_max = max(lag_max, now - t)
            sent = 0
            send_times.append([t, now])
            if idx >= 0:
                sent = self._send(self.sessions[idx], 0, now)
            else:
                for s in self.sessions:
                    for i in range(len(s.sockets)):
                        sent += self._send(s, i, now)
                    s.dots += 1
            send_times[-1].append(_perf())
            if window[0] <= now < window[1]:  # as the summary below: by the moment it was sent
                sends_in_window += sent
        sent_end = _perf()
        cpu1, wall1 = _cpu(), _perf()
        await asyncio.sleep(drain)
        cpu2 = _cpu()  # with the drain: every frame of the window's sends received and decoded
        bursts = [b for b in send_times if window[0] <= b[1] < window[1]]
        gc.enable()
        gc.collect()
        # Summarise: deliveries of the events sent inside the window.
        lat: list[float] = []
        errors: dict[str, int] = {}
        for s in self.sessions:
            for code, n in s.errors.items():
                errors[code] = errors.get(code, 0) + n
            in_window = {k: t for k, t in s.sent.items() if window[0] <= t < window[1]}
            for seq, at in s.arrivals:
                t = in_window.get(seq)
                if t is not None:
                    lat.append(at - t)
        lat.sort()
        if os.environ.get("BURST_TRACE"):  # the whole timeline, for bench/burst_trace.py
            with open(os.environ["BURST_TRACE"] + f".gen{os.getpid()}", "a") as f:
                f.write(json.dumps({"sends": send_times, "sessions": [
                    {"room": s.room, "sent": list(s.sent.items()), "arrivals": s.arrivals} for s in self.sessions]}) + "\n")
        # Every send reaches every screen of its session (sessions of one process are alike).
        per_session = len(self.sessions[0].sockets) if self.sessions else 0
        expected = sends_in_window * per_session
        closed = [c for c in (sock.close_code for sock in self.stalled)]
        return {
            "expected": expected,
            "delivered": len(lat),
            "measure": measure,
            "lat": _summary(lat),
            "errors": errors,
            "gen_cpu": (cpu1 - cpu0) / (wall1 - wall0) if cpu0 is not None else 0.0,
            "gen_lag_max_ms": lag_max * 1000,
            "stalled_close_codes": closed,
            "late_sending_s": sent_end - window[1],
            "rx_bytes": self.rx_bytes, "rx_events": self.rx_events, "rx_msgs": self.rx_msgs,
            # burst: websocket messages (server writes) per socket per burst, over the whole run
            "msgs_per_socket_per_burst": self.rx_msgs / max(1, sum(len(s.sockets) for s in self.sessions))
                                         / max(1, len(send_times)),
            # burst: this process's CPU per burst (its sends, and receiving and decoding every frame
            # they brought, to the end of the drain), and how long one burst's sends took it
            "gen_cpu_per_burst_s": (cpu2 - cpu0) / len(bursts) if bursts and cpu0 is not None else 0.0,
            "send_ms": statistics.median((b[2] - b[1]) * 1000 for b in bursts) if bursts else 0.0,
        }


def _summary(lat: list[float]) -> dict:
    if not lat:
        return {"n": 0}
    def q(p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000
    # 1000 evenly spaced quantiles, so the orchestrator can merge several processes' latencies.
    qs = [round(lat[len(lat) * k // 1000] * 1000, 3) for k in range(1000)]
    return {"n": len(lat), "p50": q(0.50), "p90": q(0.90), "p99": q(0.99), "max": lat[-1] * 1000, "qs": qs}


async def main() -> None:
    spec = json.loads(sys.argv[1])
    gen = Generator(spec)
    n = await gen.setup()
    print(json.dumps({"ready": True, "sockets": n}), flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = await reader.readline()
        if not line:
            break
        msg = json.loads(line)
        if "quit" in msg:
            break
        result = await gen.run(msg["run"])
        print(json.dumps({"result": result}), flush=True)
    for s in gen.sessions:
        for sock in s.sockets:
            sock.close()
    for sock in gen.stalled:
        sock.transport.abort()


if __name__ == "__main__":
    try:  # the generator's own loop (the servers' loop is chosen separately)
        import uvloop
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass
    asyncio.run(main())
