"""The store's retention and sharing methods, the same on both backends."""

from __future__ import annotations

import time

from server.store.base import Backend
from tests.contract.test_store_contract import create, meta


def later(ms: int = 3_600_000) -> int:
    return int(time.time() * 1000) + ms


async def test_delete_session_removes_it_and_leaves_others(backend: Backend) -> None:
    """After delete_session the session, its code, credentials, log, snapshot and share are gone;
    another session keeps all of its own."""
    for sid in ("s1", "s2"):
        await create(backend, sid)
        await backend.log.add_credential(sid, "tok", "p1")
        await backend.log.append(sid, 0, [b"a", b"b"])
        await backend.log.save_snapshot(sid, 2, b"snap")
        await backend.log.set_share(sid, "share-hash")
        await backend.log.touch(sid, later())
    assert await backend.log.delete_session("s1")
    assert await backend.log.session("s1") is None
    assert await backend.log.session_by_code("C-s1") is None
    assert await backend.log.credential("s1", "tok") is None
    assert await backend.log.read("s1", 0) == []
    assert await backend.log.load_snapshot("s1") is None
    assert await backend.log.expires_at("s1") is None
    assert await backend.log.share_hash("s1") is None
    assert not await backend.log.delete_session("s1")  # nothing left to delete
    assert await backend.log.session("s2") == meta("s2", "C-s2")
    assert await backend.log.read("s2", 0) == [b"a", b"b"]
    assert await backend.log.share_hash("s2") == "share-hash"


async def test_share_hash_on_replaced_and_off(backend: Backend) -> None:
    """One share link at a time: setting replaces, None turns it off."""
    await create(backend)
    assert await backend.log.share_hash("s1") is None
    await backend.log.set_share("s1", "one")
    await backend.log.set_share("s1", "two")
    assert await backend.log.share_hash("s1") == "two"
    await backend.log.set_share("s1", None)
    assert await backend.log.share_hash("s1") is None


async def test_touch_sets_when_the_session_expires(backend: Backend) -> None:
    """touch moves the expiry; expires_at reports it (to the millisecond on both stores)."""
    await create(backend)
    first, second = later(), later(7_200_000)
    await backend.log.touch("s1", first)
    assert await backend.log.expires_at("s1") == first
    await backend.log.touch("s1", second)
    assert await backend.log.expires_at("s1") == second


async def test_trim_keeps_what_the_snapshot_does_not_cover(backend: Backend) -> None:
    """After a snapshot at seq 3, trim may drop records 1-2 but keeps 3 onwards, so the log still
    ends where it ended and appends compare as before."""
    await create(backend)
    await backend.log.append("s1", 0, [b"r1", b"r2", b"r3", b"r4"])
    await backend.log.save_snapshot("s1", 3, b"snap")
    await backend.log.trim("s1")
    assert (await backend.log.read("s1", 2))[:2] == [b"r3", b"r4"]
    assert not await backend.log.append("s1", 3, [b"late"])
    assert await backend.log.append("s1", 4, [b"r5"])


async def test_a_snapshot_written_after_the_deletion_goes_at_the_next_touch(backend: Backend) -> None:
    """A write that raced the deletion (a snapshot saved just after it) leaves nothing behind once
    the change that made it pushes the expiry (Redis) or the sweep runs (embedded)."""
    await create(backend)
    await backend.log.append("s1", 0, [b"r1"])
    assert await backend.log.delete_session("s1")
    await backend.log.save_snapshot("s1", 1, b"late")
    await backend.log.touch("s1", later())
    for session in await backend.log.expired(int(time.time() * 1000), later()):
        await backend.log.delete_session(session)
    assert await backend.log.load_snapshot("s1") is None
    assert await backend.log.expires_at("s1") is None


async def test_expired_lists_the_sessions_whose_time_is_up_until_they_are_deleted(backend: Backend) -> None:
    """A session touched with a time already past is listed by expired() on both stores (on Redis
    too, though Redis deletes its keys itself: the server must still end it everywhere), one with
    a time to come is not, and a deleted one is listed no more."""
    for sid in ("old", "new"):
        await create(backend, sid)
    now = int(time.time() * 1000)
    await backend.log.touch("old", now - 1000)
    await backend.log.touch("new", later())
    assert await backend.log.expired(now, later()) == ["old"]
    await backend.log.delete_session("old")
    assert await backend.log.expired(now, later()) == []


async def test_missing_names_the_held_sessions_the_store_no_longer_has(backend: Backend) -> None:
    """missing() answers which of the sessions an instance holds are gone from the store: on Redis
    those whose keys expired (none are on the embedded store, where only a deletion removes one, and
    the server runs it itself)."""
    await create(backend, "kept")
    await create(backend, "lapsed")
    await backend.log.touch("lapsed", int(time.time() * 1000) - 1000)  # Redis deletes its keys now
    expected = ["lapsed"] if await backend.log.session("lapsed") is None else []
    assert await backend.log.missing(["kept", "lapsed"]) == expected


async def test_redis_every_key_of_a_session_and_its_code_expire_together(redis_server, open_backends) -> None:
    """After a touch, each lasting key of the session (meta, log, credentials, snapshot, share) and
    its join-code key carry the same absolute expiry: nothing outlives the session."""
    from tests.contract.conftest import flushall

    flushall(redis_server.port)
    rb = open_backends(redis_server.url)
    await create(rb, "s1", "CODE01")
    await rb.log.add_credential("s1", "tok", "p1")
    await rb.log.append("s1", 0, [b"r1"])
    await rb.log.save_snapshot("s1", 1, b"snap")
    at = later()
    await rb.log.touch("s1", at)
    await rb.log.set_share("s1", "share-hash")  # written after the touch: takes the meta's expiry
    r = rb.log._r
    keys = [k for k in await r.keys("*") if k != b"ss:expiry"]  # the index of every session's expiry
    assert {k.decode() for k in keys} == {"ss:{s1}:meta", "ss:{s1}:log", "ss:{s1}:cred", "ss:{s1}:snap",
                                         "ss:{s1}:share", "ss:code:CODE01"}
    assert {k.decode(): await r.pexpiretime(k) for k in keys} == {k.decode(): at for k in keys}
    assert await r.zscore("ss:expiry", "s1") == at
