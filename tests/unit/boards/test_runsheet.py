"""The run sheet as session data: blocks added, edited, moved, copied and removed by the
facilitator, folded into the board's own template; participants refused; the run sheet's
timer and time-up see a new block like a shipped step."""

from __future__ import annotations

import msgspec
import pytest

from boards import commands as c
from boards import runsheet
from boards.actors import SYSTEM
from boards.errors import ErrorCode
from boards.events import Record
from boards.projection import event_view, session_view
from boards.state import from_snapshot, to_snapshot
from boards.template import WordCloudSection
from boards.templates import TEMPLATES
from tests.unit.boards.helpers import FACILITATOR, Session, refused

K = "kickoff"


@pytest.fixture
def kick() -> Session:
    return Session(boards=(K,), on_paper=False)


def steps(s: Session) -> list[str]:
    return [st.id for st in s.state.boards[K].spec.steps]


def test_a_word_cloud_block_added_during_the_session_runs_like_a_step(kick):
    kick.run(FACILITATOR, c.SetStep(step="opening"))
    (added,) = kick.run(FACILITATOR, c.AddBlock(board=K, title="Woordwolk", minutes=7, index=1,
                                                activity="wordcloud", prompt="Eén woord?"))
    board = kick.state.boards[K]
    assert steps(kick)[:3] == ["opening", added.step.id, "kennismaking"]
    (section,) = added.sections
    assert isinstance(board.spec.section(section.id), WordCloudSection)
    assert board.clouds[section.id].counts == {}
    assert TEMPLATES[K].step(added.step.id) is None  # the shipped template is untouched
    # the block runs: its minutes set the clock, participants may answer in it
    events = kick.run(FACILITATOR, c.SetStep(step=added.step.id, board=K))
    assert events[-1].duration_ms == 7 * 60_000
    ann = kick.join("Ann", "deelnemer")
    kick.run(ann, c.AddWord(board=K, section=section.id, word="samen"))
    assert board.clouds[section.id].counts == {"samen": 1}


def test_edit_changes_title_and_plan_and_minutes_through_the_run_sheet(kick):
    events = kick.run(FACILITATOR, c.EditBlock(board=K, step="pauze1", title="Koffie", minutes=15, goal="Even bijkomen",
                                               who="Sam", materials="Koffie", essential=False))
    assert [type(e).__name__ for e in events] == ["BlockEdited", "StepMinutesSet"]
    step = kick.state.boards[K].spec.step("pauze1")
    assert step.label.nl == step.label.en == "Koffie"
    assert (step.plan.goal.nl, step.plan.who, step.plan.materials.nl, step.plan.essential) == (
        "Even bijkomen", "Sam", "Koffie", False)
    assert kick.state.step_minutes == {f"{K}/pauze1": 15}
    assert kick.run(FACILITATOR, c.EditBlock(board=K, step="pauze1", title="Koffie")) == []  # no change, no event


def test_move_and_copy_and_remove(kick):
    kick.run(FACILITATOR, c.MoveBlock(board=K, step="afronding", index=0))
    assert steps(kick)[0] == "afronding"
    (copied,) = kick.run(FACILITATOR, c.CopyBlock(board=K, step="theorie"))
    assert steps(kick)[steps(kick).index("theorie") + 1] == copied.step.id
    assert len(copied.sections) == 2 and {s.step for s in copied.sections} == {copied.step.id}
    assert copied.step.time_up == "lock_reveal" and copied.step.plan == TEMPLATES[K].step("theorie").plan
    kick.run(FACILITATOR, c.RemoveBlock(board=K, step=copied.step.id))
    board = kick.state.boards[K]
    assert copied.step.id not in steps(kick)
    assert all(board.spec.section(s.id) is None for s in copied.sections)
    assert all(s.id not in board.stands and s.id not in board.statements for s in copied.sections)
    # a section another block still uses stays: "thema" is kennismaking's and kennissnack's
    (ev,) = kick.run(FACILITATOR, c.RemoveBlock(board=K, step="kennissnack"))
    assert ev.sections == [] and board.spec.section("thema") is not None


def test_a_block_that_ran_or_runs_is_not_removed(kick):
    kick.run(FACILITATOR, c.SetStep(step="opening"))
    assert refused(kick, FACILITATOR, c.RemoveBlock(board=K, step="opening")) == ErrorCode.BLOCK_RAN
    kick.run(FACILITATOR, c.SetStep(step="kennismaking"))
    assert refused(kick, FACILITATOR, c.RemoveBlock(board=K, step="opening")) == ErrorCode.BLOCK_RAN
    kick.run(FACILITATOR, c.RemoveBlock(board=K, step="pauze1"))  # a block still to come may go


@pytest.mark.parametrize("command", [
    c.AddBlock(board=K, title="x"), c.EditBlock(board=K, step="opening", title="x"),
    c.MoveBlock(board=K, step="opening", index=2), c.CopyBlock(board=K, step="opening"),
    c.RemoveBlock(board=K, step="pauze1"),
])
def test_participants_may_not_edit_blocks(kick, command):
    ann = kick.join("Ann", "deelnemer")
    assert refused(kick, ann, command) == ErrorCode.FORBIDDEN


