"""The session log on Redis (a stream per session), with compare-and-append; its retention
(expiry, deletion, the share link) is :class:`RedisRetention` beside it. Key layout: server.store.redis."""

from __future__ import annotations

import asyncio
import secrets

import redis.exceptions as rex

from server.logs import session_ref
from server.store.base import SessionMeta
from server.store.redis_client import LogRewound, SessionLost, _Client, _channel, _code_key, _guard, _key
from server.store.redis_images import RedisImages
from server.store.redis_retention import RedisRetention

# KEYS[1] log stream, KEYS[2] meta hash. ARGV[1] expected seq, ARGV[2] a fresh epoch, ARGV[3] a pub/sub
# channel ('' for none) and ARGV[4] what to publish there once appended (the doorbell rings in the
# same round trip, and only if the records are in), ARGV[5] the append's token ('' for none; kept
# beside the last record as field 't'), ARGV[6..] the records.
# Returns
#    1  appended;
#    0  refused: the log goes beyond the expected seq (someone else appended first);
#    2  the log already holds these records at these seqs *with this token*: a retry whose reply was
#       lost. The token, not the bytes, says so: two instances deciding the same command for the
#       same person in the same millisecond write identical bytes (two dots on one item), and the
#       second must learn that it lost, not that it won;
#   -1  the session has no meta (Redis lost it): nothing written;
#   -2  the log ends before the expected seq, so it lost records the caller saw acknowledged
#       (a Redis that came back from an older AOF/RDB, a failover to a lagging replica): nothing
#       written, and the session's epoch is replaced by ARGV[2] so no position from before counts.
_APPEND = """
if redis.call('EXISTS', KEYS[2]) == 0 then return -1 end
local expected = tonumber(ARGV[1])
local n = #ARGV - 5
local last = 0
local top = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if top[1] then last = tonumber(string.match(top[1][1], '^(%d+)')) end
if last < expected then
  redis.call('HSET', KEYS[2], 'epoch', ARGV[2])
  return -2
end
if last > expected then
  if n == 0 or ARGV[5] == '' or last < expected + n then return 0 end
  local have = redis.call('XRANGE', KEYS[1], (expected + 1) .. '-0', (expected + n) .. '-0')
  if #have ~= n or have[n][2][4] ~= ARGV[5] then return 0 end
  for i = 1, n do
    if have[i][2][2] ~= ARGV[i + 5] then return 0 end
  end
  return 2
end
for i = 1, n - 1 do
  redis.call('XADD', KEYS[1], (expected + i) .. '-0', 'd', ARGV[i + 5])
end
if n == 0 then
elseif ARGV[5] == '' then
  redis.call('XADD', KEYS[1], (expected + n) .. '-0', 'd', ARGV[n + 5])
else
  redis.call('XADD', KEYS[1], (expected + n) .. '-0', 'd', ARGV[n + 5], 't', ARGV[5])
end
if ARGV[3] ~= '' then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
return 1
"""


