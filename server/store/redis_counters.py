"""Rate-limit counters on Redis, shared by every instance."""

from __future__ import annotations

from server.store.redis_client import _Client, _guard

# KEYS[1] counter. ARGV[1] window ms, ARGV[2] cost. INCRBY and the window's expiry in one step, so
# a counter never outlives its window (a crash between INCR and EXPIRE cannot leave one forever).
_HIT = """
local n = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
"""


class RedisCounters:
    """Rate-limit counters shared by every instance on this Redis (``ss:limit:<key>``, ``ss:mark:<key>``)."""

    def __init__(self, client: _Client) -> None:
        self._client = client
        self._r = client.redis
        self._hit = self._r.register_script(_HIT)
        self._closed = False

    async def hit(self, key: str, window: float, cost: int = 1) -> tuple[int, float]:
        with _guard("limit"):
            n, ttl = await self._hit(keys=[f"ss:limit:{key}"], args=[max(1, int(window * 1000)), cost])
        return int(n), int(ttl) / 1000

    async def peek(self, key: str) -> tuple[int, float]:
        with _guard("limit"):
            async with self._r.pipeline(transaction=False) as pipe:
                n, ttl = await pipe.get(f"ss:limit:{key}").pttl(f"ss:limit:{key}").execute()
        if n is None or ttl is None or int(ttl) < 0:
            return 0, 0.0
        return int(n), int(ttl) / 1000

    async def mark(self, key: str, ttl: float) -> None:
        with _guard("mark"):
            await self._r.set(f"ss:mark:{key}", b"1", px=max(1, int(ttl * 1000)))

    async def marked(self, key: str) -> bool:
        with _guard("mark"):
            return bool(await self._r.exists(f"ss:mark:{key}"))

    async def close(self) -> None:
        if not self._closed:
            self._closed = True
            await self._client.release()
