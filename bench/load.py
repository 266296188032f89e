"""Fan-out under load: this server beside a minimal Starlette relay and python-socketio.

Starts the servers itself (a private redis-server on a free port unless ``--redis-url``; never
6379), one after another, interleaved across repetitions so that a noisy neighbour on a shared
machine hurts every server alike; sets up the same load shape on each (``--sessions`` ×
``--clients`` sockets) with ``--workers`` (= ``--generators``) load-generator processes
(``bench.loadgen``, each holding an equal share of the sessions); then runs
each offered rate for ``--warm`` + ``--measure`` seconds and prints, per server and rate:
delivered events/s, p50/p99 from send to arrival, events lost, server and Redis CPU (cores),
server memory per connection, and the generator's own CPU (where it saturates, the figures
measure the generator); in a burst also the server's CPU per burst, each generator process's CPU per
burst (its sends, and receiving and decoding all they brought), how long a burst's sends took, and the
websocket messages each screen got per burst.

Scenarios (``--scenario``; defaults follow the issue):

- ``fanout``: 50 × 30, one sender per session, rising rates (offered deliveries/s);
- ``capacity``: 500 × 20 at 1 command/s per session (10,000 sockets; ``--sessions`` scales it);
- ``two``: like ``fanout`` with two instances of each server on one Redis, clients spread;
- ``burst``: all 30 participants of all 50 sessions vote at the same moment, every 1.5 s
  (``--activity dots``); or give one to three words to the kick-off's word cloud, taken back in the
  next burst (``--activity wordcloud``); ``--activity dots,wordcloud`` runs both on each server in
  turn, on the same sessions (they then hold the kick-off board too);
- ``stalled``: ``fanout`` at one rate with one more socket in the first session that never reads.

    python -m bench.load --scenario fanout --servers ours-redis,relay-redis,sio-redis \\
        --rates 4500,9000,15000,20000,30000 --reps 3

Loopback only, bounded in count and time; prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
# Limits that would refuse a load generator on one address (it is not a room of people).
OURS_ENV = {
    "SAMENSPEL_RATE_PER_SECOND": "100000", "SAMENSPEL_RATE_BURST": "100000",
    "SAMENSPEL_JOIN_ATTEMPTS_PER_MINUTE": "1000000", "SAMENSPEL_JOINS_PER_MINUTE": "1000000",
    "SAMENSPEL_CREATES_PER_MINUTE": "1000000", "SAMENSPEL_WRONG_PER_SESSION_PER_MINUTE": "1000000",
    "SAMENSPEL_MAX_SOCKETS_PER_ADDRESS": "1000000",
}
SERVERS = ("ours-embedded", "ours-redis", "relay-memory", "relay-redis", "sio-redis", "sio-memory",
           "base-embedded", "base-redis")  # base-*: this server from --baseline-root (an older tree)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server on {port} exited with {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"server on {port} did not start")


def proc_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_rss(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class Redis:
    def __init__(self, url: str | None) -> None:
        self.dir = tempfile.mkdtemp(prefix="bench-redis-")
        self.proc = None
        if url:
            self.url = url
            self.port = int(url.rsplit(":", 1)[1].split("/")[0])
        else:
            self.port = free_port()
            self.url = f"redis://127.0.0.1:{self.port}/0"
            self.proc = subprocess.Popen(
                ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", self.dir, "--save", "",
                 "--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction",
                 "--logfile", f"{self.dir}/redis.log"])
            wait_port(self.port, self.proc)

    def flush(self) -> None:
        subprocess.run(["redis-cli", "-p", str(self.port), "flushall"], check=True, capture_output=True)

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def stop(self) -> None:
        if self.proc:
            subprocess.run(["redis-cli", "-p", str(self.port), "shutdown", "nosave"], capture_output=True)
            self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


class Servers:
    """One kind of server, ``instances`` processes; all on 127.0.0.1."""

    def __init__(self, kind: str, instances: int, redis: Redis, uv: dict, env: dict, baseline_root: str | None) -> None:
        # "ours-redis[loop=uvloop,ws=wsproto]": this server with other uvicorn choices than the rest
        if "[" in kind:
            kind, extra = kind.rstrip("]").split("[", 1)
            uv = {**uv, **dict(kv.split("=", 1) for kv in extra.split(","))}
        self.kind, self.instances, self.redis, self.uv, self.env = kind, instances, redis, uv, env
        self.root = Path(baseline_root) if kind.startswith("base") and baseline_root else ROOT
        self.procs: list[subprocess.Popen] = []
        self.ports: list[int] = []
        self.tmp = tempfile.mkdtemp(prefix="bench-srv-")

    def start(self) -> "Servers":
        if "redis" in self.kind:
            self.redis.flush()
        for i in range(self.instances):
            port = free_port()
            env = {**os.environ, "PYTHONUNBUFFERED": "1"}
            if self.kind.startswith(("ours", "base")):
                env.update(OURS_ENV)
                env.update(self.env)
                env["SAMENSPEL_WS_IMPL"] = self.uv["ws"]
                env["SAMENSPEL_LOOP"] = self.uv["loop"]
                env["SAMENSPEL_HTTP_IMPL"] = self.uv["http"]
                args = [PY, "-m", "server.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
                        "--data-dir", f"{self.tmp}/data{i}", "--log-level", "warning"]
                if self.kind.endswith("-redis"):
                    args += ["--redis-url", self.redis.url]
            else:
                module = "bench.peers.relay:app" if self.kind.startswith("relay") else "bench.peers.sio:app"
                if self.kind == "relay-redis":
                    env["RELAY_REDIS_URL"] = self.redis.url
                if self.kind == "sio-redis":
                    env["SIO_REDIS_URL"] = self.redis.url
                args = [PY, "-m", "uvicorn", module, "--host", "127.0.0.1", "--port", str(port),
                        "--ws", self.uv["ws"], "--loop", self.uv["loop"], "--http", self.uv["http"],
                        "--ws-per-message-deflate", "false", "--log-level", "warning", "--no-access-log"]
            log = open(f"{self.tmp}/server{i}.log", "ab")
            proc = subprocess.Popen(args, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT)
            self.procs.append(proc)
            self.ports.append(port)
        for proc, port in zip(self.procs, self.ports):
            wait_port(port, proc)
        time.sleep(0.3)
        return self

    def cpu(self) -> float:
        return sum(proc_cpu(p.pid) for p in self.procs)

    def rss(self) -> int:
        return sum(proc_rss(p.pid) for p in self.procs)

    def log_tail(self) -> str:
        out = []
        for i in range(len(self.procs)):
            with contextlib.suppress(OSError):
                out.append(Path(f"{self.tmp}/server{i}.log").read_text()[-3000:])
        return "\n".join(out)

    def warnings(self) -> str:
        """What the servers logged at WARNING or above: counted by message, a few shown."""
        counts: dict[str, int] = {}
        for i in range(len(self.procs)):
            with contextlib.suppress(OSError):
                for text in Path(f"{self.tmp}/server{i}.log").read_text(errors="replace").splitlines():
                    if " WARNING " in text or " ERROR " in text:
                        key = text.split(": ", 1)[-1][:90]
                        key = "".join("#" if ch.isdigit() else ch for ch in key)
                        counts[key] = counts.get(key, 0) + 1
        return "; ".join(f"{n}x {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])[:6])

    def stop(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


class Worker:
    def __init__(self, spec: dict) -> None:
        self.proc = subprocess.Popen([PY, "-m", "bench.loadgen", json.dumps(spec)], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def read(self, timeout: float) -> dict:
        import select

        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError("load generator did not answer in time")
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"load generator exited ({self.proc.wait()})")
        return json.loads(line)

    def send(self, msg: dict) -> None:
        self.proc.stdin.write(json.dumps(msg) + "\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.send({"quit": True})
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def merge(results: list[dict]) -> dict:
    """One summary from several workers' (quantile sketches weighted by their counts)."""
    points: list[tuple[float, float]] = []
    n = sum(r["lat"]["n"] for r in results)
    for r in results:
        if r["lat"]["n"]:
            w = r["lat"]["n"] / 1000
            points += [(q, w) for q in r["lat"]["qs"]]
    points.sort()

    def q(p: float) -> float:
        if not points:
            return float("nan")
        target, acc = p * n, 0.0
        for v, w in points:
            acc += w
            if acc >= target:
                return v
        return points[-1][0]

    errors: dict[str, int] = {}
    for r in results:
        for k, v in r["errors"].items():
            errors[k] = errors.get(k, 0) + v
    return {
        "expected": sum(r["expected"] for r in results),
        "delivered": n,
        "p50": q(0.50), "p99": q(0.99),
        "max": max((r["lat"].get("max", 0) for r in results), default=0),
        "errors": errors,
        "gen_cpu": sum(r["gen_cpu"] for r in results),
        "gen_cpu_max": max(r["gen_cpu"] for r in results),
        "gen_cpu_per_burst": [round(r.get("gen_cpu_per_burst_s", 0.0), 3) for r in results],  # per process
        "send_ms": max(r.get("send_ms", 0.0) for r in results),
        "msgs_per_screen_per_burst": statistics.mean(r.get("msgs_per_socket_per_burst", 0.0) for r in results),
        "gen_lag_ms": max(r["gen_lag_max_ms"] for r in results),
        "stalled": [c for r in results for c in r["stalled_close_codes"]],
        # every websocket message's bytes (events, progress, you, ok…) per event frame received
        "bytes_per_event": sum(r.get("rx_bytes", 0) for r in results) / max(1, sum(r.get("rx_events", 0) for r in results)),
    }


