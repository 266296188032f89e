"""A learning network's rules: each board's contribution, the confirmation, action status, the
pillars' trend, and the export that an import reads back."""

from __future__ import annotations

import msgspec
import pytest

from boards import commands as c
from boards.errors import DomainError, ErrorCode
from boards.network import contribution, exchange, rules
from boards.network import model as m
from boards.network.trend import trend
from boards.summary import summarise
from tests.unit.boards.helpers import BOARD, FACILITATOR, Session

SH = "stakeholders"


def network(*commands: rules.Command) -> m.NetworkState:
    state = m.NetworkState(id="n.test")
    for command in (rules.StartNetwork(name="Leernetwerk Zorg"), *commands):
        events = rules.decide(state, command)
        rules.fold(state.id, [rules.Record(seq=state.seq + i, at=1000 + state.seq, command=command.id, event=e)
                              for i, e in enumerate(events, start=1)], state)
    return state


def samenspel_session() -> Session:
    """A closed Samenspel session: ambition and goals, a pillar vote, two actions with owners."""
    s = Session()
    for field, text in (("ambitie", "Samen sterker in de wijk"), ("doel1", "Minder overdrachten"),
                        ("doel2", "Meer tijd voor scholing")):
        s.run(FACILITATOR, c.SetText(board=BOARD, section="ambitie", field=field, text=text))
    ann, max_ = s.join("Ann", "leernetwerk"), s.join("Max", "management")
    for option in ("communicatie", "samenwerking", "capaciteit"):
        s.dot(ann, "pijlers", option)
    for option in ("communicatie", "capaciteit"):
        s.dot(max_, "pijlers", option)
    s.run(FACILITATOR, c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen", text="Intervisie plannen",
                                 owner="Ann"))
    s.run(FACILITATOR, c.AddNote(board=BOARD, section="actie", lane="management-doen", text="Rooster vrijmaken",
                                 owner="Max"))
    s.run(FACILITATOR, c.CloseSession())
    return s


def test_samenspel_gives_ambition_goals_a_pillar_reading_and_actions():
    """A Samenspel summary gives the ambition, both goals, the pillars' shares per group, and each
    action with its owner; the keys are the same on a second reading (so a resend adds nothing)."""
    summary = summarise(samenspel_session().state)
    items = contribution.contribution(summary)
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["AmbitionItem", "GoalItem", "GoalItem", "ReadingItem", "ActionItem", "ActionItem"]
    reading = next(i for i in items if isinstance(i, m.ReadingItem))
    assert reading.name == "pillars"
    assert reading.values["communicatie"] == {"leernetwerk": round(1 / 3, 4), "management": 0.5}
    actions = [(i.text, i.owner) for i in items if isinstance(i, m.ActionItem)]
    assert actions == [("Intervisie plannen", "Ann"), ("Rooster vrijmaken", "Max")]
    assert [i.key for i in contribution.contribution(summary)] == [i.key for i in items]
    assert "participant" not in msgspec.json.encode(items).decode()  # no per-person data


def test_stakeholder_map_gives_its_relevant_stakeholders_with_belangen_and_behoeften():
    """The map gives each stakeholder that stayed relevant, its notes sorted into belangen and behoeften."""
    s = Session(boards=(SH,))
    s.run(FACILITATOR, c.SetText(board=SH, section="ambitie", field="ambitie", text="Zorg dichtbij"))
    (added,) = s.run(FACILITATOR, c.AddStakeholder(board=SH, section="map", category="Huisartsen",
                                                   names="Praktijk Oost", x=0.5, y=0.5))
    sid = added.item.id
    s.run(FACILITATOR, c.AddAttachedNote(board=SH, section="map", item=sid, kind="belang",
                                         text="Minder verwijzingen"))
    s.run(FACILITATOR, c.AddAttachedNote(board=SH, section="map", item=sid, kind="behoefte",
                                         text="Duidelijke afspraken"))
    items = contribution.contribution(summarise(s.state))
    assert isinstance(items[0], m.AmbitionItem) and items[0].text == "Zorg dichtbij"
    (holder,) = [i for i in items if isinstance(i, m.StakeholderItem)]
    assert (holder.category, holder.names, holder.belangen, holder.behoeften) == (
        "Huisartsen", "Praktijk Oost", ("Minder verwijzingen",), ("Duidelijke afspraken",))


def test_a_new_session_starts_from_the_networks_ambition_and_goals():
    """Samenspel takes ambition and both goals; the stakeholder map takes the ambition as its centre."""
    state = network(rules.AttachSession(session="s1", title="Kick-off"),
                    rules.Confirm(session="s1", items=(m.AmbitionItem(key="a", text="Samen leren"),
                                                       m.GoalItem(key="g1", slot=1, text="Doel één"))))
    assert contribution.prefill(["samenspel", SH], state) == {
        "samenspel": {"ambitie": {"ambitie": "Samen leren", "doel1": "Doel één"}},
        SH: {"ambitie": {"ambitie": "Samen leren"}},
    }


def test_confirming_twice_adds_each_item_once_and_keeps_every_ambition_version():
    """The same items confirmed again add nothing; a later session's ambition is a new version."""
    items = (m.AmbitionItem(key="x/ambition", text="Eerste ambitie"),
             m.ActionItem(key="x/act1", text="Plan maken", owner="Ann"))
    state = network(rules.AttachSession(session="s1"), rules.Confirm(session="s1", items=items),
                    rules.Confirm(session="s1", items=items), rules.AttachSession(session="s2"),
                    rules.Confirm(session="s2", items=(m.AmbitionItem(key="x/ambition", text="Tweede ambitie"),)))
    assert [(a.text, a.session) for a in state.ambitions] == [("Eerste ambitie", "s1"), ("Tweede ambitie", "s2")]
    assert len(state.actions) == 1
    assert state.session("s1").confirmed == 2


