"""Anonymity by projection: nobody learns who placed a dot; hidden sections stay hidden."""

from __future__ import annotations

from boards import commands as c
from boards.events import Record
from boards.projection import event_view, masked_for_others, own_dots, session_view
from tests.unit.boards.helpers import BOARD, FACILITATOR, Session


def _record(session: Session, events: list) -> Record:
    return Record(seq=session.state.seq, at=session.now, event=events[-1])


def test_dot_events_carry_the_group_not_the_person():
    """Every audience sees the group colour of a dot, never the participant."""
    s = Session()
    ann = s.join("Ann", "leernetwerk")
    record = _record(s, s.dot(ann, "drijfveren", "impact"))
    for audience in ("facilitator", "others"):
        view = event_view(record, audience, masked_for_others(record, s.state))
        assert view["event"] == {"type": "dot_placed", "board": BOARD, "section": "drijfveren",
                                 "option": "impact", "group": "leernetwerk"}
        assert ann.participant not in repr(view)


def test_session_view_has_counts_and_no_voters():
    """The whole-session view shows counts per group and no by-person data."""
    s = Session()
    ann = s.join("Ann", "leernetwerk")
    s.dot(ann, "drijfveren", "impact")
    view = session_view(s.state, "others", None)
    dots = view["boards"][BOARD]["dots"]["drijfveren"]
    assert dots["counts"] == {"impact": {"leernetwerk": 1}}
    assert "by_person" not in repr(view)
    assert own_dots(s.state, ann.participant)[BOARD]["drijfveren"] == ["impact"]


def test_hidden_section_is_masked_for_participants_until_reveal():
    """While hidden, participants get a masked event and no counts; the facilitator sees them."""
    s = Session()
    ann = s.join("Ann", "leernetwerk")
    s.run(FACILITATOR, c.SetHidden(board=BOARD, section="drijfveren", hidden=True))
    record = _record(s, s.dot(ann, "drijfveren", "impact"))
    masked = masked_for_others(record, s.state)
    assert event_view(record, "others", masked)["event"] == {"type": "masked"}
    assert event_view(record, "facilitator", masked)["event"]["option"] == "impact"
    assert session_view(s.state, "others", None)["boards"][BOARD]["dots"]["drijfveren"]["counts"] == {}
    assert session_view(s.state, "facilitator", None)["boards"][BOARD]["dots"]["drijfveren"]["counts"] != {}
    s.run(FACILITATOR, c.SetHidden(board=BOARD, section="drijfveren", hidden=False))
    assert masked_for_others(record, s.state) is False  # after the reveal: so remember it at the time
