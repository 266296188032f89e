"""Who is online on Redis, per session, across instances (heartbeats in Redis server time)."""

from __future__ import annotations

import asyncio
import contextlib

from server.logs import session_ref
from server.store.redis_client import _Client, _UNAVAILABLE, _guard, _key, log

# Presence scores are Redis server time, so instances with skewed clocks agree on who is stale.
_NOW_MS = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""


# KEYS[1] online zset, KEYS[2] who hash. ARGV[1] key lifetime ms, then connection, who pairs.
_TOUCH = _NOW_MS + """
for i = 2, #ARGV, 2 do
  redis.call('ZADD', KEYS[1], now, ARGV[i])
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
"""


# KEYS[1] online zset, KEYS[2] who hash. ARGV[1] ttl ms. Purges stale entries, returns the live whos.
_ONLINE = _NOW_MS + """
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[1])))
for i = 1, #stale do
  redis.call('ZREM', KEYS[1], stale[i])
  redis.call('HDEL', KEYS[2], stale[i])
end
local live = redis.call('ZRANGE', KEYS[1], 0, -1)
local out = {}
for i = 1, #live do
  local who = redis.call('HGET', KEYS[2], live[i])
  if who then out[#out + 1] = who end
end
return out
"""


class RedisPresence:
    """Who is online, per session, across instances.

    Each entry carries the Redis time of its last heartbeat; ``online`` ignores
    and purges entries older than ``ttl``. This instance re-touches its own
    connections every ``heartbeat_every`` seconds, so the entries of a crashed
    instance vanish within ``ttl``, and those of a live one come back within one
    heartbeat after Redis lost them. ``enter`` and ``leave`` do their best and
    never raise: the heartbeat repairs a missed ``enter``, the TTL a missed ``leave``.
    """

    def __init__(self, client: _Client, *, ttl: float = 30.0, heartbeat_every: float = 10.0) -> None:
        if heartbeat_every >= ttl:
            raise ValueError("the heartbeat must come more often than the ttl")
        self._client = client
        self._r = client.redis
        self._ttl_ms = int(ttl * 1000)
        self._heartbeat_every = heartbeat_every
        self._touch = self._r.register_script(_TOUCH)
        self._leave = self._r.register_script(_LEAVE)
        self._online = self._r.register_script(_ONLINE)
        self._mine: dict[str, dict[str, bytes]] = {}
        self._heartbeat: asyncio.Task | None = None
        self.heartbeat_failures = 0
        self._closed = False

    def _keys(self, session_id: str) -> list[str]:
        return [_key(session_id, "online"), _key(session_id, "who")]

    async def _touch_session(self, session_id: str, conns: dict[str, bytes]) -> None:
        args: list[str | bytes | int] = [2 * self._ttl_ms]
        for connection, who in conns.items():
            args += [connection, who]
        await self._touch(keys=self._keys(session_id), args=args)

    async def enter(self, session_id: str, connection: str, who: bytes) -> None:
        self._mine.setdefault(session_id, {})[connection] = who
        if self._heartbeat is None:
            self._heartbeat = asyncio.create_task(self._beat(), name="samenspel-redis-presence")
        try:
            await self._touch_session(session_id, {connection: who})
        except _UNAVAILABLE as exc:
            log.warning("presence enter for session %s not stored (%s); the heartbeat retries", session_ref(session_id), exc)

    async def leave(self, session_id: str, connection: str) -> None:
        conns = self._mine.get(session_id)
        if conns is not None:
            conns.pop(connection, None)
            if not conns:
                del self._mine[session_id]
        try:
            await self._leave(keys=self._keys(session_id), args=[connection])
        except _UNAVAILABLE as exc:
            log.warning("presence leave for session %s not stored (%s); it expires", session_ref(session_id), exc)

    async def online(self, session_id: str) -> list[bytes]:
        with _guard("online"):
            return list(await self._online(keys=self._keys(session_id), args=[self._ttl_ms]))

    async def online_many(self, session_ids: list[str]) -> dict[str, list[bytes]]:
        out: dict[str, list[bytes]] = {}
        with _guard("online"):
            for i in range(0, len(session_ids), 200):
                chunk = session_ids[i:i + 200]
                pipe = self._r.pipeline(transaction=False)
                for session_id in chunk:
                    await self._online(keys=self._keys(session_id), args=[self._ttl_ms], client=pipe)
                for session_id, who in zip(chunk, await pipe.execute()):
                    out[session_id] = list(who)
        return out

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self._heartbeat_every)
            sessions = list(self._mine.items())
            # One pipeline per 200 sessions: an instance holding many sessions pays a few round
            # trips per heartbeat, not one per session.
            for i in range(0, len(sessions), 200):
                try:
                    pipe = self._r.pipeline(transaction=False)
                    for session_id, conns in sessions[i:i + 200]:
                        args: list[str | bytes | int] = [2 * self._ttl_ms]
                        for connection, who in dict(conns).items():
                            args += [connection, who]
                        await self._touch(keys=self._keys(session_id), args=args, client=pipe)
                    # Shielded: a heartbeat stopped mid round trip (close, a test's "crash") lets
                    # the pipeline finish and hand its connection back instead of leaving it half read.
                    await asyncio.shield(pipe.execute())
                except Exception as exc:  # never let the heartbeat die: presence would vanish for good
                    self.heartbeat_failures += 1
                    log.warning("presence heartbeat failed (failure #%d): %s", self.heartbeat_failures, exc)
                    break

    async def close(self) -> None:
        """Stop the heartbeat. Entries of connections still here expire within the ttl."""
        if self._closed:
            return
        self._closed = True
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
            self._heartbeat = None
        self._mine.clear()
        await self._client.release()


# KEYS[1] online zset, KEYS[2] who hash. ARGV[1] connection.
_LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
"""
