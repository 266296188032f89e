"""server/protocols.py: a message written past the ASGI path is a websocket frame any client reads."""

from __future__ import annotations

import pytest
from websockets.frames import Frame, Opcode
from websockets.streams import StreamReader

from server.protocols import binary_frame_header


def client_reading(data: bytes) -> list[Frame]:
    """What websockets' own frame parser (as a client: unmasked frames) makes of these bytes."""
    reader = StreamReader()
    reader.feed_data(data)
    reader.feed_eof()
    frames = []
    while reader.buffer:
        parsing = Frame.parse(reader.read_exact, mask=False)
        try:
            next(parsing)
        except StopIteration as done:
            frames.append(done.value)
        else:
            raise AssertionError("the bytes end inside a frame")
    return frames


@pytest.mark.parametrize("size", [0, 1, 125, 126, 127, 65535, 65536, 300_000])
def test_a_directly_written_message_arrives_whole_at_every_length_boundary(size: int) -> None:
    payload = bytes(i % 251 for i in range(size))
    events = client_reading(binary_frame_header(size) + payload + binary_frame_header(3) + b"end")
    assert [(e.opcode, e.fin) for e in events] == [(Opcode.BINARY, True), (Opcode.BINARY, True)]
    assert events[0].data == payload and events[1].data == b"end"
