"""Pick a backend by URL: ``redis://`` / ``rediss://`` for Redis, otherwise the embedded store."""

from __future__ import annotations

from server.settings import Settings
from server.store.base import Backend


def open_backend(settings: Settings) -> Backend:
    if settings.redis_url:
        from server.store.redis import open_redis  # imported lazily: the embedded store needs no Redis

        return open_redis(settings.redis_url, max_connections=settings.redis_pool_size, presence_ttl=settings.presence_ttl,
                          heartbeat_every=settings.heartbeat_every, probe_every=settings.probe_every,
                          probe_timeout=settings.probe_timeout)
    from server.store.embedded import open_embedded

    return open_embedded(settings.data_dir)
