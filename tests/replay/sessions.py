"""Two whole sessions run through the engine with a fixed clock and ids, and every view they give.

``samenspel()`` and ``stakeholder_map()`` return the records exactly as the stores keep them
(``server.records.pack_record``: both stores hold these opaque bytes). ``views(records)`` folds
records with the current code and returns everything an audience is ever shown: each record's frame
per audience, the state per audience at every step change and at the end, a participant's own
``you`` frame, the facilitator's ``proxy_dots``, voting progress, the summary and the exports.
"""

from __future__ import annotations

from typing import Any

import msgspec

from boards import commands as c
from boards.actors import SYSTEM, Actor, Context
from boards.engine import apply, decide
from boards.events import Record
from boards.projection import all_progress, event_view, masked_for_others, own_dots, own_view, session_view
from boards.state import SessionState
from boards.summary import summarise
from server import export
from server.records import pack_record, unpack_record

FAC = Actor("facilitator")
START = 1_767_000_000_000  # a fixed clock: 29 Dec 2025, 09:20 UTC


class Script:
    """Runs commands like the server does: decide, then a record per event (the last one naming
    the command's id), applied in order."""

    def __init__(self, session: str) -> None:
        self.state = SessionState(session=session)
        self.now = START
        self.ids = 0
        self.records: list[bytes] = []

    def new_id(self) -> str:
        self.ids += 1
        return f"x{self.ids:04d}"

    def run(self, actor: Actor, command: c.Command, command_id: str | None = None, after_ms: int = 7_000) -> list:
        self.now += after_ms
        events = decide(self.state, actor, command, Context(now=self.now, new_id=self.new_id))
        for i, event in enumerate(events):
            last = i == len(events) - 1
            record = Record(seq=self.state.seq + 1, at=self.now, event=event,
                            command=f"{actor.author_id}:{command_id}" if command_id and last else None)
            self.records.append(pack_record(record))
            apply(self.state, record)
        return events

    def join(self, name: str, group: str) -> Actor:
        (event,) = self.run(SYSTEM, c.Join(name=name, group=group, participant=self.new_id()))
        return Actor("participant", event.participant)

    def proxy(self, group: str, name: str = "") -> str:
        (event,) = self.run(FAC, c.AddProxy(group=group, name=name))
        return event.participant


