"""The store contract: the same behaviour from the embedded backend and from Redis.

The first part runs against both backends; the second only against Redis, for
what only a shared, networked store can do wrong (expiry, reconnects, outages).
"""

from __future__ import annotations

import asyncio
import os

import msgpack
import pytest
from redis.crc import key_slot

from server.store.base import Backend, SessionMeta, StoreUnavailable
from server.store.redis import RESYNC, LogRewound, SessionLost
from tests.contract.conftest import FAST, flushall
from tests.support.redis_server import RedisServer

WAIT = 5.0  # generous upper bound for anything that should arrive; tests pass far faster


def meta(session: str = "s1", code: str = "ABC123", epoch: str = "e1") -> SessionMeta:
    return SessionMeta(session=session, join_code=code, facilitator_hash="f" * 64, created_at=1_700_000_000_000,
                       epoch=epoch)


async def create(backend: Backend, session: str = "s1", code: str | None = None) -> SessionMeta:
    m = meta(session, code or f"C-{session}")
    assert await backend.log.create_session(m)
    return m


def collect(queue: asyncio.Queue, session: str):
    def handler(payload: bytes) -> None:
        queue.put_nowait((session, payload))
    return handler


async def next_item(queue: asyncio.Queue, timeout: float = WAIT):
    return await asyncio.wait_for(queue.get(), timeout)


class BlockingHandler:
    """A broker handler that collects payloads into ``got`` and stops at b"block" until released."""

    def __init__(self) -> None:
        self.got: asyncio.Queue = asyncio.Queue()
        self.blocked = asyncio.Event()
        self.release = asyncio.Event()

    async def __call__(self, payload: bytes) -> None:
        if payload == b"block":
            self.blocked.set()
            await self.release.wait()
        self.got.put_nowait(payload)


# --- both backends -------------------------------------------------------------------------------


async def test_create_session_then_find_it_by_id_and_code(backend: Backend) -> None:
    """A created session is found by its id and by its join code, with every field intact."""
    m = meta("s1", "ABC123", epoch="epoch-1")
    assert await backend.log.create_session(m)
    assert await backend.log.session("s1") == m
    assert await backend.log.session_by_code("ABC123") == m


async def test_join_code_is_unique(backend: Backend) -> None:
    """A second session with a taken join code is refused and the first keeps the code."""
    first = meta("s1", "ABC123")
    assert await backend.log.create_session(first)
    assert not await backend.log.create_session(meta("s2", "ABC123"))
    assert await backend.log.session("s2") is None
    assert await backend.log.session_by_code("ABC123") == first
    assert await backend.log.create_session(meta("s2", "XYZ789"))


async def test_unknown_session_and_code_are_none(backend: Backend) -> None:
    """Looking up a session or join code that does not exist gives None."""
    assert await backend.log.session("nope") is None
    assert await backend.log.session_by_code("NOPE00") is None
    assert await backend.log.load_snapshot("nope") is None
    assert await backend.log.read("nope", 0) == []


async def test_credentials_belong_to_their_session(backend: Backend) -> None:
    """A token hash maps to its participant within its own session only."""
    await create(backend, "s1")
    await create(backend, "s2")
    await backend.log.add_credential("s1", "hash-a", "p1")
    await backend.log.add_credential("s1", "hash-b", "p2")
    assert await backend.log.credential("s1", "hash-a") == "p1"
    assert await backend.log.credential("s1", "hash-b") == "p2"
    assert await backend.log.credential("s2", "hash-a") is None
    assert await backend.log.credential("s1", "hash-z") is None


async def test_append_at_the_expected_seq_succeeds(backend: Backend) -> None:
    """Appends at the log's end succeed and the records read back in order."""
    await create(backend)
    assert await backend.log.append("s1", 0, [b"r1", b"r2"])
    assert await backend.log.append("s1", 2, [b"r3"])
    assert await backend.log.read("s1", 0) == [b"r1", b"r2", b"r3"]


