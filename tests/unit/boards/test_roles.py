"""Rules of card 4: names on roles (suggest, confirm, move, take back) and the conditions table."""

from __future__ import annotations

import pytest

from boards import commands as c
from boards.errors import ErrorCode
from boards.kinds.roles import network_size
from boards.summary import summarise
from tests.unit.boards.helpers import FACILITATOR, Session, refused

BOARD = "rollen"
RINGS = {"board": BOARD, "section": "ringen"}
TABLE = {"board": BOARD, "section": "randvoorwaarden"}


@pytest.fixture
def session() -> Session:
    return Session(boards=(BOARD,))


def people(session: Session) -> dict:
    return session.state.boards[BOARD].roles["ringen"]


def add(session, actor, name="Marieke", role="deelnemer") -> str:
    (event,) = session.run(actor, c.AddRolePerson(**RINGS, name=name, role=role))
    return event.person.id


def test_a_participant_suggests_and_the_facilitator_confirms(session):
    """A participant's name is a suggestion until the facilitator confirms it; the facilitator's
    own names are confirmed at once."""
    eva = session.join("Eva", "deelnemer")
    mine = add(session, eva, "Ahmed")
    theirs = add(session, FACILITATOR, "Joost", "leernetwerktrekker")
    assert (people(session)[mine].confirmed, people(session)[theirs].confirmed) == (False, True)
    assert refused(session, eva, c.ConfirmRolePerson(**RINGS, person=mine)) == ErrorCode.FORBIDDEN
    session.run(FACILITATOR, c.ConfirmRolePerson(**RINGS, person=mine))
    assert people(session)[mine].confirmed


def test_a_confirmed_name_or_another_persons_is_moved_only_by_the_facilitator(session):
    """Once confirmed, a name is the group's: a participant may no longer move or remove it."""
    eva, finn = session.join("Eva", "deelnemer"), session.join("Finn", "deelnemer")
    name = add(session, eva)
    assert refused(session, finn, c.MoveRolePerson(**RINGS, person=name, role="tweede_schil")) == ErrorCode.FORBIDDEN
    session.run(eva, c.MoveRolePerson(**RINGS, person=name, role="tweede_schil"))
    session.run(FACILITATOR, c.ConfirmRolePerson(**RINGS, person=name))
    assert refused(session, eva, c.RemoveRolePerson(**RINGS, person=name)) == ErrorCode.FORBIDDEN
    session.run(FACILITATOR, c.MoveRolePerson(**RINGS, person=name, role="procesbegeleider"))
    assert people(session)[name].role == "procesbegeleider"


def test_a_role_that_does_not_exist_is_refused(session):
    """Naming a role the rings do not have stores nothing."""
    eva = session.join("Eva", "deelnemer")
    assert refused(session, eva, c.AddRolePerson(**RINGS, name="Ahmed", role="koning")) == ErrorCode.NOT_FOUND
    name = add(session, eva)
    assert refused(session, eva, c.MoveRolePerson(**RINGS, person=name, role="koning")) == ErrorCode.NOT_FOUND


def test_a_name_over_the_length_cap_is_refused(session):
    """A name is at most 60 characters (the rings show names, not stories)."""
    eva = session.join("Eva", "deelnemer")
    assert refused(session, eva, c.AddRolePerson(**RINGS, name="x" * 61, role="deelnemer")) == ErrorCode.INVALID
    assert refused(session, eva, c.AddRolePerson(**RINGS, name="   ", role="deelnemer")) == ErrorCode.INVALID
    add(session, eva, "x" * 60)


def test_the_network_counts_confirmed_names_of_the_inner_rings_only(session):
    """The 5-20 of the card counts staff and players; the second ring has no maximum."""
    eva = session.join("Eva", "deelnemer")
    add(session, FACILITATOR, "A", "leernetwerktrekker")
    add(session, FACILITATOR, "B", "deelnemer")
    add(session, FACILITATOR, "C", "tweede_schil")
    add(session, eva, "D", "deelnemer")  # not confirmed
    section = session.state.boards[BOARD].spec.section("ringen")
    assert network_size(section, people(session)) == 2
    roles = summarise(session.state)["boards"][0]["roles"][0]
    assert roles["size"] == 2 and roles["unconfirmed"] == ["D"]


def test_names_are_suggested_only_in_the_assigning_step(session):
    """In step 1 (reading the roles) and step 3 a participant cannot place names; in step 2 they can."""
    eva = session.join("Eva", "deelnemer")
    session.run(FACILITATOR, c.SetStep(board=BOARD, step="rollen"))
    assert refused(session, eva, c.AddRolePerson(**RINGS, name="Ahmed", role="deelnemer")) == ErrorCode.NOT_IN_STEP
    session.run(FACILITATOR, c.SetStep(board=BOARD, step="toewijzen"))
    add(session, eva)


def test_the_conditions_table_takes_a_text_and_who_arranges_it(session):
    """A cell holds a short text and who arranges it; emptying it takes it away."""
    eva = session.join("Eva", "deelnemer")
    session.run(eva, c.SetCondition(**TABLE, row="projectassistent", column="tijd", text="8 uur", who="HR"))
    cells = session.state.boards[BOARD].conditions["randvoorwaarden"]
    assert (cells["projectassistent/tijd"].text, cells["projectassistent/tijd"].who) == ("8 uur", "HR")
    assert session.run(eva, c.SetCondition(**TABLE, row="projectassistent", column="tijd", text="8 uur", who="HR")) == []
    session.run(eva, c.SetCondition(**TABLE, row="projectassistent", column="tijd", text=""))
    assert cells == {}


def test_a_table_edit_of_an_unknown_role_or_column_or_too_long_is_refused(session):
    """Rows and columns are the template's; a cell's text is at most 200 characters."""
    eva = session.join("Eva", "deelnemer")
    assert refused(session, eva, c.SetCondition(**TABLE, row="koning", column="tijd", text="x")) == ErrorCode.NOT_FOUND
    assert refused(session, eva, c.SetCondition(**TABLE, row="deelnemer", column="geld", text="x")) == ErrorCode.NOT_FOUND
    assert refused(session, eva, c.SetCondition(**TABLE, row="deelnemer", column="tijd", text="x" * 201)) == ErrorCode.INVALID


def test_a_table_edit_on_a_closed_session_is_refused(session):
    """After closing, the table can be read, not changed, by anyone."""
    eva = session.join("Eva", "deelnemer")
    session.run(FACILITATOR, c.CloseSession())
    for actor in (eva, FACILITATOR):
        assert refused(session, actor, c.SetCondition(**TABLE, row="deelnemer", column="tijd", text="x")) \
            == ErrorCode.SESSION_CLOSED
