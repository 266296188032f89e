"""A live session on a real server with a facilitator and three participants connected."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer



@pytest.fixture(params=["embedded", "redis"])
def any_store(request, tmp_path):
    """A server process on each store in turn: the embedded one, then a fresh redis-server."""
    redis = RedisServer(tmp_path / "redis").start() if request.param == "redis" else None
    server = ServerProcess(tmp_path / "app", redis_url=redis.url if redis else None).start()
    yield server
    server.stop()
    if redis is not None:
        redis.stop()


@dataclass
class Room:
    session: dict
    facilitator: Client
    ann: Client  # Leernetwerk
    bea: Client  # Leernetwerk
    max: Client  # Management
    tokens: dict

    @property
    def everyone(self) -> list[Client]:
        return [self.facilitator, self.ann, self.bea, self.max]

    @property
    def id(self) -> str:
        return self.session["session"]


async def open_room(server) -> Room:
    session = await create_session(server.http_url, texts={"samenspel": {"ambitie": {"ambitie": "Samen beter"}}})
    tokens = {}
    for name, group in (("Ann", "leernetwerk"), ("Bea", "leernetwerk"), ("Max", "management")):
        tokens[name] = await join(server.http_url, session["join_code"], name, group)
    facilitator = await Client(server.ws_url).connect()
    welcome = await facilitator.hello(session["session"], token=session["facilitator_secret"])
    assert welcome["role"] == "facilitator"
    clients = {}
    for name in ("Ann", "Bea", "Max"):
        clients[name] = await Client(server.ws_url).connect()
        welcome = await clients[name].hello(session["session"], token=tokens[name]["token"])
        assert welcome["role"] == "participant"
    return Room(session, facilitator, clients["Ann"], clients["Bea"], clients["Max"], tokens)


@pytest.fixture
async def room(server):
    room = await open_room(server)
    yield room
    for client in room.everyone:
        await client.close()
