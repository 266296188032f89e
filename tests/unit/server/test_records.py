"""Command digests and snapshots: what lets a reused command id be told from a resend."""

from __future__ import annotations

import msgpack

from boards import commands as c
from boards.state import SessionState, to_snapshot
from server.records import SNAPSHOT_COMMANDS, command_digest, pack_snapshot, unpack_snapshot


def test_a_resend_has_the_digest_of_the_first_send_and_another_payload_another():
    """ref and id are not part of what a command asks; any field of the payload is."""
    dot = c.PlaceDot(board="samenspel", section="drijfveren", option="impact", id="abcdefgh12", ref=1)
    assert command_digest(dot) == command_digest(c.PlaceDot(board="samenspel", section="drijfveren",
                                                            option="impact", id="zzzzzzzz99", ref=7))
    assert command_digest(dot) != command_digest(c.PlaceDot(board="samenspel", section="drijfveren",
                                                            option="zingeving", id="abcdefgh12", ref=1))
    assert command_digest(dot) != command_digest(c.RemoveDot(board="samenspel", section="drijfveren",
                                                             option="impact", id="abcdefgh12", ref=1))
    assert len(command_digest(dot)) == 16


def test_a_snapshot_keeps_digests_and_one_from_before_digests_still_reads():
    state = SessionState(session="s1")
    _, commands, digests = unpack_snapshot(pack_snapshot(state, {"p1:abcdefgh12": 3}, {"p1:abcdefgh12": "00ff"}))
    assert commands == {"p1:abcdefgh12": 3} and digests == {"p1:abcdefgh12": "00ff"}
    old = to_snapshot(state)
    old[SNAPSHOT_COMMANDS] = {"p1:abcdefgh12": 3}  # as written before digests were kept
    _, commands, digests = unpack_snapshot(msgpack.packb(old, use_bin_type=True))
    assert commands == {"p1:abcdefgh12": 3} and digests == {}
