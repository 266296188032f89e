"""Rules of the Samenspel board: budgets, distinct fields, take-back, roles, notes."""

from __future__ import annotations


import pytest

from boards import commands as c
from boards.actors import SYSTEM, Actor
from boards.errors import ErrorCode
from boards.state import from_snapshot, to_snapshot
from tests.unit.boards.helpers import BOARD, FACILITATOR, Session, refused


@pytest.fixture
def session() -> Session:
    return Session()


def test_three_dots_on_different_fields_count_per_group(session):
    """Each participant places three dots; counts are kept per option per group."""
    ann = session.join("Ann", "leernetwerk")
    bob = session.join("Bob", "management")
    for option in ("zingeving", "impact", "autonomie"):
        session.dot(ann, "drijfveren", option)
    session.dot(bob, "drijfveren", "zingeving")
    counts = session.state.boards[BOARD].dots["drijfveren"].counts
    assert counts["zingeving"] == {"leernetwerk": 1, "management": 1}
    assert counts["impact"] == {"leernetwerk": 1}


def test_fourth_dot_is_refused_with_budget_exhausted(session):
    """A fourth dot in a section is refused and stores nothing."""
    ann = session.join("Ann", "leernetwerk")
    for option in ("zingeving", "impact", "autonomie"):
        session.dot(ann, "drijfveren", option)
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="kwaliteit")) \
        == ErrorCode.BUDGET_EXHAUSTED


def test_budgets_are_per_section(session):
    """Three dots on Drijfveren leave all three for the Pijlers."""
    ann = session.join("Ann", "leernetwerk")
    for option in ("zingeving", "impact", "autonomie"):
        session.dot(ann, "drijfveren", option)
    for option in ("tijd", "middelen", "structuur"):
        session.dot(ann, "pijlers", option)
    assert session.state.boards[BOARD].dots["pijlers"].by_person[ann.participant] == ["tijd", "middelen", "structuur"]


def test_second_dot_on_the_same_field_is_refused(session):
    """Dots of one person in a section go on different fields."""
    ann = session.join("Ann", "leernetwerk")
    session.dot(ann, "drijfveren", "impact")
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) == ErrorCode.DUPLICATE_DOT


def test_taking_a_dot_back_frees_budget(session):
    """Removing an own dot lowers the count and gives the dot back."""
    ann = session.join("Ann", "leernetwerk")
    for option in ("zingeving", "impact", "autonomie"):
        session.dot(ann, "drijfveren", option)
    session.run(ann, c.RemoveDot(board=BOARD, section="drijfveren", option="impact"))
    assert "impact" not in session.state.boards[BOARD].dots["drijfveren"].counts
    session.dot(ann, "drijfveren", "duurzaamheid")


def test_taking_back_a_dot_you_did_not_place_is_refused(session):
    """Another person's dot cannot be taken back."""
    ann = session.join("Ann", "leernetwerk")
    bob = session.join("Bob", "management")
    session.dot(ann, "drijfveren", "impact")
    assert refused(session, bob, c.RemoveDot(board=BOARD, section="drijfveren", option="impact")) == ErrorCode.NO_SUCH_DOT


def test_unknown_option_section_and_board_are_not_found(session):
    """References to things the template does not have are refused."""
    ann = session.join("Ann", "leernetwerk")
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="geld")) == ErrorCode.NOT_FOUND
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="nope", option="impact")) == ErrorCode.NOT_FOUND
    assert refused(session, ann, c.PlaceDot(board="other", section="drijfveren", option="impact")) == ErrorCode.NOT_FOUND
    # A notes section is not a dot section.
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="actie", option="impact")) == ErrorCode.NOT_FOUND


@pytest.mark.parametrize("command", [
    c.SetText(board=BOARD, section="ambitie", field="ambitie", text="Anders"),
    c.Timer(action="set", seconds=60),
    c.Timer(action="reset"),
    c.SetStep(step="drijfveren"),
    c.SetHidden(board=BOARD, section="drijfveren", hidden=True),
    c.AddNote(board=BOARD, section="inzichten", lane="ambitie", text="Inzicht"),
])
def test_facilitator_only_commands_are_forbidden_to_participants(session, command):
    """A participant cannot edit the ambition, drive the timer, set the step or write insights."""
    ann = session.join("Ann", "leernetwerk")
    assert refused(session, ann, command) == ErrorCode.FORBIDDEN


def test_viewer_can_change_nothing(session):
    """The projector's role is read-only."""
    viewer = Actor("viewer")
    assert refused(session, viewer, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="x")) \
        == ErrorCode.FORBIDDEN
    assert refused(session, viewer, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) == ErrorCode.FORBIDDEN


def test_facilitator_has_no_dots(session):
    """Dots are the participants' voice: the facilitator cannot vote."""
    assert refused(session, FACILITATOR, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) \
        == ErrorCode.FORBIDDEN


def test_unknown_participant_is_a_bad_token(session):
    """An actor claiming a participant id the session never saw is refused."""
    ghost = Actor("participant", "ghost")
    assert refused(session, ghost, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) == ErrorCode.BAD_TOKEN


