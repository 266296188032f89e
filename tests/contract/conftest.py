"""Fixtures for the store contract: each backend, fresh per test; Redis on its own redis-server."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable

import pytest

from server.store.base import Backend
from server.store.embedded import open_embedded
from server.store.redis import open_redis
from tests.support.redis_server import RedisServer

# Short timings so expiry, probes and reconnects happen within a fast test run.
FAST = {"presence_ttl": 1.0, "heartbeat_every": 0.25, "probe_every": 0.3, "probe_timeout": 0.5}


def flushall(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
        s.sendall(b"FLUSHALL\r\n")
        assert s.recv(64).startswith(b"+OK")


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> RedisServer:
    """One redis-server for the contract runs that do not hurt it; flushed before each test."""
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def own_redis(tmp_path) -> RedisServer:
    """A redis-server for one test alone, which it may stop, kill and restart."""
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.kill()


@pytest.fixture
async def open_backends() -> AsyncIterator[Callable[..., Backend]]:
    """Opens Redis backends (several server instances, as it were) and closes them after the test."""
    opened: list[Backend] = []

    def open_(url: str, **options) -> Backend:
        backend = open_redis(url, **{**FAST, **options})
        opened.append(backend)
        return backend

    yield open_
    for backend in opened:
        await backend.close()


@pytest.fixture(params=["embedded", "redis"])
async def backend(request, tmp_path, open_backends) -> AsyncIterator[Backend]:
    """A fresh, empty backend of each kind."""
    if request.param == "embedded":
        b = open_embedded(tmp_path)
        yield b
        await b.close()
    else:
        server: RedisServer = request.getfixturevalue("redis_server")
        flushall(server.port)
        yield open_backends(server.url)
