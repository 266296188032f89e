"""A short property-based run in the suite: whatever bytes or MessagePack values arrive, decoding
and the rules answer with a stable error code or a valid command — never another exception — and a
refused command leaves the state as it was. (The long run, ≥ 100,000 frames against a real server,
is bench/fuzz_frames.py.)"""

from __future__ import annotations

import copy

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
            session = copy.deepcopy(BASE)
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
