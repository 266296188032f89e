"""Rules of the stakeholder map: limits, clamping, versions, removal and restore, undo, checklist."""

from __future__ import annotations


import pytest

from boards import commands as c
from boards.actors import SYSTEM, Actor
from boards.errors import ErrorCode
from boards.state import to_snapshot
from tests.unit.boards.helpers import FACILITATOR, Session, refused

BOARD = "stakeholders"
MAP = {"board": BOARD, "section": "map"}


@pytest.fixture
def session() -> Session:
    return Session(boards=(BOARD,))


def items(session: Session) -> dict:
    return session.state.boards[BOARD].stakeholders["map"]


def add(session: Session, actor: Actor, category: str = "Onderzoekers", **kw) -> str:
    (event,) = session.run(actor, c.AddStakeholder(**MAP, category=category, **kw))
    return event.item.id


def test_a_stakeholder_is_placed_where_it_was_dropped_clamped_to_the_board(session):
    """Positions are kept as fractions of the map; out-of-range drops land on the edge."""
    ann = session.join("Ann", "deelnemer")
    first = add(session, ann, names="Hogeschool Utrecht", x=0.25, y=0.75)
    far = add(session, ann, "Management", x=7.5, y=-3)
    assert (items(session)[first].x, items(session)[first].y) == (0.25, 0.75)
    assert (items(session)[far].x, items(session)[far].y) == (1.0, 0.0)
    session.run(ann, c.MoveStakeholder(**MAP, item=first, x=0.9, y=0.1))
    assert (items(session)[first].x, items(session)[first].y) == (0.9, 0.1)


def test_texts_have_limits_and_a_category_is_required(session):
    """A blank category or an over-long one is refused; nothing is stored."""
    ann = session.join("Ann", "deelnemer")
    assert refused(session, ann, c.AddStakeholder(**MAP, category="  ")) == ErrorCode.INVALID
    assert refused(session, ann, c.AddStakeholder(**MAP, category="x" * 61)) == ErrorCode.INVALID
    assert refused(session, ann, c.AddStakeholder(**MAP, category="Zorg", names="y" * 201)) == ErrorCode.INVALID


def test_a_map_holds_a_maximum_of_stakeholders(session):
    """The 61st stakeholder is refused with limit_reached."""
    for i in range(60):
        add(session, FACILITATOR, f"Categorie {i}")
    assert refused(session, FACILITATOR, c.AddStakeholder(**MAP, category="Eén te veel")) == ErrorCode.LIMIT_REACHED


def test_removed_stakeholders_count_toward_what_a_map_may_hold(session):
    """Add/remove cycles stop at twice the map's maximum kept in all: a session cannot grow without bound."""
    ann = session.join("Ann", "deelnemer")
    for i in range(120):
        item = add(session, ann, f"Categorie {i}")
        session.run(ann, c.RemoveStakeholder(**MAP, item=item))
    assert refused(session, ann, c.AddStakeholder(**MAP, category="Nog één")) == ErrorCode.LIMIT_REACHED
    assert len(items(session)) == 120
    session.run(ann, c.RestoreStakeholder(**MAP, item=item))  # bringing one back still works
    assert sum(1 for s in items(session).values() if not s.removed) == 1


def test_restore_and_undo_respect_the_cap_of_live_stakeholders(session):
    """Add 60, remove 20, add 20, restore 20: the restores are refused, 60 stay on the map (not 80)."""
    removed = [add(session, FACILITATOR, f"Eerst {i}") for i in range(60)][:20]
    for item in removed:
        session.run(FACILITATOR, c.RemoveStakeholder(**MAP, item=item))
    for i in range(20):
        add(session, FACILITATOR, f"Later {i}")
    codes = {refused(session, FACILITATOR, c.RestoreStakeholder(**MAP, item=item)) for item in removed}
    assert codes == {ErrorCode.LIMIT_REACHED}
    assert sum(1 for s in items(session).values() if not s.removed) == 60


def test_undo_of_a_removal_is_refused_when_the_map_is_full(session):
    """Undoing one's removal brings the stakeholder back, so it needs room on the map."""
    ann = session.join("Ann", "deelnemer")
    first = add(session, ann, "Van Ann")
    session.run(ann, c.RemoveStakeholder(**MAP, item=first))
    for i in range(60):
        add(session, FACILITATOR, f"Categorie {i}")
    assert refused(session, ann, c.Undo(board=BOARD)) == ErrorCode.LIMIT_REACHED
    assert items(session)[first].removed


