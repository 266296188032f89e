"""Template files: a session's run sheet saved as JSON, and loaded into a new session.

A file is ``{"format": "samenspel-template", "version": 1, "template": {…}}``, the template in the
types of boards/template.py (labels in Dutch and English). ``load`` refuses anything that is not a
well-formed template, with every problem's line, field and what is wrong, so a bad file never
reaches a session. docs/template.schema.json is ``schema()``, published (a test keeps it current).
"""

from __future__ import annotations

import json
import re
import typing
from typing import Any, Literal

import msgspec

from boards import template_check
from boards.template import Section, Template
from boards.template_check import Problem

FORMAT = "samenspel-template"
VERSION = 1
MAX_FILE_BYTES = 256 * 1024
KINDS = tuple(t.__struct_config__.tag for t in typing.get_args(Section))

__all__ = ["FORMAT", "MAX_FILE_BYTES", "TemplateFile", "TemplateFileError", "VERSION", "dump", "load", "schema"]


class TemplateFile(msgspec.Struct, forbid_unknown_fields=True):
    """A saved run sheet: a template with its sections (activities) and steps (blocks)."""

    format: Literal["samenspel-template"]
    version: Literal[1]
    template: Template


class TemplateFileError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.text() for p in problems))
        self.problems = problems


def dump(template: Template) -> bytes:
    """The template as a file: indented JSON, ending in a newline."""
    data = msgspec.json.encode(TemplateFile(format=FORMAT, version=VERSION, template=template))
    return msgspec.json.format(data, indent=2) + b"\n"


def schema() -> dict[str, Any]:
    out = msgspec.json.schema(TemplateFile)
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = "Samenspel template file"
    return json.loads(json.dumps(out))  # as JSON has it (tuples of defaults become lists)


def load(data: bytes) -> Template:
    """The template in ``data``, or TemplateFileError listing what is wrong (nothing partial)."""
    if len(data) > MAX_FILE_BYTES:
        raise TemplateFileError([Problem("file", f"{len(data)} bytes; a template file has at most {MAX_FILE_BYTES}")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateFileError([Problem("file", f"not UTF-8 text (byte {exc.start})")]) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateFileError([Problem("file", f"not JSON: {exc.msg} (column {exc.colno})", exc.lineno)]) from None
    problems = _head(raw) or _kinds(raw)
    template = None
    if not problems:
        try:
            template = msgspec.convert(raw, TemplateFile).template
        except msgspec.ValidationError as exc:
            problems = [_validation(str(exc))]
    if template is not None:
        problems = _unknown_fields(raw["template"], template, "template") + template_check.problems(template)
    if problems:
        lines = _lines(text)
        raise TemplateFileError([Problem(p.path, p.message, p.line or _line_of(lines, p.path)) for p in problems])
    return template


def _head(raw: Any) -> list[Problem]:
    if not isinstance(raw, dict):
        return [Problem("file", "a template file is a JSON object")]
    if raw.get("format") != FORMAT:
        return [Problem("format", f"is {raw.get('format')!r}; a template file says {FORMAT!r}")]
    if raw.get("version") != VERSION:
        return [Problem("version", f"unknown version {raw.get('version')!r}; this server reads version {VERSION}")]
    return []


def _kinds(raw: dict) -> list[Problem]:
    sections = raw.get("template", {}).get("sections") if isinstance(raw.get("template"), dict) else None
    out = []
    for i, section in enumerate(sections if isinstance(sections, list) else []):
        kind = section.get("type") if isinstance(section, dict) else None
        if kind not in KINDS:
            out.append(Problem(f"template.sections[{i}].type",
                               f"unknown kind {kind!r}; the kinds are {', '.join(KINDS)}"))
    return out


_AT = re.compile(r"^(.*) - at `\$(.*)`$", re.S)


def _validation(message: str) -> Problem:
    match = _AT.match(message)
    if not match:
        return Problem("file", message)
    return Problem(match.group(2).lstrip(".") or "file", match.group(1))


def _unknown_fields(raw: Any, value: Any, path: str) -> list[Problem]:
    """Fields the types do not have (a typo would otherwise be dropped without a word)."""
    out = []
    if isinstance(value, msgspec.Struct) and isinstance(raw, dict):
        fields = set(value.__struct_fields__)
        tag = value.__struct_config__.tag_field
        for key in raw:
            if key not in fields and key != tag:
                out.append(Problem(f"{path}.{key}", f"unknown field {key!r}"))
            elif key in fields:
                out += _unknown_fields(raw[key], getattr(value, key), f"{path}.{key}")
    elif isinstance(value, tuple) and isinstance(raw, list):
        for i, (r, v) in enumerate(zip(raw, value)):
            out += _unknown_fields(r, v, f"{path}[{i}]")
    return out


# --- where each value of the file starts, for "line N" --------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _lines(text: str) -> dict[str, int]:
    """path ("template.steps[0].minutes") -> the line its value starts on, for valid JSON ``text``."""
    starts: dict[str, int] = {}

    def value(i: int, path: str) -> int:
        i = _WS.match(text, i).end()
        starts[path] = i
        if text[i] == "{":
            i = _WS.match(text, i + 1).end()
            while text[i] != "}":
                key, i = json.decoder.scanstring(text, i + 1)
                i = _WS.match(text, i).end() + 1  # the colon
                i = _WS.match(text, value(i, f"{path}.{key}" if path else key)).end()
                if text[i] == ",":
                    i = _WS.match(text, i + 1).end()
            return i + 1
        if text[i] == "[":
            i = _WS.match(text, i + 1).end()
            n = 0
            while text[i] != "]":
                i = _WS.match(text, value(i, f"{path}[{n}]")).end()
                n += 1
                if text[i] == ",":
                    i = _WS.match(text, i + 1).end()
            return i + 1
        return _DECODER.raw_decode(text, i)[1]

    value(0, "")
    return {path: text.count("\n", 0, at) + 1 for path, at in starts.items()}


def _line_of(lines: dict[str, int], path: str) -> int | None:
    """The line of ``path`` or of the nearest part of it the file has (a missing field: its object)."""
    while path in lines or "." in path or "[" in path:
        if path in lines:
            return lines[path]
        path = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path)
    return None