async def test_stale_append_is_refused_and_writes_nothing(backend: Backend) -> None:
    """An append whose expected seq is not the log's end returns False and stores none of its records."""
    await create(backend)
    assert await backend.log.append("s1", 0, [b"r1", b"r2"])
    assert not await backend.log.append("s1", 1, [b"late-a", b"late-b"])
    assert not await backend.log.append("s1", 0, [b"stale"])
    assert await backend.log.read("s1", 0) == [b"r1", b"r2"]


async def test_concurrent_appenders_at_the_same_seq_exactly_one_wins(backend: Backend) -> None:
    """Of many appends racing at the same expected seq exactly one succeeds, and only its records are stored."""
    await create(backend)
    await backend.log.append("s1", 0, [b"base"])
    results = await asyncio.gather(*(backend.log.append("s1", 1, [b"w%d-a" % i, b"w%d-b" % i]) for i in range(40)))
    assert results.count(True) == 1
    winner = results.index(True)
    assert await backend.log.read("s1", 0) == [b"base", b"w%d-a" % winner, b"w%d-b" % winner]


async def test_appends_to_several_sessions_at_once_are_each_checked_alone(backend: Backend) -> None:
    """Appends made together (one store round trip for all, where the backend groups them) each
    succeed or are refused by their own session's log, never by another's."""
    for i in range(5):
        await create(backend, f"s{i}", f"CODE0{i}")
    assert await backend.log.append("s0", 0, [b"a"])
    results = await asyncio.gather(*(backend.log.append(f"s{i}", 0, [b"x%d" % i]) for i in range(5)))
    assert results == [False, True, True, True, True]
    assert [await backend.log.read(f"s{i}", 0) for i in range(5)] == [[b"a"], [b"x1"], [b"x2"], [b"x3"], [b"x4"]]


async def test_read_after_and_limit(backend: Backend) -> None:
    """read returns the records after a seq, in order, at most limit of them."""
    await create(backend)
    records = [b"r%d" % i for i in range(1, 11)]
    assert await backend.log.append("s1", 0, records[:4])
    assert await backend.log.append("s1", 4, records[4:])
    assert await backend.log.read("s1", 0) == records
    assert await backend.log.read("s1", 3, limit=4) == records[3:7]
    assert await backend.log.read("s1", 9) == records[9:]
    assert await backend.log.read("s1", 10) == []
    assert await backend.log.read("s1", 99) == []
    assert await backend.log.read("s1", 0, limit=1) == records[:1]


async def test_binary_records_round_trip_untouched(backend: Backend) -> None:
    """Arbitrary bytes (NUL, invalid UTF-8, MessagePack, empty, large) come back byte for byte."""
    await create(backend)
    records = [
        b"\xff\xfe\xfd\x80\xc3\x28",  # invalid UTF-8
        b"\x00\x00\r\n\x00",
        msgpack.packb({"seq": 1, "event": {"type": "dot", "bytes": b"\x00\xff"}}),
        b"",
        os.urandom(256 * 1024),
        bytes(range(256)),
    ]
    assert await backend.log.append("s1", 0, records)
    assert await backend.log.read("s1", 0) == records
    await backend.log.save_snapshot("s1", 6, records[0] + records[4])
    assert await backend.log.load_snapshot("s1") == (6, records[0] + records[4])


async def test_newer_snapshot_wins_older_is_ignored(backend: Backend) -> None:
    """A snapshot replaces the stored one only when its seq is higher."""
    await create(backend)
    assert await backend.log.load_snapshot("s1") is None
    await backend.log.save_snapshot("s1", 5, b"five")
    await backend.log.save_snapshot("s1", 10, b"ten")
    await backend.log.save_snapshot("s1", 7, b"seven")
    assert await backend.log.load_snapshot("s1") == (10, b"ten")


