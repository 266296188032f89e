#!/usr/bin/env bash
# The load benchmark of docs/benchmarks.md ("Load: one instance beside the usual Python choice"):
# this server beside a minimal Starlette relay and python-socketio, interleaved, same load shape.
# Each bench.load call starts its own redis-server on a free port (never 6379) and its own servers,
# loopback only, bounded in time (each step: warm-up + measurement + drain). Needs the bench extra:
# make .venv/.installed-bench. Takes about half an hour on a quiet 2-core machine; far more on a busy one.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=${BENCH_JSON:-bench-results.jsonl}
run() { echo; echo "\$ python -m bench.load $*"; $PY -m bench.load --json "$OUT" "$@"; }

# (1) 50 sessions x 30 screens, one sender each, rising offered deliveries/s.
run --scenario fanout --servers ours-redis,relay-redis,sio-redis,ours-embedded,relay-memory \
    --rates 6000,12000,20000,25000,30000,35000 --reps 3
# (2) capacity: 10,000 sockets (500 x 20) at 1 command/s per session; memory per connection.
run --scenario capacity --servers ours-redis,relay-redis --reps 1 --workers 2
# (3) two instances of each on one Redis, clients spread.
run --scenario two --servers ours-redis,relay-redis,sio-redis --rates 6000,20000 --reps 1
# (4) a burst: every participant of every session votes at the same moment, every 1.5 s.
run --scenario burst --servers ours-redis,ours-embedded,relay-redis,sio-redis --reps 3 --measure 9
# (4b) the same burst with the kick-off's word cloud (1-3 words a person), interleaved with the dots.
run --scenario burst --activity dots,wordcloud --servers ours-redis,ours-embedded --reps 3 --measure 9
# (5) one socket that never reads, in a busy session.
run --scenario stalled --servers ours-redis,relay-redis --rates 20000 --reps 2
# uvicorn's event loop, on this server (its websocket and HTTP protocols are our own since decision 27).
run --scenario fanout --rates 20000,25000 --reps 2 --servers "ours-redis,ours-redis[loop=uvloop]"
