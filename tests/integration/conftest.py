"""A live session on a real server with a facilitator and three participants connected."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.support.client import Client, create_session, join


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
