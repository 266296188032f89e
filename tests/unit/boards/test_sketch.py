"""Card 1's sketches (steps 0 and 1): drawn strokes within their bounds land on the wall, one per
prompt a person; a photo only through the server (add_photo); the wall's dot rules cover them."""

from __future__ import annotations

import pytest

from boards import commands as c
from boards.errors import ErrorCode
from boards.kinds import strokes as bounds
from boards.summary import summarise
from tests.unit.boards.helpers import FACILITATOR, Session, refused

BOARD = "ambitie"
WIE = {"board": BOARD, "section": "wie", "prompt": "wie"}
WALL = {"board": BOARD, "section": "wand"}
LINE = [[0, 10, 10, 500, 500, 990, 20]]


@pytest.fixture
def session() -> Session:
    s = Session(boards=(BOARD,), on_paper=False)
    s.run(FACILITATOR, c.SetStep(board=BOARD, step="opwarmen"))
    return s


def test_a_drawn_sketch_lands_on_the_wall_once_per_prompt(session):
    eva = session.join("Eva", "deelnemer")
    (event,) = session.run(eva, c.AddSketch(**WIE, strokes=LINE))
    assert event.section == "wand" and event.item.strokes == LINE and event.item.prompt == "wie"
    assert refused(session, eva, c.AddSketch(**WIE, strokes=LINE)) == ErrorCode.LIMIT_REACHED
    assert refused(session, eva, c.AddSketch(board=BOARD, section="wie", prompt="ideaal",
                                             strokes=LINE)) == ErrorCode.NOT_FOUND
    # the pitch's prompts wait for their step
    assert refused(session, eva, c.AddSketch(board=BOARD, section="pitch", prompt="probleem",
                                             strokes=LINE)) == ErrorCode.NOT_IN_STEP


@pytest.mark.parametrize("strokes,code", [
    ([], ErrorCode.INVALID),
    ([[0, 1, 1]] * (bounds.MAX_STROKES + 1), ErrorCode.SKETCH_TOO_LARGE),
    ([[0] + [5] * (2 * bounds.MAX_POINTS_PER_STROKE + 2)], ErrorCode.SKETCH_TOO_LARGE),
    ([[0] + [5] * 2 * bounds.MAX_POINTS_PER_STROKE] * (bounds.MAX_POINTS // bounds.MAX_POINTS_PER_STROKE + 1),
     ErrorCode.SKETCH_TOO_LARGE),
    ([[0] + [1000] * 2 * 350] * 8, ErrorCode.SKETCH_TOO_LARGE),  # 2800 points but over the bytes
    ([[9, 1, 1]], ErrorCode.INVALID),
    ([[0, 1, 1001]], ErrorCode.INVALID),
    ([[0, 1, -1]], ErrorCode.INVALID),
    ([[0, 1]], ErrorCode.INVALID),
])
def test_strokes_over_the_bounds_are_refused_and_nothing_stored(session, strokes, code):
    eva = session.join("Eva", "deelnemer")
    assert refused(session, eva, c.AddSketch(**WIE, strokes=strokes)) == code


def test_only_participants_sketch_and_a_photo_is_an_item_with_its_hash(session):
    eva = session.join("Eva", "deelnemer")
    assert refused(session, FACILITATOR, c.AddSketch(**WIE, strokes=LINE)) == ErrorCode.FORBIDDEN
    (event,) = session.run(eva, c.AddPhoto(**WIE, image="a" * 32, w=1600, h=1200))
    assert event.item.image.hash == "a" * 32 and event.item.strokes is None


def test_dots_on_sketches_several_on_one_none_on_a_hidden_one(session):
    eva, finn = session.join("Eva", "deelnemer"), session.join("Finn", "deelnemer")
    (drawn,) = session.run(eva, c.AddSketch(**WIE, strokes=LINE))
    (photo,) = session.run(finn, c.AddPhoto(**WIE, image="b" * 32, w=800, h=600))
    session.run(FACILITATOR, c.SetStep(board=BOARD, step="samenvoegen"))
    for _ in range(3):
        session.run(eva, c.WallDot(**WALL, item=drawn.item.id))
    session.run(eva, c.WallDot(**WALL, item=photo.item.id))
    session.run(FACILITATOR, c.HideWallItem(**WALL, item=photo.item.id, hidden=True))
    assert session.state.boards[BOARD].walls["wand"].items[photo.item.id].image.hash == "b" * 32  # kept
    assert refused(session, finn, c.WallDot(**WALL, item=photo.item.id)) == ErrorCode.NOT_FOUND
    session.run(eva, c.WallDot(**WALL, item=drawn.item.id))
    assert refused(session, eva, c.WallDot(**WALL, item=drawn.item.id)) == ErrorCode.BUDGET_EXHAUSTED
    (wall,) = summarise(session.state, "shared")["boards"][0]["walls"]
    assert [(i["type"], i["dots"], i["most"]) for i in wall["items"]] == [("drawing", 4, True)]
    (fac,) = summarise(session.state, "facilitator")["boards"][0]["walls"]
    assert [i["type"] for i in fac["items"]] == ["drawing", "photo"]
    assert fac["items"][1]["image"] == {"hash": "b" * 32, "w": 800, "h": 600}


def test_the_client_draws_within_the_same_bounds():
    """client/board/strokes.js has the bounds of boards/kinds/strokes.py, and a long wobbly line it
    simplifies (Ramer–Douglas–Peucker, quantised) is a stroke the server takes."""
    import json
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    script = """
      const m = await import(process.argv[1]);
      const pts = Array.from({length: 5000}, (_, i) => [i / 5, 500 + 300 * Math.sin(i / 40) + (i % 7)]);
      const stroke = m.toStroke(2, pts);
      console.log(JSON.stringify({consts: [m.SCALE, m.COLOURS, m.MAX_STROKES, m.MAX_POINTS_PER_STROKE, m.MAX_POINTS, m.MAX_BYTES],
                                  stroke, fits: m.fits([], stroke)}));
    """
    run = subprocess.run(["node", "--input-type=module", "-e", script, str(root / "client/board/strokes.js")],
                         capture_output=True, text=True, timeout=30, check=True)
    out = json.loads(run.stdout)
    assert out["consts"] == [bounds.SCALE, list(bounds.COLOURS), bounds.MAX_STROKES, bounds.MAX_POINTS_PER_STROKE,
                             bounds.MAX_POINTS, bounds.MAX_BYTES]
    assert out["fits"] and 3 < len(out["stroke"]) <= 1 + 2 * bounds.MAX_POINTS_PER_STROKE
    bounds.check_strokes([out["stroke"]])


def test_the_csv_export_names_each_sketch_and_its_photo(session):
    """wall.csv: the type, the prompt and the photo's file name (its hash; the image itself stays
    on the server, behind the session's credential); the JSON export has the strokes."""
    from server.export import csv_files

    eva, finn = session.join("Eva", "deelnemer"), session.join("Finn", "deelnemer")
    session.run(eva, c.AddSketch(**WIE, strokes=LINE))
    session.run(finn, c.AddPhoto(**WIE, image="c" * 32, w=800, h=600))
    summary = summarise(session.state, "facilitator")
    rows = csv_files(summary)["wall.csv"].decode("utf-8-sig").splitlines()
    assert rows[0] == "board;section;item;text;dots;most;hidden;type;prompt;image"
    assert [r.split(";")[7:] for r in rows[1:]] == [["drawing", "wie", ""], ["photo", "wie", "c" * 32 + ".jpg"]]
    assert summary["boards"][0]["walls"][0]["items"][0]["strokes"] == LINE
