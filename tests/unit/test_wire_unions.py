"""The commands and events on the wire are what they were when boards/commands.py and
boards/events.py were split into packages by area: the same tags, the same fields with the same
types and limits, the same unions msgspec decodes with, and every name the modules offered.

The golden file is ``tests/unit/wire_unions.json``; a wire change regenerates it on purpose with
``python -m tests.unit.test_wire_unions`` (and says so in docs/protocol.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from boards import commands as c
from boards import events as e

GOLDEN = Path(__file__).with_name("wire_unions.json")


def _tags(union) -> dict[str, str]:
    return {msgspec.inspect.type_info(t).tag: t.__name__ for t in union.__args__}


def _names(module) -> list[str]:
    """The names the module defines (its structs, unions and limits), not those it imports
    (typing, msgspec, the template's and the state's structs) nor its submodules."""
    from boards import state, template

    borrowed = (Annotated, Literal, msgspec.Meta, *vars(template).values(), *vars(state).values())
    return sorted(n for n, v in vars(module).items()
                  if not n.startswith("_") and n != "annotations" and not isinstance(v, type(c))
                  and not any(v is b for b in borrowed)
                  and not (isinstance(v, type) and not v.__module__.startswith(module.__name__)))


def _ours(name: str) -> bool:
    """A struct defined among the commands or the events (not the template's or the state's, which
    have their own goldens)."""
    struct = getattr(c, name, None) or getattr(e, name, None)
    return isinstance(struct, type) and struct.__module__.startswith(("boards.commands", "boards.events"))


def shape() -> dict:
    """What the golden file holds: tags, the JSON Schema of each union (fields, types, limits,
    defaults, in union order) and the public names of both modules."""
    (commands, events, record), defs = msgspec.json.schema_components(
        [c.ClientCommand, e.AnyEvent, e.Record], ref_template="#/$defs/{name}")
    return {
        "command_tags": _tags(c.ClientCommand),
        "event_tags": _tags(e.AnyEvent),
        "schema": {"commands": commands, "events": events, "record": record, "$defs": {n: d for n, d in defs.items() if _ours(n)}},
        "names": {"boards.commands": _names(c), "boards.events": _names(e)},
    }


def _now() -> dict:
    return json.loads(json.dumps(shape(), sort_keys=True))


def test_the_command_and_event_tags_are_unchanged():
    golden = json.loads(GOLDEN.read_text("utf-8"))
    now = _now()
    assert now["command_tags"] == golden["command_tags"]
    assert now["event_tags"] == golden["event_tags"]


def test_each_struct_s_fields_are_unchanged():
    golden = json.loads(GOLDEN.read_text("utf-8"))
    now = _now()
    assert now["schema"]["commands"] == golden["schema"]["commands"]
    assert now["schema"]["events"] == golden["schema"]["events"]
    assert now["schema"]["record"] == golden["schema"]["record"]
    assert sorted(now["schema"]["$defs"]) == sorted(golden["schema"]["$defs"])
    for name, schema in golden["schema"]["$defs"].items():
        assert now["schema"]["$defs"][name] == schema, name


def test_every_name_the_modules_offered_is_still_there():
    """``from boards.commands import X`` and ``c.X`` keep working for every X they had."""
    golden = json.loads(GOLDEN.read_text("utf-8"))
    for module, names in golden["names"].items():
        missing = sorted(set(names) - set(_now()["names"][module]))
        assert missing == [], module


if __name__ == "__main__":
    GOLDEN.write_text(json.dumps(shape(), indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
    print(GOLDEN)
