"""Log records and snapshots as bytes: MessagePack of the typed structs."""

from __future__ import annotations

import hashlib

import msgpack
import msgspec

from boards import kinds
from boards.commands import Command
from boards.events import Record
from boards.state import SessionState, from_snapshot, to_snapshot


def command_digest(command: Command) -> str:
    """What a command asks, without its ``ref`` and ``id``: 16 hex digits of a hash of its canonical
    encoding (fields in declaration order, texts already cleaned, nil normalised by the decoder), so
    a faithful resend has the same digest and a reused id with another payload a different one."""
    body = msgspec.msgpack.encode(msgspec.structs.replace(command, ref=None, id=None))
    return hashlib.blake2b(body, digest_size=8).hexdigest()


_PACKER = msgpack.Packer(use_bin_type=True)  # one for all records (see server.frames.encode): the same bytes


def pack_record(record: Record) -> bytes:
    return _PACKER.pack(msgspec.to_builtins(record))


def unpack_record(data: bytes) -> Record:
    return msgspec.convert(msgpack.unpackb(data, raw=False), Record)


# Beside the state in a snapshot: the ids of the commands applied in the records it covers (command
# key -> seq), and their digests (command key -> digest). The Redis log is trimmed behind a
# snapshot, so the records themselves may be gone.
SNAPSHOT_COMMANDS = "applied_commands"
SNAPSHOT_DIGESTS = "command_digests"


def pack_snapshot(state: SessionState, commands: dict[str, int], digests: dict[str, str] | None = None) -> bytes:
    data = to_snapshot(state)
    data[SNAPSHOT_COMMANDS] = commands
    data[SNAPSHOT_DIGESTS] = digests or {}
    return msgpack.packb(data, use_bin_type=True)


def unpack_snapshot(data: bytes) -> tuple[SessionState, dict[str, int] | None, dict[str, str]]:
    """The state, its command ids (None for a snapshot written before they were kept) and their
    digests (empty for one written before those were kept)."""
    raw = msgpack.unpackb(data, raw=False, strict_map_key=False)
    commands = raw.pop(SNAPSHOT_COMMANDS, None)
    digests = raw.pop(SNAPSHOT_DIGESTS, None) or {}
    return kinds.with_new_sections(from_snapshot(raw)), commands, digests
