"""Rules of card 1's wall: at most 5 dots a person, several on one item, none on an item taken off."""

from __future__ import annotations

import pytest

from boards import commands as c
from boards.actors import SYSTEM
from boards.errors import ErrorCode
from boards.kinds.wall import most_dotted
from boards.summary import summarise
from tests.unit.boards.helpers import FACILITATOR, Session, refused

BOARD = "ambitie"
WALL = {"board": BOARD, "section": "wand"}


@pytest.fixture
def session() -> Session:
    s = Session(boards=(BOARD,))
    s.run(FACILITATOR, c.SetStep(board=BOARD, step="samenvoegen"))
    return s


def item(session, actor, text="Een schets") -> str:
    (event,) = session.run(actor, c.AddWallItem(**WALL, text=text))
    return event.item.id


def test_five_dots_a_person_several_on_one_item_and_a_sixth_refused(session):
    """All five on one item is fine; the sixth gets budget_exhausted and stores nothing."""
    eva = session.join("Eva", "deelnemer")
    a, b = item(session, eva), item(session, eva, "Nog een")
    for _ in range(5):
        session.run(eva, c.WallDot(**WALL, item=a))
    assert session.state.boards[BOARD].walls["wand"].counts == {a: 5}
    assert refused(session, eva, c.WallDot(**WALL, item=b)) == ErrorCode.BUDGET_EXHAUSTED
    session.run(eva, c.WallDot(**WALL, item=a, add=False))
    session.run(eva, c.WallDot(**WALL, item=b))
    assert most_dotted(session.state.boards[BOARD].walls["wand"]) == [a]


def test_a_dot_on_an_item_taken_off_the_wall_is_refused(session):
    """The facilitator hides an item: a new dot on it is refused, the summary shared with the group
    leaves it out; only the facilitator may hide."""
    eva = session.join("Eva", "deelnemer")
    a = item(session, eva)
    assert refused(session, eva, c.HideWallItem(**WALL, item=a, hidden=True)) == ErrorCode.FORBIDDEN
    session.run(FACILITATOR, c.HideWallItem(**WALL, item=a, hidden=True))
    assert refused(session, eva, c.WallDot(**WALL, item=a)) == ErrorCode.NOT_FOUND
    assert summarise(session.state, "shared")["boards"][0]["walls"][0]["items"] == []


def test_taking_back_a_dot_you_did_not_place_is_refused(session):
    """no_such_dot, as with the dot vote."""
    eva, finn = session.join("Eva", "deelnemer"), session.join("Finn", "deelnemer")
    a = item(session, eva)
    session.run(eva, c.WallDot(**WALL, item=a))
    assert refused(session, finn, c.WallDot(**WALL, item=a, add=False)) == ErrorCode.NO_SUCH_DOT


def test_hidden_dots_are_revealed_when_the_step_runs_out(session):
    """Step 2 is lock_reveal: the time-up reveals hidden dots with the tally."""
    eva = session.join("Eva", "deelnemer")
    a = item(session, eva)
    session.run(FACILITATOR, c.SetWallHidden(**WALL, hidden=True))
    session.run(eva, c.WallDot(**WALL, item=a))
    session.run(FACILITATOR, c.Timer(action="set", seconds=60))
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 61_000
    session.run(SYSTEM, c.ExpireTimer())
    wall = session.state.boards[BOARD].walls["wand"]
    assert not wall.hidden and "wand" in session.state.boards[BOARD].locked
