"""client/conn.js and the `events` frame (decision 79), run in Node with a fake socket: it asks for
compact frames in its hello, says the hello again without the field when a server from before it
refuses it (`invalid`: a rolling deploy), and hands on each event of an `events` frame as the
`event` frame it stands for — in order, duplicates skipped, the rest dropped after a gap."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
RUNNER = Path(__file__).resolve().parent / "conn_compact_run.mjs"


def test_the_client_asks_for_events_frames_falls_back_and_unfolds_them():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the tests of client/conn.js (Node 20)")
    done = subprocess.run([node, str(RUNNER)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["first"]["compact"] is True
    assert "compact" not in out["second"] and out["second"]["token"] == "tok"  # said again, without it
    events = [(h["seq"], h["at"], h["event"]["type"]) for h in out["handed"] if h.get("type") == "event"]
    assert events == [(5, 100, "a"), (6, 200, "b"), (7, 203, "c"), (8, 300, "d"), (9, 300, "e"), (10, 400, "f")]
    assert out["handed"][-1] == {"closed": 4000, "reason": "resync"}  # seq 11 missing: reconnect, drop the rest
    assert out["seqAfter"] == 10 and out["resynced"]
