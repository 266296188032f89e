"""One rule, one truth: the run sheet's block events fold the same in the engine and in the client
(client/facilitation/runsheet-fold.js through client/state.js): each audience's frames, folded
into the view it started from, give the view the engine gives after them."""

from __future__ import annotations

import json

from boards import commands as c
from boards.events import Record
from boards.projection import event_view, masked_for_others, session_view
from tests.golden.js import run_js
from tests.unit.boards.helpers import FACILITATOR, Session

K = "kickoff"
AUDIENCES = ("facilitator", "others")


def script(s: Session) -> list[Record]:
    records: list[Record] = []
    seq = s.state.seq

    def run(command):
        nonlocal seq
        for event in s.run(FACILITATOR, command):
            seq += 1
            records.append((Record(seq=seq, at=s.now, event=event), masked_for_others(Record(seq=seq, at=s.now, event=event), s.state)))

    run(c.SetStep(step="opening"))
    run(c.AddBlock(board=K, title="Woordwolk", minutes=7, index=1, activity="wordcloud", prompt="Eén woord?"))
    run(c.AddBlock(board=K, title="Stellingen", activity="statements", items=["Ik leer graag", "Ik deel graag"]))
    run(c.AddBlock(board=K, title="Pauze"))
    new = [st.id for st in s.state.boards[K].spec.steps if st.id.startswith("id")]
    run(c.EditBlock(board=K, step=new[0], title="Wolk", goal="Het thema laden", who="Sam", materials="Post-its",
                    essential=False, minutes=9))
    run(c.MoveBlock(board=K, step=new[2], index=0))
    run(c.CopyBlock(board=K, step=new[1]))
    run(c.RemoveBlock(board=K, step=new[1]))
    run(c.RemoveBlock(board=K, step="kennissnack"))
    run(c.SetLocked(board=K, section="thema", locked=True))
    return records


def test_the_client_folds_block_events_into_the_engine_s_view():
    s = Session(boards=(K,), on_paper=False)
    s.run(FACILITATOR, c.SetHold(hold=True))
    start = {a: json.loads(json.dumps(session_view(s.state, a, None))) for a in AUDIENCES}
    records = script(s)
    runs = [{"state": start[a], "inputs": [json.loads(json.dumps(event_view(r, a, masked))) for r, masked in records]}
            for a in AUDIENCES]
    finals = run_js("client/state.js", "applyEvent", "fold", runs)
    for audience, final in zip(AUDIENCES, finals):
        assert "error" not in final, final
        want = json.loads(json.dumps(session_view(s.state, audience, None)))
        for key in ("templates", "boards", "step_minutes"):
            assert final[key] == want[key], (audience, key)
