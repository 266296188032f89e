"""The golden cases per kind of section, as command scripts; ``make_kinds`` runs them through the
engine once and writes the events they gave, with what each audience sees, to ``kinds/<kind>.json``.

A case's ``setup`` (the session and its people) is what a client gets as its first state; its
``events`` are what then happens to the kind's sections.
"""

from __future__ import annotations

from collections.abc import Callable

from boards import commands as c
from boards.actors import SYSTEM
from tests.replay.sessions import FAC, Script

S, K, KO = "samenspel", "stakeholders", "kickoff"


def _people(s: Script, board: str):
    s.run(SYSTEM, c.CreateSession(title="Golden", boards=(board,)))
    if board == S:
        return s.join("Anna", "leernetwerk"), s.join("Cor", "management"), s.proxy("management", "Gast")
    if board == KO:
        return s.join("Ilse", "deelnemer"), s.join("Joost", "deelnemer"), s.join("Karin", "deelnemer")
    return s.join("Eva", "deelnemer"), s.join("Finn", "deelnemer"), None


def dots_visible(s: Script):
    anna, cor, gast = _people(s, S)
    yield
    s.run(anna, c.PlaceDot(board=S, section="drijfveren", option="zingeving"))
    s.run(anna, c.PlaceDot(board=S, section="drijfveren", option="impact"))
    s.run(cor, c.PlaceDot(board=S, section="drijfveren", option="impact"))
    s.run(FAC, c.PlaceDot(board=S, section="drijfveren", option="zingeving", proxy=gast))
    s.run(anna, c.RemoveDot(board=S, section="drijfveren", option="zingeving"))
    s.run(cor, c.PlaceDot(board=S, section="pijlers", option="tijd"))


def dots_hidden_then_revealed(s: Script):
    anna, cor, gast = _people(s, S)
    yield
    s.run(FAC, c.SetHidden(board=S, section="pijlers", hidden=True))
    s.run(anna, c.PlaceDot(board=S, section="pijlers", option="tijd"))
    s.run(cor, c.PlaceDot(board=S, section="pijlers", option="tijd"))
    s.run(cor, c.PlaceDot(board=S, section="pijlers", option="structuur"))
    s.run(cor, c.RemoveDot(board=S, section="pijlers", option="structuur"))
    s.run(FAC, c.SetHidden(board=S, section="pijlers", hidden=False))
    s.run(anna, c.PlaceDot(board=S, section="pijlers", option="middelen"))


def dots_hidden_again(s: Script):
    anna, cor, gast = _people(s, S)
    yield
    s.run(anna, c.PlaceDot(board=S, section="drijfveren", option="kwaliteit"))
    s.run(FAC, c.SetHidden(board=S, section="drijfveren", hidden=True))
    s.run(cor, c.PlaceDot(board=S, section="drijfveren", option="kwaliteit"))


def dots_person_removed(s: Script):
    anna, cor, gast = _people(s, S)
    s.run(anna, c.PlaceDot(board=S, section="drijfveren", option="autonomie"))
    s.run(cor, c.PlaceDot(board=S, section="drijfveren", option="autonomie"))
    yield
    s.run(FAC, c.RemoveParticipant(participant=cor.participant, with_content=True))


def text_written(s: Script):
    _people(s, S)
    yield
    s.run(FAC, c.SetText(board=S, section="ambitie", field="ambitie", text="Samen leren"))
    s.run(FAC, c.SetText(board=S, section="ambitie", field="doel2", text="Eén agenda"))
    s.run(FAC, c.SetText(board=S, section="ambitie", field="ambitie", text="Samen leren, samen doen"))


def notes_added_edited_removed(s: Script):
    anna, cor, _ = _people(s, S)
    yield
    (a,) = s.run(anna, c.AddNote(board=S, section="actie", lane="leernetwerk-doen", text="Verslag delen", owner="Anna"))
    (b,) = s.run(cor, c.AddNote(board=S, section="actie", lane="management-nodig", text="Uren", owner="Cor"))
    s.run(FAC, c.AddNote(board=S, section="inzichten", lane="pijlers", text="Tijd is schaars"))
    s.run(cor, c.EditNote(board=S, section="actie", note=b.note, base_version=1, text="Uren vrijmaken",
                          lane="management-doen"))
    s.run(FAC, c.RemoveNote(board=S, section="actie", note=a.note))


def notes_person_removed(s: Script):
    anna, cor, _ = _people(s, S)
    s.run(anna, c.AddNote(board=S, section="actie", lane="leernetwerk-doen", text="Van Anna"))
    s.run(cor, c.AddNote(board=S, section="actie", lane="management-doen", text="Van Cor"))
    yield
    s.run(FAC, c.RemoveParticipant(participant=anna.participant, with_content=True))


