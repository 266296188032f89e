"""Writes client/facilitation/permissions.js, the client's permission tables, from the server's
(``boards.gate.client_tables``: each kind says its own), so there is one truth and no copy to
keep equal. After adding or changing a participant command: ``python -m boards.gate_js``;
tests/unit/boards/test_gate_js.py fails while the file is not what this writes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from boards.gate import client_tables

TARGET = Path(__file__).resolve().parents[1] / "client" / "facilitation" / "permissions.js"

HEAD = """// Written by `python -m boards.gate_js` from the server's kinds (boards/gate.py, client_tables):
// do not edit; tests/unit/boards/test_gate_js.py checks it is up to date. Pure, no imports (Node runs it).
"""


def render(tables: dict[str, dict[str, str]] | None = None) -> str:
    tables = client_tables() if tables is None else tables

    def table(values: dict[str, str]) -> str:
        return "{\n" + "".join(f"  {json.dumps(k)}: {json.dumps(v)},\n" for k, v in sorted(values.items())) + "}"

    return (HEAD
            + "\n/** What kind of action each participant command is, in a step's `allows` terms (the gate). */\n"
            + f"export const COMMAND_PERMISSION = Object.freeze({table(tables['commands'])});\n"
            + "\n/** What participants do in a section of each kind, in a step's `allows` terms (none: nothing). */\n"
            + f"export const SECTION_PERMISSION = Object.freeze({table(tables['sections'])});\n")


def main() -> int:
    text = render()
    if TARGET.exists() and TARGET.read_text("utf-8") == text:
        print(f"{TARGET} is up to date")
        return 0
    TARGET.write_text(text, "utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
