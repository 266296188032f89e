"""`samenspel template check FILE`: exit 0 on a good file, 1 with line, field and what on a bad one."""

from __future__ import annotations

import json

import pytest

from boards import template_file
from boards.templates import TEMPLATES
from server.cli import main


def run(argv, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out = capsys.readouterr()
    return info.value.code, out.out, out.err


def test_a_good_file_passes(tmp_path, capsys):
    path = tmp_path / "kickoff.json"
    path.write_bytes(template_file.dump(TEMPLATES["kickoff"]))
    code, out, _ = run(["template", "check", str(path)], capsys)
    assert code == 0 and "a valid template file" in out and "9 blocks" in out


def test_a_bad_file_fails_with_line_field_and_what(tmp_path, capsys):
    text = template_file.dump(TEMPLATES["kickoff"]).decode().replace('"id": "pauze2"', '"id": "pauze1"')
    path = tmp_path / "bad.json"
    path.write_text(text)
    code, _, err = run(["template", "check", str(path)], capsys)
    line = text[:text.index('"id": "pauze1"', text.index('"id": "pauze1"') + 1)].count("\n") + 1
    assert code == 1
    assert f"bad.json: line {line}, template.steps[4].id: duplicate step id 'pauze1'" in err


def test_a_missing_file_fails(tmp_path, capsys):
    code, _, err = run(["template", "check", str(tmp_path / "nope.json")], capsys)
    assert code == 1 and "cannot read" in err


def test_export_writes_a_file_that_checks(tmp_path, capsys):
    code, out, _ = run(["template", "export", "samenspel"], capsys)
    assert code == 0 and template_file.load(out.encode()) == TEMPLATES["samenspel"]
    code, out, _ = run(["template", "schema"], capsys)
    assert code == 0 and json.loads(out) == template_file.schema()