def test_join_needs_a_known_group_and_a_name(session):
    """Joining with a group the board lacks, or a blank name, is refused."""
    assert refused(session, SYSTEM, c.Join(name="Ann", group="bestuur")) == ErrorCode.UNKNOWN_GROUP
    assert refused(session, SYSTEM, c.Join(name="   ", group="leernetwerk")) == ErrorCode.INVALID


def test_text_longer_than_the_field_allows_is_invalid(session):
    """The ambition field has a length limit from the template."""
    assert refused(session, FACILITATOR, c.SetText(board=BOARD, section="ambitie", field="ambitie", text="x" * 601)) \
        == ErrorCode.INVALID
    session.run(FACILITATOR, c.SetText(board=BOARD, section="ambitie", field="ambitie", text="Samen leren"))
    assert session.state.boards[BOARD].texts["ambitie"]["ambitie"] == "Samen leren"


def test_action_notes_are_editable_by_author_and_facilitator_only(session):
    """Anyone adds an action post-it; only its author or the facilitator edits or removes it."""
    ann = session.join("Ann", "leernetwerk")
    bob = session.join("Bob", "management")
    (added,) = session.run(ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen",
                                          text="Intervisie plannen", owner="Ann"))
    note = added.note
    assert refused(session, bob, c.EditNote(board=BOARD, section="actie", note=note, base_version=1, text="Weg")) \
        == ErrorCode.FORBIDDEN
    assert refused(session, bob, c.RemoveNote(board=BOARD, section="actie", note=note)) == ErrorCode.FORBIDDEN
    session.run(ann, c.EditNote(board=BOARD, section="actie", note=note, base_version=1, text="Intervisie maandelijks",
                                owner="Ann en Bob"))
    stored = session.state.boards[BOARD].notes["actie"][note]
    assert (stored.text, stored.owner, stored.version) == ("Intervisie maandelijks", "Ann en Bob", 2)
    session.run(FACILITATOR, c.RemoveNote(board=BOARD, section="actie", note=note))
    assert note not in session.state.boards[BOARD].notes["actie"]


def test_edit_based_on_an_old_version_is_a_conflict(session):
    """Two people editing one post-it: the second save is refused, not silently lost."""
    ann = session.join("Ann", "leernetwerk")
    (added,) = session.run(ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-nodig", text="Tijd"))
    session.run(FACILITATOR, c.EditNote(board=BOARD, section="actie", note=added.note, base_version=1, text="Tijd!"))
    assert refused(session, ann, c.EditNote(board=BOARD, section="actie", note=added.note, base_version=1,
                                            text="Meer tijd")) == ErrorCode.EDIT_CONFLICT


def test_notes_have_a_maximum_per_section(session):
    """A section holds at most max_notes post-its."""
    ann = session.join("Ann", "leernetwerk")
    for i in range(200):
        session.run(ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text=f"n{i}"))
    assert refused(session, ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="one more")) \
        == ErrorCode.LIMIT_REACHED


def test_empty_or_too_long_note_and_unknown_lane_are_refused(session):
    """A note needs text within the limit, in a lane the section has."""
    ann = session.join("Ann", "leernetwerk")
    assert refused(session, ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="  ")) \
        == ErrorCode.INVALID
    assert refused(session, ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="x" * 281)) \
        == ErrorCode.INVALID
    assert refused(session, ann, c.AddNote(board=BOARD, section="actie", lane="elders", text="x")) == ErrorCode.NOT_FOUND


def test_reveal_carries_the_tally(session):
    """Revealing a hidden section records the counts at that moment in the event."""
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetHidden(board=BOARD, section="drijfveren", hidden=True))
    session.dot(ann, "drijfveren", "impact")
    (reveal,) = session.run(FACILITATOR, c.SetHidden(board=BOARD, section="drijfveren", hidden=False))
    assert reveal.counts == {"impact": {"leernetwerk": 1}}


def test_state_survives_a_snapshot_round_trip(session):
    """A snapshot restores the same state (what a restart loads)."""
    ann = session.join("Ann", "leernetwerk")
    session.dot(ann, "drijfveren", "impact")
    session.run(ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="Plan", owner="Ann"))
    session.run(FACILITATOR, c.Timer(action="set", seconds=300))
    assert from_snapshot(to_snapshot(session.state)) == session.state


def test_an_edit_without_owner_keeps_the_owner(session):
    """Leaving out the optional owner (and lane) of an edit keeps them, as the protocol says."""
    ann = session.join("Ann", "leernetwerk")
    (added,) = session.run(ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="Plan",
                                          owner="Ann"))
    session.run(ann, c.EditNote(board=BOARD, section="actie", note=added.note, base_version=1, text="Plan B"))
    note = session.state.boards[BOARD].notes["actie"][added.note]
    assert (note.text, note.owner, note.lane) == ("Plan B", "Ann", "leernetwerk-doen")


def test_join_takes_the_id_the_server_chose_and_never_twice(session):
    """The server may pick the newcomer's id (to store the token first); an id in use is refused."""
    (joined,) = session.run(SYSTEM, c.Join(name="Ann", group="leernetwerk", participant="p-ann"))
    assert joined.participant == "p-ann"
    assert refused(session, SYSTEM, c.Join(name="Bob", group="leernetwerk", participant="p-ann")) == ErrorCode.INVALID
