"""Rules of the agreements ("Waardencontract ... JA = AFSPRAAK!"): seeded values, added ones,
confirmations per person (anonymous counts, own marks), an agreement at the threshold or with
everyone, and the facilitator's edits."""

from __future__ import annotations

import pytest

from boards import commands as c
from boards.errors import ErrorCode
from boards.projection import all_progress, event_view, own_dots
from boards.summary import summarise
from server import export
from tests.unit.boards.helpers import FACILITATOR, Session, refused

BOARD = "kickoff"
A = {"board": BOARD, "section": "contract"}


@pytest.fixture
def session() -> Session:
    return Session(boards=(BOARD,))


def contract(session):
    return session.state.boards[BOARD].agreements["contract"]


def progress(session):
    (body,) = [p for p in all_progress(session.state, "others") if p["section"] == "contract"]
    return body


def test_the_seeded_values_are_there_and_everyone_confirming_makes_an_agreement(session):
    eva, finn = session.join("Eva", "deelnemer"), session.join("Finn", "deelnemer")
    assert list(contract(session).items)[:3] == ["er_zijn", "verantwoordelijkheid", "veiligheid"]
    session.run(eva, c.ConfirmAgreement(**A, item="veiligheid"))
    assert progress(session) == {"board": BOARD, "section": "contract", "people": 2, "need": 2, "agreed": []}
    (event,) = session.run(finn, c.ConfirmAgreement(**A, item="veiligheid"))
    assert progress(session)["agreed"] == ["veiligheid"]
    assert "participant" not in event_view(_record(session, event), "others", False)["event"]
    assert own_dots(session.state, eva.participant)[BOARD]["contract"] == ["veiligheid"]
    session.run(finn, c.ConfirmAgreement(**A, item="veiligheid", on=False))
    assert progress(session)["agreed"] == [] and contract(session).counts == {"veiligheid": 1}
    session.join("Gijs", "deelnemer")
    assert progress(session)["need"] == 3


def _record(session, event):
    from boards.events import Record
    return Record(seq=session.state.seq, at=session.now, event=event)


def test_bad_input_is_refused_and_nothing_stored(session):
    """Unknown item: not_found; an edit by a participant: forbidden; over-length: invalid; blank:
    empty_answer; the same again: duplicate_answer; the facilitator confirms nothing (forbidden)."""
    eva = session.join("Eva", "deelnemer")
    assert refused(session, eva, c.ConfirmAgreement(**A, item="nope")) == ErrorCode.NOT_FOUND
    assert refused(session, eva, c.EditAgreement(**A, item="veiligheid", text="Anders")) == ErrorCode.FORBIDDEN
    assert refused(session, eva, c.EditAgreement(**A, item="veiligheid", hidden=True)) == ErrorCode.FORBIDDEN
    assert refused(session, eva, c.AddAgreement(**A, text="x" * 121)) == ErrorCode.INVALID
    assert refused(session, eva, c.AddAgreement(**A, text="  ")) == ErrorCode.EMPTY_ANSWER
    assert refused(session, eva, c.AddAgreement(**A, text="veiligheid")) == ErrorCode.DUPLICATE_ANSWER
    assert refused(session, FACILITATOR, c.ConfirmAgreement(**A, item="veiligheid")) == ErrorCode.FORBIDDEN
    (saved,) = session.run(eva, c.AddAgreement(**A, text="<script>alert(1)</script>"))
    assert saved.item.text == "<script>alert(1)</script>"  # kept as text; screens show it as text
    session.run(FACILITATOR, c.EditAgreement(**A, item="deelgever", hidden=True))
    assert refused(session, eva, c.ConfirmAgreement(**A, item="deelgever")) == ErrorCode.NOT_FOUND
    for n in range(30 - len(contract(session).items)):
        session.run(FACILITATOR, c.AddAgreement(**A, text=f"Regel {n}"))
    assert refused(session, FACILITATOR, c.AddAgreement(**A, text="Eenendertig")) == ErrorCode.LIMIT_REACHED


def test_a_closed_contract_takes_additions_from_the_facilitator_only(session):
    import msgspec
    from boards.templates import TEMPLATES
    spec = TEMPLATES[BOARD]
    closed = tuple(msgspec.structs.replace(s, open=False, threshold=1) if s.id == "contract" else s
                   for s in spec.sections)
    TEMPLATES[BOARD] = msgspec.structs.replace(spec, sections=closed)
    try:
        eva, _ = session.join("Eva", "deelnemer"), session.join("Finn", "deelnemer")
        assert refused(session, eva, c.AddAgreement(**A, text="Luisteren")) == ErrorCode.FORBIDDEN
        session.run(FACILITATOR, c.AddAgreement(**A, text="Luisteren"))
        session.run(eva, c.ConfirmAgreement(**A, item="er_zijn"))
        assert progress(session)["agreed"] == ["er_zijn"]  # threshold 1 of 2
    finally:
        TEMPLATES[BOARD] = spec


def test_the_step_rules_and_a_removal(session):
    s = Session(boards=(BOARD,), on_paper=False)
    eva, finn = s.join("Eva", "deelnemer"), s.join("Finn", "deelnemer")
    s.run(FACILITATOR, c.SetStep(board=BOARD, step="opening"))
    assert refused(s, eva, c.ConfirmAgreement(board=BOARD, section="contract", item="er_zijn")) == ErrorCode.NOT_IN_STEP
    s.run(FACILITATOR, c.SetStep(board=BOARD, step="afspraken"))
    for who in (eva, finn):
        s.run(who, c.ConfirmAgreement(board=BOARD, section="contract", item="er_zijn"))
    s.run(FACILITATOR, c.SetLocked(board=BOARD, section="contract", locked=True))
    assert refused(s, eva, c.ConfirmAgreement(board=BOARD, section="contract", item="plezier")) == ErrorCode.SECTION_LOCKED
    s.run(FACILITATOR, c.RemoveParticipant(participant=finn.participant, with_content=True))
    assert s.state.boards[BOARD].agreements["contract"].counts == {"er_zijn": 1}
    summary = summarise(s.state, "shared")["boards"][0]["agreements"][0]
    assert summary["need"] == 1 and [i["id"] for i in summary["items"] if i["agreed"]] == ["er_zijn"]
    files = export.csv_files(summarise(s.state, "facilitator"), "en")
    assert b"Being there;1;ja;nee" in files["agreements.csv"]
