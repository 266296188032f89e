"""The embedded store's side of retention and sharing: expiry times, deletion, share tokens.

Kept apart from the log's append path (``SqliteLog`` mixes this in). Two tables of its own,
created on first use so an existing data file needs no migration:

    retention (session, expires_at)    when the session and everything of it is deleted (server ms)
    shares    (session, token_hash)    the read-only summary link, if the facilitator turned it on
    images    (session, hash, owner, display, thumb)    photos of sketches (server/store/embedded_images.py)

Deleting a session deletes its rows from every table in one transaction, with SQLite's
``secure_delete`` on (freed pages are overwritten with zeros) and a WAL checkpoint after, so the
text does not linger in the file.
"""

from __future__ import annotations

import sqlite3

from server.store.embedded_guard import _guard

_SCHEMA = """
CREATE TABLE IF NOT EXISTS retention (
    session TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS retention_expires_at ON retention (expires_at);
CREATE TABLE IF NOT EXISTS shares (
    session TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS images (
    session TEXT NOT NULL,
    hash TEXT NOT NULL,
    owner TEXT NOT NULL,
    display BLOB NOT NULL,
    thumb BLOB NOT NULL,
    PRIMARY KEY (session, hash)
);
"""

# Every table that holds rows of a session, and so every table a deletion must empty of it.
SESSION_TABLES = ("records", "snapshots", "credentials", "retention", "shares", "images", "sessions")


class SqliteRetention:
    _db: sqlite3.Connection
    _retention_ready = False

    def _retention_db(self) -> sqlite3.Connection:
        if not self._retention_ready:
            with _guard("retention schema"):
                self._db.executescript(_SCHEMA)
                self._db.execute("PRAGMA secure_delete = ON")
            self._retention_ready = True
        return self._db

    async def touch(self, session_id: str, expires_at: int) -> None:
        """The session (every row of it) expires at ``expires_at`` (server ms)."""
        db = self._retention_db()
        with _guard("touch"):
            # Only for a session that exists: a change that raced its deletion leaves no row.
            db.execute("INSERT INTO retention SELECT session, ? FROM sessions WHERE session = ? "
                       "ON CONFLICT(session) DO UPDATE SET expires_at = excluded.expires_at",
                       (expires_at, session_id))

    async def expires_at(self, session_id: str) -> int | None:
        db = self._retention_db()
        with _guard("expires_at"):
            row = db.execute("SELECT expires_at FROM retention WHERE session = ?", (session_id,)).fetchone()
        return row[0] if row else None

    async def expired(self, now: int, untouched_expires_at: int, limit: int = 100) -> list[str]:
        """Sessions whose time is up. A session never touched (from before retention existed)
        first gets ``untouched_expires_at``."""
        db = self._retention_db()
        with _guard("expired"):
            db.execute("INSERT OR IGNORE INTO retention SELECT session, ? FROM sessions", (untouched_expires_at,))
            rows = db.execute("SELECT session FROM retention WHERE expires_at <= ? ORDER BY expires_at LIMIT ?",
                              (now, limit)).fetchall()
            # Rows left by a write that raced a deletion (a snapshot saved, or a join's credential
            # stored, just after it): their session is gone, so they go too. (Records cannot race:
            # an append checks the live session first, without yielding.)
            orphans = db.execute(
                "SELECT DISTINCT session FROM (SELECT session FROM snapshots "
                "UNION SELECT session FROM credentials UNION SELECT session FROM shares "
                "UNION SELECT session FROM images) "
                "WHERE session NOT IN (SELECT session FROM sessions) LIMIT ?", (limit,)).fetchall()
        return [r[0] for r in rows] + [r[0] for r in orphans]

    async def missing(self, session_ids: list[str]) -> list[str]:
        """None: a session here goes only by ``delete_session``, which the server runs itself."""
        return []

    async def delete_session(self, session_id: str) -> bool:
        """Delete every row of the session; False if there was no such session."""
        db = self._retention_db()
        with _guard("delete_session"):
            db.execute("BEGIN IMMEDIATE")
            try:
                found = db.execute("SELECT 1 FROM sessions WHERE session = ?", (session_id,)).fetchone() is not None
                for table in SESSION_TABLES:
                    db.execute(f"DELETE FROM {table} WHERE session = ?", (session_id,))
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            try:  # copy the WAL into the (zeroed) main file, so the deleted pages leave the WAL too
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error:
                pass  # a reader holds the WAL; the next checkpoint takes it
        return found

    async def set_share(self, session_id: str, token_hash: str | None) -> None:
        """Turn the read-only summary link on (with this token's hash) or off (None)."""
        db = self._retention_db()
        with _guard("set_share"):
            if token_hash is None:
                db.execute("DELETE FROM shares WHERE session = ?", (session_id,))
            else:
                db.execute("INSERT INTO shares VALUES (?, ?) ON CONFLICT(session) DO UPDATE SET "
                           "token_hash = excluded.token_hash", (session_id, token_hash))

    async def share_hash(self, session_id: str) -> str | None:
        db = self._retention_db()
        with _guard("share_hash"):
            row = db.execute("SELECT token_hash FROM shares WHERE session = ?", (session_id,)).fetchone()
        return row[0] if row else None

    async def trim(self, session_id: str) -> None:
        """Nothing to do: SQLite keeps the log in the file, where deletion removes it whole."""
