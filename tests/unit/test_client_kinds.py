"""The client's one list of kinds (client/board/kinds/index.js) is the server's, by the convention
the server's pages preload by (docs/decisions.md, 76): kind ``<type>``'s code is
client/board/kinds/<type>.js, its summary block's <type>.summary.js, each loaded lazily by its line
in the registry; and the board's own chunk holds no kind's component and no summary block."""

from __future__ import annotations

import re
from pathlib import Path

from boards import kinds
from server.page_kinds import of_state
from tests.unit.boards.helpers import Session

ROOT = Path(__file__).resolve().parents[2]
KINDS_DIR = ROOT / "client/board/kinds"
LINE = re.compile(r"^  (\w+): \{ load: \(\) => import\('\./(\w+)\.js'\)(?:.*summary: \(\) => import\('\./(\w+)\.summary\.js'\))?",
                  re.M)


def registry() -> dict[str, tuple[str, str | None]]:
    return {t: (m, s or None) for t, m, s in LINE.findall((KINDS_DIR / "index.js").read_text("utf-8"))}


def test_the_client_lists_the_server_s_kinds_each_loaded_from_its_own_module():
    lines = registry()
    assert set(lines) == {k.name for k in kinds.KINDS}
    for kind, (module, summary) in lines.items():
        assert module == kind and (KINDS_DIR / f"{kind}.js").is_file(), kind
        assert "export const kind" in (KINDS_DIR / f"{kind}.js").read_text("utf-8"), kind
        if summary is not None:
            assert summary == kind and (KINDS_DIR / f"{kind}.summary.js").is_file(), kind


def test_a_kind_s_module_and_the_board_import_no_summary_block():
    """The summary-* modules are the summary page's: a board never loads them."""
    board_side = [*KINDS_DIR.glob("*.js"), *(ROOT / "client/board").glob("*.js"), ROOT / "client/board.js"]
    for path in board_side:
        if path.name.endswith(".summary.js"):
            continue
        text = path.read_text("utf-8")
        assert not re.search(r"""from\s+['"][./]*summary-""", text), path.name


def test_the_server_finds_the_kinds_of_a_session_s_boards():
    session = Session(boards=("samenspel", "kickoff"))
    assert {"text", "dots", "notes", "wordcloud"} <= of_state(session.state)
    assert "stakeholders" not in of_state(session.state)
