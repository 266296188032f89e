"""The gate's golden cases (tests/golden/gate.json), run against boards/gate.py and against the
client's copy, client/facilitation/gate.js (in Node), so the two cannot drift apart."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import msgspec
import pytest

from boards import commands as c
from boards import gate
from boards.actors import Actor
from boards.errors import DomainError
from boards.state import SessionState, current_step
from boards.template import StakeholderSection
from tests.unit.boards.helpers import FACILITATOR, Session

ROOT = Path(__file__).resolve().parents[3]
CASES = json.loads((ROOT / "tests/golden/gate.json").read_text())["cases"]


def session_in(summary: dict) -> tuple[Session, Actor]:
    """A real session brought into the case's state through the facilitator's commands."""
    session = Session(boards=("samenspel", "stakeholders"), on_paper=False)
    ann = session.join("Ann", "leernetwerk")
    for path in summary["hidden"]:
        board, section = path.split("/")
        session.run(FACILITATOR, c.SetHidden(board=board, section=section, hidden=True))
    for path in summary["locked"]:
        board, section = path.split("/")
        session.run(FACILITATOR, c.SetLocked(board=board, section=section, locked=True))
    if not summary["hold"]:
        session.run(FACILITATOR, c.SetHold(hold=False))
    if summary["step"]:
        board, step = summary["step"].split("/")
        session.run(FACILITATOR, c.SetStep(step=step, board=board))
    if summary["closed"]:
        session.run(FACILITATOR, c.CloseSession())
    return session, ann


def python_verdict(case: dict) -> str:
    session, ann = session_in(case["state"])
    actor = ann if case["actor"] == "participant" else FACILITATOR
    command = msgspec.convert(case["command"], c.ClientCommand)
    try:
        gate.check(session.state, actor, command)
    except DomainError as refused:
        return refused.code.value
    return "ok"


def gate_view(state: SessionState) -> dict:
    """The session as the client's gate reads it (gateView in client/facilitation/gate.js)."""
    step = current_step(state)
    return {
        "closed": state.closed_at is not None,
        "hold": state.hold,
        "locked": {b: sorted(board.locked) for b, board in state.boards.items()},
        "step": None if step is None else {"id": step.id, "board": state.step_board, "allows": list(step.allows),
                                          "sections": list(step.sections)},
        "mapSection": {b: _map_section(board) for b, board in state.boards.items()},
    }


def _map_section(board) -> str | None:
    """The section an undo acts on: the board's stakeholder map (the client's mapSection)."""
    return next((s.id for s in board.spec.sections if isinstance(s, StakeholderSection)), None)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_python_gate_gives_the_golden_verdict(case):
    """boards/gate.py lets through or refuses exactly as the golden case says."""
    assert python_verdict(case) == case["expect"]


def test_client_gate_gives_the_same_golden_verdicts():
    """client/facilitation/gate.js, on the same sessions, answers every golden case as the server does,
    and names the same kind of action for every participant command."""
    inputs = []
    for case in CASES:
        session, _ = session_in(case["state"])
        inputs.append({"view": gate_view(session.state), "role": case["actor"], "command": case["command"]})
    run = subprocess.run(["node", "--no-warnings", "--experimental-default-type=module", str(ROOT / "tests/golden/run_gate.js")],
                         input=json.dumps(inputs), capture_output=True, text=True, timeout=30, check=True)
    out = json.loads(run.stdout)
    got = {case["name"]: verdict or "ok" for case, verdict in zip(CASES, out["verdicts"], strict=True)}
    assert got == {case["name"]: case["expect"] for case in CASES}
    assert out["permission"] == {t.__struct_config__.tag: p for t, p in gate.PERMISSION.items()}