async def test_broker_delivers_only_to_subscribed_sessions(backend: Backend) -> None:
    """A published payload reaches its session's handler unchanged, and no other session's."""
    got: asyncio.Queue = asyncio.Queue()
    await backend.broker.subscribe("a", collect(got, "a"))
    await backend.broker.subscribe("b", collect(got, "b"))
    await backend.broker.publish("x", b"nobody listens")
    await backend.broker.publish("a", b"\x00\xff to a")
    await backend.broker.publish("b", b"to b")
    assert await next_item(got) == ("a", b"\x00\xff to a")
    assert await next_item(got) == ("b", b"to b")
    assert got.empty()


async def test_broker_stops_delivering_after_unsubscribe(backend: Backend) -> None:
    """After unsubscribe a session's handler gets nothing more; other sessions are unaffected."""
    got: asyncio.Queue = asyncio.Queue()
    await backend.broker.subscribe("a", collect(got, "a"))
    await backend.broker.subscribe("c", collect(got, "c"))
    await backend.broker.publish("a", b"one")
    assert await next_item(got) == ("a", b"one")
    await backend.broker.unsubscribe("a")
    await backend.broker.publish("a", b"two")
    await backend.broker.publish("c", b"marker")  # published after "two": if "two" came, it came first
    assert await next_item(got) == ("c", b"marker")
    assert got.empty()


async def test_presence_enter_leave_online(backend: Backend) -> None:
    """online lists the who of each entered connection of that session until it leaves."""
    p = backend.presence
    who1, who2, who3 = msgpack.packb({"role": "viewer"}), b"\xff\x00opaque", msgpack.packb({"role": "facilitator"})
    await p.enter("s1", "c1", who1)
    await p.enter("s1", "c2", who2)
    await p.enter("s2", "c3", who3)
    assert sorted(await p.online("s1")) == sorted([who1, who2])
    assert await p.online("s2") == [who3]
    await p.leave("s1", "c1")
    await p.leave("s1", "never-entered")
    assert await p.online("s1") == [who2]
    await p.leave("s1", "c2")
    assert await p.online("s1") == []
    assert await p.online("nobody") == []


async def test_last_seqs_of_several_sessions_in_one_call(backend: Backend) -> None:
    """last_seqs gives each session's last sequence number, 0 for an empty or unknown log."""
    await create(backend, "s1", "CODE01")
    await create(backend, "s2", "CODE02")
    assert await backend.log.append("s1", 0, [b"r1", b"r2", b"r3"])
    assert await backend.log.append("s2", 0, [b"q1"])
    assert await backend.log.last_seqs(["s1", "s2", "nobody"]) == {"s1": 3, "s2": 1, "nobody": 0}


async def test_online_many_is_online_for_each_session(backend: Backend) -> None:
    """online_many answers what online answers, for several sessions at once."""
    p = backend.presence
    await p.enter("s1", "c1", b"one")
    await p.enter("s1", "c2", b"two")
    await p.enter("s2", "c3", b"three")
    many = await p.online_many(["s1", "s2", "nobody"])
    assert sorted(many["s1"]) == [b"one", b"two"]
    assert many["s2"] == [b"three"]
    assert many["nobody"] == []


async def test_append_announces_on_the_channel_or_leaves_it_to_the_caller(backend: Backend) -> None:
    """A log that announces publishes the announce of an accepted append (and not of a refused
    one); one that does not, publishes nothing itself."""
    await create(backend)
    got: asyncio.Queue = asyncio.Queue()
    await backend.broker.subscribe("s1", collect(got, "s1"))
    assert await backend.log.append("s1", 0, [b"r1"], announce=b"ding 1")
    assert not await backend.log.append("s1", 0, [b"stale"], announce=b"ding stale")
    await backend.broker.publish("s1", b"marker")
    expected = [b"ding 1", b"marker"] if backend.log.announces else [b"marker"]
    assert [(await next_item(got))[1] for _ in expected] == expected


# --- Redis only ----------------------------------------------------------------------------------


