"""Inbound frames: size limit, MessagePack, schema; each failure has its stable code."""

from __future__ import annotations

import msgpack
import pytest

from boards import commands as c
from boards.errors import DomainError, ErrorCode
from server import frames

LIMIT = 64 * 1024


def code_of(data) -> ErrorCode:
    with pytest.raises(DomainError) as info:
        frames.decode(data, LIMIT)
    return info.value.code


def test_a_valid_command_decodes_to_its_struct():
    """A well-formed place_dot becomes a PlaceDot with its ref."""
    cmd = frames.decode(msgpack.packb({"type": "place_dot", "board": "samenspel", "section": "drijfveren",
                                       "option": "impact", "ref": 7}), LIMIT)
    assert cmd == c.PlaceDot(board="samenspel", section="drijfveren", option="impact", ref=7)


@pytest.mark.parametrize("data, code", [
    (b"\xc1", ErrorCode.BAD_FRAME),
    ("text frame", ErrorCode.BAD_FRAME),
    (msgpack.packb([1, 2]), ErrorCode.BAD_FRAME),
    (msgpack.packb({"board": "x"}), ErrorCode.BAD_FRAME),
    (msgpack.packb({"type": "drop_table"}), ErrorCode.UNKNOWN_COMMAND),
    (msgpack.packb({"type": "join", "name": "x", "group": "leernetwerk"}), ErrorCode.UNKNOWN_COMMAND),
    (msgpack.packb({"type": "expire_timer"}), ErrorCode.UNKNOWN_COMMAND),
    (msgpack.packb({"type": "place_dot", "board": 1, "section": "a", "option": "b"}), ErrorCode.INVALID),
    (msgpack.packb({"type": "place_dot", "board": "a", "section": "b"}), ErrorCode.INVALID),
    (msgpack.packb({"type": "place_dot", "board": "a", "section": "b", "option": "c", "extra": 1}), ErrorCode.INVALID),
    (msgpack.packb({"type": "place_dot", "board": "a b", "section": "b", "option": "c"}), ErrorCode.INVALID),
    (msgpack.packb({"type": "add_note", "board": "a", "section": "b", "lane": "c", "text": "x" * 2001}),
     ErrorCode.INVALID),
    (msgpack.packb({"type": "timer", "action": "explode"}), ErrorCode.INVALID),
    (msgpack.packb({"type": "timer", "action": "set", "seconds": -5}), ErrorCode.INVALID),
    (msgpack.packb({"type": "ping", "ref": -1}), ErrorCode.INVALID),
    (msgpack.packb({"type": "hello", "session": "s", "token": "x" * 500}), ErrorCode.INVALID),
    (b"\x00" * (LIMIT + 1), ErrorCode.FRAME_TOO_LARGE),
])
def test_bad_frames_get_their_code(data, code):
    """Every kind of malformed frame is refused with a specific code."""
    assert code_of(data) == code


def test_the_ref_of_an_invalid_frame_is_recovered_for_the_error():
    """An error reply names the ref of the frame it refuses, when the frame has one."""
    assert frames.ref_of(msgpack.packb({"type": "nope", "ref": 12})) == 12
    assert frames.ref_of(b"\xc1") is None


def test_command_texts_are_cleaned_before_the_rules_see_them():
    """A note of zero-width characters arrives empty (so "needs text" refuses it); bidi overrides,
    NUL and mark stacks are taken out; ids are untouched."""
    def note(text: str) -> c.Command:
        return frames.decode(msgpack.packb({"type": "add_note", "board": "samenspel", "section": "inzichten",
                                            "lane": "actie", "text": text, "owner": "Ann\nB"}), LIMIT)
    assert note("\u200b\u200d\ufeff").text == ""
    assert note("Ann\u202egpj.exe\x00").text == "Anngpj.exe"
    assert note("o" + "\u0336" * 40).text == "o" + "\u0336" * 4
    assert note("x").owner == "Ann B" and note("x").section == "inzichten"


def test_the_ref_is_read_back_from_frames_that_use_refused_types():
    """bin, ext, non-string keys or trailing bytes are bad_frame, and the error still names the ref."""
    base = {"type": "ping", "ref": 7}
    for data in (msgpack.packb({**base, "x": b"bin"}), msgpack.packb({**base, 1: 2}, strict_types=False),
                 msgpack.packb({**base, "x": msgpack.ExtType(1, b"e")}), msgpack.packb(base) + b"\xc0"):
        assert code_of(data) == ErrorCode.BAD_FRAME
        assert frames.ref_of(data) == 7


def test_nil_for_an_optional_field_means_not_given():
    """add_note with owner: nil is a note without owner (""), not an invalid frame."""
    command = frames.decode(msgpack.packb({"type": "add_note", "board": "samenspel", "section": "inzichten",
                                           "lane": "actie", "text": "x", "owner": None}), LIMIT)
    assert command.owner == ""


def test_batch_is_a_frames_array_of_the_encoded_frames_in_order() -> None:
    """A batch of encoded frames decodes to {type: batch, frames: [...]} with each frame as it was."""
    for n in (2, 15, 16, 300):
        encoded = [frames.encode({"type": "event", "seq": i}) for i in range(n)]
        decoded = msgpack.unpackb(frames.batch(encoded), raw=False)
        assert decoded["type"] == "batch"
        assert decoded["frames"] == [{"type": "event", "seq": i} for i in range(n)]
