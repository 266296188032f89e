"""A short property-based run in the suite: whatever bytes or MessagePack values arrive, decoding
and the rules answer with a stable error code or a valid command — never another exception — and a
refused command leaves the state as it was. (The long run, ≥ 100,000 frames against a real server,
is bench/fuzz_frames.py.)"""

from __future__ import annotations

import copy
import itertools

import msgpack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boards.actors import Actor
from boards.errors import DomainError
from boards.state import to_snapshot
from server import frames
from tests.unit.boards.helpers import FACILITATOR, Session

TYPES = sorted(frames._BY_TYPE)
FIELDS = ["board", "section", "option", "field", "lane", "note", "item", "text", "owner", "category", "names",
          "kind", "x", "y", "influence", "interest", "hidden", "checked", "relevant", "base_version", "action",
          "seconds", "step", "session", "token", "code", "last_seq", "epoch", "ref", "t", "surface", "end"]
IDS = st.sampled_from(["samenspel", "stakeholders", "drijfveren", "impact", "map", "actie", "inzichten",
                       "leernetwerk-doen", "ambitie", "doel1", "aannames", "compleet", "belang", "x"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40), st.floats(allow_nan=True),
                    st.text(max_size=50), IDS, st.binary(max_size=8))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                      max_leaves=8)
FRAMES = st.fixed_dictionaries({"type": st.sampled_from(TYPES)},
                               optional={name: VALUES for name in FIELDS})
# Valid frames with a few fields replaced: these get past decoding, so the rules are fuzzed too.
VALID = [
    {"type": "place_dot", "board": "samenspel", "section": "drijfveren", "option": "impact"},
    {"type": "remove_dot", "board": "samenspel", "section": "drijfveren", "option": "impact"},
    {"type": "add_note", "board": "samenspel", "section": "actie", "lane": "leernetwerk-doen", "text": "x"},
    {"type": "set_text", "board": "samenspel", "section": "ambitie", "field": "ambitie", "text": "t"},
    {"type": "set_hidden", "board": "samenspel", "section": "pijlers", "hidden": True},
    {"type": "add_stakeholder", "board": "stakeholders", "section": "map", "category": "Zorg"},
    {"type": "set_check", "board": "stakeholders", "section": "aannames", "item": "compleet", "checked": True},
    {"type": "undo", "board": "stakeholders"},
    {"type": "timer", "action": "start", "seconds": 60},
    {"type": "close_session"},
]
MUTATED = st.builds(lambda base, changes: {**base, **changes}, st.sampled_from(VALID),
                    st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=3))


def _session() -> tuple[Session, list[Actor]]:
    session = Session(boards=("samenspel", "stakeholders"))
    return session, [FACILITATOR, session.join("Ann", "leernetwerk"), Actor("viewer")]


BASE, ACTORS = _session()


def _check(data: bytes) -> None:
    try:
        command = frames.decode(data, 64 * 1024)
    except DomainError:
        return
    if isinstance(command, frames.Command):
        for actor in ACTORS:
            session = Session.__new__(Session)  # BASE's state, copied (its id generator cannot be)
            session.state, session.now = copy.deepcopy(BASE.state), BASE.now
            session._ids = (f"f{i}" for i in itertools.count())
            before = to_snapshot(session.state)
            try:
                session.run(actor, command)
            except DomainError:
                assert to_snapshot(session.state) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRAMES)
def test_structured_frames_get_a_code_or_a_command(frame):
    """Frames of known types with arbitrary fields: a code, or a command the rules answer with a code."""
    _check(msgpack.packb(frame, use_bin_type=True))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_get_a_code(data):
    """Any bytes at all: a stable error code, never a crash."""
    _check(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTATED)
def test_valid_frames_with_hostile_fields_get_a_code_or_are_applied_by_the_rules(frame):
    """Valid commands with a few fields replaced by anything: refused with a code and nothing
    changed, or accepted by the rules."""
    _check(msgpack.packb(frame, use_bin_type=True))
