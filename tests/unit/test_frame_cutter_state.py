"""The frame cutter (server/protocols.py) takes bytes only while the ``websockets`` parser waits
for a new frame. That is asked of the parser uvicorn really makes, a ``ServerProtocol`` after its
handshake, whose generators nest one level deeper than a bare ``Protocol``'s: a check that only
recognised the bare one left every frame of a real server to the slow parser."""

from __future__ import annotations

import os

from websockets.server import ServerProtocol

from server.protocols import parser_between_frames

HANDSHAKE = (b"GET /ws HTTP/1.1\r\nHost: board\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")


def opened() -> ServerProtocol:
    conn = ServerProtocol()
    conn.receive_data(HANDSHAKE)
    conn.send_response(conn.accept(conn.events_received()[0]))
    return conn


def masked_binary(payload: bytes) -> bytes:
    mask = os.urandom(4)
    return bytes((0x82, 0x80 | len(payload))) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def test_a_server_parser_waits_between_frames_after_its_handshake():
    assert parser_between_frames(opened().parser)


def test_not_during_the_handshake():
    conn = ServerProtocol()
    assert not parser_between_frames(conn.parser)
    conn.receive_data(HANDSHAKE[:20])
    assert not parser_between_frames(conn.parser)


def test_not_in_the_middle_of_a_frame_and_again_after_it():
    conn = opened()
    frame = masked_binary(b"\x81\xa4type\xa5hello")
    conn.receive_data(frame[:3])
    assert not parser_between_frames(conn.parser)
    conn.receive_data(frame[3:])
    assert [e.data for e in conn.events_received()] == [b"\x81\xa4type\xa5hello"]
    assert parser_between_frames(conn.parser)