def run_server(kind: str, args, redis: Redis, steps: list[dict]) -> list[dict]:
    instances = args.instances
    cpu_share = probe_cpu()
    servers = Servers(kind, instances, redis, {"ws": args.ws, "loop": args.loop, "http": args.http},
                      dict(e.split("=", 1) for e in args.server_env), args.baseline_root).start()
    workers: list[Worker] = []
    out = []
    try:
        rss0 = servers.rss()
        cpu_setup = servers.cpu()
        t_setup = time.perf_counter()
        indexes = list(range(args.sessions))
        for w in range(args.workers):
            spec = {"kind": "ours" if servers.kind.startswith("base") else servers.kind.split("-")[0], "ports": servers.ports, "clients": args.clients,
                    "session_indexes": indexes[w::args.workers], "stalled": args.scenario == "stalled" and w == 0,
                    "wordcloud": "wordcloud" in args.activity, "affinity": args.affinity,
                    # this tree's server is asked for compact `events` frames (decision 79); the
                    # baseline's is not (a server before it refuses the hello field)
                    "compact": servers.kind.startswith("ours") and not args.no_compact
                    and servers.uv.get("compact") != "no"}
            workers.append(Worker(spec))
        sockets = sum(w.read(args.setup_timeout)["sockets"] for w in workers)
        setup_s = time.perf_counter() - t_setup
        time.sleep(1.0)  # let presence and joins settle
        rss1 = servers.rss()
        for step in steps:
            redis_cpu0 = 0.0
            for w in workers:
                w.send({"run": step})
            time.sleep(0.2 + step["warm"])
            c0, t0 = servers.cpu(), time.perf_counter()
            r0 = proc_cpu(redis.pid) if redis.pid and "redis" in servers.kind else 0.0
            time.sleep(step["measure"])
            c1, t1 = servers.cpu(), time.perf_counter()
            r1 = proc_cpu(redis.pid) if redis.pid and "redis" in servers.kind else 0.0
            results = [w.read(step["warm"] + step["measure"] + step.get("drain", 3) + 60)["result"] for w in workers]
            m = merge(results)
            m.update(server=kind, offered=step["offered"], activity=step.get("activity", ""), delivered_per_s=m["delivered"] / step["measure"],
                     lost=m["expected"] - m["delivered"], server_cpu=(c1 - c0) / (t1 - t0),
                     redis_cpu=(r1 - r0) / (t1 - t0), sockets=sockets,
                     rss_per_conn_kib=(rss1 - rss0) / max(1, sockets) / 1024, rss_mib=rss1 / 2**20,
                     setup_s=setup_s, cpu_share=cpu_share,
                     us_per_delivery=(c1 - c0) / (t1 - t0) / max(1.0, m["delivered"] / step["measure"]) * 1e6,
                     load=os.getloadavg()[0])
            if step["mode"] == "burst":  # server CPU seconds per burst (bursts every 1 / rate s)
                m["cpu_per_burst_s"] = m["server_cpu"] / step["rate"]
            del redis_cpu0
            out.append(m)
            print(line(m), flush=True)
    except Exception as exc:
        print(f"!! {kind}: {type(exc).__name__}: {exc}\n{servers.log_tail()}", flush=True)
    finally:
        for w in workers:
            w.stop()
        warnings = servers.warnings()
        if warnings:
            print(f"   {kind} logged: {warnings}", flush=True)
        servers.stop()
        del cpu_setup
    return out


