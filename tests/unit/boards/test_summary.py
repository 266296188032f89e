"""The summary model: the numbers of the board, the differ ranking, and nothing about who."""

from __future__ import annotations

import json

from boards import commands as c
from boards.actors import Actor
from boards.summary import quadrant, summarise, to_json
from tests.unit.boards.helpers import BOARD, FACILITATOR, Session

SH = "stakeholders"


def voted_session() -> tuple[Session, dict[str, Actor]]:
    """Two from the learning network and one from management voted on drijfveren."""
    s = Session()
    people = {name: s.join(name, group) for name, group in
              (("Ann", "leernetwerk"), ("Bea", "leernetwerk"), ("Max", "management"))}
    for option in ("zingeving", "impact", "autonomie"):
        s.dot(people["Ann"], "drijfveren", option)
    for option in ("zingeving", "impact", "kwaliteit"):
        s.dot(people["Bea"], "drijfveren", option)
    for option in ("resultaat", "impact", "duurzaamheid"):
        s.dot(people["Max"], "drijfveren", option)
    return s, people


def dots(summary: dict, section: str) -> dict:
    (board,) = summary["boards"]
    return next(d for d in board["dots"] if d["id"] == section)


def test_chart_numbers_equal_the_board_counts():
    """Every option's count per group in the summary is the board's own tally, shares per group."""
    s, _ = voted_session()
    section = dots(summarise(s.state), "drijfveren")
    vote = s.state.boards[BOARD].dots["drijfveren"]
    for option in section["options"]:
        for group in ("leernetwerk", "management"):
            assert option["counts"][group] == vote.counts.get(option["id"], {}).get(group, 0)
    assert section["totals"] == {"leernetwerk": 6, "management": 3}
    zingeving = next(o for o in section["options"] if o["id"] == "zingeving")
    assert zingeving["shares"] == {"leernetwerk": round(2 / 6, 4), "management": 0.0}
    assert [o["id"] for o in section["options"]][:3] == ["zingeving", "saamhorigheid", "autonomie"]  # template order


def test_differ_ranking_puts_common_ground_and_the_widest_gap_first():
    """Impact (a third of both groups' dots) leads the agreement; zingeving (a third of the
    learning network's dots, none of management's) and resultaat lead the differences."""
    s, _ = voted_session()
    section = dots(summarise(s.state), "drijfveren")
    assert section["agree"] == ["impact"]
    # a third apart first (ties in the template's order), a sixth apart next; impact (no gap) not at all
    assert section["differ"] == ["zingeving", "resultaat", "duurzaamheid", "autonomie", "kwaliteit"]
    assert {o["id"]: o["mark"] for o in section["options"]}["impact"] == "agree"


def test_anonymity_no_person_level_data_in_the_summary():
    """No participant id, name or who-placed-what is anywhere in the summary, the facilitator's
    included; check-out answers come without names."""
    s, people = voted_session()
    s.run(people["Ann"], c.CheckOut(rating=5, text="Heel fijn"))
    s.run(people["Max"], c.CheckOut(rating=3, text="Te kort"))
    s.run(people["Bea"], c.AddNote(board=BOARD, section="actie", lane="leernetwerk-doen",
                                   text="Casusoverleg plannen", owner="Bea"))
    for audience in ("facilitator", "shared"):
        text = to_json(summarise(s.state, audience)).decode()
        for actor in people.values():
            assert actor.participant not in text
        assert "Ann" not in text and "Max" not in text  # Bea is named only as the action's owner
        assert "by_person" not in text and "author" not in text
    checkout = summarise(s.state)["checkout"]
    assert checkout["count"] == 2 and checkout["average"] == 4.0
    assert checkout["ratings"]["5"] == 1 and checkout["ratings"]["3"] == 1
    assert checkout["texts"] == [{"rating": 5, "text": "Heel fijn"}, {"rating": 3, "text": "Te kort"}]


