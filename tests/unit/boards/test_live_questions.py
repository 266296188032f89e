"""The live questions of the kick-off: the word cloud and the open question (boards/kinds/wordcloud.py,
openquestion.py): caps, normalising, anonymity, hiding, merging, pinning."""

from __future__ import annotations

from boards import commands as c
from boards.actors import Actor
from boards.errors import ErrorCode
from boards.kinds.words import normalise
from boards.projection import event_view, masked_for_others, session_view
from boards.events import Record
from boards.summary import summarise
from tests.unit.boards.helpers import FACILITATOR, Session, refused

KO = "kickoff"


def kickoff() -> tuple[Session, Actor, Actor]:
    s = Session(boards=(KO,))
    return s, s.join("Ilse", "deelnemer"), s.join("Joost", "deelnemer")


def word(actor_text: str) -> c.AddWord:
    return c.AddWord(board=KO, section="thema", word=actor_text)


def test_words_are_counted_after_normalising_case_spaces_punctuation_and_stop_words():
    """"De  Samenwerking!" and "samenwerking" are one word in the cloud, "the" alone is nothing."""
    assert normalise("  De  Samenwerking! ") == "samenwerking"
    assert normalise("Lerend   Netwerk") == "lerend netwerk"
    assert normalise("the") == "" and normalise("de het een") == ""
    assert normalise("niet samen") == "niet samen"  # words that carry meaning stay
    s, ilse, joost = kickoff()
    s.run(ilse, word("Samenwerking"))
    s.run(joost, word("de SAMENWERKING"))
    assert s.state.boards[KO].clouds["thema"].counts == {"samenwerking": 2}


def test_a_stop_word_alone_or_an_empty_word_is_refused_with_empty_answer():
    s, ilse, _ = kickoff()
    assert refused(s, ilse, word("de")) == ErrorCode.EMPTY_ANSWER
    assert refused(s, ilse, word("  !! ")) == ErrorCode.EMPTY_ANSWER


def test_a_word_flood_from_one_person_stops_at_their_cap_and_stores_nothing_more():
    """Three words each; the fourth, and the same word twice, are refused."""
    s, ilse, _ = kickoff()
    for w in ("een", "twee", "drie"):
        s.run(ilse, word(w + "x"))
    assert refused(s, ilse, word("vier")) == ErrorCode.LIMIT_REACHED
    s.run(ilse, c.RemoveWord(board=KO, section="thema", word="driex"))
    assert refused(s, ilse, word("EENX")) == ErrorCode.DUPLICATE_ANSWER
    assert refused(s, ilse, word("x" * 41)) == ErrorCode.INVALID


def test_only_participants_give_words_and_only_the_facilitator_hides_them():
    s, ilse, joost = kickoff()
    s.run(ilse, word("tijd"))
    assert refused(s, FACILITATOR, word("tijd")) == ErrorCode.FORBIDDEN
    assert refused(s, joost, c.HideWord(board=KO, section="thema", word="tijd", hidden=True)) == ErrorCode.FORBIDDEN
    assert refused(s, FACILITATOR, c.HideWord(board=KO, section="thema", word="nooit", hidden=True)) == ErrorCode.NOT_FOUND


def test_a_hidden_word_is_in_nobody_elses_view_and_its_later_copies_reach_them_masked():
    s, ilse, joost = kickoff()
    s.run(ilse, word("saai"))
    s.run(FACILITATOR, c.HideWord(board=KO, section="thema", word="Saai", hidden=True))
    (ev,) = s.run(joost, word("saai"))
    record = Record(seq=s.state.seq, at=s.now, event=ev)
    assert masked_for_others(record, s.state)
    assert event_view(record, "others", True)["event"] == {"type": "masked"}
    assert "saai" not in session_view(s.state, "others", None)["boards"][KO]["clouds"]["thema"]["counts"]
    assert session_view(s.state, "facilitator", None)["boards"][KO]["clouds"]["thema"]["counts"] == {"saai": 2}
    assert summarise(s.state, "shared")["boards"][0]["wordclouds"][0]["words"] == []


