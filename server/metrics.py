"""Prometheus metrics of one server process, served on ``/metrics`` to the allowed addresses only.

Module-level, like the process they describe; read with :func:`render`. What they mean:

- ``samenspel_connections``: open websockets; ``samenspel_live_sessions``: sessions held live here.
- ``samenspel_events_appended_total``: records this instance appended to the log;
  ``samenspel_events_delivered_total``: event frames queued to this instance's sockets.
- ``samenspel_fanout_seconds``: from a record's time of appending (server clock) to its frames
  being queued to the sockets here (across instances, this includes the broker).
- ``samenspel_refusals_total{code}``: error replies by code (websocket and HTTP).
- ``samenspel_store_errors_total``: operations that found the store unreachable.
- ``samenspel_broker_resubscriptions`` / ``_probe_failures``, ``samenspel_presence_heartbeat_failures``:
  the Redis broker's reconnects and failed self-probes, failed presence heartbeats (0 on the embedded store).
- ``samenspel_gc_pause_seconds{kind}``: how long full garbage collections stopped the event loop
  (``automatic``: CPython's own; ``complete``: the pacer's periodic one, see server/gc_pacing.py).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry()

CONNECTIONS = Gauge("samenspel_connections", "Open websockets", registry=REGISTRY)
LIVE_SESSIONS = Gauge("samenspel_live_sessions", "Sessions held live by this instance", registry=REGISTRY)
EVENTS_APPENDED = Counter("samenspel_events_appended", "Records appended to the log by this instance",
                          registry=REGISTRY)
EVENTS_DELIVERED = Counter("samenspel_events_delivered", "Event frames queued to this instance's sockets",
                           registry=REGISTRY)
FANOUT_SECONDS = Histogram("samenspel_fanout_seconds", "From a record's append to its frames queued here",
                           buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
                           registry=REGISTRY)
REFUSALS = Counter("samenspel_refusals", "Error replies by code", ["code"], registry=REGISTRY)
STORE_ERRORS = Counter("samenspel_store_errors", "Operations that found the store unreachable", registry=REGISTRY)
BROKER_RESUBSCRIPTIONS = Gauge("samenspel_broker_resubscriptions", "Pub/sub reconnects (Redis)", registry=REGISTRY)
BROKER_PROBE_FAILURES = Gauge("samenspel_broker_probe_failures", "Pub/sub self-probes not answered (Redis)",
                              registry=REGISTRY)
GC_PAUSE_SECONDS = Histogram("samenspel_gc_pause_seconds", "Full garbage collections: automatic, or complete "
                             "(unfreeze, collect, freeze; server/gc_pacing.py)", ["kind"],
                             buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
                             registry=REGISTRY)
PRESENCE_FAILURES = Gauge("samenspel_presence_heartbeat_failures", "Failed presence heartbeats (Redis)",
                          registry=REGISTRY)


def watch(backend, live_sessions: Callable[[], int]) -> None:
    """Read the gauges that other objects keep from them at scrape time."""
    LIVE_SESSIONS.set_function(live_sessions)
    BROKER_RESUBSCRIPTIONS.set_function(lambda: getattr(backend.broker, "reconnects", 0))
    BROKER_PROBE_FAILURES.set_function(lambda: getattr(backend.broker, "probe_failures", 0))
    PRESENCE_FAILURES.set_function(lambda: getattr(backend.presence, "heartbeat_failures", 0))


def observe_many(histogram: Histogram, amount: float, count: int) -> None:
    """What ``count`` calls of ``histogram.observe(amount)`` record, at the cost of one: a lot's
    records share their fan-out time (``server.live``), and one ``observe`` a record (a lock, the
    sum, a bucket; 1.5-2.8 µs) was a few percent of a word burst."""
    try:
        total, bounds, buckets = histogram._sum, histogram._upper_bounds, histogram._buckets
    except AttributeError:  # a prometheus_client that keeps them otherwise: one call each
        for _ in range(count):
            histogram.observe(amount)
        return
    total.inc(amount * count)
    for bound, bucket in zip(bounds, buckets):
        if amount <= bound:
            bucket.inc(count)
            break


def render() -> tuple[bytes, str]:
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def allowed(client: str | None, networks: str) -> bool:
    """Is ``client`` in one of the comma-separated ``networks``?"""
    try:
        address = ipaddress.ip_address(client or "")
    except ValueError:
        return False
    for net in networks.split(","):
        net = net.strip()
        if net:
            try:
                if address in ipaddress.ip_network(net, strict=False):
                    return True
            except ValueError:
                continue
    return False
