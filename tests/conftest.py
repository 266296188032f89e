"""Shared fixtures: a real samenspel server process on a free port."""

from __future__ import annotations

import pytest

from tests.support.processes import ServerProcess


@pytest.fixture
def server(tmp_path):
    """A fresh server on the embedded store, its own data dir, a free port."""
    proc = ServerProcess(tmp_path / "data").start()
    yield proc
    proc.stop()