def stakeholders_mapped(s: Script):
    eva, finn, _ = _people(s, K)
    yield
    (a,) = s.run(eva, c.AddStakeholder(board=K, section="map", category="Bewoners", names="Wijkraad", x=0.2, y=0.3))
    (b,) = s.run(finn, c.AddStakeholder(board=K, section="map", category="Zorg", x=0.7, y=0.4))
    s.run(eva, c.EditStakeholder(board=K, section="map", item=a.item.id, base_version=1, category="Bewoners",
                                 names="Wijkraad Oost", knowledge=["ervaringskennis"], assumption=True))
    s.run(finn, c.MoveStakeholder(board=K, section="map", item=b.item.id, x=0.9, y=0.1))
    s.run(finn, c.PlaceInMatrix(board=K, section="map", item=b.item.id, influence=0.8, interest=0.2))
    s.run(finn, c.Undo(board=K))
    (n,) = s.run(eva, c.AddAttachedNote(board=K, section="map", item=a.item.id, kind="belang", text="Veilig"))
    s.run(eva, c.EditAttachedNote(board=K, section="map", item=a.item.id, note=next(iter(n.item.notes)),
                                  base_version=1, text="Veilig spelen"))
    s.run(finn, c.SetRelevant(board=K, section="map", item=b.item.id, relevant=False))
    s.run(eva, c.RemoveStakeholder(board=K, section="map", item=a.item.id))
    s.run(eva, c.RestoreStakeholder(board=K, section="map", item=a.item.id))


def checklist_ticked(s: Script):
    eva, finn, _ = _people(s, K)
    yield
    s.run(eva, c.SetCheck(board=K, section="aannames", item="compleet", checked=True))
    s.run(finn, c.SetCheck(board=K, section="aannames", item="onderzoek", checked=True))
    s.run(eva, c.SetCheck(board=K, section="aannames", item="compleet", checked=False))


def words_given_and_taken_back(s: Script):
    ilse, joost, karin = _people(s, KO)
    yield
    s.run(ilse, c.AddWord(board=KO, section="thema", word="Samenwerking"))
    s.run(joost, c.AddWord(board=KO, section="thema", word="  de   SAMENWERKING! "))
    s.run(karin, c.AddWord(board=KO, section="thema", word="vertrouwen"))
    s.run(ilse, c.AddWord(board=KO, section="thema", word="Lerend netwerk"))
    s.run(karin, c.RemoveWord(board=KO, section="thema", word="Vertrouwen"))
    s.run(karin, c.AddWord(board=KO, section="checkout", word="Energie"))


def words_hidden_by_the_facilitator(s: Script):
    ilse, joost, karin = _people(s, KO)
    s.run(ilse, c.AddWord(board=KO, section="thema", word="saai"))
    s.run(joost, c.AddWord(board=KO, section="thema", word="tijd"))
    yield
    s.run(FAC, c.HideWord(board=KO, section="thema", word="Saai", hidden=True))
    s.run(karin, c.AddWord(board=KO, section="thema", word="saai"))
    s.run(karin, c.AddWord(board=KO, section="thema", word="tijd"))
    s.run(FAC, c.HideWord(board=KO, section="thema", word="saai", hidden=False))
    s.run(ilse, c.RemoveWord(board=KO, section="thema", word="saai"))


def words_person_removed(s: Script):
    ilse, joost, _ = _people(s, KO)
    s.run(ilse, c.AddWord(board=KO, section="thema", word="groei"))
    s.run(joost, c.AddWord(board=KO, section="thema", word="groei"))
    yield
    s.run(FAC, c.RemoveParticipant(participant=joost.participant, with_content=True))


def checkout_round_recognised(s: Script):
    ilse, joost, karin = _people(s, KO)
    s.run(ilse, c.AddWord(board=KO, section="checkout", word="Energiek"))
    s.run(joost, c.AddWord(board=KO, section="checkout", word="moe"))
    yield
    s.run(karin, c.AddWord(board=KO, section="checkout", word="energiek"))
    s.run(joost, c.RecogniseWord(board=KO, section="checkout", word="Energiek"))
    s.run(karin, c.RecogniseWord(board=KO, section="checkout", word="moe"))
    s.run(ilse, c.RecogniseWord(board=KO, section="checkout", word="moe"))
    s.run(FAC, c.HideWord(board=KO, section="checkout", word="moe", hidden=True))
    s.run(FAC, c.HideWord(board=KO, section="checkout", word="moe", hidden=False))
    s.run(ilse, c.RecogniseWord(board=KO, section="checkout", word="moe", on=False))
    s.run(FAC, c.RemoveParticipant(participant=karin.participant, with_content=True))


