"""Template files: every shipped template saved and loaded gives the same board; the published
JSON Schema is the one the types give; each class of bad file is refused with where and what."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from boards import commands as c
from boards.actors import SYSTEM, Context
from boards.engine import apply, decide
from boards.errors import DomainError, ErrorCode
from boards.events import Record
from boards.projection import session_view
from boards.state import SessionState
from boards import template_file as tf
from boards.templates import TEMPLATES

SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "template.schema.json"


def created(command: c.CreateSession) -> SessionState:
    state = SessionState(session="s")
    for event in decide(state, SYSTEM, command, Context(now=1, new_id=lambda: "x")):
        apply(state, Record(seq=state.seq + 1, at=1, event=event))
    return state


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_every_shipped_template_saved_and_loaded_gives_the_same_board(template_id):
    shipped = TEMPLATES[template_id]
    loaded = tf.load(tf.dump(shipped))
    assert loaded == shipped
    by_id = created(c.CreateSession(title="T", boards=(template_id,)))
    by_file = created(c.CreateSession(title="T", boards=(), sheet=loaded))
    assert list(by_file.boards) == [template_id]
    a, b = by_id.boards[template_id], by_file.boards[template_id]
    assert msgspec.structs.replace(b, sheet=None) == a
    by_file.seq = by_id.seq  # two events (session_created, board_loaded) against one
    for audience in ("facilitator", "participant", "projector"):
        assert session_view(by_file, audience, None) == session_view(by_id, audience, None)


def test_the_published_schema_is_the_one_the_types_give():
    """docs/template.schema.json is made by `samenspel template schema > docs/template.schema.json`."""
    assert json.loads(SCHEMA.read_text("utf-8")) == tf.schema()


def kickoff() -> str:
    return tf.dump(TEMPLATES["kickoff"]).decode()


def problems(text: str | bytes) -> list[str]:
    with pytest.raises(tf.TemplateFileError) as info:
        tf.load(text.encode() if isinstance(text, str) else text)
    return [p.text() for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


BAD = {
    "not_json": (lambda t: t.replace('"version": 1,', '"version": 1,,'), "not JSON"),
    "not_utf8": (lambda t: t.encode() + b"\xff", "not UTF-8"),
    "not_an_object": (lambda t: "[1, 2]", "a template file is a JSON object"),
    "wrong_format": (lambda t: t.replace('"samenspel-template"', '"other"'), "a template file says"),
    "unknown_version": (lambda t: t.replace('"version": 1', '"version": 2'), "unknown version 2"),
    "unknown_kind": (lambda t: t.replace('"type": "open"', '"type": "poll"'), "unknown kind 'poll'"),
    "wrong_type": (lambda t: t.replace('"minutes": 30', '"minutes": "half an hour"', 1), "Expected `int`"),
    "missing_label": (lambda t: t.replace('"en": "Opening and expectations"', '"engels": "x"'),
                      "missing required field `en`"),
    "unknown_field": (lambda t: t.replace('"minutes": 30', '"minutes": 30, "minuten": 30', 1), "unknown field 'minuten'"),
    "missing_section": (lambda t: t.replace('"verwachtingen"\n', '"verwachting"\n', 1),
                        "names section 'verwachting', which the template lacks"),
    "duplicate_id": (lambda t: t.replace('"id": "pauze2"', '"id": "pauze1"'), "duplicate step id 'pauze1'"),
    "bad_id": (lambda t: t.replace('"id": "pauze2"', '"id": "pauze 2"'), "must be 1-64 letters"),
    "minutes_out_of_range": (lambda t: t.replace('"minutes": 30', '"minutes": 0', 1), "0 minutes"),
    "too_large": (lambda t: t + " " * tf.MAX_FILE_BYTES, "a template file has at most"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_file_is_refused_with_where_and_what(name):
    change, says = BAD[name]
    found = problems(change(kickoff()))
    assert any(says in p for p in found), found


def test_a_problem_names_the_line_and_the_field():
    text = kickoff().replace('"minutes": 30', '"minutes": "x"', 1)
    (found,) = problems(text)
    assert found.startswith(f"line {line_of(text, chr(34) + 'x' + chr(34))}, template.steps[0].minutes:")


def test_a_bad_sheet_never_reaches_a_session():
    broken = msgspec.structs.replace(TEMPLATES["kickoff"], steps=TEMPLATES["kickoff"].steps * 2)
    with pytest.raises(DomainError) as info:
        created(c.CreateSession(title="T", boards=(), sheet=broken))
    assert info.value.code == ErrorCode.BAD_TEMPLATE
