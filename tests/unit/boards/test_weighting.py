"""Rules of the weighting ("gewichten plakken"): themes proposed within limits, dots with a budget
(several on one theme or not), none after the reveal or in a locked step, merged and hidden themes,
each person's own order and the top themes — the order and the top the same in Python and JS."""

from __future__ import annotations

import random

import pytest

from boards import commands as c
from boards.actors import SYSTEM
from boards.errors import ErrorCode
from boards.kinds.weighting import order, top
from boards.state import Theme, Weighting
from boards.summary import summarise
from server import export
from tests.golden.js import run_js
from tests.unit.boards.helpers import FACILITATOR, Session, refused

BOARD = "thema_kiezen"
W = {"board": BOARD, "section": "themas"}


@pytest.fixture
def session() -> Session:
    return Session(boards=(BOARD,))


def theme(session, actor, text) -> str:
    (event,) = session.run(actor, c.ProposeTheme(**W, text=text))
    return event.item.id


def content(session) -> Weighting:
    return session.state.boards[BOARD].weightings["themas"]


def test_proposals_over_length_over_count_empty_or_twice_are_refused(session):
    """invalid over max_len, limit_reached after five each (and at max_items), empty_answer for
    blanks, duplicate_answer for the same theme again (case, spaces and stop words aside);
    markup is kept as text."""
    eva = session.join("Eva", "deelnemer")
    assert refused(session, eva, c.ProposeTheme(**W, text="x" * 121)) == ErrorCode.INVALID
    assert refused(session, eva, c.ProposeTheme(**W, text="   ")) == ErrorCode.EMPTY_ANSWER
    first = theme(session, eva, "<b>Ouderbetrokkenheid</b>")
    assert content(session).items[first].text == "<b>Ouderbetrokkenheid</b>"
    theme(session, eva, "Vroegsignalering")
    assert refused(session, eva, c.ProposeTheme(**W, text="de  VROEGSIGNALERING")) == ErrorCode.DUPLICATE_ANSWER
    for text in ("Een", "Twee", "Drie"):
        theme(session, eva, text)
    assert refused(session, eva, c.ProposeTheme(**W, text="Zes")) == ErrorCode.LIMIT_REACHED
    for n in range(35):
        theme(session, FACILITATOR, f"Thema {n}")
    assert refused(session, FACILITATOR, c.ProposeTheme(**W, text="Eenenveertig")) == ErrorCode.LIMIT_REACHED


def test_five_dots_several_on_one_a_sixth_refused_and_taking_back_only_your_own(session):
    eva, finn = session.join("Eva", "deelnemer"), session.join("Finn", "deelnemer")
    a, b = theme(session, eva, "Een"), theme(session, eva, "Twee")
    for _ in range(5):
        session.run(eva, c.WeighTheme(**W, item=a))
    assert refused(session, eva, c.WeighTheme(**W, item=b)) == ErrorCode.BUDGET_EXHAUSTED
    assert refused(session, finn, c.WeighTheme(**W, item=a, add=False)) == ErrorCode.NO_SUCH_DOT
    assert refused(session, eva, c.WeighTheme(**W, item="nope")) == ErrorCode.NOT_FOUND
    assert refused(session, FACILITATOR, c.WeighTheme(**W, item=a)) == ErrorCode.FORBIDDEN
    assert content(session).counts == {a: 5}


def test_one_dot_per_theme_where_the_section_says_so(session):
    """several=False: a second dot on the same theme is duplicate_dot."""
    import msgspec
    from boards.templates import TEMPLATES
    spec = TEMPLATES[BOARD]
    single = msgspec.structs.replace(spec.sections[0], several=False)
    TEMPLATES[BOARD] = msgspec.structs.replace(spec, sections=(single, *spec.sections[1:]))
    try:
        eva = session.join("Eva", "deelnemer")
        a = theme(session, eva, "Een")
        session.run(eva, c.WeighTheme(**W, item=a))
        assert refused(session, eva, c.WeighTheme(**W, item=a)) == ErrorCode.DUPLICATE_DOT
    finally:
        TEMPLATES[BOARD] = spec


def test_no_dot_moves_after_the_reveal_until_hidden_again_nor_in_a_locked_step(session):
    eva = session.join("Eva", "deelnemer")
    a = theme(session, eva, "Een")
    session.run(eva, c.WeighTheme(**W, item=a))
    session.run(FACILITATOR, c.SetHidden(**W, hidden=False))
    assert refused(session, eva, c.WeighTheme(**W, item=a)) == ErrorCode.ALREADY_REVEALED
    assert refused(session, eva, c.WeighTheme(**W, item=a, add=False)) == ErrorCode.ALREADY_REVEALED
    session.run(FACILITATOR, c.SetHidden(**W, hidden=True))
    session.run(eva, c.WeighTheme(**W, item=a))
    session.run(FACILITATOR, c.SetLocked(board=BOARD, section="themas", locked=True))
    assert refused(session, eva, c.WeighTheme(**W, item=a)) == ErrorCode.SECTION_LOCKED