def probe_cpu(seconds: float = 0.5) -> float:
    """How much of one core a busy loop gets right now (1.0 on an idle machine): how shared it is."""
    t, w = time.process_time(), time.perf_counter()
    while time.perf_counter() - w < seconds:
        pass
    return (time.process_time() - t) / (time.perf_counter() - w)


def line(m: dict) -> str:
    errs = ",".join(f"{k}:{v}" for k, v in m["errors"].items()) or "-"
    stalled = f" stalled-close={m['stalled']}" if m["stalled"] else ""
    what = f"{m['server']}{'/' + m['activity'] if m.get('activity') else ''}"
    burst = (f"  {m['cpu_per_burst_s']:.3f} s CPU/burst, generator CPU/burst per process "
             f"{'/'.join(f'{c:.3f}' for c in m['gen_cpu_per_burst'])} s, sends took {m['send_ms']:.0f} ms, "
             f"{m['msgs_per_screen_per_burst']:.1f} messages/screen/burst" if "cpu_per_burst_s" in m else "")
    return (f"{what:<14} offered {m['offered']:>7,.0f}/s  delivered {m['delivered_per_s']:>8,.0f}/s "
            f"lost {m['lost']:>6}  p50 {m['p50']:>8.1f} ms  p99 {m['p99']:>8.1f} ms  max {m['max']:>8.0f} ms  "
            f"server {m['server_cpu']:.2f} cores  redis {m['redis_cpu']:.2f}  gen {m['gen_cpu']:.2f} "
            f"(max/proc {m['gen_cpu_max']:.2f}, lag {m['gen_lag_ms']:.0f} ms)  "
            f"{m['us_per_delivery']:.0f} us/delivery  cpu-share {m['cpu_share']:.2f}  "
            f"mem {m['rss_per_conn_kib']:.1f} KiB/conn ({m['sockets']} sockets, {m['rss_mib']:.0f} MiB)  "
            f"errors {errs}{stalled}  {m['bytes_per_event']:.0f} B received/event{burst}  load {m['load']:.2f}")


