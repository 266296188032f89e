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

S, K, W, R, A, KO, TK = "samenspel", "stakeholders", "juiste_weg", "rollen", "ambitie", "kickoff", "thema_kiezen"


def _people(s: Script, board: str):
    s.run(SYSTEM, c.CreateSession(title="Golden", boards=(board,)))
    if board in (S, W):
        return s.join("Anna", "leernetwerk"), s.join("Cor", "management"), s.proxy("management", "Gast")
    if board in (R, A):
        s.run(FAC, c.SetHold(hold=False))  # open to all, as on paper (participants wait for the first step)
        return s.join("Eva", "deelnemer"), s.join("Finn", "deelnemer"), None
    if board == TK:
        s.run(FAC, c.SetHold(hold=False))
    if board in (KO, TK):
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


def tree_answered_revealed_walked(s: Script):
    anna, cor, gast = _people(s, W)
    yield
    s.run(anna, c.AnswerTree(board=W, section="beslisboom", question="anderen", answer="nee"))
    s.run(cor, c.AnswerTree(board=W, section="beslisboom", question="anderen", answer="ja"))
    s.run(cor, c.AnswerTree(board=W, section="beslisboom", question="anderen", answer="nee"))
    s.run(FAC, c.AnswerTree(board=W, section="beslisboom", question="oorzaken", answer="ja", proxy=gast))
    s.run(anna, c.AnswerTree(board=W, section="beslisboom", question="oorzaken", answer="nee"))
    s.run(anna, c.AnswerTree(board=W, section="beslisboom", question="oorzaken", answer=None))
    s.run(FAC, c.SetHidden(board=W, section="beslisboom", hidden=False))
    s.run(FAC, c.SetTreeAnswer(board=W, section="beslisboom", question="anderen", answer="nee"))
    s.run(FAC, c.SetTreeAnswer(board=W, section="beslisboom", question="oorzaken", answer="ja"))
    s.run(FAC, c.SetTreeAnswer(board=W, section="beslisboom", question="oplossing", answer="nee"))
    s.run(FAC, c.SetTreeAnswer(board=W, section="beslisboom", question="oplossing", answer="ja"))


def tree_person_removed_after_reveal(s: Script):
    anna, cor, gast = _people(s, W)
    s.run(anna, c.AnswerTree(board=W, section="beslisboom", question="anderen", answer="ja"))
    s.run(cor, c.AnswerTree(board=W, section="beslisboom", question="anderen", answer="nee"))
    s.run(cor, c.AnswerTree(board=W, section="beslisboom", question="partijen", answer="ja"))
    s.run(FAC, c.SetHidden(board=W, section="beslisboom", hidden=False))
    yield
    s.run(FAC, c.RemoveParticipant(participant=cor.participant, with_content=True))
    s.run(FAC, c.SetTreeAnswer(board=W, section="beslisboom", question="anderen", answer="ja"))
    s.run(FAC, c.SetHidden(board=W, section="beslisboom", hidden=True))


def radar_placed_moved_revealed(s: Script):
    anna, cor, gast = _people(s, W)
    yield
    s.run(anna, c.PlaceRadarDot(board=W, section="organisatiecontext", pillar="tijd", ring=4))
    s.run(anna, c.PlaceRadarDot(board=W, section="organisatiecontext", pillar="tijd", ring=2))
    s.run(cor, c.PlaceRadarDot(board=W, section="organisatiecontext", pillar="tijd", ring=5))
    s.run(cor, c.PlaceRadarDot(board=W, section="organisatiecontext", pillar="middelen", ring=3))
    s.run(FAC, c.PlaceRadarDot(board=W, section="organisatiecontext", pillar="tijd", ring=5, proxy=gast))
    s.run(cor, c.RemoveRadarDot(board=W, section="organisatiecontext", pillar="middelen"))
    s.run(FAC, c.SetHidden(board=W, section="organisatiecontext", hidden=False))
    s.run(FAC, c.SetHidden(board=W, section="organisatiecontext", hidden=True))
    s.run(anna, c.PlaceRadarDot(board=W, section="organisatiecontext", pillar="structuur", ring=1))


def radar_every_pillar_then_removed(s: Script):
    anna, cor, gast = _people(s, W)
    pillars = ("communicatie", "samenwerking", "capaciteit", "middelen", "tijd", "autonomie", "kennisdeling",
               "structuur")
    for i, p in enumerate(pillars):
        s.run(anna, c.PlaceRadarDot(board=W, section="organisatiecontext", pillar=p, ring=1 + i % 3))
        s.run(cor, c.PlaceRadarDot(board=W, section="organisatiecontext", pillar=p, ring=2 + i % 4))
    s.run(FAC, c.SetHidden(board=W, section="organisatiecontext", hidden=False))
    yield
    s.run(FAC, c.RemoveParticipant(participant=cor.participant, with_content=True))


