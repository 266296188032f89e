"""The Redis store's side of retention and sharing: key expiry, deletion, share tokens, trimming.

Kept apart from the log's append path (``RedisLog`` mixes this in). Redis deletes expired keys
itself: ``touch`` sets the same absolute expiry (``PEXPIREAT``) on every key of the session and on
its join-code key, so nothing of a session outlives it. A key created after the last touch takes
the meta's expiry as it is written (the share key, a participant's credential), or at the next
touch, which the server forces after a snapshot. Rate-limit keys that name a session
(``ss:limit:*:<session>``, ``ss:mark:*:<session>``) expire on their own within hours and are
deleted with the session.

    ss:{<session>}:share     string  sha256 of the read-only summary link's token (absent: off)
    ss:expiry                zset    session -> its expiry (unix ms), written with every touch

Redis deleting a session's keys tells nobody: the instances holding it would keep it live (screens
open, hellos welcomed from memory, presence refreshed) and the rate-limit marks naming it would
stay for hours. So the server sweeps Redis as it sweeps the embedded store: ``expired`` reads the
``ss:expiry`` index, and the sweep deletes what is left and tells every instance (server.retention).
``missing`` is the safety net for sessions held live that have no index entry (touched before the
index existed): their meta is gone.
"""

from __future__ import annotations

from server.logs import session_ref
from server.store.base import StoreUnavailable
from server.store.redis_client import _code_key, _guard, _key

EXPIRY_INDEX = "ss:expiry"

# Every key of a session's slot (presence keys expire on their own within seconds, but a deletion
# removes them too).
_SESSION_PARTS = ("meta", "log", "cred", "snap", "share", "img", "online", "who")
_LASTING_PARTS = ("meta", "log", "cred", "snap", "share", "img")

# KEYS the session's lasting keys. ARGV[1] expiry (unix ms). Only keys that exist get it.
_TOUCH = """
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('PEXPIREAT', KEYS[i], ARGV[1]) end
end
return 1
"""

# KEYS[1] meta, KEYS[2] share. ARGV[1] token hash. The share key expires with the meta.
_SET_SHARE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
local at = redis.call('PEXPIRETIME', KEYS[1])
if at > 0 then redis.call('PEXPIREAT', KEYS[2], at) end
return 1
"""

# KEYS[1] log, KEYS[2] snapshot. Drops the log entries the stored snapshot covers, keeping the one
# at the snapshot's own seq: the log's last entry must stay (it is what an append compares to).
_TRIM = """
local seq = redis.call('HGET', KEYS[2], 'seq')
if not seq then return 0 end
return redis.call('XTRIM', KEYS[1], 'MINID', seq .. '-0')
"""

# KEYS[1] credentials hash, KEYS[2] meta. ARGV token hash, participant. The hash expires with the meta.
_ADD_CREDENTIAL = """
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
local at = redis.call('PEXPIRETIME', KEYS[2])
if at > 0 then redis.call('PEXPIREAT', KEYS[1], at) end
return 1
"""

# KEYS[1] join-code key. ARGV[1] the session that owns it, ARGV[2] expiry (unix ms).
_TOUCH_CODE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
return 0
"""


def _glob(text: str) -> str:
    """``text`` literally, in a SCAN pattern."""
    return "".join("\\" + ch if ch in "*?[]\\" else ch for ch in text)


