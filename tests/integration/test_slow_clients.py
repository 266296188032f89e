"""Clients that send slowly or half: anonymous sockets and half-sent requests cost little and not for long."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from tests.support.client import Client, create_session
from tests.support.processes import ServerProcess, http_ok
from tests.support.raw import close_code, frame_header, open_raw_websocket, until_closed

QUICK = {"SAMENSPEL_HELLO_TIMEOUT": "0.5", "SAMENSPEL_HEADER_TIMEOUT": "0.5"}


@pytest.fixture
def quick_server(tmp_path):
    proc = ServerProcess(tmp_path / "data", env=QUICK).start()
    yield proc
    proc.stop()


async def test_an_anonymous_socket_cannot_announce_a_large_frame(quick_server):
    """Before hello, a frame header for 1 MiB closes the socket with 1009 at once, before any payload."""
    reader, writer = await open_raw_websocket(quick_server.port)
    writer.write(frame_header(1024 * 1024))
    await writer.drain()
    assert await close_code(reader, timeout=3) == 1009
    writer.close()


async def test_frames_over_the_pre_hello_limit_are_accepted_after_hello(server):
    """After a successful hello the usual limits apply: a 5 kB frame gets an error, the socket stays."""
    session = await create_session(server.http_url)
    client = await Client(server.ws_url).connect()
    await client.hello(session["session"], code=session["join_code"])
    reply = await client.call({"type": "ping", "t": 1, "pad": "x" * 5000})
    assert reply["type"] == "error" and reply["code"] == "invalid"
    assert (await client.call({"type": "ping", "t": 2}))["type"] == "pong"
    await client.close()


async def test_a_half_sent_frame_does_not_outlive_the_hello_timeout(quick_server):
    """An anonymous socket holding a half-sent frame is cut within the hello timeout plus the close wait."""
    reader, writer = await open_raw_websocket(quick_server.port)
    writer.write(frame_header(3000) + b"\x81" * 100)  # and never the rest
    await writer.drain()
    started = time.monotonic()
    await until_closed(reader, timeout=10)
    assert time.monotonic() - started < 7
    writer.close()


async def test_slow_http_headers_are_timed_out(quick_server):
    """A request whose headers never finish is closed after the header timeout (also after a first byte)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", quick_server.port)
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # no blank line: the headers never end
    await writer.drain()
    started = time.monotonic()
    await until_closed(reader, timeout=5)
    assert time.monotonic() - started < 3
    writer.close()


async def test_slow_http_headers_under_a_small_fd_limit_recover_and_log_little(tmp_path):
    """A flood of half-sent requests past the process's descriptor limit: the server comes back once
    the header timeout closes them, and the "out of file descriptors" log stays a few lines."""
    server = ServerProcess(tmp_path / "data", env={**QUICK, "SAMENSPEL_HEADER_TIMEOUT": "1"},
                           prefix=["prlimit", "--nofile=200:200"]).start()
    sockets = []
    try:
        for _ in range(400):
            try:
                _, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", server.port), 2)
            except (OSError, asyncio.TimeoutError):
                break
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            sockets.append(writer)
        deadline = time.monotonic() + 20
        while not await asyncio.to_thread(http_ok, f"{server.http_url}/healthz"):
            assert time.monotonic() < deadline, "the server did not recover"
        async with httpx.AsyncClient(base_url=server.http_url) as http:
            assert (await http.get("/healthz")).status_code == 200
    finally:
        for writer in sockets:
            writer.close()
        server.stop()
    text = server.log_path.read_text(errors="replace")
    assert len(text) < 20_000, f"{len(text)} bytes of log"
    assert text.count("out of system resource") + text.count("Too many open files") <= 6
