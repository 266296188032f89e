"""Golden cases per kind of section, run against the Python fold and projection and against the
client's fold (``client/state.js``, in Node): the two must show every audience the same thing."""

from __future__ import annotations

import pytest

from boards import kinds
from tests.golden.js import run_js
from tests.golden.kinds_golden import AUDIENCES, FOLDER, first_state, load, observe

KINDS = [k.name for k in kinds.KINDS]


def test_every_kind_has_a_golden_file_and_every_file_a_kind():
    """A kind of section is not done without its golden cases."""
    assert sorted(p.stem for p in FOLDER.glob("*.json")) == sorted(KINDS)


def _cases():
    return [pytest.param(kind, i, id=f"{kind}-{i}") for kind in KINDS for i in range(len(load(kind)["cases"]))]


@pytest.mark.parametrize("kind, index", _cases())
def test_python_gives_each_audience_the_golden_frames_and_views(kind, index):
    """The engine's fold and projection give each audience exactly the golden frames, view, own
    marks and progress."""
    case = load(kind)["cases"][index]
    got = observe(kind, case["setup"], case["records"])
    for key in ("frames", "view", "own", "progress"):
        assert got[key] == case[key], f"{case['name']}: {key}"


@pytest.mark.parametrize("kind", KINDS)
def test_the_client_folds_the_golden_frames_into_the_golden_view(kind):
    """``client/state.js`` folds each audience's golden frames, from its first state, into the
    golden view of the kind's sections."""
    cases = load(kind)["cases"]
    runs = [{"state": first_state(case, audience), "inputs": case["frames"][audience]}
            for case in cases for audience in AUDIENCES]
    finals = iter(run_js("client/state.js", "applyEvent", "fold", runs))
    slot = next(k.slot for k in kinds.KINDS if k.name == kind)
    for case in cases:
        for audience in AUDIENCES:
            final = next(finals)
            assert "error" not in final, final
            got = {b: board[slot] for b, board in final["boards"].items() if slot in board}
            assert got == case["view"][audience], f"{case['name']} ({audience})"