def answer(text: str) -> c.AddAnswer:
    return c.AddAnswer(board=KO, section="verwachtingen", text=text)


def test_answers_are_capped_in_length_and_number_per_person():
    s, ilse, _ = kickoff()
    assert refused(s, ilse, answer("x" * 201)) == ErrorCode.INVALID
    assert refused(s, ilse, answer("   ")) == ErrorCode.EMPTY_ANSWER
    for text in ("een", "twee", "drie"):
        s.run(ilse, answer(text))
    assert refused(s, ilse, answer("vier")) == ErrorCode.LIMIT_REACHED


def test_answers_are_anonymous_to_everyone_the_facilitator_too():
    s, ilse, _ = kickoff()
    (ev,) = s.run(ilse, answer("Leren van elkaar"))
    record = Record(seq=s.state.seq, at=s.now, event=ev)
    for audience in ("facilitator", "others"):
        assert "author" not in event_view(record, audience, False)["event"]
        assert ilse.participant not in str(session_view(s.state, audience, None)["boards"][KO]["answers"])


def test_merged_answers_count_in_the_one_they_joined_and_pinned_ones_lead_the_summary():
    s, ilse, joost = kickoff()
    (a,) = s.run(ilse, answer("Leren van elkaar"))
    (b,) = s.run(joost, answer("Van elkaar leren"))
    (d,) = s.run(joost, answer("Netwerk"))
    s.run(FACILITATOR, c.MergeAnswer(board=KO, section="verwachtingen", answer=b.answer, into=a.answer))
    s.run(FACILITATOR, c.ModerateAnswer(board=KO, section="verwachtingen", answer=d.answer, pinned=True))
    assert refused(s, FACILITATOR, c.MergeAnswer(board=KO, section="verwachtingen", answer=a.answer,
                                                 into=a.answer)) == ErrorCode.INVALID
    assert refused(s, ilse, c.ModerateAnswer(board=KO, section="verwachtingen", answer=a.answer,
                                             hidden=True)) == ErrorCode.FORBIDDEN
    got = summarise(s.state, "shared")["boards"][0]["open_questions"][0]["answers"]
    assert got == [{"text": "Netwerk", "pinned": True, "merged": 0},
                   {"text": "Leren van elkaar", "pinned": False, "merged": 1}]


def test_giving_words_and_answers_waits_for_a_step_that_allows_it():
    """Held at the break, a participant's word is refused with not_in_step."""
    s, ilse, _ = kickoff()
    s.run(FACILITATOR, c.SetStep(step="pauze1", board=KO))
    assert refused(s, ilse, word("tijd")) == ErrorCode.NOT_IN_STEP
    assert refused(s, ilse, answer("tijd")) == ErrorCode.NOT_IN_STEP
    s.run(FACILITATOR, c.SetStep(step="kennismaking", board=KO))
    s.run(ilse, word("tijd"))
    s.run(FACILITATOR, c.SetLocked(board=KO, section="thema", locked=True))
    assert refused(s, ilse, word("ruimte")) == ErrorCode.SECTION_LOCKED


def test_the_kick_off_exports_its_words_and_answers_and_other_boards_export_as_before():
    """words.csv and answers.csv are in a kick-off's export; a Samenspel session's files are unchanged."""
    from server.export import csv_files

    s, ilse, joost = kickoff()
    s.run(ilse, word("Vertrouwen"))
    s.run(joost, word("vertrouwen"))
    s.run(ilse, answer("<script>x</script>"))
    files = csv_files(summarise(s.state, "shared"))
    assert "vertrouwen;2" in files["words.csv"].decode("utf-8-sig")
    assert "<script>x</script>" in files["answers.csv"].decode("utf-8-sig")
    other = csv_files(summarise(Session().state, "shared"))
    assert "words.csv" not in other and "answers.csv" not in other


