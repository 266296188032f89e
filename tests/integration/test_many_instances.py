"""Several server instances on one real redis-server: one board, nothing lost, nothing twice."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx
import pytest

from boards.templates.samenspel import SAMENSPEL
from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

BOARD = "samenspel"
FAST = {
    # Short presence expiry and probes, so crash tests finish quickly; generous command rates so
    # the race test measures the store, not the per-socket rate limit.
    "SAMENSPEL_PRESENCE_TTL": "2", "SAMENSPEL_HEARTBEAT_EVERY": "0.5",
    "SAMENSPEL_PROBE_EVERY": "0.5", "SAMENSPEL_PROBE_TIMEOUT": "1",
    "SAMENSPEL_RATE_PER_SECOND": "1000", "SAMENSPEL_RATE_BURST": "1000",
}


@dataclass
class Cluster:
    redis: RedisServer
    instances: list[ServerProcess]


def start_cluster(tmp_path, n: int, appendonly: bool) -> Cluster:
    redis = RedisServer(tmp_path / "redis", appendonly=appendonly, appendfsync="always").start()
    instances = [ServerProcess(tmp_path / f"app{i}", redis_url=redis.url, env=FAST).start() for i in range(n)]
    return Cluster(redis, instances)


def stop_cluster(cluster: Cluster) -> None:
    for instance in cluster.instances:
        instance.stop()
    cluster.redis.kill()


@pytest.fixture
def cluster(tmp_path):
    """Two instances on a Redis with AOF (fsync always)."""
    c = start_cluster(tmp_path, 2, appendonly=True)
    yield c
    stop_cluster(c)


@pytest.fixture
def volatile_cluster(tmp_path):
    """Two instances on a Redis that keeps nothing across a restart."""
    c = start_cluster(tmp_path, 2, appendonly=False)
    yield c
    stop_cluster(c)


async def connect(instance: ServerProcess, session: str, **hello) -> Client:
    client = await Client(instance.ws_url).connect()
    welcome = await client.hello(session, **hello)
    assert welcome["type"] == "welcome", welcome
    return client


async def session_with_ann_and_max(instance: ServerProcess) -> tuple[dict, dict, dict]:
    """A new session with Ann (Leernetwerk) and Max (Management) joined: session, Ann's and Max's tokens."""
    session = await create_session(instance.http_url)
    ann = await join(instance.http_url, session["join_code"], "Ann", "leernetwerk")
    max_ = await join(instance.http_url, session["join_code"], "Max", "management")
    return session, ann, max_


async def accepted_once_redis_is_back(client: Client, command: dict) -> None:
    """Send until accepted: while the instance reconnects to Redis the only answer may be the
    retryable 'unavailable' (each try already waits out the server's own resend window)."""
    for _ in range(20):
        reply = await client.call(command)
        if reply["type"] == "ok":
            return
        assert reply["code"] == "unavailable", reply
        # While the instance knows its store is down it answers at once: wait for it to say "ok".
        try:
            while (await client.next("status", timeout=3))["store"] != "ok":
                pass
        except asyncio.TimeoutError:
            pass
    raise AssertionError("never accepted after Redis came back")


def dot(option: str, section: str = "drijfveren") -> dict:
    return {"type": "place_dot", "board": BOARD, "section": section, "option": option}


async def test_clients_on_different_instances_see_the_same_events_in_the_same_order(cluster):
    """Commands sent at once through both instances reach all four screens in one order."""
    a, b = cluster.instances
    session = await create_session(a.http_url)
    people = [await join(a.http_url, session["join_code"], name, group)
              for name, group in (("Ann", "leernetwerk"), ("Max", "management"), ("Bea", "leernetwerk"))]
    facilitator = await connect(a, session["session"], token=session["facilitator_secret"])
    ann = await connect(a, session["session"], token=people[0]["token"])
    max_ = await connect(b, session["session"], token=people[1]["token"])
    bea = await connect(b, session["session"], token=people[2]["token"])
    screens = [facilitator, ann, max_, bea]
    replies = await asyncio.gather(
        ann.call(dot("impact")), max_.call(dot("impact")), bea.call(dot("zingeving")),
        ann.call(dot("tijd", "pijlers")), max_.call(dot("tijd", "pijlers")),
        facilitator.call({"type": "set_text", "board": "samenspel", "section": "ambitie",
                          "field": "ambitie", "text": "Samen sterker"}),
    )
    assert all(r["type"] == "ok" for r in replies)
    streams = []
    for screen in screens:
        events = [await screen.next("event") for _ in range(6)]
        streams.append([(f["seq"], f["event"]["type"], f["event"].get("option")) for f in events])
    assert all(stream == streams[0] for stream in streams)
    seqs = [seq for seq, _, _ in streams[0]]
    assert seqs == list(range(seqs[0], seqs[0] + 6))
    for screen in screens:
        await screen.close()


async def test_one_participant_racing_over_two_instances_gets_exactly_the_budget(cluster):
    """100 simultaneous dot attempts by one person through two instances: exactly 3 accepted."""
    a, b = cluster.instances
    session = await create_session(a.http_url)
    ann = await join(a.http_url, session["join_code"], "Ann", "leernetwerk")
    on_a = await connect(a, session["session"], token=ann["token"])
    on_b = await connect(b, session["session"], token=ann["token"])
    options = [o.id for o in SAMENSPEL.section("drijfveren").options]
    attempts = [(on_a if i % 2 else on_b).call(dot(options[i % 8])) for i in range(100)]
    replies = await asyncio.gather(*attempts)
    accepted = [r for r in replies if r["type"] == "ok"]
    refused = {r["code"] for r in replies if r["type"] == "error"}
    assert len(accepted) == 3
    assert refused <= {"budget_exhausted", "duplicate_dot"}
    fresh = await Client(a.ws_url).connect()
    welcome = await fresh.hello(session["session"], token=ann["token"])
    assert len(welcome["you"][BOARD]["drijfveren"]) == 3
    tally = welcome["state"]["boards"][BOARD]["dots"]["drijfveren"]["counts"]
    assert sum(n for groups in tally.values() for n in groups.values()) == 3
    for client in (on_a, on_b, fresh):
        await client.close()


async def test_clients_of_a_killed_instance_resume_on_another_without_gap_or_duplicate(cluster):
    """kill -9 of instance B; its client reconnects to A with its last seq and gets exactly the gap."""
    a, b = cluster.instances
    session, ann, max_ = await session_with_ann_and_max(a)
    on_b = await connect(b, session["session"], token=max_["token"])
    on_a = await connect(a, session["session"], token=ann["token"])
    await on_a.call(dot("impact"))
    await on_b.event("dot_placed")
    last_seq, epoch = on_b.seq, on_b.epoch
    b.kill()
    await on_b.close()
    await on_a.call(dot("zingeving"))
    await on_a.call(dot("tijd", "pijlers"))
    back = await Client(a.ws_url).connect()
    welcome = await back.hello(session["session"], token=max_["token"], last_seq=last_seq, epoch=epoch)
    assert welcome["mode"] == "resume"
    missed = [await back.next("event") for _ in range(2)]
    assert [f["seq"] for f in missed] == [last_seq + 1, last_seq + 2]
    assert [f["event"]["option"] for f in missed] == ["zingeving", "tijd"]
    await back.call({"type": "ping"})
    assert not [f for f in back.drain() if f["type"] == "event"]
    await back.close()
    await on_a.close()


async def test_presence_drops_the_clients_of_a_crashed_instance(cluster):
    """Who-is-online is shared; a kill -9'd instance's participants vanish within the expiry."""
    a, b = cluster.instances
    session, ann, max_ = await session_with_ann_and_max(a)
    facilitator = await connect(a, session["session"], token=session["facilitator_secret"])
    on_b = await connect(b, session["session"], token=max_["token"])
    on_a = await connect(a, session["session"], token=ann["token"])
    both = sorted([ann["participant"], max_["participant"]])
    while (await facilitator.next("presence"))["participants"] != both:
        pass
    b.kill()
    loop = asyncio.get_running_loop()
    killed_at = loop.time()
    while (await facilitator.next("presence", timeout=10))["participants"] != [ann["participant"]]:
        pass  # frames sent before the expiry
    # The TTL is 2 s and presence is re-read every 0.5 s here: well within 5 s.
    assert loop.time() - killed_at < 5
    await on_b.close()
    await on_a.close()
    await facilitator.close()


async def test_timer_expiry_is_logged_once_with_two_instances_watching(cluster):
    """Both instances hold the session when the timer runs out; one timer_expired is logged."""
    a, b = cluster.instances
    session = await create_session(a.http_url)
    facilitator = await connect(a, session["session"], token=session["facilitator_secret"])
    viewer = await connect(b, session["session"], code=session["join_code"])
    await facilitator.call({"type": "timer", "action": "set", "seconds": 1})
    await facilitator.call({"type": "timer", "action": "start"})
    expired = await viewer.event("timer_expired", timeout=5)
    await facilitator.call({"type": "set_step", "step": "drijfveren"})
    after = await viewer.event("step_set")
    assert after["seq"] == expired["seq"] + 1  # nothing (no second expiry) in between
    await facilitator.close()
    await viewer.close()


async def test_acknowledged_events_survive_kill_9_of_redis_with_aof(cluster):
    """Everything acknowledged before Redis is killed is there after it restarts; clients go on."""
    a, b = cluster.instances
    session = await create_session(a.http_url)
    ann = await join(a.http_url, session["join_code"], "Ann", "leernetwerk")
    on_a = await connect(a, session["session"], token=ann["token"])
    viewer = await connect(b, session["session"], code=session["join_code"])
    for option in ("impact", "zingeving", "autonomie"):
        assert (await on_a.call(dot(option)))["type"] == "ok"
    for _ in range(3):  # B has them too (its welcome below must not race the last publish)
        await viewer.event("dot_placed")
    cluster.redis.kill()
    cluster.redis.start()
    expected = {"impact": {"leernetwerk": 1}, "zingeving": {"leernetwerk": 1}, "autonomie": {"leernetwerk": 1}}
    fresh = await Client(b.ws_url).connect()
    welcome = await fresh.hello(session["session"], code=session["join_code"])
    assert welcome["state"]["boards"][BOARD]["dots"]["drijfveren"]["counts"] == expected
    # an instance that never held the session reads it from the restarted Redis alone
    c = ServerProcess(a.data_dir.parent / "late-instance", redis_url=cluster.redis.url, env=FAST).start()
    try:
        late = await Client(c.ws_url).connect()
        welcome = await late.hello(session["session"], code=session["join_code"])
        assert welcome["state"]["boards"][BOARD]["dots"]["drijfveren"]["counts"] == expected
        await late.close()
    finally:
        c.stop()
    # The board goes on: a new command is accepted (after retries while the pool reconnects).
    await accepted_once_redis_is_back(on_a, {"type": "remove_dot", "board": BOARD, "section": "drijfveren",
                                             "option": "impact"})
    frame = await viewer.event("dot_removed", timeout=10)
    assert frame["event"]["option"] == "impact"
    for client in (on_a, viewer, fresh):
        await client.close()


async def test_redis_restarted_empty_tells_clients_to_reload(volatile_cluster):
    """After Redis comes back without the data, clients get 'reload' and nothing is accepted silently."""
    a, _ = volatile_cluster.instances
    session = await create_session(a.http_url)
    ann = await join(a.http_url, session["join_code"], "Ann", "leernetwerk")
    on_a = await connect(a, session["session"], token=ann["token"])
    await on_a.call(dot("impact"))
    volatile_cluster.redis.restart()
    reload = await on_a.next("reload", timeout=15)
    assert reload["reason"]
    again = await Client(a.ws_url).connect()
    refused = await again.hello(session["session"], token=ann["token"])
    assert refused["type"] == "error" and refused["code"] in ("not_found", "unavailable")
    await again.close()
    await on_a.close()


async def test_redis_down_refuses_commands_as_retryable_and_reports_not_ready(cluster):
    """While Redis is down: /readyz is 503 and commands get 'unavailable'; afterwards all works again."""
    a, _ = cluster.instances
    session = await create_session(a.http_url)
    ann = await join(a.http_url, session["join_code"], "Ann", "leernetwerk")
    on_a = await connect(a, session["session"], token=ann["token"])
    cluster.redis.stop()
    assert (await on_a.next("status"))["store"] == "unavailable"  # the screen can say "reconnecting"
    async with httpx.AsyncClient(base_url=a.http_url) as http:
        assert (await http.get("/readyz")).status_code == 503
        reply = await on_a.call(dot("impact"))
        assert reply["type"] == "error" and reply["code"] == "unavailable"
        assert (await http.post("/api/join", json={"code": session["join_code"], "name": "X",
                                                    "group": "leernetwerk"})).status_code == 503
        cluster.redis.start()
        assert (await http.get("/readyz")).status_code == 200
    assert (await on_a.next("status"))["store"] == "ok"
    await accepted_once_redis_is_back(on_a, dot("impact"))
    await on_a.close()


async def test_commands_do_not_queue_behind_each_other_while_redis_is_down(cluster):
    """Commands sent during an outage are answered 'unavailable' within the promised 3 s, all of them:
    once the store is known down, at once (not one resend window after another)."""
    a, _ = cluster.instances
    session, ann, max_ = await session_with_ann_and_max(a)
    on_a = await connect(a, session["session"], token=ann["token"])
    cluster.redis.kill()
    loop = asyncio.get_running_loop()
    started = loop.time()

    async def timed(command: dict) -> tuple[str, float]:
        reply = await on_a.call(command)
        return reply.get("code", reply["type"]), loop.time() - started

    first = await asyncio.gather(*(timed(dot(option)) for option in ("impact", "zingeving", "autonomie")))
    assert [code for code, _ in first] == ["unavailable"] * 3
    assert max(t for _, t in first) < 4.0, first
    assert (await on_a.next("status"))["store"] == "unavailable"
    started = loop.time()
    later = await asyncio.gather(*(timed(dot(option)) for option in ("impact", "zingeving", "autonomie")))
    assert [code for code, _ in later] == ["unavailable"] * 3
    assert max(t for _, t in later) < 0.5, later
    cluster.redis.start()
    await accepted_once_redis_is_back(on_a, dot("impact"))
    await on_a.close()
