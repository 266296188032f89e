"""server/frames.py decodes most frames straight from the bytes and the rest the checked way
(through a dict): whatever arrives, both give the same frame, or the same error code and message."""

from __future__ import annotations

import msgpack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boards.errors import DomainError
from server import frames
from tests.fuzz.test_frames_fuzz import FRAMES, MUTATED, VALID

LIMIT = 64 * 1024


def outcome(decode, data: bytes):
    try:
        return ("frame", decode(data, LIMIT))
    except DomainError as exc:
        return ("error", exc.code, exc.message)


def same_either_way(data: bytes) -> None:
    assert outcome(frames.decode, data) == outcome(frames._decode_checked, data)


def mangled(frame: dict, cut: int, byte: int, where: int) -> bytes:
    """``frame`` packed, then cut short or with one byte replaced (bad UTF-8, bad types, …)."""
    data = bytearray(msgpack.packb(frame, use_bin_type=True))
    if cut:
        return bytes(data[:-cut])
    data[where % len(data)] = byte
    return bytes(data)


WORDS = st.fixed_dictionaries({"type": st.sampled_from(["add_word", "remove_word", "place_dot", "ping", "hello"]),
                               "board": st.text(max_size=6), "section": st.just("thema"), "word": st.text(max_size=8)},
                              optional={"ref": st.one_of(st.none(), st.integers(-3, 2**33), st.booleans()),
                                        "id": st.one_of(st.none(), st.text(max_size=70)),
                                        "session": st.text(max_size=4), "t": st.floats()})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(FRAMES, MUTATED, WORDS))
def test_frames_decode_alike_both_ways(frame):
    same_either_way(msgpack.packb(frame, use_bin_type=True))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(VALID), WORDS), st.integers(0, 3), st.integers(0, 255), st.integers(0, 200))
def test_damaged_frames_decode_alike_both_ways(frame, cut, byte, where):
    same_either_way(mangled(frame, cut, byte, where))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=80).map(lambda b: b"\x84" + b))
def test_arbitrary_bytes_after_a_map_header_decode_alike_both_ways(data):
    same_either_way(data)


def test_the_cases_that_differ_between_the_decoders_decode_alike():
    def raw_map(pairs) -> bytes:
        return bytes((0x80 | len(pairs),)) + b"".join(msgpack.packb(k) + msgpack.packb(v) for k, v in pairs)
    word = [("board", "kickoff"), ("section", "thema"), ("word", "a")]
    for data in [
        raw_map([("type", "ping"), ("type", "add_word"), *word]),  # a second type: the last counts
        raw_map([("type", "add_word"), *word, ("type", "ping")]),
        raw_map([("type", "add_word"), *word, ("word", "b")]),  # a second value: the last counts
        raw_map([*word, ("type", "add_word")]),  # the type last
        msgpack.packb({"type": "ping"}) + b"\xc0",  # bytes after the map
        msgpack.packb({"type": "add_word", "board": "kickoff", "section": "thema", "word": "a", "ref": None}),
        msgpack.packb({"type": "hello", "session": "s", "heartbeat": None, "compact": None}),  # nil: not given
        msgpack.packb({"type": "add_word", "board": "kickoff\n", "section": "thema", "word": " a\u202e "}),
        b"\x84\xa4type\xa8add_word\xa5board\xa7kickoff\xa7section\xa5thema\xa4word\xa3\xed\xa0\x80",  # a surrogate
        b"\x84\xa4type\xa8add_word\xa5board\xa7kickoff\xa7section\xa5thema\xa4word\xc4\x01a",  # bin for a text
        b"\x84\xa4type\xa8add_word\xa5board\xa7kickoff\xa7section\xa5thema\xa4word\xd4\x01a",  # ext
        b"\x82\xa4type\xa4ping\x01\xc0",  # a key that is not a string
        msgpack.packb({"type": "add_word", "board": "kickoff", "section": "thema", "word": "a",
                       **{f"x{i}": 1 for i in range(70)}}),  # over 64 entries
        msgpack.packb({"type": "edit_stakeholder", "board": "b", "section": "s", "item": "i",
                       "knowledge": ["x"] * 300}),  # a list over 256 items
    ]:
        same_either_way(data)