def test_the_step_rules_proposing_then_weighting():
    """In 'bronnen' people propose and may not weigh; in 'gewichten' the other way round; the
    time-up of 'gewichten' reveals."""
    s = Session(boards=(BOARD,), on_paper=False)
    eva = s.join("Eva", "deelnemer")
    s.run(FACILITATOR, c.SetStep(board=BOARD, step="bronnen"))
    a = theme(s, eva, "Een")
    assert refused(s, eva, c.WeighTheme(**W, item=a)) == ErrorCode.NOT_IN_STEP
    s.run(FACILITATOR, c.SetStep(board=BOARD, step="gewichten"))
    assert refused(s, eva, c.ProposeTheme(**W, text="Twee")) == ErrorCode.NOT_IN_STEP
    s.run(eva, c.WeighTheme(**W, item=a))
    s.run(FACILITATOR, c.Timer(action="start", seconds=60))
    s.now += 61_000
    s.run(SYSTEM, c.ExpireTimer())
    assert content(s).revealed and content(s).counts == {a: 1}


def test_merge_and_hide_are_the_facilitators_and_a_merged_theme_takes_no_dots(session):
    eva = session.join("Eva", "deelnemer")
    a, b = theme(session, eva, "Ouders"), theme(session, eva, "Betrokken ouders")
    assert refused(session, eva, c.MergeTheme(**W, item=b, into=a)) == ErrorCode.FORBIDDEN
    assert refused(session, eva, c.HideTheme(**W, item=b, hidden=True)) == ErrorCode.FORBIDDEN
    assert refused(session, FACILITATOR, c.MergeTheme(**W, item=a, into=a)) == ErrorCode.INVALID
    session.run(FACILITATOR, c.MergeTheme(**W, item=b, into=a))
    assert content(session).items[a].merged == 1 and content(session).items[b].merged_into == a
    assert refused(session, eva, c.WeighTheme(**W, item=b)) == ErrorCode.NOT_FOUND
    session.run(eva, c.WeighTheme(**W, item=a))
    d = theme(session, eva, "Nog een")
    session.run(eva, c.WeighTheme(**W, item=d))
    assert refused(session, FACILITATOR, c.MergeTheme(**W, item=d, into=a)) == ErrorCode.INVALID


def test_the_summary_withholds_until_the_reveal_then_marks_the_top_and_exports(session):
    eva, finn = session.join("Eva", "deelnemer"), session.join("Finn", "deelnemer")
    ids = [theme(session, eva, t) for t in ("Een", "Twee", "Drie", "Vier")]
    for who, picks in ((eva, (0, 0, 1, 2, 3)), (finn, (1, 2, 2))):
        for i in picks:
            session.run(who, c.WeighTheme(**W, item=ids[i]))
    shared = summarise(session.state, "shared")["boards"][0]["weightings"][0]
    assert shared["withheld"] and not any(i["top"] or i["dots"] for i in shared["items"])
    session.run(FACILITATOR, c.SetHidden(**W, hidden=False))
    shared = summarise(session.state, "shared")["boards"][0]["weightings"][0]
    assert [(i["text"], i["dots"], i["top"]) for i in shared["items"]] == [
        ("Drie", 3, True), ("Een", 2, True), ("Twee", 2, True), ("Vier", 1, False)]
    files = export.csv_files(summarise(session.state, "facilitator"), "nl")
    assert b"Drie;3;ja;nee;" in files["weighting.csv"]


CASES = [
    ("x0001", ["a", "b", "c", "d", "e"]),
    ("deelnemer-\u00e9\u00e9n", [f"t{n}" for n in range(20)]),
    ("p", []),
    ("q", ["zelfde"]),
]


def _contents():
    rnd = random.Random(7)
    out = []
    for _ in range(25):
        items = {f"t{n}": Theme(id=f"t{n}", text="", author="", hidden=rnd.random() < 0.2) for n in range(rnd.randint(0, 8))}
        counts = {i: rnd.randint(0, 4) for i in items if rnd.random() < 0.8}
        out.append((Weighting(items=items, counts={k: v for k, v in counts.items() if v}), rnd.randint(0, 4)))
    return out


def test_each_persons_order_is_the_same_in_python_and_the_client_and_stays():
    """Shuffled per person, the same on every reload (no randomness), the same rule in JS."""
    got = run_js("client/board/kinds/weighting-rules.js", "themeOrder", "call", [{"args": [p, ids]} for p, ids in CASES])
    assert got == [order(p, ids) for p, ids in CASES]
    assert order("x0001", list("abcde")) != list("abcde") or order("x0002", list("abcde")) != list("abcde")
    assert order("x0001", list("abcde")) == order("x0001", list("edcba"))


def test_the_top_themes_are_the_same_in_python_and_the_client():
    cases = _contents()
    runs = [{"args": [{"items": [{"id": t.id, "hidden": t.hidden} for t in w.items.values()], "counts": w.counts}, n]}
            for w, n in cases]
    assert run_js("client/board/kinds/weighting-rules.js", "topThemes", "call", runs) == [top(w, n) for w, n in cases]
