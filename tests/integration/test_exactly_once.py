"""Command ids: a command sent again after a lost reply is applied once, on either store, on any instance."""

from __future__ import annotations

import secrets
import sqlite3

import msgpack
import pytest

from tests.integration.test_many_instances import FAST, Cluster, connect, session_with_ann_and_max, stop_cluster
from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

BOARD = "samenspel"
# Snapshots every 2 records: a session loaded afresh starts from a snapshot taken after the command,
# so the command's id must come from the log, not from replaying it.
SNAPSHOT_OFTEN = {"SAMENSPEL_SNAPSHOT_EVERY": "2"}


def new_id() -> str:
    return secrets.token_urlsafe(12)


def note(text: str, command_id: str | None) -> dict:
    frame = {"type": "add_note", "board": BOARD, "section": "actie", "lane": "leernetwerk-nodig", "text": text}
    return {**frame, "id": command_id} if command_id else frame


def dot(option: str, command_id: str) -> dict:
    return {"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": option, "id": command_id}


async def board_on(instance: ServerProcess, session: dict) -> dict:
    """The session as a projector that connects now sees it."""
    client = await Client(instance.ws_url).connect()
    welcome = await client.hello(session["session"], code=session["join_code"])
    await client.close()
    assert welcome["type"] == "welcome", welcome
    return welcome["state"]["boards"][BOARD]


def notes_with(board: dict, text: str) -> list[dict]:
    return [n for n in board["notes"]["actie"] if n["text"] == text]


def my_dots(welcome: dict) -> list[str]:
    return welcome["you"][BOARD]["drijfveren"]


async def no_more_events(client: Client) -> bool:
    """True if nothing but what was read arrived: a ping's pong comes after anything sent before it."""
    await client.call({"type": "ping"})
    return not [f for f in client.drain() if f["type"] == "event"]


@pytest.fixture
def cluster(tmp_path):
    """Two instances on one Redis with AOF (fsync always), snapshotting often."""
    redis = RedisServer(tmp_path / "redis", appendonly=True, appendfsync="always").start()
    env = {**FAST, **SNAPSHOT_OFTEN}
    c = Cluster(redis, [ServerProcess(tmp_path / f"app{i}", redis_url=redis.url, env=env).start() for i in range(2)])
    yield c
    stop_cluster(c)


async def test_a_repeated_id_gets_the_first_result_and_is_stored_once(server):
    """The same id twice: the second reply names the first one's seq, marked repeat; one note, one event."""
    session = await create_session(server.http_url)
    facilitator = await connect(server, session["session"], token=session["facilitator_secret"])
    viewer = await connect(server, session["session"], code=session["join_code"])
    command_id = new_id()
    first = await facilitator.call(note("Tijd om te leren", command_id))
    again = await facilitator.call(note("Tijd om te leren", command_id))
    assert first["type"] == "ok" and "repeat" not in first
    assert again["type"] == "ok" and again["repeat"] is True and again["seq"] == first["seq"]
    assert (await viewer.event("note_added"))["seq"] == first["seq"]
    assert await no_more_events(viewer)
    assert len(notes_with(await board_on(server, session), "Tijd om te leren")) == 1
    # Without an id nothing is recognised: two sends are two notes (the reference client always sends one).
    await facilitator.call(note("Zonder id", None))
    await facilitator.call(note("Zonder id", None))
    assert len(notes_with(await board_on(server, session), "Zonder id")) == 2
    await facilitator.close()
    await viewer.close()


async def test_an_id_is_per_author(server):
    """Another author using the same id is not taken for a repeat: ids cannot answer for someone else."""
    session = await create_session(server.http_url)
    facilitator = await connect(server, session["session"], token=session["facilitator_secret"])
    ann = await join(server.http_url, session["join_code"], "Ann", "leernetwerk")
    on_ann = await connect(server, session["session"], token=ann["token"])
    command_id = new_id()
    assert "repeat" not in await facilitator.call(note("Van de facilitator", command_id))
    assert "repeat" not in await on_ann.call(note("Van Ann", command_id))
    board = await board_on(server, session)
    assert len(notes_with(board, "Van de facilitator")) == 1 and len(notes_with(board, "Van Ann")) == 1
    await facilitator.close()
    await on_ann.close()