def stars(statement: str, value: int) -> c.AnswerStatement:
    return c.AnswerStatement(board=KO, section="klaar", statement=statement, value=value)


def test_statements_stay_hidden_until_the_reveal_and_time_up_reveals_them():
    """Klaar voor actieleren starts hidden: others see no counts; the step's time-up reveals the tally."""
    s, ilse, joost = kickoff()
    s.run(FACILITATOR, c.SetStep(step="theorie", board=KO))
    s.run(ilse, stars("netwerk", 5))
    s.run(joost, stars("netwerk", 4))
    s.run(ilse, stars("netwerk", 4))  # again replaces
    assert session_view(s.state, "others", None)["boards"][KO]["statements"]["klaar"]["counts"] == {}
    assert summarise(s.state, "shared")["boards"][0]["statements"][0]["withheld"] is True
    s.run(FACILITATOR, c.Timer(action="start", seconds=60))
    s.now += 61_000
    from boards.actors import SYSTEM
    s.run(SYSTEM, c.ExpireTimer())
    assert session_view(s.state, "others", None)["boards"][KO]["statements"]["klaar"]["counts"] == {"netwerk": {"4": 2}}
    row = summarise(s.state, "shared")["boards"][0]["statements"][0]["statements"][2]
    assert row == {"id": "netwerk", "label": row["label"], "counts": {"1": 0, "2": 0, "3": 0, "4": 2, "5": 0},
                   "answers": 2, "mean": 4.0}


def test_a_statement_answer_out_of_its_scale_or_from_the_facilitator_is_refused():
    s, ilse, _ = kickoff()
    assert refused(s, ilse, stars("netwerk", 0)) == ErrorCode.INVALID  # stars are 1..5
    assert refused(s, ilse, stars("nergens", 3)) == ErrorCode.NOT_FOUND
    assert refused(s, FACILITATOR, stars("netwerk", 3)) == ErrorCode.FORBIDDEN
    assert refused(s, ilse, c.SetStatementsHidden(board=KO, section="klaar", hidden=False)) == ErrorCode.FORBIDDEN


def test_one_dot_each_on_the_circle_moved_not_added_and_unknown_segments_refused():
    s, ilse, joost = kickoff()
    s.run(ilse, c.TakeStand(board=KO, section="cirkel", segment="plannen"))
    s.run(ilse, c.TakeStand(board=KO, section="cirkel", segment="reflecteren"))
    s.run(joost, c.TakeStand(board=KO, section="cirkel", segment="reflecteren"))
    assert s.state.boards[KO].stands["cirkel"].counts == {"reflecteren": 2}
    assert refused(s, ilse, c.TakeStand(board=KO, section="cirkel", segment="nergens")) == ErrorCode.NOT_FOUND
    assert refused(s, FACILITATOR, c.TakeStand(board=KO, section="cirkel", segment="plannen")) == ErrorCode.FORBIDDEN


def test_herken_ik_only_on_someone_elses_shown_word_in_the_check_out_round():
    s, ilse, joost = kickoff()
    s.run(ilse, c.AddWord(board=KO, section="checkout", word="Energiek"))
    s.run(joost, c.AddWord(board=KO, section="checkout", word="moe"))
    s.run(ilse, word("tijd"))
    assert refused(s, ilse, c.RecogniseWord(board=KO, section="checkout", word="energiek")) == ErrorCode.INVALID
    assert refused(s, joost, c.RecogniseWord(board=KO, section="thema", word="tijd")) == ErrorCode.INVALID
    assert refused(s, joost, c.RecogniseWord(board=KO, section="checkout", word="blij")) == ErrorCode.NOT_FOUND
    s.run(joost, c.RecogniseWord(board=KO, section="checkout", word="ENERGIEK"))
    row = summarise(s.state, "shared")["boards"][0]["wordclouds"][1]
    assert row["most_recognised"] == ["energiek"]