@pytest.fixture
async def rb(redis_server: RedisServer, open_backends) -> Backend:
    """A fresh Redis backend on the shared test redis-server."""
    flushall(redis_server.port)
    return open_backends(redis_server.url)


@pytest.fixture
def redis_factory(tmp_path):
    """Starts redis-servers of a test's own (which it may stop, kill and restart)."""
    servers: list[RedisServer] = []

    def start(**options) -> RedisServer:
        server = RedisServer(tmp_path / f"redis-{len(servers)}", **options).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.kill()


async def test_redis_keys_of_a_session_share_one_slot(rb: Backend, redis_server: RedisServer) -> None:
    """Every key a session uses carries its hash tag, so each script stays within one cluster slot."""
    await create(rb, "s1", "CODE01")
    await rb.log.add_credential("s1", "h", "p")
    await rb.log.append("s1", 0, [b"r"])
    await rb.log.save_snapshot("s1", 1, b"snap")
    await rb.presence.enter("s1", "c1", b"who")
    keys = await rb.log._r.keys("*")
    session_keys = [k for k in keys if not k.startswith(b"ss:code:")]
    assert {k.split(b":", 2)[2] for k in session_keys} == {b"meta", b"cred", b"log", b"snap", b"online", b"who"}
    assert {key_slot(k) for k in session_keys} == {key_slot(b"ss:{s1}:log")}
    assert set(keys) - set(session_keys) == {b"ss:code:CODE01"}


async def test_redis_appends_made_together_land_after_redis_forgot_its_scripts(rb: Backend) -> None:
    """A Redis that restarted or was flushed of its scripts answers NOSCRIPT: the appends of one
    group commit are then sent again with the script loaded, each landing once."""
    for i in range(4):
        await create(rb, f"s{i}", f"CODE0{i}")
    await rb.log._r.script_flush()
    results = await asyncio.gather(*(rb.log.append(f"s{i}", 0, [b"x%d" % i]) for i in range(4)))
    assert results == [True] * 4
    assert [await rb.log.read(f"s{i}", 0) for i in range(4)] == [[b"x0"], [b"x1"], [b"x2"], [b"x3"]]


async def test_redis_retried_append_is_recognised_as_done(rb: Backend) -> None:
    """Re-sending an append that already landed (its reply lost), with its token, returns True
    without writing twice; other records at those seqs are still a conflict."""
    await create(rb)
    assert await rb.log.append("s1", 0, [b"a", b"b"], token=b"first")
    assert await rb.log.append("s1", 0, [b"a", b"b"], token=b"first")
    assert not await rb.log.append("s1", 0, [b"a", b"other"], token=b"first")
    assert await rb.log.read("s1", 0) == [b"a", b"b"]


async def test_redis_the_same_bytes_from_another_writer_are_a_conflict(rb: Backend) -> None:
    """Two instances deciding the same command for the same person in the same millisecond write
    identical bytes (a dot on one item): the second append is refused, so it decides again on the
    state with the first dot, and its caller is never told a dot was stored that is not."""
    await create(rb)
    assert await rb.log.append("s1", 0, [b"dot"], token=b"instance-a")
    assert not await rb.log.append("s1", 0, [b"dot"], token=b"instance-b")
    assert not await rb.log.append("s1", 0, [b"dot"])
    assert await rb.log.read("s1", 0) == [b"dot"]
    assert await rb.log.append("s1", 1, [b"dot"])  # no token: appended all the same
    assert not await rb.log.append("s1", 1, [b"dot"])  # but a resend without one is not recognised
    assert await rb.log.read("s1", 0) == [b"dot", b"dot"]


