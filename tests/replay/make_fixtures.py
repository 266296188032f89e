"""Write the fixtures of ``tests/replay``: session logs as the stores keep them, and their views.

    python -m tests.replay.make_fixtures          # views only: after a deliberate change of what people see
    python -m tests.replay.make_fixtures --logs   # also the logs (only when adding a fixture session)

The logs (``*.records.msgpack``) and snapshots are records written by an earlier version of the
code. They are never regenerated over: a log kept in a store must read with every later version
(docs/decisions.md, "How an event's shape may change").
"""

from __future__ import annotations

import sys
from pathlib import Path

import msgpack
import msgspec

from boards.engine import apply
from boards.state import SessionState
from server.records import pack_snapshot, unpack_record
from tests.replay import sessions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "logs"
SESSIONS = {"samenspel": sessions.samenspel, "stakeholders": sessions.stakeholder_map, "juiste_weg": sessions.juiste_weg,
            "kickoff": sessions.kickoff}


def records_path(name: str) -> Path:
    return FIXTURES / f"{name}.records.msgpack"


def snapshot_path(name: str) -> Path:
    return FIXTURES / f"{name}.snapshot.msgpack"


def views_path(name: str) -> Path:
    return FIXTURES / f"{name}.views.json"


def load_records(name: str) -> list[bytes]:
    return msgpack.unpackb(records_path(name).read_bytes(), raw=False)


def fold(records: list[bytes]) -> SessionState:
    state = SessionState(session="replay")
    for data in records:
        apply(state, unpack_record(data))
    return state


def main(argv: list[str]) -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for name, script in SESSIONS.items():
        if "--logs" in argv or not records_path(name).exists():
            records = script()
            records_path(name).write_bytes(msgpack.packb(records, use_bin_type=True))
            state = fold(records)
            snapshot_path(name).write_bytes(pack_snapshot(state, {"facilitator:step0001": 7}))
        records = load_records(name)
        views = sessions.views(records)
        views_path(name).write_bytes(msgspec.json.format(msgspec.json.encode(views), indent=1) + b"\n")
        print(name, len(records), "records")


if __name__ == "__main__":
    main(sys.argv[1:])
