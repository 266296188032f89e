"""Rules of card 1's Concretiseren: versions by the facilitator, word marks by participants."""

from __future__ import annotations

import pytest

from boards import commands as c
from boards.errors import ErrorCode
from boards.summary import summarise
from tests.unit.boards.helpers import FACILITATOR, Session, refused

BOARD = "ambitie"
DRAFT = {"board": BOARD, "section": "concreet"}


@pytest.fixture
def session() -> Session:
    s = Session(boards=(BOARD,))
    s.run(FACILITATOR, c.SetStep(board=BOARD, step="concretiseren"))
    return s


def test_every_version_is_kept_in_order_with_its_marks(session):
    """A new version starts unmarked; the old one keeps its marks; the summary lists both."""
    eva = session.join("Eva", "deelnemer")
    session.run(FACILITATOR, c.WriteDraft(**DRAFT, text="Goede zorg  voor iedereen"))
    session.run(eva, c.MarkWord(**DRAFT, version=0, word=0, marked=True))
    session.run(FACILITATOR, c.WriteDraft(**DRAFT, text="Hulp binnen vier weken"))
    versions = summarise(session.state)["boards"][0]["drafts"][0]["versions"]
    assert [[(w["word"], w["marks"]) for w in v["words"]] for v in versions] == [
        [("Goede", 1), ("zorg", 0), ("voor", 0), ("iedereen", 0)],
        [("Hulp", 0), ("binnen", 0), ("vier", 0), ("weken", 0)]]


def test_only_the_newest_versions_existing_words_are_marked(session):
    """A mark on an older version or past the last word is refused; nothing is stored."""
    eva = session.join("Eva", "deelnemer")
    session.run(FACILITATOR, c.WriteDraft(**DRAFT, text="Een twee"))
    session.run(FACILITATOR, c.WriteDraft(**DRAFT, text="Drie vier"))
    assert refused(session, eva, c.MarkWord(**DRAFT, version=0, word=0, marked=True)) == ErrorCode.NOT_FOUND
    assert refused(session, eva, c.MarkWord(**DRAFT, version=1, word=2, marked=True)) == ErrorCode.NOT_FOUND
    assert session.run(eva, c.MarkWord(**DRAFT, version=1, word=1, marked=False)) == []


def test_the_facilitator_writes_and_participants_mark(session):
    """Writing a version is the facilitator's; marking is a participant's own (no proxy marks)."""
    eva = session.join("Eva", "deelnemer")
    assert refused(session, eva, c.WriteDraft(**DRAFT, text="Mijn versie")) == ErrorCode.FORBIDDEN
    session.run(FACILITATOR, c.WriteDraft(**DRAFT, text="Een zin"))
    assert refused(session, FACILITATOR, c.MarkWord(**DRAFT, version=0, word=0, marked=True)) == ErrorCode.FORBIDDEN
    assert refused(session, FACILITATOR, c.WriteDraft(**DRAFT, text="   ")) == ErrorCode.INVALID
    assert refused(session, FACILITATOR, c.WriteDraft(**DRAFT, text="x " * 201)) == ErrorCode.INVALID


def test_words_are_marked_only_in_the_concretiseren_step(session):
    """In step 4 (the ambition) a participant's mark is refused with not_in_step."""
    eva = session.join("Eva", "deelnemer")
    session.run(FACILITATOR, c.WriteDraft(**DRAFT, text="Een zin"))
    session.run(FACILITATOR, c.SetStep(board=BOARD, step="ambitie"))
    assert refused(session, eva, c.MarkWord(**DRAFT, version=0, word=0, marked=True)) == ErrorCode.NOT_IN_STEP
