"""server.metrics.observe_many records what as many ``observe`` calls would."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry, Histogram

from server.metrics import observe_many

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)


def samples(observe) -> dict:
    """The histogram's samples as scraped (bucket counts, count, sum), after ``observe``."""
    registry = CollectorRegistry()
    histogram = Histogram("h", "h", buckets=BUCKETS, registry=registry)
    observe(histogram)
    return {(s.name, s.labels.get("le")): s.value for m in registry.collect() for s in m.samples
            if not s.name.endswith("_created")}


def test_many_observations_at_once_read_as_one_at_a_time():
    amounts = [(0.0, 3), (0.001, 2), (0.0013, 60), (0.25, 1), (7.0, 4), (0.004, 0)]

    def one_by_one(h):
        for amount, count in amounts:
            for _ in range(count):
                h.observe(amount)

    def at_once(h):
        for amount, count in amounts:
            observe_many(h, amount, count)

    mine, theirs = samples(at_once), samples(one_by_one)
    assert mine.keys() == theirs.keys() and len(mine) == len(BUCKETS) + 3  # the buckets, +Inf, count, sum
    for key, value in theirs.items():
        assert mine[key] == pytest.approx(value, rel=1e-12), key
