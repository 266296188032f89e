"""Instruction card 3 (De juiste weg): the decision tree's path, the radar's numbers and reading,
and the bad input both refuse with a stable code, storing nothing."""

from __future__ import annotations

import msgspec
import pytest

from boards import commands as c
from boards.actors import SYSTEM
from boards.errors import ErrorCode
from boards.kinds.radar_reading import read
from boards.kinds.tree import path
from boards.templates import TEMPLATES
from tests.golden.js import run_js
from tests.unit.boards.helpers import FACILITATOR, Session, refused

W = "juiste_weg"
TREE = {"board": W, "section": "beslisboom"}
RADAR = {"board": W, "section": "organisatiecontext"}
SECTION = TEMPLATES[W].section("beslisboom")
PILLARS = [p.id for p in TEMPLATES[W].section("organisatiecontext").pillars]


@pytest.fixture
def session() -> Session:
    return Session(boards=(W,))


# --- the tree's path (Python and client/board/kinds/tree-fold.js run the same cases) ----------

PATHS = [
    ({}, ["anderen"], None),
    ({"anderen": "ja"}, ["anderen"], "aansluiten"),
    ({"anderen": "nee", "oorzaken": "nee"}, ["anderen", "oorzaken"], "bijscholing"),
    ({"anderen": "nee", "oorzaken": "ja", "oplossing": "nee"}, ["anderen", "oorzaken", "oplossing"], "werkgroep"),
    ({"anderen": "nee", "oorzaken": "ja", "oplossing": "ja", "samenhang": "nee"},
     ["anderen", "oorzaken", "oplossing", "samenhang"], "werkgroep"),
    ({"anderen": "nee", "oorzaken": "ja", "oplossing": "ja", "samenhang": "ja", "partijen": "nee"},
     ["anderen", "oorzaken", "oplossing", "samenhang", "partijen"], "niet_uitdaging"),
    ({"anderen": "nee", "oorzaken": "ja", "oplossing": "ja", "samenhang": "ja", "partijen": "ja", "samen_leren": "nee"},
     ["anderen", "oorzaken", "oplossing", "samenhang", "partijen", "samen_leren"], "niet_vraagstuk"),
    ({"anderen": "nee", "oorzaken": "ja", "oplossing": "ja", "samenhang": "ja", "partijen": "ja", "samen_leren": "ja",
      "draagvlak": "nee"}, [q.id for q in SECTION.questions], "kwartiermaker"),
    ({"anderen": "nee", "oorzaken": "ja", "oplossing": "ja", "samenhang": "ja", "partijen": "ja", "samen_leren": "ja",
      "draagvlak": "ja"}, [q.id for q in SECTION.questions], "aan_de_slag"),
    # answers off the path do not count; an open question ends the path there
    ({"anderen": "nee", "partijen": "nee", "draagvlak": "ja"}, ["anderen", "oorzaken"], None),
]


@pytest.mark.parametrize("group, visited, outcome", PATHS)
def test_the_group_answers_lead_along_the_card_to_its_outcome(group, visited, outcome):
    """Every question but the first goes on with ja; each nee ends on the card's outcome for it."""
    assert path(SECTION, group) == (visited, outcome)


def test_the_client_walks_the_tree_as_the_server_does():
    """client/board/kinds/tree-fold.js treePath gives the same path and outcome for every case."""
    spec = msgspec.to_builtins(SECTION)
    got = run_js("client/board/kinds/tree-fold.js", "treePath", "call", [{"args": [spec, g]} for g, _, _ in PATHS])
    assert got == [{"path": v, "outcome": o} for _, v, o in PATHS]


def test_every_outcome_of_the_card_is_reachable_and_every_arrow_lands():
    """The reconstruction leaves no outcome unreached and no arrow pointing nowhere."""
    targets = {t for q in SECTION.questions for t in (q.yes, q.no)}
    ids = {q.id for q in SECTION.questions} | {o.id for o in SECTION.outcomes}
    assert targets <= ids
    assert {o.id for o in SECTION.outcomes} <= targets


# --- the radar's numbers ------------------------------------------------------------------------

def _dots(*rings_per_pillar):
    return {p: [[r, "leernetwerk"] for r in rings] for p, rings in zip(PILLARS, rings_per_pillar) if rings}


READINGS = [
    # every pillar in the outer two rings
    ("all_low", [[4, 5]] * 8),
    # one pillar on the middle ring (median 3; 3.5 would be weak): not "all low"
    ("moderate", [[3, 3, 4]] + [[4, 5]] * 7),
    ("most_strong", [[1, 2]] * 5 + [[3]] * 3),
    # five strong but one weak: agreements about the weak one, not "a good basis"
    ("moderate", [[1, 2]] * 5 + [[3]] * 2 + [[5]]),
    # exactly half strong is not "most"
    ("moderate", [[2]] * 4 + [[3]] * 4),
    # not every pillar rated yet: no reading
    (None, [[1]] * 7 + [[]]),
]


@pytest.mark.parametrize("reading, rings", READINGS)
def test_the_cards_reading_follows_the_documented_thresholds(reading, rings):
    """All weak (median >= 3.5) / more than half strong (<= 2.5) and none weak / everything between."""
    assert read(PILLARS, _dots(*rings))["reading"] == reading


def test_the_client_reads_the_radar_as_the_server_does():
    """client/board/kinds/radar-stats.js readRadar agrees on every reading case, numbers included."""
    cases = [_dots(*rings) for _, rings in READINGS]
    got = run_js("client/board/kinds/radar-stats.js", "readRadar", "call", [{"args": [PILLARS, d]} for d in cases])
    assert got == [read(PILLARS, d) for d in cases]