def answers_given_pinned_hidden_merged(s: Script):
    ilse, joost, karin = _people(s, KO)
    yield
    (a,) = s.run(ilse, c.AddAnswer(board=KO, section="verwachtingen", text="Leren van elkaar"))
    (b,) = s.run(joost, c.AddAnswer(board=KO, section="verwachtingen", text="<b>Van elkaar leren</b>"))
    (x,) = s.run(karin, c.AddAnswer(board=KO, section="verwachtingen", text="Koffie"))
    (d,) = s.run(karin, c.AddAnswer(board=KO, section="verwachtingen", text="Een   netwerk   opbouwen"))
    s.run(FAC, c.ModerateAnswer(board=KO, section="verwachtingen", answer=a.answer, pinned=True))
    s.run(FAC, c.MergeAnswer(board=KO, section="verwachtingen", answer=b.answer, into=a.answer))
    s.run(FAC, c.ModerateAnswer(board=KO, section="verwachtingen", answer=x.answer, hidden=True))
    s.run(FAC, c.ModerateAnswer(board=KO, section="verwachtingen", answer=d.answer, pinned=True))
    s.run(FAC, c.ModerateAnswer(board=KO, section="verwachtingen", answer=x.answer, hidden=False))


def answers_person_removed(s: Script):
    ilse, joost, _ = _people(s, KO)
    s.run(ilse, c.AddAnswer(board=KO, section="verwachtingen", text="Inspiratie"))
    s.run(joost, c.AddAnswer(board=KO, section="verwachtingen", text="Nieuwe mensen"))
    yield
    s.run(FAC, c.RemoveParticipant(participant=joost.participant, with_content=True))


def statements_hidden_then_revealed(s: Script):
    ilse, joost, karin = _people(s, KO)
    yield
    s.run(ilse, c.AnswerStatement(board=KO, section="klaar", statement="netwerk", value=5))
    s.run(joost, c.AnswerStatement(board=KO, section="klaar", statement="netwerk", value=3))
    s.run(ilse, c.AnswerStatement(board=KO, section="klaar", statement="netwerk", value=4))
    s.run(karin, c.AnswerStatement(board=KO, section="klaar", statement="vragen", value=1))
    s.run(FAC, c.SetStatementsHidden(board=KO, section="klaar", hidden=False))
    s.run(joost, c.AnswerStatement(board=KO, section="klaar", statement="vragen", value=2))
    s.run(FAC, c.SetStatementsHidden(board=KO, section="klaar", hidden=True))
    s.run(karin, c.AnswerStatement(board=KO, section="klaar", statement="vragen", value=5))


def stands_taken_moved_and_removed(s: Script):
    ilse, joost, karin = _people(s, KO)
    s.run(karin, c.TakeStand(board=KO, section="cirkel", segment="plannen"))
    yield
    s.run(ilse, c.TakeStand(board=KO, section="cirkel", segment="reflecteren"))
    s.run(joost, c.TakeStand(board=KO, section="cirkel", segment="reflecteren"))
    s.run(ilse, c.TakeStand(board=KO, section="cirkel", segment="uitvoeren"))
    s.run(joost, c.TakeStand(board=KO, section="cirkel", segment=None))
    s.run(FAC, c.RemoveParticipant(participant=karin.participant, with_content=True))


CASES: dict[str, dict[str, Callable]] = {
    "dots": {"a visible vote: counts per group, each person's own dots, no names in the frames": dots_visible,
             "a hidden vote: others see masked frames and no counts until the reveal brings the tally":
                 dots_hidden_then_revealed,
             "hiding a vote again: others lose the counts, the facilitator keeps them": dots_hidden_again,
             "a person removed with their content: their dots come off": dots_person_removed},
    "text": {"the facilitator writes and rewrites fields": text_written},
    "notes": {"post-its added, edited (another lane), removed": notes_added_edited_removed,
              "a person removed with their content: their post-its go": notes_person_removed},
    "stakeholders": {"stakeholders added, edited, moved, placed and undone, noted, set aside, removed and back":
                         stakeholders_mapped},
    "checklist": {"questions ticked and unticked by anyone": checklist_ticked},
    "wordcloud": {"words counted normalised, each person's own words, no names in the frames":
                      words_given_and_taken_back,
                  "a hidden word leaves others' clouds and comes back with its count": words_hidden_by_the_facilitator,
                  "a person removed with their content: their words come off": words_person_removed,
                  "the check-out round: 'herken ik' on others' words, through a hide and a removal":
                      checkout_round_recognised},
    "open": {"answers anonymous to everyone; pinned, merged, hidden and shown again in their place":
                 answers_given_pinned_hidden_merged,
             "a person removed with their content: their answers are hidden": answers_person_removed},
    "statements": {"answered while hidden, revealed with the tally, hidden again; answers replace":
                       statements_hidden_then_revealed},
    "stand": {"one anonymous dot each, moved, taken away, and taken with a removed person": stands_taken_moved_and_removed},
}
