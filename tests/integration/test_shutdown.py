"""SIGTERM on one of two instances on one Redis: its clients move to the other and lose nothing."""

from __future__ import annotations

import asyncio
import signal

from boards.templates.samenspel import SAMENSPEL
from tests.integration.test_many_instances import FAST, connect, session_with_ann_and_max
from tests.support.client import Client
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

BOARD = "samenspel"


async def test_sigterm_tells_clients_to_reconnect_and_loses_nothing_acknowledged(tmp_path):
    """An instance told to stop closes its sockets with 1012 (service restart) after the commands in
    flight are stored; the client resumes on the other instance with no gap and no duplicate, every
    acknowledged dot is there, presence there forgets it at once, and the process exits cleanly."""
    redis = RedisServer(tmp_path / "redis", appendonly=True, appendfsync="always").start()
    # Presence lives 30 s here: Ann vanishing within seconds shows A said goodbye, not that she expired.
    env = {**FAST, "SAMENSPEL_PRESENCE_TTL": "30", "SAMENSPEL_HEARTBEAT_EVERY": "10"}
    a = ServerProcess(tmp_path / "a", redis_url=redis.url, env=env).start()
    b = ServerProcess(tmp_path / "b", redis_url=redis.url, env=env).start()
    try:
        session, ann, max_ = await session_with_ann_and_max(a)
        on_a = await connect(a, session["session"], token=ann["token"])
        watcher = await connect(b, session["session"], token=session["facilitator_secret"])
        while (await watcher.next("presence"))["participants"] != [ann["participant"]]:
            pass
        options = [o.id for o in SAMENSPEL.section("drijfveren").options]
        refs = [await on_a.send({"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": o})
                for o in options[:3]]
        a.proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(on_a.ws.wait_closed(), 10)
        assert on_a.ws.close_code == 1012
        acknowledged = [r for r in refs if r in on_a._replies and on_a._replies[r].done()
                        and on_a._replies[r].result()["type"] == "ok"]
        # uvicorn re-raises the signal once its graceful shutdown is done: the status says SIGTERM.
        assert await asyncio.to_thread(a.proc.wait, 15) in (0, -signal.SIGTERM)
        assert "timeout graceful shutdown exceeded" not in a.log_path.read_text()
        while ann["participant"] in (await watcher.next("presence", timeout=5))["participants"]:
            pass

        again = Client(b.ws_url)
        await again.connect()
        welcome = await again.hello(session["session"], token=ann["token"], last_seq=on_a.seq, epoch=on_a.epoch)
        assert welcome["mode"] == "resume"
        seqs = [f["seq"] for f in again.drain() if f["type"] == "event"]
        assert seqs == list(range(on_a.seq + 1, welcome["seq"] + 1))  # no gap, nothing twice
        assert len(welcome["you"][BOARD]["drijfveren"]) >= len(acknowledged)
        for client in (again, watcher):
            await client.close()
    finally:
        a.stop()
        b.stop()
        redis.kill()
