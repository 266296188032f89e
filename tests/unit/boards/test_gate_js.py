"""The client's permission tables (client/facilitation/permissions.js) are written from the server's
kinds (boards/gate_js.py): one truth, no copy kept equal by hand (docs/decisions.md 67)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

import msgspec

from boards import gate, gate_js, kinds
from boards.kinds.base import Kind

ROOT = Path(__file__).resolve().parents[3]
CLIENT = ROOT / "client"


def test_the_client_permission_tables_are_what_the_server_writes():
    """permissions.js is exactly what ``python -m boards.gate_js`` writes now: a participant command
    added to a kind without writing it again fails here."""
    assert gate_js.TARGET.read_text("utf-8") == gate_js.render(), "run: python -m boards.gate_js"


def test_the_tables_are_the_gate_s_and_each_kind_s():
    """``commands`` is the gate's table; ``sections`` each kind's one permission (text: none)."""
    tables = gate.client_tables()
    assert tables["commands"] == {t.__struct_config__.tag: p for t, p in gate.PERMISSION.items()}
    assert tables["sections"]["stakeholders"] == "map" and tables["sections"]["draft"] == "words"
    assert "text" not in tables["sections"]
    assert set(tables["sections"]) == {k.name for k in kinds.KINDS if k.permissions}


class SketchLine(msgspec.Struct, tag="sketch_line", kw_only=True):
    board: str
    section: str


class Sketch(Kind):
    """A kind that is only in a registry: nothing outside its own module names it."""

    name = "sketch"
    permissions: ClassVar = {SketchLine: "draw"}


def test_a_kind_only_in_the_registry_gets_its_permissions_on_the_client():
    """A kind registered beside the others brings its command's and its sections' permission into
    the client's tables without any client file naming it."""
    tables = gate.client_tables((*kinds.KINDS, Sketch()))
    assert tables["commands"]["sketch_line"] == "draw"
    assert tables["sections"]["sketch"] == "draw"
    assert "export const SECTION_PERMISSION" in gate_js.render(tables) and '"sketch": "draw"' in gate_js.render(tables)


def test_the_client_reads_the_permissions_from_the_written_module_only():
    """The gate's PERMISSION is the written table itself, and no other client module keeps a table
    of permissions (the section card asks SECTION_PERMISSION)."""
    node = shutil.which("node")
    assert node, "node is needed (make test installs it for the bundle)"
    script = ("import { PERMISSION } from './client/facilitation/gate.js';"
              "import { COMMAND_PERMISSION, SECTION_PERMISSION } from './client/facilitation/permissions.js';"
              "process.stdout.write(JSON.stringify({same: PERMISSION === COMMAND_PERMISSION, sections: SECTION_PERMISSION}));")
    run = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, cwd=ROOT,
                         timeout=30, check=True)
    out = json.loads(run.stdout)
    assert out["same"] is True and out["sections"] == gate.client_tables()["sections"]
    pair = re.compile(r"\b(place_dot|add_note|set_check|answer_tree)['\"]?\s*:\s*['\"]|\bstakeholders\s*:\s*['\"]map['\"]")
    copies = [str(p.relative_to(ROOT)) for p in CLIENT.rglob("*.js")
              if "dist" not in p.parts and p != gate_js.TARGET and pair.search(p.read_text("utf-8"))]
    assert copies == []
    assert "SECTION_PERMISSION[section.type]" in (CLIENT / "board/shell.js").read_text("utf-8")
