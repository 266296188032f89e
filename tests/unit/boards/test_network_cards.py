"""The instruction cards in a learning network (issue 18): what card 1 (ambitie), card 3 (juiste_weg)
and card 4 (rollen) give at the close and start with from the network, the kick-off's nothing, and
the network's JSON export still read back whole with the new slots."""

from __future__ import annotations

import msgspec

from boards import commands as c
from boards.network import contribution, exchange, rules
from boards.network import model as m
from boards.network.trend import trend
from boards.summary import summarise
from tests.unit.boards.helpers import FACILITATOR, Session
from tests.unit.boards.test_network import network

A1, A3, A4 = "ambitie", "juiste_weg", "rollen"
AMBITION = "Elk kind in Oost krijgt binnen zes weken de juiste hulp, dichtbij huis."
AGENDAS = {"verander": ["Wijkteams werken vanuit één plan", "Ouders schuiven aan bij de overdracht"],
           "opleiding": ["Stage in het wijkteam voor hbo-v"],
           "onderzoek": ["Wat maakt een overdracht warm?"]}
SLOT = {"verander": "verander", "opleiding": "opleidings", "onderzoek": "onderzoeks"}
TO_AGENDA = ("draagvlak", "samen_leren", "partijen", "samenhang", "oplossing", "oorzaken", "anderen")


def card1() -> Session:
    """A closed card-1 session: the ambition written, four post-its on the three agendas."""
    s = Session(boards=(A1,))
    s.run(FACILITATOR, c.SetText(board=A1, section="ambitie", field="ambitie", text=AMBITION))
    for lane, texts in AGENDAS.items():
        for text in texts:
            s.run(FACILITATOR, c.AddNote(board=A1, section="agendas", lane=lane, text=text))
    s.run(FACILITATOR, c.CloseSession())
    return s


def card3(session: Session | None = None) -> Session:
    """A closed card-3 session: the tree answered to "aan de slag", three people's radar dots, one
    new agenda item."""
    s = session or Session(boards=(A3,))
    tree = {"board": A3, "section": "beslisboom"}
    for question in TO_AGENDA:
        s.run(FACILITATOR, c.SetTreeAnswer(**tree, question=question, answer="nee" if question == "anderen" else "ja"))
    people = [s.join(name, group) for name, group in (("Ann", "leernetwerk"), ("Bo", "management"), ("Cas", "management"))]
    radar = {"board": A3, "section": "organisatiecontext"}
    for person, rings in zip(people, ({"tijd": 5, "communicatie": 1}, {"tijd": 4, "communicatie": 2},
                                      {"tijd": 4, "communicatie": 3})):
        for pillar, ring in rings.items():
            s.run(person, c.PlaceRadarDot(**radar, pillar=pillar, ring=ring))
    s.run(FACILITATOR, c.AddNote(board=A3, section="agendas", lane="onderzoek", text="Helpt één plan ouders?"))
    s.run(FACILITATOR, c.CloseSession())
    return s


def test_card1_gives_the_ambition_and_each_lane_to_its_agenda():
    """Card 1 gives its ambition and every post-it of template 5 to the agenda of its lane; the keys
    are the same on a second reading, so a resend adds nothing."""
    summary = summarise(card1().state)
    items = contribution.contribution(summary)
    assert [(type(i).__name__, getattr(i, "text", "")) for i in items][0] == ("AmbitionItem", AMBITION)
    agendas = [(i.agenda, i.text) for i in items if isinstance(i, m.AgendaItem)]
    assert agendas == [(SLOT[lane], text) for lane, texts in AGENDAS.items() for text in texts]
    assert [i.key for i in contribution.contribution(summary)] == [i.key for i in items]


