"""The agree/differ rule on hand-made cases: the same golden file for Python and JavaScript."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from boards.differ import compare_counts, ranked

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "golden" / "differ.json"
CASES = json.loads(GOLDEN.read_text(encoding="utf-8"))["cases"]


def expected(case: dict) -> dict:
    return {"name": case["name"], "agree": case["agree"], "differ": case["differ"], "marks": case["marks"]}


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:60] for c in CASES])
def test_python_differ_ranks_the_golden_cases(case):
    """boards/differ.py: agree closest first with both groups' shares at least 5 %, differ widest first."""
    rows = compare_counts(case["options"], case["counts"], case["groups"])
    order = ranked(rows)
    found = {"name": case["name"], "agree": [r["option"] for r in order["agree"]],
             "differ": [r["option"] for r in order["differ"]], "marks": {r.option: r.mark for r in rows if r.mark}}
    assert found == expected(case)
    assert not set(found["agree"]) & set(found["differ"])  # never on both lists


def test_javascript_differ_ranks_the_same_golden_cases():
    """client/facilitation/differ.js in Node gives exactly the expected lists and marks for every case."""
    node = shutil.which("node")
    assert node, "node is needed to run the client's rule"
    out = subprocess.run([node, str(GOLDEN.parent / "run_differ.mjs"), str(GOLDEN)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert json.loads(out) == [expected(c) for c in CASES]
