"""Per-frame CPU cost: decoding and validating an inbound command, and encoding an outbound event.

    python -m bench.frames
"""

from __future__ import annotations

import os
import platform
import statistics
import timeit

import msgpack

from boards.events import DotPlaced, Record
from boards.projection import event_view
from server import frames

PLACE_DOT = msgpack.packb({"type": "place_dot", "board": "samenspel", "section": "drijfveren",
                           "option": "impact", "ref": 12})
RECORD = Record(seq=42, at=1_795_000_000_000, event=DotPlaced(board="samenspel", section="drijfveren",
                                                               option="impact", participant="p1", group="leernetwerk"))


def per_call_us(fn, number: int = 20_000, repeat: int = 7) -> float:
    """Median over ``repeat`` runs of the time per call, in microseconds."""
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def main() -> None:
    decode = per_call_us(lambda: frames.decode(PLACE_DOT, 65536))
    encode = per_call_us(lambda: frames.encode(event_view(RECORD, "others", False)))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"decode + validate place_dot: {decode:.2f} µs per frame (median of 7 × 20k)")
    print(f"project + encode dot_placed: {encode:.2f} µs per event and audience (sent as the same bytes to all)")


if __name__ == "__main__":
    main()
