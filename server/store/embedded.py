"""The embedded backend: one process, no server to install, kept in a SQLite file.

SQLite runs in WAL mode with ``synchronous=NORMAL``: a committed append is in
the WAL file before ``append`` returns, so killing the process loses nothing
that was acknowledged (a power cut may lose the last moments; see
docs/decisions.md). Calls are short and made on the event loop thread: one
append is one small transaction.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

from server.store.base import Backend, Handler, SessionMeta
from server.store.counters import LocalCounters
from server.store.embedded_guard import _guard
from server.store.embedded_images import SqliteImages
from server.store.embedded_retention import SqliteRetention

# Another process (a backup, a sqlite3 shell) holding the write lock must not freeze the event loop:
# wait this long at most, then answer "unavailable".
BUSY_TIMEOUT_SECONDS = 0.05



_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    session TEXT PRIMARY KEY,
    join_code TEXT NOT NULL UNIQUE,
    facilitator_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    epoch TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS credentials (
    session TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    participant TEXT NOT NULL,
    PRIMARY KEY (session, token_hash)
);
CREATE TABLE IF NOT EXISTS records (
    session TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (session, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
    session TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL
);
"""


class SqliteLog(SqliteImages, SqliteRetention):
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_SECONDS)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    async def create_session(self, meta: SessionMeta) -> bool:
        with _guard("create_session"):
            try:
                self._db.execute(
                    "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
                    (meta.session, meta.join_code, meta.facilitator_hash, meta.created_at, meta.epoch),
                )
            except sqlite3.IntegrityError:
                return False
        return True

    def _meta(self, where: str, value: str) -> SessionMeta | None:
        with _guard("session"):
            row = self._db.execute(
                "SELECT session, join_code, facilitator_hash, created_at, epoch FROM sessions "
                f"WHERE {where} = ?", (value,),
            ).fetchone()
        return SessionMeta(*row) if row else None

    async def session(self, session_id: str) -> SessionMeta | None:
        return self._meta("session", session_id)

    async def session_by_code(self, join_code: str) -> SessionMeta | None:
        return self._meta("join_code", join_code)

    async def add_credential(self, session_id: str, token_hash: str, participant: str) -> None:
        with _guard("add_credential"):
            # Like Redis's HSETNX: the first holder of a key keeps it (a session's network).
            self._db.execute("INSERT OR IGNORE INTO credentials VALUES (?, ?, ?)", (session_id, token_hash, participant))

    async def credential(self, session_id: str, token_hash: str) -> str | None:
        with _guard("credential"):
            row = self._db.execute(
                "SELECT participant FROM credentials WHERE session = ? AND token_hash = ?",
                (session_id, token_hash),
            ).fetchone()
        return row[0] if row else None

    async def release_credential(self, session_id: str, token_hash: str, participant: str) -> None:
        with _guard("release_credential"):
            self._db.execute("DELETE FROM credentials WHERE session = ? AND token_hash = ? AND participant = ?",
                             (session_id, token_hash, participant))

    announces = False  # the caller publishes (the local broker is a function call)

    async def append(self, session_id: str, expected_seq: int, records: list[bytes],
                     announce: bytes | None = None, token: bytes | None = None) -> bool:
        # ``token`` is not needed: SQLite's answer is never lost, so no call is sent twice.
        db = self._db
        with _guard("append"):
            db.execute("BEGIN IMMEDIATE")
            try:
                (last,) = db.execute("SELECT coalesce(max(seq), 0) FROM records WHERE session = ?",
                                     (session_id,)).fetchone()
                if last != expected_seq:
                    db.execute("ROLLBACK")
                    return False
                db.executemany(
                    "INSERT INTO records VALUES (?, ?, ?)",
                    [(session_id, expected_seq + i, data) for i, data in enumerate(records, start=1)],
                )
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        return True

    async def read(self, session_id: str, after_seq: int, limit: int = 1000) -> list[bytes]:
        with _guard("read"):
            rows = self._db.execute(
                "SELECT data FROM records WHERE session = ? AND seq > ? ORDER BY seq LIMIT ?",
                (session_id, after_seq, limit),
            ).fetchall()
        return [row[0] for row in rows]

    async def last_seqs(self, session_ids: list[str]) -> dict[str, int]:
        out = dict.fromkeys(session_ids, 0)
        with _guard("last_seqs"):
            for i in range(0, len(session_ids), 500):
                chunk = session_ids[i:i + 500]
                rows = self._db.execute(
                    f"SELECT session, max(seq) FROM records WHERE session IN ({','.join('?' * len(chunk))}) "
                    "GROUP BY session", chunk).fetchall()
                out.update(dict(rows))
        return out

    async def renew_epoch(self, session_id: str) -> None:
        with _guard("renew_epoch"):
            self._db.execute("UPDATE sessions SET epoch = ? WHERE session = ?", (secrets.token_urlsafe(9), session_id))

    async def save_snapshot(self, session_id: str, seq: int, data: bytes) -> None:
        with _guard("save_snapshot"):
            self._db.execute(
                "INSERT INTO snapshots VALUES (?, ?, ?) ON CONFLICT(session) DO UPDATE SET seq = excluded.seq, "
                "data = excluded.data WHERE excluded.seq > snapshots.seq",
                (session_id, seq, data),
            )

    async def load_snapshot(self, session_id: str) -> tuple[int, bytes] | None:
        with _guard("load_snapshot"):
            row = self._db.execute("SELECT seq, data FROM snapshots WHERE session = ?", (session_id,)).fetchone()
        return (row[0], row[1]) if row else None

    async def ready(self) -> bool:
        try:
            self._db.execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    async def close(self) -> None:
        self._db.close()


class LocalBroker:
    """In-process fan-out: publish calls the session's handler directly."""

    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}

    async def subscribe(self, session_id: str, handler: Handler) -> None:
        self._handlers[session_id] = handler

    async def unsubscribe(self, session_id: str) -> None:
        self._handlers.pop(session_id, None)

    async def publish(self, session_id: str, payload: bytes) -> None:
        handler = self._handlers.get(session_id)
        if handler is not None:
            result = handler(payload)
            if result is not None:
                await result

    async def close(self) -> None:
        self._handlers.clear()


class LocalPresence:
    """Who is online, in this process's memory (nothing to expire: connections leave cleanly)."""

    def __init__(self) -> None:
        self._online: dict[str, dict[str, bytes]] = {}

    async def enter(self, session_id: str, connection: str, who: bytes) -> None:
        self._online.setdefault(session_id, {})[connection] = who

    async def leave(self, session_id: str, connection: str) -> None:
        conns = self._online.get(session_id)
        if conns is not None:
            conns.pop(connection, None)
            if not conns:
                del self._online[session_id]

    async def online(self, session_id: str) -> list[bytes]:
        return list(self._online.get(session_id, {}).values())

    async def online_many(self, session_ids: list[str]) -> dict[str, list[bytes]]:
        return {s: list(self._online.get(s, {}).values()) for s in session_ids}

    async def close(self) -> None:
        self._online.clear()


def open_embedded(data_dir: Path) -> Backend:
    return Backend(log=SqliteLog(data_dir / "samenspel.sqlite3"), broker=LocalBroker(), presence=LocalPresence(),
                   counters=LocalCounters())