class RedisRetention:
    def _retention_scripts(self):
        scripts = getattr(self, "_rt_scripts", None)
        if scripts is None:
            r = self._r
            scripts = self._rt_scripts = {
                "touch": r.register_script(_TOUCH), "set_share": r.register_script(_SET_SHARE),
                "trim": r.register_script(_TRIM), "touch_code": r.register_script(_TOUCH_CODE),
                "add_credential": r.register_script(_ADD_CREDENTIAL),
            }
        return scripts

    @staticmethod
    def _keys(session_id: str, parts: tuple[str, ...]) -> list[str]:
        return [_key(session_id, p) for p in parts]

    async def touch(self, session_id: str, expires_at: int) -> None:
        """Every key of the session, and its join code, expire at ``expires_at`` (unix ms)."""
        meta = await self.session(session_id)
        if meta is None:
            # Deleted (or expired) while this change was on its way: a key it wrote after the
            # deletion (a snapshot) would have no expiry, so it goes now.
            with _guard("touch"):
                await self._r.delete(*self._keys(session_id, _LASTING_PARTS))
            return
        scripts = self._retention_scripts()
        with _guard("touch"):
            await scripts["touch"](keys=self._keys(session_id, _LASTING_PARTS), args=[expires_at])
            await scripts["touch_code"](keys=[_code_key(meta.join_code)], args=[session_id, expires_at])
            await self._r.zadd(EXPIRY_INDEX, {session_id: expires_at})

    async def _add_credential_expiring(self, session_id: str, token_hash: str, participant: str) -> None:
        """A participant's credential, expiring with the session (joins write it after their append)."""
        await self._retention_scripts()["add_credential"](keys=self._keys(session_id, ("cred", "meta")),
                                                          args=[token_hash, participant])

    async def expires_at(self, session_id: str) -> int | None:
        with _guard("expires_at"):
            at = await self._r.pexpiretime(self._keys(session_id, ("meta",))[0])
        return at if at and at > 0 else None

    async def expired(self, now: int, untouched_expires_at: int, limit: int = 100) -> list[str]:
        """Sessions whose time is up (Redis has deleted, or is about to delete, their keys; what
        names them elsewhere, and the instances holding them, still have to hear of it). A session
        never touched has no expiry on Redis and is not listed."""
        with _guard("expired"):
            ids = await self._r.zrangebyscore(EXPIRY_INDEX, "-inf", now, start=0, num=limit)
        return [i.decode() for i in ids]

    async def missing(self, session_ids: list[str]) -> list[str]:
        """Those of ``session_ids`` the store no longer has (their meta expired or was deleted)."""
        out: list[str] = []
        with _guard("missing"):
            for i in range(0, len(session_ids), 200):
                chunk = session_ids[i:i + 200]
                pipe = self._r.pipeline(transaction=False)
                for session_id in chunk:
                    pipe.exists(self._keys(session_id, ("meta",))[0])
                out += [sid for sid, found in zip(chunk, await pipe.execute()) if not found]
        return out

    async def delete_session(self, session_id: str) -> bool:
        """Delete every key of the session and its join code; False if there was no such session."""
        meta = await self.session(session_id)
        with _guard("delete_session"):
            # One DEL, atomic: from then on an append anywhere fails (the session is lost to it).
            removed = await self._r.delete(*self._keys(session_id, _SESSION_PARTS))
            await self._r.zrem(EXPIRY_INDEX, session_id)
            if meta is not None:
                await self._release_code(keys=[_code_key(meta.join_code)], args=[session_id])
            # Rate-limit bookkeeping that names the session (wrong tokens for it, addresses that
            # reached it): it expires by itself within hours, but a deletion leaves nothing.
            for pattern in (f"ss:limit:*:{_glob(session_id)}", f"ss:mark:*:{_glob(session_id)}"):
                keys = [k async for k in self._r.scan_iter(match=pattern, count=1000)]
                if keys:
                    removed += await self._r.delete(*keys)
        return meta is not None or removed > 0

    async def set_share(self, session_id: str, token_hash: str | None) -> None:
        meta_key, share_key = self._keys(session_id, ("meta", "share"))
        with _guard("set_share"):
            if token_hash is None:
                await self._r.delete(share_key)
            elif not await self._retention_scripts()["set_share"](keys=[meta_key, share_key], args=[token_hash]):
                raise StoreUnavailable(f"session {session_ref(session_id)} is gone")

    async def share_hash(self, session_id: str) -> str | None:
        with _guard("share_hash"):
            raw = await self._r.get(self._keys(session_id, ("share",))[0])
        return raw.decode() if raw is not None else None

    async def trim(self, session_id: str) -> None:
        """Drop log entries that the stored snapshot covers (all but the one at its seq)."""
        with _guard("trim"):
            await self._retention_scripts()["trim"](keys=self._keys(session_id, ("log", "snap")), args=[])