def actions_reviewed(s: Script):
    """A session of a learning network opens with its open actions; the group marks them."""
    s.run(SYSTEM, c.CreateSession(title="Golden", boards=("actiepunten", S)))
    anna, cor = s.join("Anna", "leernetwerk"), s.join("Cor", "management")
    s.run(FAC, c.SeedReview(board="actiepunten", section="acties", items=[
        c.ReviewSeed(id="a1", text="Intervisie plannen", owner="Anna"),
        c.ReviewSeed(id="a2", text="Rooster vrijmaken", owner="Cor"),
        c.ReviewSeed(id="a3", text="Scholing zoeken")]))
    s.run(FAC, c.SetStep(board="actiepunten", step="acties"))
    yield
    s.run(anna, c.MarkReview(board="actiepunten", section="acties", item="a1", mark="klaar"))
    s.run(cor, c.MarkReview(board="actiepunten", section="acties", item="a2", mark="open"))
    s.run(FAC, c.MarkReview(board="actiepunten", section="acties", item="a3", mark="vervallen"))
    s.run(cor, c.MarkReview(board="actiepunten", section="acties", item="a2", mark="klaar"))


def roles_suggested_and_confirmed(s: Script):
    eva, finn, _ = _people(s, R)
    yield
    (a,) = s.run(eva, c.AddRolePerson(board=R, section="ringen", name="Marieke de Vries", role="leernetwerktrekker"))
    (b,) = s.run(finn, c.AddRolePerson(board=R, section="ringen", name="Ahmed", role="deelnemer"))
    s.run(FAC, c.AddRolePerson(board=R, section="ringen", name="Wijkteam Oost", role="tweede_schil"))
    s.run(eva, c.MoveRolePerson(board=R, section="ringen", person=a.person.id, role="procesbegeleider"))
    s.run(FAC, c.ConfirmRolePerson(board=R, section="ringen", person=a.person.id))
    s.run(FAC, c.MoveRolePerson(board=R, section="ringen", person=a.person.id, role="leernetwerktrekker"))
    s.run(finn, c.RemoveRolePerson(board=R, section="ringen", person=b.person.id))


def roles_person_removed(s: Script):
    eva, finn, _ = _people(s, R)
    (a,) = s.run(eva, c.AddRolePerson(board=R, section="ringen", name="Joost", role="deelnemer"))
    s.run(eva, c.AddRolePerson(board=R, section="ringen", name="Sanne", role="projectassistent"))
    s.run(FAC, c.ConfirmRolePerson(board=R, section="ringen", person=a.person.id))
    yield
    s.run(FAC, c.RemoveParticipant(participant=eva.participant, with_content=True))


def conditions_filled(s: Script):
    eva, finn, _ = _people(s, R)
    yield
    s.run(eva, c.SetCondition(board=R, section="randvoorwaarden", row="leernetwerktrekker", column="tijd",
                              text="4 uur per week", who="Teamleider"))
    s.run(finn, c.SetCondition(board=R, section="randvoorwaarden", row="deelnemer", column="informatie",
                               text="Toegang tot het dossier"))
    s.run(FAC, c.SetCondition(board=R, section="randvoorwaarden", row="leernetwerktrekker", column="tijd",
                              text="6 uur per week", who="Teamleider"))
    s.run(finn, c.SetCondition(board=R, section="randvoorwaarden", row="deelnemer", column="informatie", text=""))


def draft_marked_and_rewritten(s: Script):
    eva, finn, _ = _people(s, A)
    yield
    s.run(FAC, c.WriteDraft(board=A, section="concreet", text="We  willen goede zorg  voor iedereen"))
    s.run(eva, c.MarkWord(board=A, section="concreet", version=0, word=2, marked=True))
    s.run(finn, c.MarkWord(board=A, section="concreet", version=0, word=2, marked=True))
    s.run(finn, c.MarkWord(board=A, section="concreet", version=0, word=4, marked=True))
    s.run(eva, c.MarkWord(board=A, section="concreet", version=0, word=2, marked=False))
    s.run(FAC, c.WriteDraft(board=A, section="concreet", text="We willen dat elk kind binnen 4 weken hulp krijgt"))
    s.run(eva, c.MarkWord(board=A, section="concreet", version=1, word=7, marked=True))


