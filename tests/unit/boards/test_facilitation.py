"""The session's script: steps drive what participants may do, time-up locks, proxies, close."""

from __future__ import annotations

import pytest

from boards import commands as c
from boards import timer
from boards.actors import SYSTEM
from boards.differ import compare
from boards.errors import ErrorCode
from boards.projection import dot_progress, event_view, masked_for_others, session_view
from boards.events import Record
from boards.templates.samenspel import SAMENSPEL
from tests.unit.boards.helpers import BOARD, FACILITATOR, Session, refused

DRIJFVEREN = SAMENSPEL.section("drijfveren")


@pytest.fixture
def session() -> Session:
    return Session()


@pytest.fixture
def held() -> Session:
    return Session(on_paper=False)  # as created: hold on


def step(session: Session, step_id: str | None) -> None:
    session.run(FACILITATOR, c.SetStep(step=step_id))


def place(session: Session, actor, section: str, option: str, proxy: str | None = None) -> list:
    return session.run(actor, c.PlaceDot(board=BOARD, section=section, option=option, proxy=proxy))


def test_participants_cannot_vote_before_the_first_step(held):
    """With hold on, before step 1 participants look: dots (also hidden ones) and notes wait."""
    ann = held.join("Ann", "leernetwerk")
    held.run(FACILITATOR, c.SetHidden(board=BOARD, section="pijlers", hidden=True))
    assert refused(held, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) == ErrorCode.NOT_STARTED
    assert refused(held, ann, c.PlaceDot(board=BOARD, section="pijlers", option="tijd")) == ErrorCode.NOT_STARTED
    assert refused(held, ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="x")) \
        == ErrorCode.NOT_STARTED
    held.run(FACILITATOR, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="Plan"))


def test_with_hold_off_the_board_is_open_before_the_first_step(held):
    """Hold off and no step: every section is open to participants, as on paper."""
    ann = held.join("Ann", "leernetwerk")
    held.run(FACILITATOR, c.SetHold(hold=False))
    place(held, ann, "pijlers", "tijd")
    held.run(ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="Plan"))


def test_a_step_refuses_what_it_does_not_allow(session):
    """In step 1 (presenting the ambition) nobody places dots or writes actions."""
    ann = session.join("Ann", "leernetwerk")
    step(session, "ambitie")
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) == ErrorCode.NOT_IN_STEP
    assert refused(session, ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="x")) \
        == ErrorCode.NOT_IN_STEP


def test_hold_keeps_participants_on_the_current_steps_section(held):
    """In step 2 the Drijfveren are open and the pillars wait; without hold both are open."""
    ann = held.join("Ann", "leernetwerk")
    step(held, "drijfveren")
    place(held, ann, "drijfveren", "impact")
    assert refused(held, ann, c.PlaceDot(board=BOARD, section="pijlers", option="tijd")) == ErrorCode.NOT_IN_STEP
    held.run(FACILITATOR, c.SetHold(hold=False))
    place(held, ann, "pijlers", "tijd")


def test_dots_of_an_earlier_step_cannot_change_after_the_step_moved_on(held):
    """Step 3 holds the group there: a Drijfveren dot can be neither placed nor taken back."""
    ann = held.join("Ann", "leernetwerk")
    step(held, "drijfveren")
    place(held, ann, "drijfveren", "impact")
    step(held, "pijlers")
    assert refused(held, ann, c.RemoveDot(board=BOARD, section="drijfveren", option="impact")) \
        == ErrorCode.NOT_IN_STEP


def test_facilitator_locks_and_unlocks_a_section(session):
    """A locked section refuses participants' dots; unlocking opens it again."""
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.SetLocked(board=BOARD, section="drijfveren", locked=True))
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) \
        == ErrorCode.SECTION_LOCKED
    session.run(FACILITATOR, c.SetLocked(board=BOARD, section="drijfveren", locked=False))
    place(session, ann, "drijfveren", "impact")