def samenspel() -> list[bytes]:
    s = Script("fixture-samenspel")
    B = "samenspel"
    s.run(SYSTEM, c.CreateSession(title="Samenspel met het Zorgnetwerk Oost", boards=(B,)))
    s.run(FAC, c.SetText(board=B, section="ambitie", field="ambitie", text="Samen leren over grenzen heen"))
    s.run(FAC, c.SetText(board=B, section="ambitie", field="doel1", text="=Eén kennisagenda"))
    anna = s.join("Anna", "leernetwerk")
    bram = s.join("Bram", "leernetwerk")
    cor = s.join("Cor", "management")
    gast = s.proxy("management")
    s.run(FAC, c.SetStep(step="ambitie"), "step0001")
    s.run(FAC, c.Timer(action="start"))
    s.run(FAC, c.SetStepMinutes(board=B, step="drijfveren", minutes=15))
    s.run(FAC, c.SetStep(step="drijfveren", board=B))
    s.run(FAC, c.SetHidden(board=B, section="drijfveren", hidden=True))
    s.run(FAC, c.Timer(action="start", seconds=60))
    for who, options in ((anna, ("zingeving", "kwaliteit", "impact")), (bram, ("zingeving", "autonomie")),
                         (cor, ("resultaat", "impact", "duurzaamheid"))):
        for option in options:
            s.run(who, c.PlaceDot(board=B, section="drijfveren", option=option), f"dot-{who.participant}-{option}")
    s.run(anna, c.RemoveDot(board=B, section="drijfveren", option="kwaliteit"))
    s.run(anna, c.PlaceDot(board=B, section="drijfveren", option="saamhorigheid"))
    s.run(FAC, c.PlaceDot(board=B, section="drijfveren", option="impact", proxy=gast))
    s.run(FAC, c.PlaceDot(board=B, section="drijfveren", option="resultaat", proxy=gast))
    s.run(FAC, c.Timer(action="pause"))
    s.run(FAC, c.Timer(action="add", seconds=30))
    s.run(FAC, c.Timer(action="start"))
    s.run(SYSTEM, c.ExpireTimer(), after_ms=120_000)  # time up: locked and revealed
    s.run(FAC, c.SetStep(step="pijlers", board=B))
    for who, options in ((anna, ("communicatie", "tijd", "structuur")), (bram, ("tijd", "middelen", "communicatie")),
                         (cor, ("capaciteit", "tijd"))):
        for option in options:
            s.run(who, c.PlaceDot(board=B, section="pijlers", option=option))
    s.run(FAC, c.PlaceDot(board=B, section="pijlers", option="structuur", proxy=gast))
    s.run(FAC, c.SetHidden(board=B, section="pijlers", hidden=True))
    s.run(cor, c.PlaceDot(board=B, section="pijlers", option="kennisdeling"))
    s.run(FAC, c.SetHidden(board=B, section="pijlers", hidden=False))
    s.run(FAC, c.SetLocked(board=B, section="pijlers", locked=True))
    s.run(FAC, c.AddNote(board=B, section="inzichten", lane="drijfveren", text="Zingeving verbindt beide kanten"))
    (added,) = s.run(FAC, c.AddNote(board=B, section="inzichten", lane="pijlers", text="Tijd is schaars"))
    s.run(FAC, c.EditNote(board=B, section="inzichten", note=added.note, base_version=1,
                          text="Tijd en capaciteit zijn schaars"))
    s.run(FAC, c.SetStep(step="actie", board=B))
    s.run(FAC, c.SetHold(hold=False))
    notes = {}
    for who, lane, text, owner in ((anna, "leernetwerk-nodig", "Een vaste dag per maand", "Anna"),
                                   (bram, "leernetwerk-doen", "+Verslag delen met het team", "Bram"),
                                   (cor, "management-doen", "Uren vrijmaken", "Cor"),
                                   (cor, "management-nodig", "Zicht op resultaten", ""),
                                   (bram, "management-nodig", "Steun van de directie", "")):
        (ev,) = s.run(who, c.AddNote(board=B, section="actie", lane=lane, text=text, owner=owner))
        notes.setdefault(who.participant, []).append(ev.note)
    s.run(cor, c.EditNote(board=B, section="actie", note=notes[cor.participant][0], base_version=1,
                          text="Uren vrijmaken in de planning", owner="Cor en Dirk", lane="management-doen"))
    s.run(FAC, c.RemoveNote(board=B, section="actie", note=notes[anna.participant][0]))
    s.run(FAC, c.SetJoining(open=False))
    # Bram leaves with his dots and post-its.
    s.run(FAC, c.RemoveParticipant(participant=bram.participant, with_content=True))
    s.run(FAC, c.SetStep(step="afsluiting", board=B))
    s.run(FAC, c.Timer(action="reset"))
    s.run(anna, c.CheckOut(rating=4, text="Fijn gesprek"), "checkout-anna")
    s.run(cor, c.CheckOut(rating=5, text="@iedereen dank"))
    s.run(anna, c.CheckOut(rating=5, text="Fijn gesprek, echt"))
    s.run(FAC, c.Timer(action="start"))
    s.run(FAC, c.CloseSession(), after_ms=600_000)
    return s.records


