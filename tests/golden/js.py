"""Run golden cases against the client's JavaScript in Node (``tests/golden/run.mjs``)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, Literal

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).resolve().parent / "run.mjs"


def run_js(module: str, export: str, mode: Literal["fold", "call"], runs: list[dict[str, Any]]) -> list[Any]:
    """``mode`` "fold": each run is {"state", "inputs"}, the result its final state; "call": each run
    is {"args"}, the result what the function returns (or {"error": message})."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the golden tests of the client (Node 20)")
    job = json.dumps({"module": module, "export": export, "mode": mode, "runs": runs})
    done = subprocess.run([node, str(RUNNER)], input=job, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