# KEYS[1] meta hash. ARGV field, value pairs, join_code 3rd/4th and epoch 9th/10th.
# 1 written (or already written by this very call, retried), 0 another session has this id.
_CREATE_META = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  local have = redis.call('HMGET', KEYS[1], 'join_code', 'epoch')
  if have[1] == ARGV[4] and have[2] == ARGV[10] then return 1 end
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
"""


# KEYS[1] join-code key. ARGV[1] the session that may own it. Deletes it only if it does.
_RELEASE_CODE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


# KEYS[1] snapshot hash. ARGV[1] seq, ARGV[2] data. Only a newer snapshot replaces the stored one.
_SAVE_SNAPSHOT = """
local cur = redis.call('HGET', KEYS[1], 'seq')
if cur and tonumber(cur) >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'data', ARGV[2])
return 1
"""


class RedisLog(RedisImages, RedisRetention):
    announces = True  # ``append`` publishes the doorbell itself

    def __init__(self, client: _Client, *, ready_timeout: float = 2.0) -> None:
        self._client = client
        self._r = client.redis
        self._ready_timeout = ready_timeout
        self._closed = False
        self._append = self._r.register_script(_APPEND)
        self._batch: list[tuple[list[str], list, asyncio.Future]] | None = None  # appends of this loop turn
        self._batches: set[asyncio.Task] = set()
        self._create_meta = self._r.register_script(_CREATE_META)
        self._release_code = self._r.register_script(_RELEASE_CODE)
        self._save_snapshot = self._r.register_script(_SAVE_SNAPSHOT)

    async def create_session(self, meta: SessionMeta) -> bool:
        code_key = _code_key(meta.join_code)
        with _guard("create_session"):
            # NX with GET (Redis >= 7.0): a retry after a lost reply finds its own session id there.
            owner = await self._r.set(code_key, meta.session, nx=True, get=True)
            if owner is not None and owner != meta.session.encode():
                return False
            fields = ["session", meta.session, "join_code", meta.join_code, "facilitator_hash",
                      meta.facilitator_hash, "created_at", str(meta.created_at), "epoch", meta.epoch]
            if await self._create_meta(keys=[_key(meta.session, "meta")], args=fields):
                return True
            await self._release_code(keys=[code_key], args=[meta.session])
            return False

    async def session(self, session_id: str) -> SessionMeta | None:
        with _guard("session"):
            raw = await self._r.hgetall(_key(session_id, "meta"))
        if not raw:
            return None
        f = {k.decode(): v.decode() for k, v in raw.items()}
        return SessionMeta(session=f["session"], join_code=f["join_code"], facilitator_hash=f["facilitator_hash"],
                           created_at=int(f["created_at"]), epoch=f["epoch"])

    async def session_by_code(self, join_code: str) -> SessionMeta | None:
        with _guard("session_by_code"):
            session_id = await self._r.get(_code_key(join_code))
        if session_id is None:
            return None
        meta = await self.session(session_id.decode())
        return meta if meta is not None and meta.join_code == join_code else None

    async def add_credential(self, session_id: str, token_hash: str, participant: str) -> None:
        with _guard("add_credential"):
            # written after the join's append: it takes the session's expiry (see redis_retention)
            await self._add_credential_expiring(session_id, token_hash, participant)

    async def credential(self, session_id: str, token_hash: str) -> str | None:
        with _guard("credential"):
            raw = await self._r.hget(_key(session_id, "cred"), token_hash)
        return raw.decode() if raw is not None else None

    async def release_credential(self, session_id: str, token_hash: str, participant: str) -> None:
        with _guard("release_credential"):
            key = _key(session_id, "cred")
            if await self._r.hget(key, token_hash) == participant.encode():
                await self._r.hdel(key, token_hash)

    async def append(self, session_id: str, expected_seq: int, records: list[bytes],
                     announce: bytes | None = None, token: bytes | None = None) -> bool:
        """Compare-and-append; with ``announce``, also publish it on the session's channel in the
        same script (so the broker's doorbell costs no round trip of its own). With ``token``, the
        same call sent again after a lost reply is recognised as already in (see ``_APPEND``).

        Appends made in the same event-loop turn (by any sessions) go to Redis together, in one
        pipeline: one round trip and one pooled connection for all of them (group commit). Each
        is still its own script call, atomic and checked on its own."""
        args = [expected_seq, secrets.token_hex(8), _channel(session_id) if announce is not None else b"",
                announce or b"", token or b"", *records]
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        entry = ([_key(session_id, "log"), _key(session_id, "meta")], args, future)
        with _guard("append"):
            if self._batch is not None:  # another append of this turn leads: ride along
                self._batch.append(entry)
            else:
                # Lead: wait one loop turn for the appends made in it, then send them all. The
                # leader sends from its own task (no task is created per batch).
                batch = self._batch = [entry]
                try:
                    await asyncio.sleep(0)
                except asyncio.CancelledError:
                    self._batch = None
                    future.cancel()
                    self._spawn_batch(batch)  # the others still go
                    raise
                self._batch = None
                try:
                    await self._run_batch(batch)
                except asyncio.CancelledError:
                    if future.done() and not future.cancelled():
                        future.exception()  # ours is moot: we are cancelled
                    raise
            result = await future
        if result == -1:
            raise SessionLost(f"session {session_ref(session_id)} has no meta in redis (restarted empty?)")
        if result == -2:
            raise LogRewound(f"session {session_ref(session_id)}: the log ends before seq {expected_seq}; its epoch was replaced")
        return result in (1, 2)

    async def last_seqs(self, session_ids: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        with _guard("last_seqs"):
            for i in range(0, len(session_ids), 200):
                chunk = session_ids[i:i + 200]
                pipe = self._r.pipeline(transaction=False)
                for session_id in chunk:
                    pipe.xrevrange(_key(session_id, "log"), "+", "-", count=1)
                for session_id, top in zip(chunk, await pipe.execute()):
                    out[session_id] = int(top[0][0].split(b"-", 1)[0]) if top else 0
        return out

    def _spawn_batch(self, batch: list) -> None:
        task = asyncio.get_running_loop().create_task(self._run_batch(batch))
        self._batches.add(task)
        task.add_done_callback(self._batches.discard)

    async def _run_batch(self, batch: list) -> None:
        """Send the appends; each one's future gets its result (or the error that ended the round trip)."""
        batch = [entry for entry in batch if not entry[2].done()]  # a cancelled caller sends nothing
        if not batch:
            return
        try:
            if len(batch) == 1:
                keys, args, _ = batch[0]
                try:
                    results = [await self._append(keys=keys, args=args)]
                except rex.ResponseError as exc:
                    results = [exc]
            else:
                results = await self._pipelined_appends(batch)
        except asyncio.CancelledError:
            # The leading caller was cancelled mid round trip. The others were not: to them this is
            # an unanswered append (it may have landed), which they resend (see live.py).
            for *_, future in batch:
                if not future.done():
                    future.set_exception(rex.TimeoutError("the append round trip was abandoned"))
            raise
        except Exception as exc:  # the round trip failed: none of them is known to be in
            for *_, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (*_, future), result in zip(batch, results):
            if future.done():
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)

    async def _pipelined_appends(self, batch: list) -> list:
        """The batch's scripts in one pipeline, by their SHA. (Handing redis-py's Script objects to
        a pipeline costs a SCRIPT EXISTS round trip before every execute: a second round trip
        for every group commit.) A Redis that lost its scripts answers NOSCRIPT without running
        them: load the script and send those again."""
        results: list = [None] * len(batch)
        todo = list(range(len(batch)))
        for attempt in range(2):
            pipe = self._r.pipeline(transaction=False)
            for i in todo:
                keys, args, _ = batch[i]
                pipe.evalsha(self._append.sha, len(keys), *keys, *args)
            for i, result in zip(todo, await pipe.execute(raise_on_error=False)):
                results[i] = result
            todo = [i for i in todo if isinstance(results[i], rex.NoScriptError)]
            if not todo or attempt:
                break
            await self._r.script_load(_APPEND)
        return results

    async def renew_epoch(self, session_id: str) -> None:
        with _guard("renew_epoch"):
            await self._r.hset(_key(session_id, "meta"), "epoch", secrets.token_hex(8))

    async def read(self, session_id: str, after_seq: int, limit: int = 1000) -> list[bytes]:
        if limit <= 0:
            return []
        start = f"{after_seq + 1}-0" if after_seq >= 0 else "-"
        with _guard("read"):
            entries = await self._r.xrange(_key(session_id, "log"), min=start, max="+", count=limit)
        return [fields[b"d"] for _, fields in entries]

    async def save_snapshot(self, session_id: str, seq: int, data: bytes) -> None:
        with _guard("save_snapshot"):
            await self._save_snapshot(keys=[_key(session_id, "snap")], args=[seq, data])

    async def load_snapshot(self, session_id: str) -> tuple[int, bytes] | None:
        with _guard("load_snapshot"):
            seq, data = await self._r.hmget(_key(session_id, "snap"), ["seq", "data"])
        if seq is None or data is None:
            return None
        return int(seq), data

    async def ready(self) -> bool:
        """A PING, given as long as any command: on an event loop busy with thousands of sockets
        the reply can take a while to be read, and a slow answer is not an outage."""
        try:
            return bool(await asyncio.wait_for(self._r.ping(), self._ready_timeout))
        except Exception:
            return False

    async def close(self) -> None:
        if not self._closed:
            self._closed = True
            await self._client.release()