def steps_for(args) -> list[dict]:
    if args.scenario == "burst":
        out = []
        for activity in args.activity:
            # every vote reaches every screen; a person gives or takes back two words on average
            per_burst = args.sessions * args.clients * args.clients * (2 if activity == "wordcloud" else 1)
            out.append({"mode": "burst", "activity": activity, "rate": 1 / args.burst_every, "warm": args.burst_every,
                        "measure": args.measure, "drain": 3.0, "offered": per_burst / args.burst_every})
        return out
    out = []
    for offered in args.rates:
        rate = offered / (args.sessions * args.clients)
        out.append({"mode": "steady", "rate": rate, "warm": args.warm, "measure": args.measure,
                    "drain": 3.0, "offered": offered})
    return out


DEFAULTS = {  # scenario -> sessions, clients, rates, instances
    "fanout": (50, 30, [4500, 9000, 15000, 20000, 30000], 1),
    "capacity": (500, 20, [10000], 1),
    "two": (50, 30, [9000, 20000], 2),
    "burst": (50, 30, [], 1),
    "stalled": (50, 30, [9000], 1),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=DEFAULTS, default="fanout")
    parser.add_argument("--servers", default="ours-redis,relay-redis,sio-redis")
    parser.add_argument("--sessions", type=int)
    parser.add_argument("--clients", type=int)
    parser.add_argument("--rates", type=lambda v: [float(x) for x in v.split(",")],
                        help="offered deliveries/s (sessions x commands/s per session x clients)")
    parser.add_argument("--instances", type=int)
    parser.add_argument("--affinity", action="store_true",
                        help="with --instances: all of a session's clients on one instance (a proxy hashing the "
                             "session), the sessions spread; without it every session's clients are spread")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--workers", "--generators", type=int, default=1,
                        help="load-generator processes, each holding an equal share of the sessions")
    parser.add_argument("--warm", type=float, default=2.0)
    parser.add_argument("--measure", type=float, default=8.0)
    parser.add_argument("--burst-every", type=float, default=1.5)
    parser.add_argument("--activity", default="dots", type=lambda v: v.split(","),
                        help="burst: dots | wordcloud | dots,wordcloud (both in turn on each server)")
    parser.add_argument("--setup-timeout", type=float, default=300.0)
    parser.add_argument("--redis-url", help="an existing Redis to use (default: start one on a free port)")
    parser.add_argument("--ws", default="websockets-sansio", help="uvicorn websocket implementation, for every server")
    parser.add_argument("--loop", default="asyncio", help="uvicorn event loop (asyncio | uvloop), for every server")
    parser.add_argument("--http", default="h11", help="uvicorn HTTP implementation (h11 | httptools)")
    parser.add_argument("--server-env", action="append", default=[], help="NAME=value for our server (repeatable)")
    parser.add_argument("--baseline-root", help="a checkout of an older commit: base-* servers run from it")
    parser.add_argument("--no-compact", action="store_true",
                        help="our sockets do not ask for `events` frames (hello `compact`): the frames of old pages "
                             "(for one server of several: ours-redis[compact=no])")
    parser.add_argument("--json", help="append every result as one JSON line to this file")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop servers and Redis on the way out
    sessions, clients, rates, instances = DEFAULTS[args.scenario]
    args.sessions = args.sessions or sessions
    args.clients = args.clients or clients
    args.rates = args.rates or rates
    args.instances = args.instances or instances
    servers = [s.strip() for s in re.split(r",(?![^\[]*\])", args.servers) if s.strip()]  # commas outside [...]
    for s in servers:
        if s.split("[")[0] not in SERVERS:
            parser.error(f"unknown server {s}; choose from {', '.join(SERVERS)}")
        if args.instances > 1 and "redis" not in s.split("[")[0]:
            parser.error(f"{s} cannot share rooms across instances")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, commit {commit}, "
          f"load {os.getloadavg()[0]:.2f}; scenario {args.scenario}: {args.sessions} sessions x {args.clients} "
          f"clients, {args.instances} instance(s){' (a session on one)' if args.affinity else ''}, {args.workers} generator process(es), uvicorn ws={args.ws} "
          f"loop={args.loop} http={args.http}", flush=True)
    redis = Redis(args.redis_url)
    results: list[dict] = []
    try:
        steps = steps_for(args)
        for rep in range(args.reps):
            order = servers[rep % len(servers):] + servers[:rep % len(servers)]
            print(f"## repetition {rep + 1}: {', '.join(order)}", flush=True)
            for kind in order:
                for m in run_server(kind, args, redis, steps):
                    m["rep"] = rep
                    results.append(m)
                    if args.json:
                        with open(args.json, "a") as f:
                            f.write(json.dumps({k: v for k, v in m.items()}) + "\n")
    finally:
        redis.stop()
    summarise(results, servers)


