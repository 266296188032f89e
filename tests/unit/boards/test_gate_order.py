"""The order of the gate's checks, as docs/protocol.md lists it: which error wins when several apply."""

from __future__ import annotations

from boards import commands as c
from boards.errors import ErrorCode
from tests.unit.boards.helpers import BOARD, FACILITATOR, Session, refused


def test_closed_beats_everything_for_everyone():
    """1: a closed session refuses the facilitator's text and a participant's dot on a locked section alike."""
    session = Session()
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetLocked(board=BOARD, section="drijfveren", locked=True))
    session.run(FACILITATOR, c.CloseSession())
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) \
        == ErrorCode.SESSION_CLOSED
    assert refused(session, FACILITATOR, c.SetText(board=BOARD, section="ambitie", field="ambitie", text="x")) \
        == ErrorCode.SESSION_CLOSED


def test_locked_beats_the_step_and_the_step_beats_the_commands_own_rules():
    """3 before 5: a locked section outside the step says section_locked; 5 before the command's own
    rules: an unknown option outside the step says not_in_step, not not_found."""
    session = Session()
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetStep(step="ambitie", board=BOARD))  # allows nothing
    session.run(FACILITATOR, c.SetLocked(board=BOARD, section="drijfveren", locked=True))
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) \
        == ErrorCode.SECTION_LOCKED
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="pijlers", option="bestaat-niet")) \
        == ErrorCode.NOT_IN_STEP


def test_hold_keeps_a_participant_on_the_steps_sections_but_not_from_checking_out():
    """6: with hold on, a dot elsewhere says not_in_step; check_out in a step that allows it is not held."""
    session = Session()
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetHold(hold=True))
    session.run(FACILITATOR, c.SetStep(step="drijfveren", board=BOARD))
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="pijlers", option="tijd")) == ErrorCode.NOT_IN_STEP
    session.run(FACILITATOR, c.SetStep(step="afsluiting", board=BOARD))
    assert session.run(ann, c.CheckOut(rating=4, text=""))


def test_a_facilitators_own_command_is_not_an_action_and_a_participant_gets_forbidden():
    """2: commands without a permission skip the step rules; a participant sending one gets forbidden."""
    session = Session()
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetStep(step="ambitie", board=BOARD))
    assert refused(session, ann, c.SetLocked(board=BOARD, section="drijfveren", locked=True)) == ErrorCode.FORBIDDEN