async def test_redis_retried_create_session_is_recognised_as_done(rb: Backend) -> None:
    """Re-sending a create_session whose reply was lost succeeds again; another session still can't take the code."""
    m = meta("s1", "ABC123")
    assert await rb.log.create_session(m)
    assert await rb.log.create_session(m)
    assert not await rb.log.create_session(meta("s2", "ABC123"))
    assert not await rb.log.create_session(meta("s1", "XYZ789", epoch="other"))
    assert await rb.log.session_by_code("ABC123") == m
    assert await rb.log.session_by_code("XYZ789") is None


async def test_redis_append_beyond_a_log_that_lost_records_raises_and_replaces_the_epoch(rb: Backend) -> None:
    """An append past the log's end (Redis lost acknowledged records) raises LogRewound and replaces the epoch."""
    m = await create(rb)
    assert await rb.log.append("s1", 0, [b"r1", b"r2", b"r3"])
    # As if Redis came back from an older AOF or a lagging replica: the log ends at seq 1.
    await rb.log._r.delete("ss:{s1}:log")
    await rb.log._r.xadd("ss:{s1}:log", {"d": b"r1"}, id="1-0")
    with pytest.raises(LogRewound):
        await rb.log.append("s1", 3, [b"r4"])
    assert await rb.log.read("s1", 0) == [b"r1"]
    assert (await rb.log.session("s1")).epoch != m.epoch


async def test_redis_broker_reaches_other_instances(rb: Backend, redis_server: RedisServer, open_backends) -> None:
    """A payload published on one instance reaches the handler subscribed on another."""
    other = open_backends(redis_server.url)
    got: asyncio.Queue = asyncio.Queue()
    await other.broker.subscribe("s1", collect(got, "s1"))
    await rb.broker.publish("s1", b"\x93\x01\xc4\x01\xff")
    assert await next_item(got) == ("s1", b"\x93\x01\xc4\x01\xff")


async def test_redis_presence_of_a_crashed_instance_expires_within_the_ttl(
        rb: Backend, redis_server: RedisServer, open_backends) -> None:
    """Connections of an instance whose heartbeat stopped vanish within the TTL; live ones stay."""
    crashed = open_backends(redis_server.url)
    loop = asyncio.get_running_loop()
    await crashed.presence.enter("s1", "c-crashed", b"gone")
    await rb.presence.enter("s1", "c-live", b"here")
    entered = loop.time()
    assert sorted(await rb.presence.online("s1")) == [b"gone", b"here"]
    # What a crash looks like from Redis: the heartbeat stops and nobody calls leave.
    crashed.presence._heartbeat.cancel()
    # Expiry is time passing, not an event: let 1.5 TTLs pass since both entered. By then the
    # crashed entry must be gone, and the live one, kept by its heartbeat, must still be there.
    await asyncio.sleep(max(0.0, entered + 1.5 * FAST["presence_ttl"] - loop.time()))
    assert await rb.presence.online("s1") == [b"here"], "a crashed instance's presence outlived the TTL"


async def test_redis_broker_resyncs_after_a_redis_restart(redis_factory, open_backends) -> None:
    """After redis-server restarts the broker reconnects, resubscribes, delivers resync, then new messages."""
    server = redis_factory()
    b = open_backends(server.url)
    got: asyncio.Queue = asyncio.Queue()
    await b.broker.subscribe("s1", collect(got, "s1"))
    await b.broker.subscribe("s2", collect(got, "s2"))
    await b.broker.publish("s1", b"before")
    assert await next_item(got) == ("s1", b"before")
    await asyncio.to_thread(server.restart)
    assert {await next_item(got), await next_item(got)} == {("s1", RESYNC), ("s2", RESYNC)}
    await b.broker.publish("s1", b"after")
    await b.broker.publish("s2", b"after")
    assert {await next_item(got), await next_item(got)} == {("s1", b"after"), ("s2", b"after")}
    assert b.broker.reconnects == 1


