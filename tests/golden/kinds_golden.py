"""Golden files per kind of section (``tests/golden/kinds/<kind>.json``): what they hold, how they
are made, and the Python side's reading of them.

Each case: ``setup`` (records: the session and its people; a client's first state is the session
view after them), ``records`` (what then happens, as logged), and what each audience ("facilitator",
"others": participants, the projector) gets: ``frames`` (the frame of each record), ``view`` (the
kind's part of every board in the state, after the records), ``own`` (each participant's own marks
in the kind's sections) and ``progress``. Python folds the records with the engine and projects;
the client folds ``frames`` into the first state with ``client/state.js``; both must give ``view``.

    python -m tests.golden.kinds_golden            # rewrite the files after a deliberate change
    python -m tests.golden.kinds_golden draft      # only these kinds' files
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec

from boards import kinds
from boards.engine import apply
from boards.events import Record
from boards.projection import all_progress, event_view, masked_for_others, own_dots, session_view
from boards.state import SessionState
from server.records import unpack_record

FOLDER = Path(__file__).resolve().parent / "kinds"
AUDIENCES = ("facilitator", "others")


def path(kind: str) -> Path:
    return FOLDER / f"{kind}.json"


def load(kind: str) -> dict[str, Any]:
    return json.loads(path(kind).read_text("utf-8"))


def _plain(value: Any) -> Any:
    return json.loads(msgspec.json.encode(value))


def fold(records: list[dict[str, Any]], state: SessionState | None = None) -> SessionState:
    state = state or SessionState(session="golden")
    for data in records:
        apply(state, msgspec.convert(data, Record))
    return state


def first_state(case: dict[str, Any], audience: str) -> dict[str, Any]:
    """What a client of ``audience`` starts from: the session view after the setup, as the
    reference client keeps it (it notes its audience in ``_audience``)."""
    view = _plain(session_view(fold(case["setup"]), audience, None))
    view["_audience"] = audience
    return view


def observe(kind_name: str, setup: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[str, Any]:
    """What the current Python code gives for these records: frames, views, own marks, progress."""
    kind = next(k for k in kinds.KINDS if k.name == kind_name)
    state = fold(setup)
    frames: dict[str, list] = {a: [] for a in AUDIENCES}
    for data in records:
        record = msgspec.convert(data, Record)
        apply(state, record)
        masked = masked_for_others(record, state)
        for audience in AUDIENCES:
            frames[audience].append(event_view(record, audience, masked))
    ours = {(b, s.id) for b, _board, s, k in kinds.sections(state, kind)}
    own = {pid: {b: {s: marks for s, marks in sections.items() if (b, s) in ours}
                 for b, sections in own_dots(state, pid).items()}
           for pid in state.participants}
    return _plain({
        "frames": frames,
        "view": {a: {b: board[kind.slot] for b, board in session_view(state, a, None)["boards"].items()}
                 for a in AUDIENCES},
        "own": own,
        "progress": {a: [p for p in all_progress(state, a) if (p["board"], p["section"]) in ours] for a in AUDIENCES},
    })


def make(only: list[str] | None = None) -> None:
    from tests.golden.kinds_cases import CASES
    from tests.replay.sessions import Script

    FOLDER.mkdir(exist_ok=True)
    for kind_name, cases in CASES.items():
        if only and kind_name not in only:
            continue
        out = []
        for name, script in cases.items():
            s = Script("golden")
            steps = script(s)
            next(steps)  # the setup
            setup = len(s.records)
            for _ in steps:
                pass
            records = [_plain(msgspec.to_builtins(unpack_record(r))) for r in s.records]
            out.append({"name": name, "setup": records[:setup], "records": records[setup:],
                        **observe(kind_name, records[:setup], records[setup:])})
        doc = {"kind": kind_name, "about": __doc__.split("\n\n")[1].replace("\n", " "), "cases": out}
        path(kind_name).write_bytes(msgspec.json.format(msgspec.json.encode(doc), indent=1) + b"\n")
        print(kind_name, len(out), "cases")


if __name__ == "__main__":
    import sys

    make(sys.argv[1:])