def test_a_hidden_section_shows_no_numbers_in_the_shared_summary():
    """Until the reveal, the link for the group shows no tally; the facilitator's summary does."""
    s, people = voted_session()
    s.run(FACILITATOR, c.SetHidden(board=BOARD, section="pijlers", hidden=True))
    s.dot(people["Ann"], "pijlers", "tijd")
    shared = dots(summarise(s.state, "shared"), "pijlers")
    assert shared["withheld"] and shared["options"] == [] and shared["totals"] == {}
    own = dots(summarise(s.state, "facilitator"), "pijlers")
    assert next(o for o in own["options"] if o["id"] == "tijd")["counts"]["leernetwerk"] == 1


def test_insights_per_step_and_actions_per_side_with_owners():
    """Insights sit in the lane of their step; actions in side x nodig/doen with their owner."""
    s, people = voted_session()
    s.run(FACILITATOR, c.AddNote(board=BOARD, section="inzichten", lane="drijfveren", text="Impact verbindt"))
    s.run(people["Max"], c.AddNote(board=BOARD, section="actie", lane="management-nodig",
                                   text="Tijd voor overleg", owner="MT"))
    (board,) = summarise(s.state)["boards"]
    insights = next(n for n in board["notes"] if n["id"] == "inzichten")
    assert insights["kind"] == "insights"
    assert next(l for l in insights["lanes"] if l["id"] == "drijfveren")["items"] == [{"text": "Impact verbindt"}]
    actions = next(n for n in board["notes"] if n["id"] == "actie")
    lane = next(l for l in actions["lanes"] if l["id"] == "management-nodig")
    assert (lane["side"], lane["kind"]) == ("management", "nodig")
    assert lane["items"] == [{"text": "Tijd voor overleg", "owner": "MT"}]


def test_stakeholders_coverage_quadrants_notes_and_open_assumptions():
    """Active stakeholders with their quadrant, belangen and behoeften; knowledge kinds covered or
    not; assumptions still open; one set aside is listed apart, not counted."""
    s = Session(boards=(SH,))
    ann = s.join("Ann", "deelnemer")
    (ev,) = s.run(ann, c.AddStakeholder(board=SH, section="map", category="Onderzoekers", names="Hogeschool"))
    a = ev.item.id
    s.run(ann, c.EditStakeholder(board=SH, section="map", item=a, base_version=1, category="Onderzoekers",
                                 names="Hogeschool", knowledge=("wetenschappelijk",), assumption=True))
    s.run(ann, c.PlaceInMatrix(board=SH, section="map", item=a, influence=0.8, interest=0.2))
    s.run(ann, c.AddAttachedNote(board=SH, section="map", item=a, kind="belang", text="Data verzamelen"))
    (ev,) = s.run(ann, c.AddStakeholder(board=SH, section="map", category="Ouders"))
    s.run(ann, c.SetRelevant(board=SH, section="map", item=ev.item.id, relevant=False))
    s.run(ann, c.SetCheck(board=SH, section="aannames", item="compleet", checked=True))
    (board,) = summarise(s.state)["boards"]
    (sh,) = board["stakeholders"]
    (item,) = sh["items"]
    assert item["category"] == "Onderzoekers" and item["quadrant"] == 1
    assert item["notes"] == {"belang": ["Data verzamelen"], "behoefte": []}
    assert {c["id"]: c["covered"] for c in sh["coverage"]} == {
        "ervaringskennis": False, "vakkennis": False, "wetenschappelijk": True}
    assert sh["open_assumptions"] == ["Onderzoekers"]
    assert [x["category"] for x in sh["set_aside"]] == ["Ouders"] and sh["categories"] == 1
    assert sh["checklists"][0]["items"][0] == {"id": "compleet", "label": sh["checklists"][0]["items"][0]["label"],
                                               "checked": True, "open_mark": None}
    # a "yes" to "Moet iets verder onderzocht worden?" is work to do: the template names it
    assert sh["checklists"][0]["items"][2]["open_mark"] == {"nl": "onderzoeken", "en": "to research"}
    json.loads(to_json(summarise(s.state)))  # plain JSON


def test_quadrant_edges():
    """Half-way counts as high; off the matrix is no quadrant."""
    assert quadrant(0.5, 0.5) == 0 and quadrant(0.49, 0.5) == 2 and quadrant(0.2, 0.1) == 3
    assert quadrant(None, 0.4) is None
