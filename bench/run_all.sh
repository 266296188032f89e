#!/usr/bin/env bash
# All of docs/benchmarks.md: the fan-out benchmark on the embedded store, on Redis with one instance and with two, three times
# each: the figures in docs/benchmarks.md. Starts its own redis-server on a free port (never 6379),
# loopback only; takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=$($PY -c "from tests.support.processes import free_port; print(free_port())")
DIR=$(mktemp -d)
redis-server --port "$PORT" --bind 127.0.0.1 --dir "$DIR" --save "" --appendonly yes --appendfsync everysec \
  --daemonize yes --logfile "$DIR/redis.log"
trap 'redis-cli -p "$PORT" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$DIR"' EXIT
until redis-cli -p "$PORT" ping >/dev/null 2>&1; do sleep 0.1; done
for run in 1 2 3; do
  echo "== embedded, run $run"; $PY -m bench.fanout --clients 30 --rounds 300 --bursts 20
  echo "== redis, 1 instance, run $run"
  $PY -m bench.fanout --clients 30 --rounds 300 --bursts 20 --redis-url "redis://127.0.0.1:$PORT/0"
  echo "== redis, 2 instances, run $run"
  $PY -m bench.fanout --clients 30 --rounds 300 --bursts 20 --redis-url "redis://127.0.0.1:$PORT/0" --instances 2
done
$PY -m bench.frames
bash bench/run_load.sh