def draft_person_removed(s: Script):
    eva, finn, _ = _people(s, A)
    s.run(FAC, c.WriteDraft(board=A, section="concreet", text="Betere zorg"))
    s.run(eva, c.MarkWord(board=A, section="concreet", version=0, word=0, marked=True))
    s.run(finn, c.MarkWord(board=A, section="concreet", version=0, word=1, marked=True))
    yield
    s.run(FAC, c.RemoveParticipant(participant=eva.participant, with_content=True))


def wall_dotted_then_revealed(s: Script):
    eva, finn, _ = _people(s, A)
    yield
    (a,) = s.run(eva, c.AddWallItem(board=A, section="wand", text="Een kind dat op tijd hulp krijgt"))
    (b,) = s.run(finn, c.AddWallItem(board=A, section="wand", text="Wachtlijsten als muur"))
    s.run(eva, c.WallDot(board=A, section="wand", item=a.item.id))
    s.run(FAC, c.SetWallHidden(board=A, section="wand", hidden=True))
    s.run(finn, c.WallDot(board=A, section="wand", item=a.item.id))
    s.run(finn, c.WallDot(board=A, section="wand", item=a.item.id))
    s.run(finn, c.WallDot(board=A, section="wand", item=b.item.id))
    s.run(finn, c.WallDot(board=A, section="wand", item=b.item.id, add=False))
    s.run(FAC, c.SetWallHidden(board=A, section="wand", hidden=False))
    s.run(FAC, c.HideWallItem(board=A, section="wand", item=b.item.id, hidden=True))


def wall_person_removed(s: Script):
    eva, finn, _ = _people(s, A)
    (a,) = s.run(eva, c.AddWallItem(board=A, section="wand", text="Samen leren"))
    s.run(eva, c.WallDot(board=A, section="wand", item=a.item.id))
    s.run(finn, c.WallDot(board=A, section="wand", item=a.item.id))
    yield
    s.run(FAC, c.RemoveParticipant(participant=finn.participant, with_content=True))


def wall_sketches_drawn_and_photographed(s: Script):
    """Card 1's sketches on the wall: a drawing (strokes) and a photo (its hash only), dotted,
    the photo taken off the wall and put back."""
    eva, finn, _ = _people(s, A)
    yield
    (drawn,) = s.run(eva, c.AddSketch(board=A, section="wie", prompt="wie",
                                      strokes=[[0, 100, 100, 500, 900, 900, 100], [1, 500, 500]]))
    (photo,) = s.run(finn, c.AddPhoto(board=A, section="pitch", prompt="probleem", image="0123456789abcdef" * 2,
                                      w=1600, h=1200))
    s.run(eva, c.WallDot(board=A, section="wand", item=photo.item.id))
    s.run(eva, c.WallDot(board=A, section="wand", item=photo.item.id))
    s.run(finn, c.WallDot(board=A, section="wand", item=drawn.item.id))
    s.run(FAC, c.HideWallItem(board=A, section="wand", item=photo.item.id, hidden=True))
    s.run(FAC, c.HideWallItem(board=A, section="wand", item=photo.item.id, hidden=False))


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


def themes_proposed_weighed_revealed(s: Script):
    ilse, joost, karin = _people(s, TK)
    yield
    (a,) = s.run(ilse, c.ProposeTheme(board=TK, section="themas", text="Ketensamenwerkingsafspraken"))
    (b,) = s.run(joost, c.ProposeTheme(board=TK, section="themas", text="Ouderbetrokkenheid"))
    (d,) = s.run(karin, c.ProposeTheme(board=TK, section="themas", text="Betrokkenheid van ouders"))
    (x,) = s.run(karin, c.ProposeTheme(board=TK, section="themas", text="<b>Koffie</b>"))
    s.run(FAC, c.MergeTheme(board=TK, section="themas", item=d.item.id, into=b.item.id))
    s.run(FAC, c.HideTheme(board=TK, section="themas", item=x.item.id, hidden=True))
    s.run(ilse, c.WeighTheme(board=TK, section="themas", item=a.item.id))
    s.run(ilse, c.WeighTheme(board=TK, section="themas", item=a.item.id))
    s.run(joost, c.WeighTheme(board=TK, section="themas", item=b.item.id))
    s.run(karin, c.WeighTheme(board=TK, section="themas", item=b.item.id))
    s.run(karin, c.WeighTheme(board=TK, section="themas", item=b.item.id, add=False))
    s.run(karin, c.WeighTheme(board=TK, section="themas", item=a.item.id))
    s.run(FAC, c.SetHidden(board=TK, section="themas", hidden=False))
    s.run(FAC, c.HideTheme(board=TK, section="themas", item=x.item.id, hidden=False))