@pytest.mark.parametrize("command, code", [
    (c.AddBlock(board=K, title="x", index=99), ErrorCode.INVALID),
    (c.AddBlock(board=K, title="  "), ErrorCode.INVALID),
    (c.AddBlock(board=K, title="x", activity="dots", items=["een"]), ErrorCode.INVALID),
    (c.AddBlock(board="nope", title="x"), ErrorCode.NOT_FOUND),
    (c.EditBlock(board=K, step="nope", title="x"), ErrorCode.NOT_FOUND),
    (c.MoveBlock(board=K, step="opening", index=9), ErrorCode.INVALID),
    (c.CopyBlock(board=K, step="nope"), ErrorCode.NOT_FOUND),
])
def test_bad_block_commands_are_refused(kick, command, code):
    assert refused(kick, FACILITATOR, command) == code


def test_the_cap_on_blocks(kick):
    while len(steps(kick)) < runsheet.MAX_BLOCKS:
        kick.run(FACILITATOR, c.AddBlock(board=K, title="Blok"))
    assert refused(kick, FACILITATOR, c.AddBlock(board=K, title="Eén te veel")) == ErrorCode.LIMIT_REACHED
    assert refused(kick, FACILITATOR, c.CopyBlock(board=K, step="opening")) == ErrorCode.LIMIT_REACHED


def test_time_up_of_an_added_block_locks_and_reveals_its_activity(kick):
    (added,) = kick.run(FACILITATOR, c.AddBlock(board=K, title="Stellingen", minutes=1, activity="statements",
                                                items=["Ik leer graag", "Ik deel graag"]))
    kick.run(FACILITATOR, c.EditBlock(board=K, step=added.step.id, minutes=2))
    kick.run(FACILITATOR, c.SetStep(step=added.step.id, board=K))
    assert kick.state.timer.duration_ms == 2 * 60_000
    kick.run(FACILITATOR, c.Timer(action="start"))
    kick.now += 2 * 60_000
    events = kick.run(SYSTEM, c.ExpireTimer())
    assert [type(e).__name__ for e in events] == ["TimerExpired"]  # add_block: time_up "nothing"


def test_the_board_s_own_template_survives_a_snapshot_and_reaches_the_view(kick):
    (added,) = kick.run(FACILITATOR, c.AddBlock(board=K, title="Open", activity="open", prompt="Wat neem je mee?"))
    again = from_snapshot(msgspec.json.decode(msgspec.json.encode(to_snapshot(kick.state))))
    assert again.boards[K].spec == kick.state.boards[K].spec
    view = session_view(kick.state, "others", None)
    assert view["templates"][K]["steps"][-1]["id"] == added.step.id
    assert view["boards"][K]["answers"][added.sections[0].id] == []
    frame = event_view(Record(seq=1, at=0, event=added), "others", False)
    assert frame["event"]["contents"] == {added.sections[0].id: {"slot": "answers", "content": []}}


def test_weighting_agreements_and_a_check_out_round_as_a_new_block_s_activity(kick):
    """The kick-off's other activities can be a block's too: themes proposed then weighed, a values
    contract started from the facilitator's items, a check-out round of one word with recognition;
    the block's step lets participants do exactly what the activity needs."""
    ann = kick.join("Ann", "deelnemer")
    (weigh,) = kick.run(FACILITATOR, c.AddBlock(board=K, title="Gewichten plakken", activity="weighting",
                                                prompt="Welke thema's?"))
    (contract,) = kick.run(FACILITATOR, c.AddBlock(board=K, title="Waardencontract", activity="agreements",
                                                   items=["Er zijn", "Veiligheid"]))
    (round_,) = kick.run(FACILITATOR, c.AddBlock(board=K, title="Check-out", activity="checkout"))
    assert weigh.step.allows == ("propose", "weigh") and contract.step.allows == ("agree",)
    board = kick.state.boards[K]
    kick.run(FACILITATOR, c.SetStep(step=weigh.step.id, board=K))
    (theme,) = kick.run(ann, c.ProposeTheme(board=K, section=weigh.sections[0].id, text="Vroegsignalering"))
    kick.run(ann, c.WeighTheme(board=K, section=weigh.sections[0].id, item=theme.item.id))
    assert board.weightings[weigh.sections[0].id].counts == {theme.item.id: 1}
    kick.run(FACILITATOR, c.SetStep(step=contract.step.id, board=K))
    kick.run(ann, c.ConfirmAgreement(board=K, section=contract.sections[0].id, item="i2"))
    assert board.agreements[contract.sections[0].id].counts == {"i2": 1}
    assert refused(kick, ann, c.ProposeTheme(board=K, section=weigh.sections[0].id, text="Te laat")) \
        == ErrorCode.NOT_IN_STEP
    kick.run(FACILITATOR, c.SetStep(step=round_.step.id, board=K))
    section = board.spec.section(round_.sections[0].id)
    assert isinstance(section, WordCloudSection) and section.recognise and section.per_person == 1
    kick.run(ann, c.AddWord(board=K, section=section.id, word="Verbinding"))
    assert refused(kick, ann, c.AddWord(board=K, section=section.id, word="Tweede")) == ErrorCode.LIMIT_REACHED