def summarise(results: list[dict], servers: list[str]) -> None:
    """Medians over repetitions, and ours as ratios to the peers at the same offered rate."""
    print("\n# medians over repetitions")
    print("| server | offered/s | delivered/s | p50 ms (runs) | p99 ms (runs) | lost | server cores | µs CPU/delivery | redis cores | KiB/conn | B/event |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    by: dict[tuple[str, str, float], list[dict]] = {}
    for m in results:
        by.setdefault((m["server"], m.get("activity", ""), m["offered"]), []).append(m)
    for (server, activity, offered), ms in sorted(by.items(), key=lambda kv: (servers.index(kv[0][0]) if kv[0][0] in servers else 99, kv[0][1], kv[0][2])):
        med = lambda k: statistics.median(m[k] for m in ms)  # noqa: E731
        runs = "/".join(f"{m['p99']:.0f}" for m in ms)
        runs50 = "/".join(f"{m['p50']:.0f}" for m in ms)
        name = f"{server} {activity}".strip()
        print(f"| {name} | {offered:,.0f} | {med('delivered_per_s'):,.0f} | {med('p50'):.1f} ({runs50}) | {med('p99'):.1f} "
              f"({runs}) | {sum(m['lost'] for m in ms)} | {med('server_cpu'):.2f} | {med('us_per_delivery'):.0f} | "
              f"{med('redis_cpu'):.2f} | "
              f"{med('rss_per_conn_kib'):.1f} | {med('bytes_per_event'):.0f} |")


if __name__ == "__main__":
    main()