def test_choosing_a_step_sets_the_timer_to_its_minutes_and_clears_time_up(session):
    """After a time-up, the next step shows its own clock, not "0:00 Tijd is om"."""
    step(session, "drijfveren")
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 20 * 60_000
    session.run(SYSTEM, c.ExpireTimer())
    assert session.state.timer.expired
    step(session, "pijlers")
    t = session.state.timer
    assert not t.expired and not timer.is_running(t) and t.remaining_ms == 20 * 60_000


def test_time_up_locks_the_step_section_and_reveals_a_hidden_tally(session):
    """Step 2's time-up locks the Drijfveren and reveals them if they were hidden, in one go."""
    ann = session.join("Ann", "leernetwerk")
    step(session, "drijfveren")
    session.run(FACILITATOR, c.SetHidden(board=BOARD, section="drijfveren", hidden=True))
    place(session, ann, "drijfveren", "impact")
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 20 * 60_000 + 1
    events = session.run(SYSTEM, c.ExpireTimer())
    assert [type(ev).__name__ for ev in events] == ["TimerExpired", "SectionLockSet", "VisibilitySet"]
    vote = session.state.boards[BOARD].dots["drijfveren"]
    assert not vote.hidden and "drijfveren" in session.state.boards[BOARD].locked
    assert events[2].counts == {"impact": {"leernetwerk": 1}}
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="tijd")) \
        == ErrorCode.SECTION_LOCKED


def test_time_up_of_a_step_without_action_locks_nothing(session):
    """Step 4's time-up leaves the actions open (the conversation goes on)."""
    step(session, "actie")
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 20 * 60_000
    events = session.run(SYSTEM, c.ExpireTimer())
    assert [type(ev).__name__ for ev in events] == ["TimerExpired"]


def test_step_minutes_are_editable_and_drive_the_timer(session):
    """Planned minutes changed before the step is chosen, and of the current step before its start."""
    session.run(FACILITATOR, c.SetStepMinutes(board=BOARD, step="drijfveren", minutes=15))
    step(session, "drijfveren")
    assert session.state.timer.remaining_ms == 15 * 60_000
    session.run(FACILITATOR, c.SetStepMinutes(board=BOARD, step="drijfveren", minutes=12))
    assert session.state.timer.remaining_ms == 12 * 60_000


def test_start_with_seconds_starts_what_the_panel_shows(session):
    """Typing 1 minute while 2:57 are left and pressing Start runs 1:00, not 2:57."""
    session.run(FACILITATOR, c.Timer(action="set", seconds=180))
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 3_000
    session.run(FACILITATOR, c.Timer(action="pause"))
    session.run(FACILITATOR, c.Timer(action="start", seconds=60))
    assert timer.remaining(session.state.timer, session.now) == 60_000
    assert timer.is_running(session.state.timer)


def test_add_a_minute_while_paused_stays_paused_and_reset_returns_to_the_set_time(session):
    """+1 min on a paused 2:57 gives a paused 3:57; reset then goes back to 2:00 (the time set)."""
    session.run(FACILITATOR, c.Timer(action="set", seconds=120))
    session.run(FACILITATOR, c.Timer(action="start"))
    session.now += 3_000
    session.run(FACILITATOR, c.Timer(action="pause"))
    session.run(FACILITATOR, c.Timer(action="add"))
    t = session.state.timer
    assert t.paused and not timer.is_running(t) and t.remaining_ms == 177_000
    session.run(FACILITATOR, c.Timer(action="reset"))
    assert session.state.timer.remaining_ms == 120_000 and not session.state.timer.paused


def test_reset_goes_back_to_the_steps_minutes(session):
    """With a step current, reset returns to its planned minutes."""
    step(session, "pijlers")
    session.run(FACILITATOR, c.Timer(action="start", seconds=30))
    session.run(FACILITATOR, c.Timer(action="reset"))
    assert session.state.timer.remaining_ms == 20 * 60_000