def themes_person_removed_then_hidden_again(s: Script):
    ilse, joost, _ = _people(s, TK)
    (a,) = s.run(ilse, c.ProposeTheme(board=TK, section="themas", text="Vroegsignalering"))
    s.run(ilse, c.WeighTheme(board=TK, section="themas", item=a.item.id))
    s.run(joost, c.WeighTheme(board=TK, section="themas", item=a.item.id))
    yield
    s.run(FAC, c.RemoveParticipant(participant=joost.participant, with_content=True))
    s.run(FAC, c.SetHidden(board=TK, section="themas", hidden=False))
    s.run(FAC, c.SetHidden(board=TK, section="themas", hidden=True))
    s.run(ilse, c.WeighTheme(board=TK, section="themas", item=a.item.id, add=False))


def values_confirmed_added_edited(s: Script):
    ilse, joost, karin = _people(s, KO)
    s.run(FAC, c.SetHold(hold=False))
    yield
    s.run(ilse, c.ConfirmAgreement(board=KO, section="contract", item="veiligheid"))
    s.run(joost, c.ConfirmAgreement(board=KO, section="contract", item="veiligheid"))
    s.run(karin, c.ConfirmAgreement(board=KO, section="contract", item="veiligheid"))
    s.run(karin, c.ConfirmAgreement(board=KO, section="contract", item="er_zijn"))
    (v,) = s.run(joost, c.AddAgreement(board=KO, section="contract", text="Verantwoordelijkheidsgevoel <i>tonen</i>"))
    s.run(ilse, c.ConfirmAgreement(board=KO, section="contract", item=v.item.id))
    s.run(FAC, c.EditAgreement(board=KO, section="contract", item=v.item.id, text="Verantwoordelijkheidsgevoel"))
    s.run(karin, c.ConfirmAgreement(board=KO, section="contract", item="er_zijn", on=False))
    s.run(FAC, c.EditAgreement(board=KO, section="contract", item="deelgever", hidden=True))


def values_person_removed_and_joined(s: Script):
    ilse, joost, karin = _people(s, KO)
    s.run(FAC, c.SetHold(hold=False))
    for who in (ilse, joost, karin):
        s.run(who, c.ConfirmAgreement(board=KO, section="contract", item="plezier"))
    s.run(joost, c.ConfirmAgreement(board=KO, section="contract", item="er_zijn"))
    yield
    s.run(FAC, c.RemoveParticipant(participant=karin.participant, with_content=True))
    s.join("Lotte", "deelnemer")
    s.run(joost, c.ConfirmAgreement(board=KO, section="contract", item="er_zijn", on=False))


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
    "tree": {"answers hidden (masked frames, own answers), revealed as a split, the group's path walked":
                 tree_answered_revealed_walked,
             "a person removed after the reveal: their answers leave the split; hidden again":
                 tree_person_removed_after_reveal},
    "radar": {"dots placed, moved, taken back while hidden; revealed with numbers; hidden again":
                  radar_placed_moved_revealed,
              "every pillar rated and revealed (a reading), then a person removed with their dots":
                  radar_every_pillar_then_removed},
    "actions_review": {"the open actions of a network, marked by anyone, live": actions_reviewed},
    "roles": {"names suggested, moved, confirmed and taken back": roles_suggested_and_confirmed,
              "a person removed with their content: their unconfirmed suggestions go": roles_person_removed},
    "conditions": {"cells written, rewritten and emptied": conditions_filled},
    "draft": {"words marked and unmarked, a new version: counts for all, nobody's name in the frames":
                  draft_marked_and_rewritten,
              "a person removed with their content: their marks on the newest version go": draft_person_removed},
    "wall": {"items dotted (several on one), hidden and revealed with the tally, an item taken off":
                 wall_dotted_then_revealed,
             "a person removed with their content: their dots come off": wall_person_removed,
             "sketches drawn and photographed land on the wall, dotted, a photo taken off and back":
                 wall_sketches_drawn_and_photographed},
    "sketch": {"a sketch section keeps nothing itself: its sketches are the wall's":
                   wall_sketches_drawn_and_photographed},


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
    "weighting": {"themes proposed, merged, hidden; dots (several on one) masked until the reveal brings the tally":
                      themes_proposed_weighed_revealed,
                  "a person removed takes their dots; revealed, hidden again, a dot taken back":
                      themes_person_removed_then_hidden_again},
    "agreements": {"values confirmed and taken back, one added and rewritten, one hidden: counts, never who":
                       values_confirmed_added_edited,
                   "a person removed takes their confirmations; a newcomer makes 'everyone' one more":
                       values_person_removed_and_joined},
}
