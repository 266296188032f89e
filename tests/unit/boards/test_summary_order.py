"""The summary page shows a board's sections in its template's order, whatever their kinds: the
server sends each board's section ids in that order (``order``), the page places each kind's block
by it (client/summary-order.js, asked of the client's registry)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from boards import kinds
from boards.summary import section_order, summarise
from tests.unit.boards.helpers import Session

ROOT = Path(__file__).resolve().parents[3]


def test_the_order_is_the_template_s_across_kinds():
    """Card 1 interleaves kinds (sketch, sketch, wall, text, draft, text, notes): the order is the template's, and
    every id in it is a section of the board's summary lists (or gathered into another's)."""
    session = Session(boards=("ambitie", "kickoff"))
    order = section_order(session.state)
    assert order == {"ambitie": ["wie", "pitch", "wand", "zinnen", "concreet", "ambitie", "agendas"],
                     "kickoff": ["verwachtingen", "thema", "cirkel", "klaar", "exploreervraag", "contract", "afspraken",
                                 "checkout"]}
    summary = summarise(session.state)
    for board in summary["boards"]:
        listed = {s["id"] for k in kinds.KINDS if k.summary_key in board for s in board[k.summary_key]}
        assert listed == set(order[board["id"]])


def blocks(board: dict, order: list[str] | None) -> list[list[str]]:
    """client/summary-order.js's summaryBlocks on ``board`` with a registry of kinds that declare a
    summary, one of them ('sketch') a kind that nothing but the registry names."""
    node = shutil.which("node")
    assert node, "node is needed (make test installs it for the bundle)"
    script = f"""import {{ summaryBlocks }} from './client/summary-order.js';
const show = () => null;
const kinds = {{ text: {{ type: 'text', summaryKey: 'texts', summary: show }},
  dots: {{ type: 'dots', summaryKey: 'dots', summary: show }},
  sketch: {{ type: 'sketch', summaryKey: 'sketches', summary: show }},
  quiet: {{ type: 'quiet', summaryKey: 'quiets' }},
  board_only: {{ type: 'board_only' }} }};
const out = summaryBlocks({json.dumps(board)}, {json.dumps(order)}, kinds).map((b) => [b.kind.type, b.section.id]);
process.stdout.write(JSON.stringify(out));"""
    run = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, cwd=ROOT,
                         timeout=30, check=True)
    return json.loads(run.stdout)


def test_the_page_lists_blocks_in_the_template_s_order_and_a_new_kind_by_its_registry_line():
    """Sections of three kinds interleaved come out in ``order``; the 'sketch' kind shows because
    its registry entry says where its sections are; a kind without a summary shows nothing; a
    section ``order`` does not name comes last, and without ``order`` the registry's order holds."""
    board = {"id": "b", "texts": [{"id": "t1"}, {"id": "t2"}], "dots": [{"id": "d1"}],
             "sketches": [{"id": "s1"}], "quiets": [{"id": "q1"}]}
    assert blocks(board, ["t1", "s1", "d1", "q1", "t2"]) == [["text", "t1"], ["sketch", "s1"], ["dots", "d1"], ["text", "t2"]]
    assert blocks(board, ["d1", "t2"]) == [["dots", "d1"], ["text", "t2"], ["text", "t1"], ["sketch", "s1"]]
    assert blocks(board, None) == [["text", "t1"], ["text", "t2"], ["dots", "d1"], ["sketch", "s1"]]
