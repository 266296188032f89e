"""The embedded store's images: one table, rows deleted with the session (SESSION_TABLES in
embedded_retention.py, which creates the table)."""

from __future__ import annotations

import sqlite3

from server.store.embedded_guard import _guard
from server.store.images import Put


class SqliteImages:
    _db: sqlite3.Connection  # and _retention_db(), from embedded_retention.SqliteRetention (it makes the table)


    async def put_image(self, session_id: str, digest: str, owner: str, display: bytes, thumb: bytes,
                        max_per_owner: int, max_per_session: int) -> Put:
        db = self._retention_db()
        with _guard("put_image"):
            db.execute("BEGIN IMMEDIATE")
            try:
                if db.execute("SELECT 1 FROM sessions WHERE session = ?", (session_id,)).fetchone() is None:
                    result = Put.GONE
                elif db.execute("SELECT 1 FROM images WHERE session = ? AND hash = ?",
                                (session_id, digest)).fetchone():
                    result = Put.EXISTS
                elif db.execute("SELECT count(*) FROM images WHERE session = ?",
                                (session_id,)).fetchone()[0] >= max_per_session:
                    result = Put.SESSION_FULL
                elif db.execute("SELECT count(*) FROM images WHERE session = ? AND owner = ?",
                                (session_id, owner)).fetchone()[0] >= max_per_owner:
                    result = Put.OWNER_FULL
                else:
                    db.execute("INSERT INTO images VALUES (?, ?, ?, ?, ?)", (session_id, digest, owner, display, thumb))
                    result = Put.STORED
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        return result

    async def get_image(self, session_id: str, digest: str, thumb: bool) -> bytes | None:
        db = self._retention_db()
        with _guard("get_image"):
            row = db.execute(f"SELECT {'thumb' if thumb else 'display'} FROM images WHERE session = ? AND hash = ?",
                             (session_id, digest)).fetchone()
        return row[0] if row else None

    async def delete_image(self, session_id: str, digest: str) -> None:
        db = self._retention_db()
        with _guard("delete_image"):
            db.execute("DELETE FROM images WHERE session = ? AND hash = ?", (session_id, digest))