def stakeholder_map() -> list[bytes]:
    s = Script("fixture-stakeholders")
    B = "stakeholders"
    s.run(SYSTEM, c.CreateSession(title="Stakeholders van de wijkaanpak", boards=(B,)))
    s.run(FAC, c.SetText(board=B, section="ambitie", field=_first_field(s.state, B, "ambitie"),
                         text="Een gezonde wijk voor iedereen"))
    eva = s.join("Eva", "deelnemer")
    finn = s.join("Finn", "deelnemer")
    s.run(FAC, c.SetStep(step="stakeholders", board=B))
    ids = []
    for who, category, names, x, y in ((eva, "Bewoners", "Wijkraad Oost", 0.2, 0.3),
                                       (finn, "Zorg", "Huisarts, wijkverpleging", 0.7, 0.4),
                                       (eva, "Gemeente", "Wethouder", 0.5, 0.8),
                                       (FAC, "Onderwijs", "", 0.9, 0.1)):
        (ev,) = s.run(who, c.AddStakeholder(board=B, section="map", category=category, names=names, x=x, y=y))
        ids.append(ev.item.id)
    s.run(eva, c.EditStakeholder(board=B, section="map", item=ids[0], base_version=1, category="Bewoners",
                                 names="Wijkraad Oost, buurtvereniging", knowledge=["ervaringskennis"]))
    s.run(finn, c.EditStakeholder(board=B, section="map", item=ids[1], base_version=1, category="Zorg",
                                  names="Huisarts", knowledge=["vakkennis", "wetenschappelijk"], assumption=True))
    s.run(finn, c.MoveStakeholder(board=B, section="map", item=ids[1], x=1.4, y=0.45))
    s.run(FAC, c.SetStep(step="matrix", board=B))
    s.run(eva, c.PlaceInMatrix(board=B, section="map", item=ids[0], influence=0.2, interest=0.9))
    s.run(finn, c.PlaceInMatrix(board=B, section="map", item=ids[1], influence=0.8, interest=0.7))
    s.run(eva, c.PlaceInMatrix(board=B, section="map", item=ids[2], influence=0.9, interest=0.3))
    s.run(finn, c.Undo(board=B))  # takes the matrix place of "Zorg" back
    s.run(finn, c.PlaceInMatrix(board=B, section="map", item=ids[1], influence=0.6, interest=0.55))
    s.run(eva, c.SetRelevant(board=B, section="map", item=ids[3], relevant=False))
    s.run(FAC, c.SetStep(step="belangen", board=B))
    (ev,) = s.run(eva, c.AddAttachedNote(board=B, section="map", item=ids[0], kind="belang", text="Veilig spelen"))
    note = next(iter(ev.item.notes))
    s.run(finn, c.AddAttachedNote(board=B, section="map", item=ids[0], kind="behoefte", text="Meer groen"))
    s.run(eva, c.EditAttachedNote(board=B, section="map", item=ids[0], note=note, base_version=1,
                                  text="Veilig buiten spelen"))
    (ev,) = s.run(finn, c.AddAttachedNote(board=B, section="map", item=ids[1], kind="belang", text="Minder druk"))
    s.run(finn, c.RemoveAttachedNote(board=B, section="map", item=ids[1], note=next(iter(ev.item.notes))))
    s.run(eva, c.RemoveStakeholder(board=B, section="map", item=ids[2]))
    s.run(eva, c.RestoreStakeholder(board=B, section="map", item=ids[2]))
    s.run(FAC, c.RemoveStakeholder(board=B, section="map", item=ids[2]))
    s.run(FAC, c.SetStep(step="aannames", board=B))
    s.run(eva, c.SetCheck(board=B, section="aannames", item="compleet", checked=True))
    s.run(finn, c.SetCheck(board=B, section="aannames", item="onderzoek", checked=True))
    s.run(eva, c.SetCheck(board=B, section="aannames", item="onderzoek", checked=False))
    s.run(finn, c.CheckOut(rating=3, text="Veel geleerd"))
    s.run(FAC, c.RemoveParticipant(participant=finn.participant, with_content=True))
    s.run(FAC, c.CloseSession())
    return s.records


