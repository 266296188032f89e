"""server/lot.py: what each socket is handed for records applied together — old pages byte for byte
the `event` frames of before, compact ones each run between their own frames as one `events` frame."""

from __future__ import annotations

import msgpack

from server import frames
from server.lot import Lot


class Socket:
    def __init__(self, audience: str = "others", compact: bool = False) -> None:
        self.audience, self.compact = audience, compact
        self.got: list[bytes] = []

    def send_many(self, frames_: list[bytes], size: int) -> None:
        assert size == sum(map(len, frames_))
        self.got += frames_


BODIES = [{"type": "word_added", "board": "kickoff", "section": "thema", "word": w} for w in ("a", "b", "c", "d")]
ATS = [1_733_000_000_000, 1_733_000_000_000, 1_733_000_000_002, 1_733_000_000_001]


def lot_of(sockets: list[Socket], you_after: dict[Socket, int]) -> None:
    lot = Lot()
    present = set(sockets)
    for n, (body, at) in enumerate(zip(BODIES, ATS)):
        lot.record(40 + n, at)
        for audience in lot.audiences(present):  # type: ignore[arg-type]
            lot.add(audience, frames.encode(body))
        for sock, after in you_after.items():
            if after == n:
                lot.insert(sock, frames.encode({"type": "you", "n": n}))  # type: ignore[arg-type]
    lot.hand_out(present)  # type: ignore[arg-type]


def test_an_old_page_gets_the_event_frames_of_before_byte_for_byte_with_its_you_in_place():
    old, other = Socket(), Socket(compact=True)
    lot_of([old, other], {old: 1})
    envelopes = [frames.encode({"type": "event", "seq": 40 + n, "at": at, "event": body})
                 for n, (body, at) in enumerate(zip(BODIES, ATS))]
    assert old.got == [*envelopes[:2], frames.encode({"type": "you", "n": 1}), *envelopes[2:]]


def test_a_compact_page_gets_each_run_as_one_events_frame_and_a_single_event_as_before():
    giver, watcher = Socket(compact=True), Socket(compact=True)
    lot_of([giver, watcher], {giver: 2})
    got = [msgpack.unpackb(f) for f in giver.got]
    assert [f["type"] for f in got] == ["events", "you", "event"]  # 40-42, its you, then 43 alone
    assert got[0]["seq"] == 40 and got[0]["events"] == BODIES[:3]
    assert [got[0]["at"] + d for d in got[0]["dt"]] == ATS[:3]
    assert got[2] == {"type": "event", "seq": 43, "at": ATS[3], "event": BODIES[3]}
    (whole,) = [msgpack.unpackb(f) for f in watcher.got]
    assert whole["seq"] == 40 and whole["events"] == BODIES and [whole["at"] + d for d in whole["dt"]] == ATS


def test_runs_are_made_once_for_all_who_get_them():
    a, b = Socket(compact=True), Socket(compact=True)
    lot_of([a, b], {})
    assert a.got == b.got and a.got[0] is b.got[0]