def test_knowledge_tags_are_checked_and_kept_in_template_order(session):
    """Only the card's three kinds of knowledge can be tagged."""
    ann = session.join("Ann", "deelnemer")
    item = add(session, ann)
    session.run(ann, c.EditStakeholder(**MAP, item=item, base_version=1, category="Onderzoekers",
                                       knowledge=["wetenschappelijk", "ervaringskennis"]))
    assert items(session)[item].knowledge == ["ervaringskennis", "wetenschappelijk"]
    assert refused(session, ann, c.EditStakeholder(**MAP, item=item, base_version=2, category="Onderzoekers",
                                                   knowledge=["intuïtie"])) == ErrorCode.NOT_FOUND


def test_two_edits_from_the_same_version_one_wins_the_other_is_told(session):
    """Concurrent typing on one post-it: the second save gets edit_conflict, not a silent overwrite."""
    ann, bob = session.join("Ann", "deelnemer"), session.join("Bob", "deelnemer")
    item = add(session, ann, "Cliënten")
    session.run(bob, c.EditStakeholder(**MAP, item=item, base_version=1, category="Cliënten en naasten"))
    assert refused(session, ann, c.EditStakeholder(**MAP, item=item, base_version=1, category="Cliëntenraad")) \
        == ErrorCode.EDIT_CONFLICT
    assert items(session)[item].category == "Cliënten en naasten"


def test_moves_do_not_conflict_with_text_edits(session):
    """Dragging a post-it does not make someone's open text edit stale."""
    ann, bob = session.join("Ann", "deelnemer"), session.join("Bob", "deelnemer")
    item = add(session, ann)
    session.run(bob, c.MoveStakeholder(**MAP, item=item, x=0.1, y=0.2))
    session.run(ann, c.EditStakeholder(**MAP, item=item, base_version=1, category="Onderzoekers UU"))


def test_matrix_place_needs_both_axes(session):
    """Influence and interest go together; values are clamped to the matrix."""
    ann = session.join("Ann", "deelnemer")
    item = add(session, ann)
    assert refused(session, ann, c.PlaceInMatrix(**MAP, item=item, influence=0.5, interest=None)) \
        == ErrorCode.INVALID
    session.run(ann, c.PlaceInMatrix(**MAP, item=item, influence=1.4, interest=0.3))
    assert (items(session)[item].influence, items(session)[item].interest) == (1.0, 0.3)


def test_not_relevant_is_reversible_only_by_who_marked_it_or_the_facilitator(session):
    """Marking not relevant keeps the stakeholder; another participant cannot bring it back."""
    ann, bob = session.join("Ann", "deelnemer"), session.join("Bob", "deelnemer")
    item = add(session, ann)
    session.run(bob, c.SetRelevant(**MAP, item=item, relevant=False))
    assert item in items(session) and not items(session)[item].relevant
    assert refused(session, ann, c.SetRelevant(**MAP, item=item, relevant=True)) == ErrorCode.FORBIDDEN
    session.run(FACILITATOR, c.SetRelevant(**MAP, item=item, relevant=True))
    assert items(session)[item].relevant


def test_participants_cannot_delete_or_restore_others_items(session):
    """Only the author or the facilitator removes; only the remover or the facilitator restores."""
    ann, bob = session.join("Ann", "deelnemer"), session.join("Bob", "deelnemer")
    item = add(session, ann)
    assert refused(session, bob, c.RemoveStakeholder(**MAP, item=item)) == ErrorCode.FORBIDDEN
    session.run(ann, c.RemoveStakeholder(**MAP, item=item))
    assert items(session)[item].removed
    assert refused(session, bob, c.RestoreStakeholder(**MAP, item=item)) == ErrorCode.FORBIDDEN
    assert refused(session, bob, c.MoveStakeholder(**MAP, item=item, x=0, y=0)) == ErrorCode.NOT_FOUND
    session.run(FACILITATOR, c.RestoreStakeholder(**MAP, item=item))
    assert not items(session)[item].removed


