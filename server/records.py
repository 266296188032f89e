"""Log records and snapshots as bytes: MessagePack of the typed structs."""

from __future__ import annotations

import msgpack
import msgspec

from boards.events import Record
from boards.state import SessionState, from_snapshot, to_snapshot


def pack_record(record: Record) -> bytes:
    return msgpack.packb(msgspec.to_builtins(record), use_bin_type=True)


def unpack_record(data: bytes) -> Record:
    return msgspec.convert(msgpack.unpackb(data, raw=False), Record)


def pack_state(state: SessionState) -> bytes:
    return msgpack.packb(to_snapshot(state), use_bin_type=True)


def unpack_state(data: bytes) -> SessionState:
    return from_snapshot(msgpack.unpackb(data, raw=False, strict_map_key=False))
