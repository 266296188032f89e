"""The hello in the websocket's upgrade (docs/protocol.md, "Hello in the upgrade"): a real server,
real websockets clients offering the subprotocols a browser's page offers."""

from __future__ import annotations

import asyncio
import base64
import json

import pytest
import websockets

from tests.integration.test_limits import strict_server  # noqa: F401  (a fixture)
from tests.support.client import TIMEOUT, Client, create_session, join


def carried(fields: dict | bytes | str) -> str:
    """The subprotocol carrying ``fields`` (a dict: as the reference client writes it)."""
    if isinstance(fields, dict):
        fields = json.dumps(fields, separators=(",", ":"))
    if isinstance(fields, str):
        fields = fields.encode()
    return "samenspel.hello." + base64.urlsafe_b64encode(fields).decode().rstrip("=")


class UpgradeClient(Client):
    """A Client whose socket offers ``subprotocols`` in its upgrade, as the board's page does."""

    def __init__(self, ws_url: str, *subprotocols: str) -> None:
        super().__init__(ws_url)
        self.subprotocols = list(subprotocols)

    async def connect(self, **headers: str) -> UpgradeClient:
        self.ws = await websockets.connect(self.ws_url, subprotocols=self.subprotocols, compression=None,
                                           additional_headers=headers or None)
        self._reader = asyncio.create_task(self._read())
        return self


async def upgrade(server, fields, *, also: tuple[str, ...] = ("samenspel",)) -> UpgradeClient:
    hello = fields if isinstance(fields, str) and fields.startswith("samenspel.") else carried(fields)
    return await UpgradeClient(server.ws_url, *also, hello).connect()


@pytest.fixture
async def room(server):
    session = await create_session(server.http_url)
    ann = await join(server.http_url, session["join_code"], "Ann", "leernetwerk")
    return {**session, "ann": ann}


async def test_the_welcome_comes_without_a_hello_frame(server, room):
    """Participant, facilitator and projector: the socket sends nothing, the welcome comes (with
    the hello's ref), and the server selects "samenspel" alone: the credential is never echoed."""
    for credential, role in (({"token": room["ann"]["token"]}, "participant"),
                             ({"token": room["facilitator_secret"]}, "facilitator"),
                             ({"code": room["join_code"]}, "viewer")):
        client = await upgrade(server, {"session": room["session"], **credential, "heartbeat": True, "ref": 0})
        assert client.ws.subprotocol == "samenspel"
        assert client.ws.response.headers.get_all("Sec-WebSocket-Protocol") == ["samenspel"]
        welcome = await client.next("welcome")
        assert (welcome["role"], welcome["ref"], welcome["mode"]) == (role, 0, "snapshot")
        assert welcome["state"]["session"] == room["session"]
        assert (await client.next("beat"))["type"] == "beat"  # the heartbeat it asked for
        assert (await client.call({"type": "ping", "t": 1}))["type"] == "pong"
        if role == "participant":  # and it acts as any participant does
            reply = await client.call({"type": "add_note", "board": "samenspel", "section": "actie",
                                       "lane": "leernetwerk-doen", "text": "Samen leren"})
            assert reply["type"] == "ok", reply
        await client.close()


async def test_a_resume_in_the_upgrade_catches_up_like_a_hello_frame(server, room):
    facilitator = await Client(server.ws_url).connect()
    first = await facilitator.hello(room["session"], token=room["facilitator_secret"])
    reply = await facilitator.call({"type": "add_note", "board": "samenspel", "section": "actie",
                                    "lane": "leernetwerk-doen", "text": "Eén"})
    assert reply["type"] == "ok", reply
    client = await upgrade(server, {"session": room["session"], "token": room["ann"]["token"],
                                    "last_seq": first["seq"], "epoch": first["epoch"], "ref": 0})
    welcome = await client.next("welcome")
    assert welcome["mode"] == "resume" and "state" not in welcome
    assert (await client.next("event"))["seq"] == reply["seq"]
    await asyncio.gather(client.close(), facilitator.close())


@pytest.mark.parametrize(("fields", "code"), [
    ({"token": "forged"}, "bad_token"),
    ({"code": "AAAAAA"}, "bad_token"),
    ({"token": "x", "colour": "red"}, "invalid"),  # an unknown field, as in a frame
    ({}, "not_authenticated"),  # neither token nor code
])
async def test_a_refused_hello_in_the_upgrade_gets_the_errors_a_frame_gets(server, room, fields, code):
    """Then the socket is still there: a hello frame on it gets in (after a failed hello, send another)."""
    client = await upgrade(server, {"session": room["session"], **fields, "ref": 0})
    assert client.ws.subprotocol == "samenspel"
    error = await client.next("error")
    assert (error["code"], error["ref"]) == (code, 0)
    assert (await client.hello(room["session"], token=room["ann"]["token"]))["type"] == "welcome"
    await client.close()


async def test_an_unknown_session_in_the_upgrade_is_not_found(server):
    client = await upgrade(server, {"session": "nosuchsession", "token": "x", "ref": 7})
    error = await client.next("error")
    assert (error["code"], error["ref"]) == ("not_found", 7)
    await client.close()