def test_proxy_dots_count_in_their_groups_tally_within_the_same_budget(session):
    """The facilitator places three dots for a person in the room; a fourth is refused."""
    (joined,) = session.run(FACILITATOR, c.AddProxy(group="management"))
    assert joined.proxy and joined.name == "Gast 1"
    for option in ("zingeving", "impact", "autonomie"):
        place(session, FACILITATOR, "drijfveren", option, proxy=joined.participant)
    counts = session.state.boards[BOARD].dots["drijfveren"].counts
    assert counts["impact"] == {"management": 1}
    assert refused(session, FACILITATOR, c.PlaceDot(board=BOARD, section="drijfveren", option="kwaliteit",
                                                      proxy=joined.participant)) == ErrorCode.BUDGET_EXHAUSTED


def test_proxy_dots_from_a_participant_are_refused(session):
    """Only the facilitator places dots for someone else, and only for a person in the room."""
    ann = session.join("Ann", "leernetwerk")
    bob = session.join("Bob", "leernetwerk")
    (guest,) = session.run(FACILITATOR, c.AddProxy(group="leernetwerk", name="Els"))
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="impact",
                                            proxy=guest.participant)) == ErrorCode.FORBIDDEN
    assert refused(session, FACILITATOR, c.PlaceDot(board=BOARD, section="drijfveren", option="impact",
                                                      proxy=bob.participant)) == ErrorCode.NOT_FOUND


def test_proxy_dots_follow_the_step_and_the_locks(session):
    """A proxy's dot in a locked section is refused like anyone's."""
    (guest,) = session.run(FACILITATOR, c.AddProxy(group="leernetwerk"))
    session.run(FACILITATOR, c.SetLocked(board=BOARD, section="pijlers", locked=True))
    assert refused(session, FACILITATOR, c.PlaceDot(board=BOARD, section="pijlers", option="tijd",
                                                      proxy=guest.participant)) == ErrorCode.SECTION_LOCKED


def test_only_the_facilitator_sees_who_is_a_proxy(session):
    """Participants see a person in the room as anyone else; the facilitator sees the flag."""
    session.run(FACILITATOR, c.AddProxy(group="leernetwerk", name="Els"))
    (pid,) = session.state.participants
    assert session_view(session.state, "facilitator", None)["participants"][pid]["proxy"] is True
    assert "proxy" not in session_view(session.state, "others", None)["participants"][pid]


def test_removing_a_participant_with_content_takes_their_dots_and_notes(session):
    """Removal with content lowers the tallies and removes their post-its; the person is gone."""
    ann = session.join("Ann", "leernetwerk")
    place(session, ann, "drijfveren", "impact")
    session.run(ann, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="Plan"))
    session.run(FACILITATOR, c.RemoveParticipant(participant=ann.participant, with_content=True))
    board = session.state.boards[BOARD]
    assert board.dots["drijfveren"].counts == {} and board.notes["actie"] == {}
    assert ann.participant not in session.state.participants
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="tijd")) == ErrorCode.BAD_TOKEN


def test_removing_a_participant_without_content_keeps_their_dots(session):
    """Without content, the dots they placed stay in the tally."""
    ann = session.join("Ann", "leernetwerk")
    place(session, ann, "drijfveren", "impact")
    session.run(FACILITATOR, c.RemoveParticipant(participant=ann.participant))
    assert session.state.boards[BOARD].dots["drijfveren"].counts == {"impact": {"leernetwerk": 1}}


def test_a_locked_join_code_refuses_newcomers(session):
    """Locked joining refuses a join; opening it again lets people in."""
    session.run(FACILITATOR, c.SetJoining(open=False))
    assert refused(session, SYSTEM, c.Join(name="Ann", group="leernetwerk")) == ErrorCode.JOINING_CLOSED
    session.run(FACILITATOR, c.SetJoining(open=True))
    session.join("Ann", "leernetwerk")


def test_check_out_is_seen_by_the_facilitator_only(session):
    """A check-out answer is masked for everyone but the facilitator."""
    ann = session.join("Ann", "leernetwerk")
    (ev,) = session.run(ann, c.CheckOut(rating=4, text="Goed gesprek"))
    record = Record(seq=session.state.seq, at=session.now, event=ev)
    masked = masked_for_others(record, session.state)
    assert event_view(record, "others", masked)["event"] == {"type": "masked"}
    assert event_view(record, "facilitator", masked)["event"]["text"] == "Goed gesprek"
    assert session.state.checkouts[ann.participant].rating == 4
    assert "checkouts" not in session_view(session.state, "others", ann.participant)


