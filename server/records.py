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


# Beside the state in a snapshot: the ids of the commands applied in the records it covers (command
# key -> seq). The Redis log is trimmed behind a snapshot, so the records themselves may be gone.
SNAPSHOT_COMMANDS = "applied_commands"


def pack_snapshot(state: SessionState, commands: dict[str, int]) -> bytes:
    data = to_snapshot(state)
    data[SNAPSHOT_COMMANDS] = commands
    return msgpack.packb(data, use_bin_type=True)


def unpack_snapshot(data: bytes) -> tuple[SessionState, dict[str, int] | None]:
    """The state and its command ids (None for a snapshot written before they were kept)."""
    raw = msgpack.unpackb(data, raw=False, strict_map_key=False)
    commands = raw.pop(SNAPSHOT_COMMANDS, None)
    return from_snapshot(raw), commands