def test_card3_starts_with_the_agendas_card1_gave():
    """Confirmed into a network, card 1's agendas are what a card-3 session starts with: each agenda
    item a post-it in its lane of template 5."""
    state = network(rules.AttachSession(session="s1"), rules.Confirm(
        session="s1", items=tuple(contribution.contribution(summarise(card1().state)))))
    prefilled = contribution.prefill([A3], state)
    assert prefilled == {A3: {"agendas": AGENDAS}}
    s = Session(boards=(A3,))
    for command in contribution.opening(prefilled):
        s.run(FACILITATOR, command)
    board = s.state.boards[A3]
    lanes = {lane: [n.text for n in board.notes["agendas"].values() if n.lane == lane] for lane in AGENDAS}
    assert lanes == AGENDAS


def test_card3_gives_its_outcome_the_radar_medians_and_agendas_never_a_dot():
    """The tree's outcome in the card's words, each pillar's median ring as a share (1 at the core,
    0 on the outer ring; a pillar nobody rated is left out), the new agenda item; nothing names a
    person or where one placed a dot."""
    items = contribution.contribution(summarise(card3().state))
    (outcome,) = [i for i in items if isinstance(i, m.OutcomeItem)]
    assert outcome.text.endswith("Je kunt dus aan de slag!")
    (reading,) = [i for i in items if isinstance(i, m.ReadingItem)]
    assert reading.name == "radar"
    assert reading.values == {"communicatie": {"mediaan": 0.75}, "tijd": {"mediaan": 0.25}}
    assert [(i.agenda, i.text) for i in items if isinstance(i, m.AgendaItem)] == [("onderzoeks", "Helpt één plan ouders?")]
    encoded = msgspec.json.encode(items).decode()
    assert not any(word in encoded for word in ("Ann", "participant", '"ring"', '"dots"', '"group"'))


def test_card3_without_an_outcome_or_dots_gives_neither():
    """A tree the group left open gives no outcome; a radar without dots no reading."""
    s = Session(boards=(A3,))
    s.run(FACILITATOR, c.SetTreeAnswer(board=A3, section="beslisboom", question="anderen", answer="nee"))
    s.run(FACILITATOR, c.CloseSession())
    assert contribution.contribution(summarise(s.state)) == []


def test_the_radar_medians_become_a_trend_per_pillar():
    """Two card-3 sessions' medians: one series per pillar, group ``mediaan``, in order."""
    first = contribution.contribution(summarise(card3().state))
    second = (m.ReadingItem(key="reading:radar:organisatiecontext", name="radar",
                            values={"tijd": {"mediaan": 0.5}}),)
    state = network(rules.AttachSession(session="s1"), rules.Confirm(session="s1", items=tuple(first)),
                    rules.AttachSession(session="s2"), rules.Confirm(session="s2", items=second))
    t = trend(state, "radar")
    assert t["sessions"] == ["s1", "s2"] and t["groups"] == ["mediaan"]
    assert t["series"]["tijd"] == {"mediaan": [0.25, 0.5]}
    assert t["series"]["communicatie"] == {"mediaan": [0.75, None]}


def test_card4_gives_its_roles_with_the_confirmed_names_only():
    """Each role with confirmed names gives them comma-separated; a participant's suggestion the
    facilitator did not confirm stays out; a role without names gives nothing."""
    s = Session(boards=(A4,))
    rings = {"board": A4, "section": "ringen"}
    s.run(FACILITATOR, c.AddRolePerson(**rings, name="Fatima", role="leernetwerktrekker"))
    s.run(FACILITATOR, c.AddRolePerson(**rings, name="Ahmed", role="deelnemer"))
    s.run(FACILITATOR, c.AddRolePerson(**rings, name="Bea", role="deelnemer"))
    eva = s.join("Eva", "deelnemer")
    s.run(eva, c.AddRolePerson(**rings, name="Eva zelf", role="procesbegeleider"))
    s.run(FACILITATOR, c.CloseSession())
    items = contribution.contribution(summarise(s.state))
    assert [(i.role, i.name) for i in items if isinstance(i, m.RoleItem)] == [
        ("leernetwerktrekker", "Fatima"), ("deelnemer", "Ahmed, Bea")]
    state = network(rules.AttachSession(session="s1"), rules.Confirm(session="s1", items=tuple(items)))
    assert state.roles == {"leernetwerktrekker": "Fatima", "deelnemer": "Ahmed, Bea"}


