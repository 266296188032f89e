"""A kept snapshot of a board whose template gained a section since (card 4's ambition, issue 18)
loads with that section empty, as a replay of the log from the start has it, and every view works."""

from __future__ import annotations

import msgpack

from boards import commands as c
from boards.projection import session_view
from boards.summary import summarise
from server.records import pack_snapshot, unpack_snapshot
from tests.unit.boards.helpers import FACILITATOR, Session


def test_a_snapshot_from_before_a_section_was_added_loads_with_it_empty():
    s = Session(boards=("rollen",))
    s.run(FACILITATOR, c.AddRolePerson(board="rollen", section="ringen", name="Fatima", role="leernetwerktrekker"))
    raw = msgpack.unpackb(pack_snapshot(s.state, {}), raw=False, strict_map_key=False)
    del raw["boards"]["rollen"]["texts"]["ambitie"]  # as kept before card 4 had the section
    state, _, _ = unpack_snapshot(msgpack.packb(raw, use_bin_type=True))
    assert state.boards["rollen"].texts["ambitie"] == {"ambitie": "", "verander": "", "opleiding": "", "onderzoek": ""}
    assert [p.name for p in state.boards["rollen"].roles["ringen"].values()] == ["Fatima"]
    session_view(state, "facilitator", None)
    summarise(state)
