"""A real ``redis-server`` child process for tests: its own free port and directory, never the shared 6379.

The fixture that starts one owns it, so fault tests can stop, kill -9 and
restart it (same port, same directory: with ``appendonly`` it comes back with
its data, without it empty).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

from tests.support.processes import free_port, kill, terminate, wait_until_ready

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def ping(port: int, timeout: float = 0.5) -> bool:
    """True if a Redis on ``port`` answers PING with PONG (not LOADING, not refused)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    def __init__(self, directory: Path, *, port: int | None = None, appendonly: bool = False,
                 appendfsync: str = "everysec", extra_args: tuple[str, ...] = ()) -> None:
        self.directory = directory
        self.port = port or free_port()
        self.appendonly = appendonly
        self.appendfsync = appendfsync
        self.extra_args = extra_args
        self.proc: subprocess.Popen | None = None
        self.log_path = directory / f"redis-{self.port}.log"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> "RedisServer":
        if self.port == 6379:
            raise ValueError("never run tests against the shared Redis on 6379")
        self.directory.mkdir(parents=True, exist_ok=True)
        args = [
            REDIS_SERVER,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--dir", str(self.directory),
            "--daemonize", "no",
            "--save", "",  # no RDB snapshots: without AOF a restart comes back empty
            "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", self.appendfsync,
            "--logfile", str(self.log_path),
            *self.extra_args,
        ]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        try:
            wait_until_ready(self.proc, lambda: ping(self.port), f"redis-server on {self.port}", timeout, 0.02)
        except (RuntimeError, TimeoutError) as exc:
            self.kill()
            raise RuntimeError(f"{exc}: {self._log_tail()}") from None
        return self

    def stop(self) -> None:
        """Graceful stop (SIGTERM): Redis flushes its AOF and exits."""
        terminate(self.proc)
        self.proc = None

    def kill(self) -> None:
        """kill -9: no chance to flush anything."""
        kill(self.proc)
        self.proc = None

    def restart(self, *, kill: bool = False) -> "RedisServer":
        """Stop (or kill -9) and start again on the same port and directory."""
        self.kill() if kill else self.stop()
        return self.start()

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _log_tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-2000:]
        except OSError:
            return "(no log)"

    def __enter__(self) -> "RedisServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