def test_confirm_of_a_session_not_in_the_network_is_refused():
    with pytest.raises(DomainError) as info:
        network(rules.Confirm(session="elders", items=(m.AmbitionItem(key="a", text="x"),)))
    assert info.value.code == ErrorCode.NOT_FOUND


def test_action_status_moves_and_an_unknown_action_is_refused():
    """open -> bezig -> klaar; setting the same status again is no change; a wrong id is not_found."""
    state = network(rules.AttachSession(session="s1"),
                    rules.Confirm(session="s1", items=(m.ActionItem(key="k", text="Plan", owner="Bo"),)))
    (action,) = state.actions
    for status in ("bezig", "klaar"):
        rules.fold(state.id, [rules.Record(seq=state.seq + 1, at=5, event=e) for e in
                              rules.decide(state, rules.SetActionStatus(action=action, status=status))], state)
        assert state.actions[action].status == status
    assert rules.decide(state, rules.SetActionStatus(action=action, status="klaar")) == []
    with pytest.raises(DomainError) as info:
        rules.decide(state, rules.SetActionStatus(action="nope", status="open"))
    assert info.value.code == ErrorCode.NOT_FOUND


def test_actions_over_the_cap_are_refused_whole():
    """A confirm that would pass the actions cap stores none of its items."""
    state = network(rules.AttachSession(session="s1"))
    too_many = tuple(m.ActionItem(key=f"k{i}", text=f"Actie {i}") for i in range(m.MAX_ACTIONS + 1))
    with pytest.raises(DomainError) as info:
        rules.decide(state, rules.Confirm(session="s1", items=too_many))
    assert info.value.code == ErrorCode.LIMIT_REACHED


def test_pillar_trend_gives_each_pillar_and_group_one_value_per_session():
    """Two sessions' readings become series per pillar and group, in confirmation order."""
    first = m.ReadingItem(key="r", name="pillars", values={"tijd": {"leernetwerk": 0.5, "management": 0.25},
                                                           "structuur": {"leernetwerk": 0.1}})
    second = m.ReadingItem(key="r", name="pillars", values={"tijd": {"leernetwerk": 0.2, "management": 0.25}})
    state = network(rules.AttachSession(session="s1"), rules.Confirm(session="s1", items=(first,)),
                    rules.AttachSession(session="s2"), rules.Confirm(session="s2", items=(second,)))
    t = trend(state)
    assert t["sessions"] == ["s1", "s2"]
    assert t["groups"] == ["leernetwerk", "management"]
    assert t["series"]["tijd"] == {"leernetwerk": [0.5, 0.2], "management": [0.25, 0.25]}
    assert t["series"]["structuur"] == {"leernetwerk": [0.1, None], "management": [None, None]}


def test_export_then_import_gives_an_identical_network():
    """The JSON export read back by an import makes a network whose export is the same."""
    state = network(rules.AttachSession(session="s1", title="Kick-off", boards=["samenspel"]),
                    rules.Confirm(session="s1", closed_at=7, items=contribution.contribution(
                        summarise(samenspel_session().state))))
    doc = exchange.export(state)
    copy = m.NetworkState(id="n.other")
    for e in rules.decide(copy, rules.ImportNetwork(doc=exchange.parse(msgspec.json.encode(doc)))):
        rules.apply(copy, rules.Record(seq=copy.seq + 1, at=99, event=e))
    assert exchange.export(copy) == doc


@pytest.mark.parametrize(("change", "code"), [
    ({"version": 2}, ErrorCode.INVALID),
    ({"format": "samenspel.summary"}, ErrorCode.INVALID),
    ({"actions": [{"id": f"a{i}", "text": "x", "owner": "", "lane": "", "status": "open", "session": "s",
                   "at": 0} for i in range(m.MAX_ACTIONS + 1)]}, ErrorCode.LIMIT_REACHED),
])
def test_an_import_with_a_wrong_version_or_over_the_caps_is_refused(change, code):
    doc = {**exchange.export(network()), **change}
    with pytest.raises(DomainError) as info:
        exchange.parse(msgspec.json.encode(doc))
    assert info.value.code == code


def test_a_review_gives_the_marked_actions_status_and_the_network_takes_it():
    """The review section takes the open actions and gives back each marked one's status; an
    unmarked action keeps its own."""
    state = network(rules.AttachSession(session="s1"), rules.Confirm(session="s1", items=(
        m.ActionItem(key="a", text="Plan", owner="Ann"), m.ActionItem(key="b", text="Zaal"))))
    taken = contribution.prefill(["actiepunten", "samenspel"], state)["actiepunten"]["acties"]
    assert [i["text"] for i in taken] == ["Plan", "Zaal"]
    s = Session(boards=("actiepunten", BOARD))
    for command in contribution.opening({"actiepunten": {"acties": taken}}):
        s.run(FACILITATOR, command)
    s.run(FACILITATOR, c.MarkReview(board="actiepunten", section="acties", item=taken[0]["id"], mark="klaar"))
    s.run(FACILITATOR, c.CloseSession())
    items = [i for i in contribution.contribution(summarise(s.state)) if isinstance(i, m.ActionStatusItem)]
    assert [(i.action, i.status) for i in items] == [(taken[0]["id"], "klaar")]
    state2 = network(rules.AttachSession(session="s1"), rules.Confirm(session="s1", items=(
        m.ActionItem(key="a", text="Plan", owner="Ann"), m.ActionItem(key="b", text="Zaal"))),
        rules.AttachSession(session="s2"), rules.Confirm(session="s2", items=tuple(items)))
    assert sorted(a.status for a in state2.actions.values()) == ["klaar", "open"]