def test_median_and_spread_per_pillar_and_the_marked_pillars():
    """Median of an even count is the middle two's mean; spread is farthest minus nearest ring;
    the highest median (3 or more) is weakest, the widest spread (2 or more) disputed."""
    numbers = read(PILLARS, _dots([1, 2, 4, 5], [3, 3], [2, 3, 5], [4, 4], [], [1], [2], [2]))
    assert numbers["stats"]["communicatie"] == {"n": 4, "median": 3, "spread": 4}
    assert numbers["stats"]["capaciteit"] == {"n": 3, "median": 3, "spread": 3}
    assert numbers["weakest"] == ["middelen"]
    assert numbers["disputed"] == ["communicatie"]
    calm = read(PILLARS, _dots([1, 2], [2], [1]))
    assert calm["weakest"] == [] and calm["disputed"] == []


def test_no_pillar_is_marked_when_half_of_them_share_the_mark():
    """Six pillars on the middle ring are not "the weakest": nothing stands out, nothing is marked."""
    assert read(PILLARS, _dots([3], [3], [3], [3], [3], [3], [2], [2]))["weakest"] == []
    assert read(PILLARS, _dots([3], [3], [3], [3], [2, 4], [3], [2], [2]))["weakest"] == []  # 3 is the top, 7 share it
    assert read(PILLARS, _dots([1, 3], [1, 3], [1, 3], [1, 3], [2], [2], [2], [2]))["disputed"] == []
    assert read(PILLARS, _dots([3], [3, 5], [3, 1], [2], [2], [2], [2], [2]))["disputed"] == ["samenwerking", "capaciteit"]


# --- bad input ----------------------------------------------------------------------------------

def test_a_second_dot_on_a_pillar_moves_the_first(session):
    """A person has one dot per pillar: placing it again replaces it (the event says from where)."""
    ann = session.join("Ann", "leernetwerk")
    session.run(ann, c.PlaceRadarDot(**RADAR, pillar="tijd", ring=2))
    (moved,) = session.run(ann, c.PlaceRadarDot(**RADAR, pillar="tijd", ring=5))
    assert moved.before == 2
    assert session.state.boards[W].radars["organisatiecontext"].rings[ann.participant] == {"tijd": 5}
    assert session.run(ann, c.PlaceRadarDot(**RADAR, pillar="tijd", ring=5)) == []


def test_a_ring_outside_the_radar_is_not_a_command():
    """Rings are 1..5: anything else is refused before the engine (invalid)."""
    for ring in (0, 6, -1):
        with pytest.raises(msgspec.ValidationError):
            msgspec.convert({"type": "place_radar_dot", **RADAR, "pillar": "tijd", "ring": ring}, c.ClientCommand)


def test_unknown_pillar_and_question_are_not_found(session):
    ann = session.join("Ann", "leernetwerk")
    assert refused(session, ann, c.PlaceRadarDot(**RADAR, pillar="geld", ring=2)) == ErrorCode.NOT_FOUND
    assert refused(session, ann, c.AnswerTree(**TREE, question="budget", answer="ja")) == ErrorCode.NOT_FOUND
    assert refused(session, FACILITATOR, c.SetTreeAnswer(**TREE, question="budget", answer="ja")) == ErrorCode.NOT_FOUND
    assert refused(session, ann, c.RemoveRadarDot(**RADAR, pillar="tijd")) == ErrorCode.NO_SUCH_DOT


def test_the_group_answer_is_the_facilitators(session):
    ann = session.join("Ann", "leernetwerk")
    assert refused(session, ann, c.SetTreeAnswer(**TREE, question="anderen", answer="nee")) == ErrorCode.FORBIDDEN
    assert refused(session, ann, c.SetHidden(**TREE, hidden=False)) == ErrorCode.FORBIDDEN


def test_no_vote_after_the_reveal_until_hidden_again(session):
    """After the reveal the room talks about what it sees: answers and dots are refused."""
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetHidden(**TREE, hidden=False))
    session.run(FACILITATOR, c.SetHidden(**RADAR, hidden=False))
    assert refused(session, ann, c.AnswerTree(**TREE, question="anderen", answer="ja")) == ErrorCode.ALREADY_REVEALED
    assert refused(session, ann, c.PlaceRadarDot(**RADAR, pillar="tijd", ring=1)) == ErrorCode.ALREADY_REVEALED
    session.run(FACILITATOR, c.SetHidden(**TREE, hidden=True))
    session.run(ann, c.AnswerTree(**TREE, question="anderen", answer="ja"))


def test_no_vote_in_a_locked_section_or_outside_its_step(session):
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetStep(step="beslisboom", board=W))
    assert refused(session, ann, c.PlaceRadarDot(**RADAR, pillar="tijd", ring=1)) == ErrorCode.NOT_IN_STEP
    session.run(FACILITATOR, c.SetLocked(**TREE, locked=True))
    assert refused(session, ann, c.AnswerTree(**TREE, question="anderen", answer="ja")) == ErrorCode.SECTION_LOCKED


def test_time_up_locks_and_reveals_both(session):
    """The steps' time-up is lock_reveal: the tally is shown when the time runs out."""
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetStep(step="organisatiecontext", board=W))
    session.run(ann, c.PlaceRadarDot(**RADAR, pillar="tijd", ring=4))
    session.run(FACILITATOR, c.Timer(action="set", seconds=60))
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 61_000
    events = session.run(SYSTEM, c.ExpireTimer())
    reveal = [ev for ev in events if type(ev).__name__ == "RadarVisibilitySet"]
    assert reveal and reveal[0].dots == {"tijd": [(4, "leernetwerk")]}
    assert "organisatiecontext" in session.state.boards[W].locked