async def test_redis_subscribe_while_redis_is_down_resyncs_once_it_is_back(redis_factory, open_backends) -> None:
    """A subscribe made while Redis is down returns promptly and its handler gets resync, then messages."""
    server = redis_factory()
    b = open_backends(server.url)
    got: asyncio.Queue = asyncio.Queue()
    await b.broker.subscribe("warm", collect(got, "warm"))
    await asyncio.to_thread(server.stop)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await b.broker.subscribe("s1", collect(got, "s1"))
    assert loop.time() - started < 2.5
    await asyncio.to_thread(server.start)
    assert {await next_item(got), await next_item(got)} == {("warm", RESYNC), ("s1", RESYNC)}
    await b.broker.publish("s1", b"after")
    assert await next_item(got) == ("s1", b"after")


async def test_redis_broker_probe_catches_a_silent_subscription(rb: Backend) -> None:
    """A subscription that went silent on a healthy socket is found by the probe and replaced, with resync."""
    got: asyncio.Queue = asyncio.Queue()
    await rb.broker.subscribe("s1", collect(got, "s1"))
    await rb.broker.publish("s1", b"before")
    assert await next_item(got) == ("s1", b"before")
    # Redis forgets every subscription of the connection, which itself stays up: nothing arrives any more.
    await rb.broker._conn.send_command("UNSUBSCRIBE")
    assert await next_item(got) == ("s1", RESYNC)
    await rb.broker.publish("s1", b"after")
    assert await next_item(got) == ("s1", b"after")
    assert rb.broker.probe_failures == 1
    assert rb.broker.reconnects == 1


async def test_redis_broker_probe_waits_for_a_busy_handler(rb: Backend) -> None:
    """A handler that takes longer than the probe window is not taken for a silent subscription."""
    slow = BlockingHandler()
    await rb.broker.subscribe("s1", slow)
    await rb.broker.publish("s1", b"block")
    await asyncio.wait_for(slow.blocked.wait(), WAIT)
    await rb.broker.publish("s1", b"queued")
    await asyncio.sleep(2 * (FAST["probe_every"] + FAST["probe_timeout"]))  # let probes come due meanwhile
    slow.release.set()
    assert [await next_item(slow.got), await next_item(slow.got)] == [b"block", b"queued"]
    assert (rb.broker.probe_failures, rb.broker.reconnects) == (0, 0)


async def test_redis_broker_recovers_when_redis_drops_a_slow_subscriber(redis_factory, open_backends) -> None:
    """When Redis cuts a subscriber whose output buffer overflowed, the broker reconnects and resyncs."""
    server = redis_factory(extra_args=("--client-output-buffer-limit", "pubsub 256kb 128kb 60"))
    b = open_backends(server.url)
    slow = BlockingHandler()
    await b.broker.subscribe("s1", slow)
    await b.broker.publish("s1", b"block")
    await asyncio.wait_for(slow.blocked.wait(), WAIT)
    chunk = b"\xff" * (256 * 1024)
    for _ in range(160):  # 40 MiB: more than loopback socket buffers hold, far more than the limit
        await b.broker.publish("s1", chunk)
    assert "overcoming of output buffer limits" in server.log_path.read_text()
    slow.release.set()
    while (payload := await next_item(slow.got)) != RESYNC:
        assert payload in (b"block", chunk)
    await b.broker.publish("s1", b"after")
    assert await next_item(slow.got) == b"after"


async def test_redis_down_raises_store_unavailable_and_is_not_ready(redis_factory, open_backends) -> None:
    """While Redis is down every log call raises StoreUnavailable and ready() is False; after a restart all works."""
    server = redis_factory(appendonly=True)
    b = open_backends(server.url)
    await create(b, "s1", "CODE01")
    assert await b.log.append("s1", 0, [b"r1"])
    assert await b.log.ready()
    await asyncio.to_thread(server.stop)
    assert not await b.log.ready()
    calls = [
        b.log.create_session(meta("s2", "CODE02")),
        b.log.session("s1"),
        b.log.session_by_code("CODE01"),
        b.log.add_credential("s1", "h", "p"),
        b.log.credential("s1", "h"),
        b.log.append("s1", 1, [b"r2"]),
        b.log.read("s1", 0),
        b.log.save_snapshot("s1", 1, b"snap"),
        b.log.load_snapshot("s1"),
        b.broker.publish("s1", b"x"),
        b.presence.online("s1"),
    ]
    for call in calls:
        with pytest.raises(StoreUnavailable):
            await call
    await asyncio.to_thread(server.start)
    assert await b.log.ready()
    assert await b.log.append("s1", 1, [b"r2"])
    assert await b.log.read("s1", 0) == [b"r1", b"r2"]


