"""Pick a backend by URL: ``redis://`` / ``rediss://`` for Redis, otherwise the embedded store."""

from __future__ import annotations

from pathlib import Path

from server.store.base import Backend


def open_backend(redis_url: str | None, data_dir: Path) -> Backend:
    if redis_url:
        from server.store.redis import open_redis  # imported lazily: the embedded store needs no Redis

        return open_redis(redis_url)
    from server.store.embedded import open_embedded

    return open_embedded(data_dir)
