"""The Redis store's images: one hash per session, in the session's slot, expiring and deleted
with it (``img`` is one of redis_retention's session parts)::

    ss:{<session>}:img    hash    <hash> -> display JPEG, <hash>:t -> thumbnail JPEG,
                                  n -> images held, n:<owner> -> images of that uploader

A put is one script: it checks the session exists, the caps and whether the image is there,
writes both sizes and the counts, and gives the key the meta's expiry."""

from __future__ import annotations

from server.store.images import Put
from server.store.redis_client import _guard, _key

# KEYS[1] images hash, KEYS[2] meta. ARGV hash, owner, display, thumb, max per owner, max per session.
_PUT = """
if redis.call('EXISTS', KEYS[2]) == 0 then return -1 end
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 2 end
local total = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
if total >= tonumber(ARGV[6]) then return -3 end
local mine = tonumber(redis.call('HGET', KEYS[1], 'n:' .. ARGV[2]) or '0')
if mine >= tonumber(ARGV[5]) then return -2 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3], ARGV[1] .. ':t', ARGV[4], 'n', total + 1, 'n:' .. ARGV[2], mine + 1,
           ARGV[1] .. ':o', ARGV[2])
local at = redis.call('PEXPIRETIME', KEYS[2])
if at > 0 then redis.call('PEXPIREAT', KEYS[1], at) end
return 1
"""

# KEYS[1] images hash. ARGV[1] hash. Removes it and gives its uploader's count back.
_DELETE = """
local owner = redis.call('HGET', KEYS[1], ARGV[1] .. ':o')
if not owner then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1], ARGV[1] .. ':t', ARGV[1] .. ':o')
redis.call('HINCRBY', KEYS[1], 'n', -1)
redis.call('HINCRBY', KEYS[1], 'n:' .. owner, -1)
return 1
"""

_RESULT = {1: Put.STORED, 2: Put.EXISTS, -1: Put.GONE, -2: Put.OWNER_FULL, -3: Put.SESSION_FULL}


class RedisImages:
    def _image_scripts(self):
        scripts = getattr(self, "_img_scripts", None)
        if scripts is None:
            scripts = self._img_scripts = {"put": self._r.register_script(_PUT),
                                           "delete": self._r.register_script(_DELETE)}
        return scripts

    async def put_image(self, session_id: str, digest: str, owner: str, display: bytes, thumb: bytes,
                        max_per_owner: int, max_per_session: int) -> Put:
        with _guard("put_image"):
            result = await self._image_scripts()["put"](
                keys=[_key(session_id, "img"), _key(session_id, "meta")],
                args=[digest, owner, display, thumb, max_per_owner, max_per_session])
        return _RESULT[int(result)]

    async def get_image(self, session_id: str, digest: str, thumb: bool) -> bytes | None:
        with _guard("get_image"):
            return await self._r.hget(_key(session_id, "img"), f"{digest}:t" if thumb else digest)

    async def delete_image(self, session_id: str, digest: str) -> None:
        with _guard("delete_image"):
            await self._image_scripts()["delete"](keys=[_key(session_id, "img")], args=[digest])