async def test_a_resent_id_is_recognised_after_kill_9_of_the_embedded_server(tmp_path):
    """Embedded store: the server dies after storing; the restarted server answers the resend as a repeat."""
    server = ServerProcess(tmp_path / "data", env=SNAPSHOT_OFTEN).start()
    try:
        session, ann, _ = await session_with_ann_and_max(server)
        on_ann = await connect(server, session["session"], token=ann["token"])
        command_id = new_id()
        first = await on_ann.call(dot("impact", command_id))
        for option in ("zingeving", "autonomie"):  # more records, so the snapshot lands beyond the dot
            await on_ann.call(dot(option, new_id()))
        server.kill()
        await on_ann.close()
        server.start()
        back = await Client(server.ws_url).connect()
        welcome = await back.hello(session["session"], token=ann["token"])
        again = await back.call(dot("impact", command_id))
        # Not "duplicate_dot", not a second dot: the first result.
        assert again["type"] == "ok" and again["repeat"] is True and again["seq"] == first["seq"]
        assert sorted(my_dots(welcome)) == ["autonomie", "impact", "zingeving"]
        await back.close()
    finally:
        server.stop()


@pytest.mark.parametrize("other_holds_session", [True, False], ids=["other-instance-live", "other-instance-loads"])
async def test_a_command_resent_to_the_other_instance_after_kill_9_is_applied_once(cluster, other_holds_session):
    """Ann's post-it reaches Redis through A, A is killed before she hears back; she sends it again to B:
    one post-it, and B answers with the original seq, whether B held the session live or loads it now."""
    a, b = cluster.instances
    session, ann, _ = await session_with_ann_and_max(a)
    on_a = await connect(a, session["session"], token=ann["token"])
    watcher = await connect(b if other_holds_session else a, session["session"], code=session["join_code"])
    command_id = new_id()
    await on_a.send(note("Ruimte om te experimenteren", command_id))  # the reply is never read
    stored = await watcher.event("note_added")  # on A's watcher too, only once it is in Redis
    for text in ("twee", "drie"):  # move the snapshot beyond the note
        await on_a.call(note(text, new_id()))
    a.kill()
    await on_a.close()
    await watcher.close()
    back = await connect(b, session["session"], token=ann["token"])
    observer = await connect(b, session["session"], code=session["join_code"])
    again = await back.call(note("Ruimte om te experimenteren", command_id))
    assert again["type"] == "ok" and again["repeat"] is True and again["seq"] == stored["seq"]
    assert await no_more_events(observer)
    assert len(notes_with(await board_on(b, session), "Ruimte om te experimenteren")) == 1
    await back.close()
    await observer.close()


async def test_a_command_caught_by_a_kill_9_and_resent_is_there_exactly_once(cluster):
    """kill -9 of A the moment Ann sent her dot (stored or not, nobody knows): the resend to B makes it one dot."""
    a, b = cluster.instances
    session, ann, _ = await session_with_ann_and_max(a)
    on_a = await connect(a, session["session"], token=ann["token"])
    command_id = new_id()
    await on_a.send(dot("impact", command_id))
    a.kill()
    await on_a.close()
    back = await Client(b.ws_url).connect()
    await back.hello(session["session"], token=ann["token"])
    again = await back.call(dot("impact", command_id))
    assert again["type"] == "ok"  # a repeat if A stored it, applied now if not: never duplicate_dot
    fresh = await Client(b.ws_url).connect()
    welcome = await fresh.hello(session["session"], token=ann["token"])
    assert my_dots(welcome) == ["impact"]
    counts = welcome["state"]["boards"][BOARD]["dots"]["drijfveren"]["counts"]
    assert counts == {"impact": {"leernetwerk": 1}}
    await back.close()
    await fresh.close()


async def test_a_reused_id_with_another_payload_is_refused_and_stores_nothing(server):
    """An id applied before, sent with another command: `command_id_reused` (not `ok, repeat`), nothing
    stored, the socket stays open; the same id with the same payload is still `ok, repeat: true`."""
    session = await create_session(server.http_url)
    facilitator = await connect(server, session["session"], token=session["facilitator_secret"])
    viewer = await connect(server, session["session"], code=session["join_code"])
    command_id = new_id()
    first = await facilitator.call(note("Eerste notitie", command_id))
    assert (await viewer.event("note_added"))["seq"] == first["seq"]
    reused = await facilitator.call(note("Een heel andere notitie", command_id))
    assert reused["type"] == "error" and reused["code"] == "command_id_reused", reused
    other_kind = await facilitator.call(dot("impact", command_id))  # another type entirely
    assert other_kind["type"] == "error" and other_kind["code"] == "command_id_reused", other_kind
    again = await facilitator.call({**note("Eerste notitie", command_id), "ref": 999})  # a new ref is no other payload
    assert again["type"] == "ok" and again["repeat"] is True and again["seq"] == first["seq"]
    assert await no_more_events(viewer)  # the socket is open and nothing was stored
    board = await board_on(server, session)
    assert len(notes_with(board, "Eerste notitie")) == 1 and not notes_with(board, "Een heel andere notitie")
    await facilitator.close()
    await viewer.close()