def juiste_weg() -> list[bytes]:
    """Instruction card 3 (kept since the tree and radar kinds were first released)."""
    s = Script("fixture-juiste-weg")
    B = "juiste_weg"
    s.run(SYSTEM, c.CreateSession(title="De juiste weg voor Jeugd Oost", boards=(B,)))
    anna = s.join("Anna", "leernetwerk")
    bram = s.join("Bram", "leernetwerk")
    cor = s.join("Cor", "management")
    gast = s.proxy("management")
    s.run(FAC, c.SetStep(step="beslisboom", board=B), "step0001")
    for who, answers in ((anna, "nee ja ja ja ja ja nee"), (bram, "nee ja nee ja ja ja ja"), (cor, "ja ja ja nee ja ja ja")):
        for q, a in zip(("anderen", "oorzaken", "oplossing", "samenhang", "partijen", "samen_leren", "draagvlak"),
                        answers.split()):
            s.run(who, c.AnswerTree(board=B, section="beslisboom", question=q, answer=a))
    s.run(FAC, c.AnswerTree(board=B, section="beslisboom", question="anderen", answer="nee", proxy=gast))
    s.run(bram, c.AnswerTree(board=B, section="beslisboom", question="oplossing", answer=None))
    s.run(FAC, c.SetHidden(board=B, section="beslisboom", hidden=False))
    for q in ("anderen", "oorzaken", "oplossing", "samenhang", "partijen", "samen_leren", "draagvlak"):
        s.run(FAC, c.SetTreeAnswer(board=B, section="beslisboom", question=q, answer="nee" if q == "anderen" else "ja"))
    s.run(FAC, c.SetTreeAnswer(board=B, section="beslisboom", question="draagvlak", answer="nee"))
    s.run(FAC, c.SetTreeAnswer(board=B, section="beslisboom", question="draagvlak", answer="ja"))
    s.run(FAC, c.AddNote(board=B, section="inzichten", lane="beslisboom", text="Een leernetwerk past"))
    s.run(FAC, c.SetStep(step="organisatiecontext", board=B))
    s.run(FAC, c.Timer(action="start", seconds=60))
    pillars = ("communicatie", "samenwerking", "capaciteit", "middelen", "tijd", "autonomie", "kennisdeling", "structuur")
    for who, rings in ((anna, (2, 2, 4, 5, 5, 2, 1, 3)), (bram, (1, 3, 3, 4, 5, 2, 2, 3)), (cor, (2, 2, 5, 3, 4, 1, 2, 2))):
        for pillar, ring in zip(pillars, rings):
            s.run(who, c.PlaceRadarDot(board=B, section="organisatiecontext", pillar=pillar, ring=ring))
    s.run(anna, c.PlaceRadarDot(board=B, section="organisatiecontext", pillar="tijd", ring=4))  # moved
    s.run(FAC, c.PlaceRadarDot(board=B, section="organisatiecontext", pillar="tijd", ring=5, proxy=gast))
    s.run(cor, c.RemoveRadarDot(board=B, section="organisatiecontext", pillar="structuur"))
    s.run(SYSTEM, c.ExpireTimer(), after_ms=120_000)  # time up: locked and revealed
    s.run(FAC, c.SetStep(step="agendas", board=B))
    for who, lane, text in ((anna, "verander", "Eén plan per gezin"), (bram, "opleiding", "Leren van casuïstiek"),
                            (cor, "onderzoek", "=Wat werkt in de keten?")):
        s.run(who, c.AddNote(board=B, section="agendas", lane=lane, text=text))
    s.run(FAC, c.RemoveParticipant(participant=bram.participant, with_content=True))
    s.run(FAC, c.SetStep(step="afsluiting", board=B))
    s.run(anna, c.CheckOut(rating=5, text="Helder"))
    s.run(FAC, c.CloseSession(), after_ms=600_000)
    return s.records


def kickoff() -> list[bytes]:
    """The kick-off of a learning network (kept since its live questions were first released: word
    cloud, open question, statements, where do you stand, the check-out round)."""
    s = Script("fixture-kickoff")
    B = "kickoff"
    s.run(SYSTEM, c.CreateSession(title="Kick-off lerend netwerk Jeugd Oost", boards=(B,)))
    ilse = s.join("Ilse", "deelnemer")
    joost = s.join("Joost", "deelnemer")
    karin = s.join("Karin", "deelnemer")
    s.run(FAC, c.SetStep(step="opening", board=B), "step0001")
    (a,) = s.run(ilse, c.AddAnswer(board=B, section="verwachtingen", text="Leren van elkaar"))
    (b,) = s.run(joost, c.AddAnswer(board=B, section="verwachtingen", text="<b>Van elkaar leren</b>"))
    (x,) = s.run(karin, c.AddAnswer(board=B, section="verwachtingen", text="Koffie"))
    s.run(karin, c.AddAnswer(board=B, section="verwachtingen", text="Een netwerk opbouwen"))
    s.run(FAC, c.ModerateAnswer(board=B, section="verwachtingen", answer=a.answer, pinned=True))
    s.run(FAC, c.MergeAnswer(board=B, section="verwachtingen", answer=b.answer, into=a.answer))
    s.run(FAC, c.ModerateAnswer(board=B, section="verwachtingen", answer=x.answer, hidden=True))
    s.run(FAC, c.SetStep(step="kennismaking", board=B))
    for who, word in ((ilse, "Samenwerking"), (joost, "  de SAMENWERKING! "), (karin, "vertrouwen"),
                      (ilse, "Ketensamenwerkingsafspraken"), (joost, "saai")):
        s.run(who, c.AddWord(board=B, section="thema", word=word))
    s.run(FAC, c.HideWord(board=B, section="thema", word="saai", hidden=True))
    s.run(karin, c.RemoveWord(board=B, section="thema", word="Vertrouwen"))
    s.run(FAC, c.SetStep(step="pauze1", board=B))
    s.run(FAC, c.SetStep(step="kennissnack", board=B))
    s.run(FAC, c.SetStep(step="theorie", board=B))
    s.run(FAC, c.Timer(action="start", seconds=60))
    for who, segment in ((ilse, "reflecteren"), (joost, "plannen"), (karin, "reflecteren"), (joost, "uitvoeren")):
        s.run(who, c.TakeStand(board=B, section="cirkel", segment=segment))
    for who, stars in ((ilse, (5, 2, 4, 3, 5)), (joost, (3, 3, 5, 2, 4)), (karin, (4, 1, 5, 4, 2))):
        for statement, value in zip(("ideeen", "mislukt", "netwerk", "reflecteren", "vragen"), stars):
            s.run(who, c.AnswerStatement(board=B, section="klaar", statement=statement, value=value))
    s.run(ilse, c.AnswerStatement(board=B, section="klaar", statement="mislukt", value=4))  # changed
    s.run(SYSTEM, c.ExpireTimer(), after_ms=120_000)  # time up: locked and revealed
    s.run(FAC, c.SetStep(step="toepassing", board=B))
    s.run(FAC, c.SetText(board=B, section="exploreervraag", field="vraag",
                         text="Hoe zorgen we dat een gezin één plan krijgt?"))
    s.run(FAC, c.SetStep(step="afspraken", board=B))
    s.run(FAC, c.SetText(board=B, section="afspraken", field="afspraken", text="Er zijn, veiligheid, plezier"))
    s.run(FAC, c.RemoveParticipant(participant=joost.participant, with_content=True))
    s.run(FAC, c.SetStep(step="afronding", board=B))
    s.run(ilse, c.AddWord(board=B, section="checkout", word="Energiek"))
    s.run(karin, c.AddWord(board=B, section="checkout", word="moe"))
    s.run(karin, c.RecogniseWord(board=B, section="checkout", word="energiek"))
    s.run(ilse, c.CheckOut(rating=4, text="Veel geleerd"))
    s.run(FAC, c.CloseSession(), after_ms=600_000)
    return s.records