def test_a_closed_session_is_read_only_for_everyone(session):
    """After close: no dots, no facilitator commands, no joins; the timer stopped."""
    ann = session.join("Ann", "leernetwerk")
    session.run(FACILITATOR, c.Timer(action="set", seconds=60))
    session.run(FACILITATOR, c.Timer(action="start"))
    session.run(FACILITATOR, c.CloseSession())
    assert not timer.is_running(session.state.timer)
    assert refused(session, ann, c.PlaceDot(board=BOARD, section="drijfveren", option="impact")) \
        == ErrorCode.SESSION_CLOSED
    assert refused(session, FACILITATOR, c.SetStep(step="pijlers")) == ErrorCode.SESSION_CLOSED
    assert refused(session, SYSTEM, c.Join(name="Bo", group="leernetwerk")) == ErrorCode.SESSION_CLOSED


def test_progress_counts_who_has_placed_all_dots_per_group(session):
    """Everyone sees how many per group are done; only the facilitator sees who."""
    ann = session.join("Ann", "leernetwerk")
    session.join("Bob", "management")
    for option in ("zingeving", "impact", "autonomie"):
        place(session, ann, "drijfveren", option)
    others = dot_progress(session.state, BOARD, DRIJFVEREN, "others")
    assert others == {"board": BOARD, "section": "drijfveren", "done": {"leernetwerk": 1}}
    assert dot_progress(session.state, BOARD, DRIJFVEREN, "facilitator")["finished"] == [ann.participant]


def test_facilitator_snapshot_of_a_hidden_section_has_the_true_counts(session):
    """Dots placed before and after hiding both count on the facilitator's screen."""
    ann = session.join("Ann", "leernetwerk")
    bob = session.join("Bob", "management")
    place(session, ann, "drijfveren", "impact")
    session.run(FACILITATOR, c.SetHidden(board=BOARD, section="drijfveren", hidden=True))
    place(session, bob, "drijfveren", "impact")
    view = session_view(session.state, "facilitator", None)
    assert view["boards"][BOARD]["dots"]["drijfveren"]["counts"] == {"impact": {"leernetwerk": 1, "management": 1}}
    assert session_view(session.state, "others", None)["boards"][BOARD]["dots"]["drijfveren"]["counts"] == {}


def test_differ_marks_common_ground_and_the_widest_difference(session):
    """Both groups value Impact most (common ground); Autonomie is the leernetwerk's alone."""
    lern = [session.join(f"L{i}", "leernetwerk") for i in range(2)]
    mgmt = [session.join(f"M{i}", "management") for i in range(2)]
    for person in lern:
        place(session, person, "drijfveren", "impact")
        place(session, person, "drijfveren", "autonomie")
    for person in mgmt:
        place(session, person, "drijfveren", "impact")
        place(session, person, "drijfveren", "resultaat")
    rows = {r.option: r for r in compare(DRIJFVEREN, session.state.boards[BOARD].dots["drijfveren"], SAMENSPEL.groups)}
    assert rows["impact"].mark == "agree" and rows["impact"].shares == {"leernetwerk": 0.5, "management": 0.5}
    assert rows["autonomie"].mark == "differ" and rows["resultaat"].mark == "differ"
    assert rows["autonomie"].gap == 0.5 and rows["zingeving"].mark == ""


def test_differ_marks_nothing_until_both_groups_voted(session):
    """With only one group's dots there is nothing to compare yet."""
    ann = session.join("Ann", "leernetwerk")
    place(session, ann, "drijfveren", "impact")
    rows = compare(DRIJFVEREN, session.state.boards[BOARD].dots["drijfveren"], SAMENSPEL.groups)
    assert all(r.mark == "" for r in rows)


def test_a_log_from_before_steps_named_their_board_still_folds(session):
    """An old step_set without a board finds the board that has the step."""
    from boards.engine import apply
    from boards.events import StepSet
    apply(session.state, Record(seq=session.state.seq + 1, at=session.now, event=StepSet(step="pijlers")))
    assert session.state.step_board == BOARD
