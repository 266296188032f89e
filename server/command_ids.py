"""The command ids a session remembers, so a command sent again (after a lost reply, maybe to
another instance) is answered with its first result instead of being applied twice
(docs/protocol.md): per author, for (at least) the last ``COMMAND_WINDOW`` records, with the digest
of each command's payload so an id reused for another command is refused."""

from __future__ import annotations

import msgpack

from boards import commands as c
from boards.actors import Actor

# Command ids among (at least) the last this many records are remembered: a command resent with
# one of them is answered with its first result instead of being applied again (docs/protocol.md).
COMMAND_WINDOW = 2000


def command_key(actor: Actor, command: c.Command) -> str | None:
    """How a command's id is kept in the log: per author, so nobody can answer for another."""
    return f"{actor.author_id}:{command.id}" if command.id else None


class CommandIds:
    """command key -> seq of its last record, oldest first, for the last COMMAND_WINDOW records,
    and command key -> its payload's digest (absent: logged before digests)."""

    def __init__(self) -> None:
        self.applied: dict[str, int] = {}
        self.digests: dict[str, str] = {}

    def load(self, commands: dict[str, int], digests: dict[str, str]) -> None:
        """What a snapshot kept."""
        self.applied.update(commands)
        self.digests.update((k, d) for k, d in digests.items() if k in self.applied)

    def remember(self, key: str, seq: int, digest: str | None) -> None:
        self.applied[key] = seq
        if digest is not None:
            self.digests[key] = digest
        if len(self.applied) > COMMAND_WINDOW:
            oldest = next(iter(self.applied))
            del self.applied[oldest]
            self.digests.pop(oldest, None)

    def index(self, raw: list[bytes], upto: int) -> None:
        """Remember the command ids of packed records (the log's, up to seq ``upto``)."""
        for data in raw:
            # Only two fields are needed: skip building the typed record.
            fields = msgpack.unpackb(data, raw=False)
            if fields.get("command") and fields["seq"] <= upto:
                self.remember(fields["command"], fields["seq"], fields.get("digest"))