@pytest.mark.parametrize(("hello", "code"), [
    ("samenspel.hello.", "bad_frame"),  # empty
    ("samenspel.hello.!!!!", "bad_frame"),  # not base64url
    ("samenspel.hello.Q", "bad_frame"),  # not whole base64
    (carried(b"\xff\xfe"), "bad_frame"),  # not UTF-8
    (carried("{not json"), "bad_frame"),
    (carried("[1, 2]"), "bad_frame"),  # not an object
    (carried({"type": "ping"}), "bad_frame"),  # only a hello rides in the upgrade
    (carried('{"session": "s", "code": "x", "last_seq": 1e400}'), "invalid"),  # read (inf), not a hello
    (carried('{"last_seq": 123456789012345678901234567890}'), "bad_frame"),  # over MessagePack's ints
    ("samenspel.hello." + "A" * 1025, "frame_too_large"),
])
async def test_a_garbled_or_oversized_hello_in_the_upgrade_is_refused_and_harms_nothing(server, room, hello, code):
    """A clear error (nil ref: nothing could be read), the socket stays for a hello frame, and
    another client is unaffected."""
    client = await upgrade(server, hello)
    error = await client.next("error")
    assert (error["code"], error["ref"]) == (code, None), error
    if code != "invalid":
        assert "upgrade" in error["message"]
    assert (await client.hello(room["session"], token=room["ann"]["token"]))["type"] == "welcome"
    other = await upgrade(server, {"session": room["session"], "code": room["join_code"]})
    assert (await other.next("welcome"))["role"] == "viewer"
    await asyncio.gather(client.close(), other.close())


async def test_two_hellos_in_one_upgrade_are_refused(server, room):
    client = await UpgradeClient(server.ws_url, "samenspel", carried({"session": room["session"], "code": "x"}),
                                 carried({"session": room["session"], "code": "y"})).connect()
    error = await client.next("error")
    assert error["code"] == "bad_frame" and "more than one" in error["message"]
    await client.close()


async def test_a_header_too_long_for_any_hello_is_refused_at_the_handshake_and_harms_nothing(server, room):
    """Past what the server's HTTP parser takes in one header line, the upgrade itself is refused;
    the server serves the next client as before."""
    with pytest.raises((websockets.InvalidHandshake, websockets.InvalidMessage, OSError, EOFError)):
        await upgrade(server, "samenspel.hello." + "A" * 20000)
    client = await upgrade(server, {"session": room["session"], "token": room["ann"]["token"]})
    assert (await client.next("welcome"))["role"] == "participant"
    await client.close()


async def test_classic_clients_are_unaffected(server, room):
    """No subprotocol offered: none selected, and the hello frame works as it always did; offering
    "samenspel" alone selects it and changes nothing else."""
    plain = await Client(server.ws_url).connect()
    assert plain.ws.subprotocol is None and "Sec-WebSocket-Protocol" not in plain.ws.response.headers
    assert (await plain.hello(room["session"], token=room["ann"]["token"]))["type"] == "welcome"
    named = await UpgradeClient(server.ws_url, "samenspel").connect()
    assert named.ws.subprotocol == "samenspel"
    assert named.drain() == []  # nothing without a hello
    assert (await named.hello(room["session"], code=room["join_code"]))["role"] == "viewer"
    await asyncio.gather(plain.close(), named.close())


async def test_a_hello_frame_after_the_upgrades_hello_is_refused(server, room):
    client = await upgrade(server, {"session": room["session"], "token": room["ann"]["token"], "ref": 0})
    await client.next("welcome")
    error = await client.hello(room["session"], token=room["ann"]["token"])
    assert error["code"] == "invalid" and "already" in error["message"]
    await client.close()


async def test_wrong_credentials_in_upgrades_count_towards_the_guessing_limit(strict_server):  # noqa: F811
    """Each socket says one wrong hello in its upgrade: past the limit they are rate_limited, as
    hello frames are; a valid token still gets in."""
    session = await create_session(strict_server.http_url)
    ann = await join(strict_server.http_url, session["join_code"], "Ann", "leernetwerk")
    codes = []
    for i in range(8):
        client = await upgrade(strict_server, {"session": session["session"], "token": f"forged-{i}", "ref": 0})
        codes.append((await client.next("error"))["code"])
        await client.close()
    assert codes[:5] == ["bad_token"] * 5 and set(codes[5:]) == {"rate_limited"}
    client = await upgrade(strict_server, {"session": session["session"], "token": ann["token"], "ref": 0})
    assert (await client.next("welcome", TIMEOUT))["role"] == "participant"
    await client.close()


def test_the_subprotocol_names_are_valid_http_tokens():
    """What a browser puts in Sec-WebSocket-Protocol must be an HTTP token: base64url is."""
    value = carried({"session": "j3rc7sTe11DH", "token": "a+b/c=" * 8, "heartbeat": True, "ref": 0})
    token_chars = set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    assert set(value) <= token_chars