def test_references_to_missing_stakeholders_are_not_found(session):
    """Moving, tagging or annotating a stakeholder that does not exist is refused."""
    ann = session.join("Ann", "deelnemer")
    assert refused(session, ann, c.MoveStakeholder(**MAP, item="nope", x=0, y=0)) == ErrorCode.NOT_FOUND
    assert refused(session, ann, c.AddAttachedNote(**MAP, item="nope", kind="belang", text="x")) \
        == ErrorCode.NOT_FOUND


def test_belangen_and_behoeften_attach_to_a_stakeholder(session):
    """Notes of the two kinds travel with their stakeholder; others cannot edit them."""
    ann, bob = session.join("Ann", "deelnemer"), session.join("Bob", "deelnemer")
    item = add(session, ann)
    (saved,) = session.run(bob, c.AddAttachedNote(**MAP, item=item, kind="belang", text="Kennis delen"))
    (note_id,) = saved.item.notes
    session.run(ann, c.MoveStakeholder(**MAP, item=item, x=0.3, y=0.3))
    assert items(session)[item].notes[note_id].text == "Kennis delen"
    assert refused(session, ann, c.EditAttachedNote(**MAP, item=item, note=note_id, base_version=1, text="Weg")) \
        == ErrorCode.FORBIDDEN
    assert refused(session, bob, c.AddAttachedNote(**MAP, item=item, kind="zorg", text="x")) == ErrorCode.NOT_FOUND
    session.run(bob, c.EditAttachedNote(**MAP, item=item, note=note_id, base_version=1, text="Kennis borgen"))
    session.run(FACILITATOR, c.RemoveAttachedNote(**MAP, item=item, note=note_id))
    assert items(session)[item].notes == {}


def test_undo_takes_back_the_senders_own_last_change(session):
    """Undo restores the stakeholder as it was before the sender's change, step by step."""
    ann = session.join("Ann", "deelnemer")
    item = add(session, ann, x=0.2, y=0.2)
    session.run(ann, c.MoveStakeholder(**MAP, item=item, x=0.8, y=0.8))
    session.run(ann, c.Undo(board=BOARD))
    assert (items(session)[item].x, items(session)[item].y) == (0.2, 0.2)
    session.run(ann, c.Undo(board=BOARD))  # undoing the add removes it (softly)
    assert items(session)[item].removed
    assert refused(session, ann, c.Undo(board=BOARD)) == ErrorCode.NOT_FOUND


def test_undo_refuses_when_someone_else_changed_it_since(session):
    """Undo never throws away another person's later change."""
    ann, bob = session.join("Ann", "deelnemer"), session.join("Bob", "deelnemer")
    item = add(session, ann)
    session.run(bob, c.MoveStakeholder(**MAP, item=item, x=0.9, y=0.9))
    assert refused(session, ann, c.Undo(board=BOARD)) == ErrorCode.EDIT_CONFLICT
    session.run(bob, c.Undo(board=BOARD))
    assert (items(session)[item].x, items(session)[item].y) == (0.5, 0.5)


def test_checklist_is_shared_and_viewers_change_nothing(session):
    """Anyone ticks the card's questions; the projector cannot."""
    ann = session.join("Ann", "deelnemer")
    session.run(ann, c.SetCheck(board=BOARD, section="aannames", item="compleet", checked=True))
    assert session.state.boards[BOARD].checks["aannames"]["compleet"] is True
    assert refused(session, Actor("viewer"), c.SetCheck(board=BOARD, section="aannames", item="duidelijk",
                                                        checked=True)) == ErrorCode.FORBIDDEN
    assert refused(session, ann, c.SetCheck(board=BOARD, section="aannames", item="nope", checked=True)) \
        == ErrorCode.NOT_FOUND


def test_joining_uses_the_first_boards_groups(session):
    """A stakeholder-only session has its own group; Samenspel's groups are not offered."""
    assert refused(session, SYSTEM, c.Join(name="Ann", group="leernetwerk")) == ErrorCode.UNKNOWN_GROUP


def test_a_stakeholder_map_survives_a_snapshot_round_trip(session):
    """Items, attached notes, checks and undo stacks restore as they were."""
    from boards.state import from_snapshot

    ann = session.join("Ann", "deelnemer")
    item = add(session, ann)
    session.run(ann, c.AddAttachedNote(**MAP, item=item, kind="behoefte", text="Tijd"))
    session.run(ann, c.SetCheck(board=BOARD, section="aannames", item="compleet", checked=True))
    assert from_snapshot(to_snapshot(session.state)) == session.state
