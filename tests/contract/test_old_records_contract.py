"""Old records still read, through each store: a kept log and snapshot go in as the bytes an earlier
version wrote, come out the same, and replay to the views they gave (see tests/replay)."""

from __future__ import annotations

import json

import pytest

from boards.projection import session_view
from server.records import unpack_snapshot
from server.store.base import SessionMeta
from tests.replay import sessions
from tests.replay.make_fixtures import SESSIONS, load_records, snapshot_path, views_path


@pytest.mark.parametrize("name", SESSIONS)
async def test_a_kept_log_reads_back_through_the_store_to_the_same_views(backend, name):
    """Stored, read back in pages and replayed, a kept log shows every frame and view it showed."""
    records = load_records(name)
    meta = SessionMeta(session=name, join_code="OLD123", facilitator_hash="f" * 64, created_at=1, epoch="e1")
    assert await backend.log.create_session(meta)
    half = len(records) // 2
    assert await backend.log.append(name, 0, records[:half])
    assert await backend.log.append(name, half, records[half:])
    read: list[bytes] = []
    while chunk := await backend.log.read(name, len(read), limit=25):
        read += chunk
    assert read == records
    want = json.loads(views_path(name).read_text("utf-8"))
    assert sessions.as_kept(sessions.views(read), want) == want


@pytest.mark.parametrize("name", SESSIONS)
async def test_a_kept_snapshot_loads_back_through_the_store(backend, name):
    """A kept snapshot saved in the store loads to the state its log folds to."""
    meta = SessionMeta(session=name, join_code="OLD124", facilitator_hash="f" * 64, created_at=1, epoch="e1")
    assert await backend.log.create_session(meta)
    records = load_records(name)
    assert await backend.log.append(name, 0, records)
    await backend.log.save_snapshot(name, len(records), snapshot_path(name).read_bytes())
    seq, data = await backend.log.load_snapshot(name)
    assert seq == len(records)
    state, _, _ = unpack_snapshot(data)
    final = json.loads(views_path(name).read_text("utf-8"))["final"]["session"]
    for audience, view in final.items():
        assert sessions.as_kept(json.loads(json.dumps(session_view(state, audience, None))), view) == view