def test_card4_shows_the_networks_ambition_and_agendas_and_gives_back_only_what_changed():
    """Card 4 starts with the ambition and one agenda item a line in its context fields; given back
    unchanged, every item is one the network holds already (``held``), a new line is not."""
    state = network(rules.AttachSession(session="s1"), rules.Confirm(
        session="s1", items=tuple(contribution.contribution(summarise(card1().state)))))
    prefilled = contribution.prefill([A4], state)
    assert prefilled == {A4: {"ambitie": {"ambitie": AMBITION, **{lane: "\n".join(t) for lane, t in AGENDAS.items()}}}}
    s = Session(boards=(A4,))
    for command in contribution.opening(prefilled):
        s.run(FACILITATOR, command)
    s.run(FACILITATOR, c.SetText(board=A4, section="ambitie", field="onderzoek",
                                 text=prefilled[A4]["ambitie"]["onderzoek"] + "\nWie betaalt de stage?"))
    s.run(FACILITATOR, c.CloseSession())
    items = contribution.contribution(summarise(s.state))
    fresh = [i.text for i in items if not contribution.held(state, i)]
    assert fresh == ["Wie betaalt de stage?"]
    assert len(items) == 1 + 5


def test_the_kickoff_gives_and_takes_nothing():
    s = Session(boards=("kickoff",))
    s.run(FACILITATOR, c.SetText(board="kickoff", section="afspraken", field="afspraken", text="Elke maand"))
    s.run(FACILITATOR, c.CloseSession())
    assert contribution.contribution(summarise(s.state)) == []
    assert contribution.prefill(["kickoff"], network(rules.AttachSession(session="s1"), rules.Confirm(
        session="s1", items=(m.AmbitionItem(key="a", text=AMBITION),)))) == {}


def test_export_then_import_keeps_the_outcome_radar_roles_and_agendas():
    """A network holding cards 1, 3 and 4's results: its JSON export read back by an import is the
    same export, and the CSV lists the outcome, the radar rows and the roles."""
    s4 = Session(boards=(A4,))
    s4.run(FACILITATOR, c.AddRolePerson(board=A4, section="ringen", name="Fatima", role="leernetwerktrekker"))
    s4.run(FACILITATOR, c.CloseSession())
    state = network(
        rules.AttachSession(session="s1", title="Instructie 1", boards=[A1]),
        rules.Confirm(session="s1", closed_at=5, items=tuple(contribution.contribution(summarise(card1().state)))),
        rules.AttachSession(session="s3", title="Instructie 3", boards=[A3]),
        rules.Confirm(session="s3", closed_at=6, items=tuple(contribution.contribution(summarise(card3().state)))),
        rules.AttachSession(session="s4", title="Instructie 4", boards=[A4]),
        rules.Confirm(session="s4", closed_at=7, items=tuple(contribution.contribution(summarise(s4.state)))))
    doc = exchange.export(state)
    assert doc["outcomes"][0]["session"] == "s3" and doc["roles"] == {"leernetwerktrekker": "Fatima"}
    assert [r["name"] for r in doc["readings"]] == ["radar"]
    assert len(doc["agendas"]["onderzoeks"]) == 2
    copy = m.NetworkState(id="n.other")
    for e in rules.decide(copy, rules.ImportNetwork(doc=exchange.parse(msgspec.json.encode(doc)))):
        rules.apply(copy, rules.Record(seq=copy.seq + 1, at=99, event=e))
    assert exchange.export(copy) == doc
    kinds = [row[0] for row in exchange.csv_rows(copy)]
    assert kinds.count("uitkomst") == 1 and kinds.count("meting:radar") == 2 and kinds.count("rol") == 1