def _first_field(state: SessionState, board: str, section: str) -> str:
    return state.boards[board].spec.section(section).fields[0].id


AUDIENCES = ("facilitator", "others")


def views(records: list[bytes]) -> dict[str, Any]:
    """Everything the current code shows of these records, as plain JSON-ready data."""
    state = SessionState(session="")
    frames: list[dict[str, Any]] = []
    checkpoints: list[dict[str, Any]] = []
    for data in records:
        record = unpack_record(data)
        if not state.session:
            state.session = "replay"
        apply(state, record)
        masked = masked_for_others(record, state)
        frames.append({a: event_view(record, a, masked) for a in AUDIENCES})
        if type(record.event).__name__ in ("StepSet", "SessionClosed", "VisibilitySet", "ParticipantRemoved"):
            checkpoints.append(_state_views(state, templates=False))
    out = {"frames": frames, "checkpoints": checkpoints, "final": _state_views(state)}
    summaries = {a: summarise(state, a) for a in ("facilitator", "shared")}
    out["summary"] = summaries
    out["csv"] = {lang: {name: data.decode("utf-8") for name, data in export.csv_files(summaries["facilitator"], lang).items()}
                  for lang in ("nl", "en")}
    return msgspec.json.decode(msgspec.json.encode(out))


def _state_views(state: SessionState, templates: bool = True) -> dict[str, Any]:
    session = {a: session_view(state, a, None) for a in AUDIENCES}
    if not templates:  # the same at every checkpoint: kept once, in "final"
        for view in session.values():
            del view["templates"]
    return {
        "seq": state.seq,
        "session": session,
        "progress": {a: all_progress(state, a) for a in AUDIENCES},
        "you": {pid: own_view(state, pid) for pid in state.participants},
        "proxy_dots": {pid: own_dots(state, pid) for pid, p in state.participants.items() if p.proxy},
    }


def as_kept(got: Any, want: Any) -> Any:
    """``got`` without the parts a newer server adds empty where ``want`` (a kept view) has none:
    a kind of section added since (docs/kinds.md) puts an empty slot on every board, an empty list
    in every summary and a CSV file holding only its header. Anything the kept view had must
    still be there unchanged; an added part that holds something is kept (and fails the test)."""
    if isinstance(got, dict) and isinstance(want, dict):
        return {k: as_kept(v, want[k]) if k in want else v for k, v in got.items()
                if k in want or not _empty(v)}
    if isinstance(got, list) and isinstance(want, list) and len(got) == len(want):
        return [as_kept(g, w) for g, w in zip(got, want)]
    return got


def _empty(value: Any) -> bool:
    if isinstance(value, str):  # a CSV file: its header row alone
        return value.count("\n") <= 1
    return value in ({}, [])
