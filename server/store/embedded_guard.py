"""What the embedded store's parts share: SQLite's failures turned into :class:`StoreUnavailable`."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from server.store.base import StoreUnavailable


@contextlib.contextmanager
def _guard(what: str) -> Iterator[None]:
    """SQLite's own failures (database locked, disk full, I/O error) mean: nothing stored, try later."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"sqlite failed during {what}: {exc}") from exc