async def test_a_reused_id_in_the_same_burst_is_refused(server):
    """Two commands with one id sent together (decided in one group commit): the first is stored, the
    second, with another payload, is refused; the socket stays open."""
    session = await create_session(server.http_url)
    facilitator = await connect(server, session["session"], token=session["facilitator_secret"])
    command_id = new_id()
    refs = [await facilitator.send(note(text, command_id)) for text in ("Eén", "Twee")]
    first, second = [await facilitator.reply(ref) for ref in refs]
    assert first["type"] == "ok" and second["type"] == "error" and second["code"] == "command_id_reused"
    assert (await facilitator.call({"type": "ping"}))["type"] == "pong"
    board = await board_on(server, session)
    assert len(notes_with(board, "Eén")) == 1 and not notes_with(board, "Twee")
    await facilitator.close()


@pytest.mark.parametrize("snapshot", ["from-snapshot", "from-log"])
async def test_a_reused_id_is_refused_after_a_restart(tmp_path, snapshot):
    """The payload's digest is kept with the id in the log and the snapshot: after kill -9 and a
    restart a reused id with another payload is still refused, the same payload still a repeat."""
    env = SNAPSHOT_OFTEN if snapshot == "from-snapshot" else {}
    server = ServerProcess(tmp_path / "data", env=env).start()
    try:
        session, ann, _ = await session_with_ann_and_max(server)
        on_ann = await connect(server, session["session"], token=ann["token"])
        command_id = new_id()
        first = await on_ann.call(dot("impact", command_id))
        for option in ("zingeving", "autonomie"):  # more records, so the snapshot lands beyond the dot
            await on_ann.call(dot(option, new_id()))
        server.kill()
        await on_ann.close()
        server.start()
        back = await connect(server, session["session"], token=ann["token"])
        reused = await back.call(dot("kwaliteit", command_id))
        assert reused["type"] == "error" and reused["code"] == "command_id_reused", reused
        again = await back.call(dot("impact", command_id))
        assert again["type"] == "ok" and again["repeat"] is True and again["seq"] == first["seq"]
        await back.close()
        viewer = await Client(server.ws_url).connect()
        assert sorted(my_dots(await viewer.hello(session["session"], token=ann["token"]))) == \
            ["autonomie", "impact", "zingeving"]  # nothing of the refused command was stored
        await viewer.close()
    finally:
        server.stop()


async def test_an_id_logged_before_digests_were_kept_is_still_a_repeat(tmp_path):
    """Old logs still read: a record whose command id has no digest (written before this check) makes a
    resend with that id `ok, repeat: true` whatever its payload, as before."""
    server = ServerProcess(tmp_path / "data").start()
    try:
        session, ann, _ = await session_with_ann_and_max(server)
        on_ann = await connect(server, session["session"], token=ann["token"])
        command_id = new_id()
        first = await on_ann.call(dot("impact", command_id))
        server.stop()
        await on_ann.close()
        # Rewrite the stored record as an older server wrote it: the command id without a digest.
        db = sqlite3.connect(tmp_path / "data" / "samenspel.sqlite3")
        with db:
            data, = db.execute("SELECT data FROM records WHERE session = ? AND seq = ?",
                               (session["session"], first["seq"])).fetchone()
            fields = msgpack.unpackb(data, raw=False)
            assert fields.pop("digest") and fields["command"].endswith(":" + command_id)
            db.execute("UPDATE records SET data = ? WHERE session = ? AND seq = ?",
                       (msgpack.packb(fields, use_bin_type=True), session["session"], first["seq"]))
            db.execute("DELETE FROM snapshots")
        db.close()
        server.start()
        back = await connect(server, session["session"], token=ann["token"])
        again = await back.call(dot("kwaliteit", command_id))
        assert again["type"] == "ok" and again["repeat"] is True and again["seq"] == first["seq"]
        await back.close()
    finally:
        server.stop()
