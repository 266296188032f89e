"""Real processes for tests: a samenspel server (uvicorn) on a free port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_ready(proc: subprocess.Popen, ready: Callable[[], bool], what: str, timeout: float = 20.0,
                     interval: float = 0.05) -> None:
    """Wait until ``ready()`` is true for a starting child process.

    A process coming up signals nothing we can await, but its death is an event: between two
    checks we wait on the process itself, so a crash during start-up ends the wait at once.
    """
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not get ready within {timeout}s")
        try:
            proc.wait(timeout=interval)
        except subprocess.TimeoutExpired:
            continue
        raise RuntimeError(f"{what} exited with {proc.returncode} while starting")


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def wait_for_http(url: str, proc: subprocess.Popen, timeout: float = 20.0) -> None:
    """Wait until ``url`` (served by ``proc``) answers 200."""
    wait_until_ready(proc, lambda: http_ok(url), url, timeout)


def terminate(proc: subprocess.Popen | None, timeout: float = 10) -> None:
    """SIGTERM and wait; SIGKILL if it does not go in time."""
    if proc is not None and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            kill(proc)


def kill(proc: subprocess.Popen | None) -> None:
    """SIGKILL and reap."""
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait()


class ServerProcess:
    """``samenspel serve`` as a child process; restartable on the same port and data dir."""

    def __init__(self, data_dir: Path, port: int | None = None, redis_url: str | None = None,
                 env: dict[str, str] | None = None, prefix: list[str] | None = None,
                 log_level: str = "warning") -> None:
        self.log_level = log_level
        self.prefix = prefix or []  # e.g. ["prlimit", "--nofile=256"]
        self.data_dir = data_dir
        self.port = port or free_port()
        self.redis_url = redis_url
        self.env = env or {}
        self.proc: subprocess.Popen | None = None
        self.log_path = data_dir / f"server-{self.port}.log"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def start(self) -> "ServerProcess":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        args = [*self.prefix, sys.executable, "-m", "server.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                "--data-dir", str(self.data_dir), "--log-level", self.log_level]
        if self.redis_url:
            args += ["--redis-url", self.redis_url]
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **self.env}
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        wait_for_http(f"{self.http_url}/healthz", proc=self.proc)
        return self

    def stop(self) -> None:
        """Graceful stop (SIGTERM)."""
        terminate(self.proc)
        self._close_log()

    def kill(self) -> None:
        """kill -9: no chance to flush or say goodbye."""
        kill(self.proc)
        self._close_log()

    def _close_log(self) -> None:
        log = getattr(self, "_log", None)
        if log and not log.closed:
            log.close()