async def test_redis_restarted_empty_forgets_the_session_and_refuses_its_appends(redis_factory, open_backends) -> None:
    """After Redis comes back empty the session is unknown and appends to it raise SessionLost, never reusing seqs."""
    server = redis_factory(appendonly=False)
    b = open_backends(server.url)
    got: asyncio.Queue = asyncio.Queue()
    await create(b, "s1")
    assert await b.log.append("s1", 0, [b"r1", b"r2"])
    await b.broker.subscribe("s1", collect(got, "s1"))
    await asyncio.to_thread(server.restart)
    assert await next_item(got) == ("s1", RESYNC)  # the handler's cue to check session() and its epoch
    assert await b.log.session("s1") is None
    for expected in (2, 0):
        with pytest.raises(SessionLost):
            await b.log.append("s1", expected, [b"r3"])
    assert await b.log.read("s1", 0) == []


async def test_redis_aof_keeps_every_acknowledged_append_through_kill_9(redis_factory, open_backends) -> None:
    """With appendfsync always, every append acknowledged before a kill -9 is there after the restart."""
    server = redis_factory(appendonly=True, appendfsync="always")
    b = open_backends(server.url)
    m = await create(b, "s1")
    acknowledged = []
    for seq in range(50):
        record = b"\x00record-%d\xff" % seq
        assert await b.log.append("s1", seq, [record])
        acknowledged.append(record)
    await asyncio.to_thread(server.kill)
    await asyncio.to_thread(server.start)
    assert await b.log.session("s1") == m
    assert await b.log.read("s1", 0) == acknowledged


# --- counters (rate limits) -----------------------------------------------------------------


async def test_counters_count_within_a_window_and_start_again_after_it(backend: Backend) -> None:
    """hit counts and tells the seconds left; a window that ended starts again from one."""
    counters = backend.counters
    assert await counters.peek("wrong:1.2.3.4") == (0, 0.0)
    first = await counters.hit("wrong:1.2.3.4", 0.3)
    second = await counters.hit("wrong:1.2.3.4", 0.3)
    assert (first[0], second[0]) == (1, 2)
    assert 0 < second[1] <= 0.3
    assert (await counters.peek("wrong:1.2.3.4"))[0] == 2
    assert (await counters.hit("wrong:5.6.7.8", 0.3))[0] == 1
    await asyncio.sleep(second[1] + 0.05)  # the window's end is a time, not an event
    assert (await counters.hit("wrong:1.2.3.4", 0.3))[0] == 1


async def test_marks_are_remembered_until_they_expire(backend: Backend) -> None:
    """mark / marked: an address that reached a session, for a while."""
    counters = backend.counters
    assert not await counters.marked("known:a:S")
    await counters.mark("known:a:S", 0.2)
    assert await counters.marked("known:a:S")
    assert not await counters.marked("known:b:S")
    await asyncio.sleep(0.25)  # the mark's expiry is a time, not an event
    assert not await counters.marked("known:a:S")


async def test_counters_are_shared_by_instances_on_one_redis(redis_server, open_backends) -> None:
    """Two instances on one Redis count into the same window."""
    flushall(redis_server.port)
    one, two = open_backends(redis_server.url), open_backends(redis_server.url)
    await one.counters.hit("wrong:x", 60)
    assert (await two.counters.hit("wrong:x", 60))[0] == 2
