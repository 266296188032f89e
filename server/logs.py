"""Logging set-up: plain or JSON lines, and a rate limit on messages that can come in floods."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time

# asyncio logs this (with a traceback) for every failed accept() once the process is out of file
# descriptors: thousands of lines a second under a connection flood.
FLOODING = ("socket.accept() out of system resource", "Too many open files")


class RateLimitFilter(logging.Filter):
    """Lets each kind of flooding message through once per ``every`` seconds, then says how many like
    it it held back. A kind is the message's first line (its start) and its exception's type.
    ``everything``: every record is a candidate (the asyncio logger, whose loop-level errors repeat
    per failed accept or callback); otherwise only those naming :data:`FLOODING`."""

    def __init__(self, every: float = 10.0, clock=time.monotonic, everything: bool = False) -> None:
        super().__init__()
        self._every = every
        self._clock = clock
        self._everything = everything
        self._kinds: dict[tuple[str, str], list[float]] = {}  # kind -> [next time, held back]

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        exc = record.exc_info[1] if record.exc_info else None
        if not self._everything and not any(m in text or m in str(exc) for m in FLOODING):
            return True
        kind = (text.split("\n", 1)[0][:48], type(exc).__name__)
        now = self._clock()
        state = self._kinds.setdefault(kind, [0.0, 0])
        if now < state[0]:
            state[1] += 1
            return False
        if state[1]:
            record.msg = f"{text} ({state[1]} more like it in the last {self._every:g} s not logged)"
            record.args = ()
        record.exc_info = None  # the traceback is the same every time
        record.exc_text = None
        state[0], state[1] = now + self._every, 0
        if len(self._kinds) > 1000:
            self._kinds.clear()
        return True


def session_ref(session_id: str) -> str:
    """How a log line names a session: the first 8 hex digits of its id's SHA-256. The same on
    every instance and after restarts, so an operator can follow one session through the logs,
    but the id (which opens the board to anyone with the join code) cannot be read back from it."""
    return "s-" + hashlib.sha256(session_id.encode()).hexdigest()[:8]


# Paths that carry a join code or a session id: /api/codes/<code>, /j/<code>, /b/<session>,
# /p/<session>, /s/<session> and everything under /api/sessions/<session>.
_SECRET_PATH = re.compile(r"^(/api/codes|/api/sessions|/j|/b|/p|/s)/[^/?#\s]*")


def redact_path(path: str) -> str:
    return _SECRET_PATH.sub(r"\1/…", path.split("?", 1)[0])


class RedactAccessLog(logging.Filter):
    """uvicorn's access log line names the path: keep join codes and session ids out of it."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact_path(args[2]), *args[3:])
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message (and the exception, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup(level: str, fmt: str = "plain") -> None:
    """Our handler on the root logger for everything, uvicorn's loggers included (run uvicorn with
    ``log_config=None`` so it keeps them)."""
    handler = logging.StreamHandler()
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("asyncio").addFilter(RateLimitFilter(everything=True))
    logging.getLogger("uvicorn.error").addFilter(RateLimitFilter())
    logging.getLogger("uvicorn.access").addFilter(RedactAccessLog())
