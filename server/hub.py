"""The sessions this instance holds live: loaded on first use, dropped when the last socket leaves.

An instance subscribes to a session's broker channel only while it holds the
session, so it receives the traffic of its own clients' boards and no others.
Loading and dropping take a lock *per session*: a slow store holds up only the
session it is loading, never the others.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from boards.errors import DomainError, ErrorCode
from server import frames
from server.auth import new_id
from server.live import LiveSession
from server.logs import session_ref
from server.settings import Settings
from server.store.base import Backend, StoreUnavailable

log = logging.getLogger("samenspel.hub")


class Hub:
    def __init__(self, backend: Backend, settings: Settings) -> None:
        self.backend = backend
        self.settings = settings
        self.sessions: dict[str, LiveSession] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self.instance = new_id()
        self._refresher: asyncio.Task | None = None
        self._tasks: set[asyncio.Task] = set()
        self._missed_checks = 0
        self.store_ready = True

    def start(self) -> None:
        self._refresher = asyncio.create_task(self._watch(), name="hub-watch")

    def _lock(self, session_id: str) -> asyncio.Lock:
        lock = self._locks.get(session_id)
        if lock is None:
            lock = self._locks[session_id] = asyncio.Lock()
        return lock

    async def acquire(self, session_id: str) -> LiveSession | None:
        """The live session, loading it if needed; None if no such session. Pair with ``release``."""
        live = self.sessions.get(session_id)
        if live is None:
            async with self._lock(session_id):
                live = self.sessions.get(session_id)
                if live is None:
                    live = await self._load(session_id)
                    if live is None:
                        self._locks.pop(session_id, None)
                        return None
                    self.sessions[session_id] = live
        live.users += 1
        return live

    async def _load(self, session_id: str) -> LiveSession | None:
        meta = await self.backend.log.session(session_id)
        if meta is None:
            return None
        live = await LiveSession.load(meta, self.backend, self.settings, self.instance)
        live.on_stale = self._forget
        live.store_down = lambda: not self.store_ready
        live.on_store_error = lambda: self.set_store_ready(False)
        await self.backend.broker.subscribe(session_id, live.on_broker_message)
        try:
            # Records appended between our load and our subscription arrived nowhere: read them.
            await live.catch_up()
            if live.stale:  # reset by a resync while loading
                raise StoreUnavailable(f"session {session_ref(session_id)} was reset while loading")
        except BaseException:
            await self.backend.broker.unsubscribe(session_id)
            await live.close()
            raise
        live.schedule_timer_expiry()
        return live

    def _forget(self, live: LiveSession) -> None:
        """A stale session is not handed out again; its sockets release it as they close."""
        if self.sessions.get(live.id) is live:
            del self.sessions[live.id]

    @asynccontextmanager
    async def holding(self, session_id: str):
        """The live session for the length of a request; ``not_found`` if it is gone (deleted or
        expired between finding its code and loading it)."""
        live = await self.acquire(session_id)
        if live is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such session (it may have expired or been deleted)")
        try:
            yield live
        finally:
            await self.release(live)

    async def release(self, live: LiveSession) -> None:
        live.users -= 1
        if live.users > 0:
            return
        async with self._lock(live.id):
            if live.users > 0:  # someone acquired it again meanwhile
                return
            current = self.sessions.get(live.id)
            if current is live:
                del self.sessions[live.id]
            if current is None or current is live:  # a stale session's successor keeps the channel
                try:
                    await self.backend.broker.unsubscribe(live.id)
                except Exception:
                    log.exception("unsubscribe from session %s failed", session_ref(live.id))
            await live.close()
        if live.id not in self.sessions:
            self._locks.pop(live.id, None)

    async def _watch(self) -> None:
        """Tell the sockets when the store went away or came back (so people see "reconnecting"
        instead of failing clicks), and keep a cheap safety net under the broker's doorbell.

        Records reach a held session by its broker channel, and a gap in their sequence numbers
        sends it to the log: that is the path whose cost grows with traffic. What the doorbell
        alone could miss (a lost message on a board that then stays quiet; the presence entries of
        a crashed instance, which expire silently) is looked for every ``heartbeat_every`` seconds
        in a few batched round trips for *all* held sessions (one per 200), and only a session
        that is behind reads its log. Never one store read per held session per tick."""
        loop = asyncio.get_running_loop()
        next_net = loop.time() + self.settings.heartbeat_every
        while True:
            await asyncio.sleep(min(self.settings.heartbeat_every, 2.0))
            ready = await self._store_ready()
            self.set_store_ready(ready)
            if not ready or loop.time() < next_net:
                continue
            next_net = loop.time() + self.settings.heartbeat_every
            try:
                await self._safety_net()
            except StoreUnavailable:
                pass  # the status check above says so when it lasts
            except Exception:
                log.exception("safety net over held sessions failed")

    async def _store_ready(self) -> bool:
        """One unanswered check changes nothing (a busy loop reads replies late): two in a row mean
        down. An answered one means up."""
        if await self.backend.log.ready():
            self._missed_checks = 0
            return True
        self._missed_checks += 1
        return self.store_ready and self._missed_checks < 2

    async def _safety_net(self) -> None:
        held = list(self.sessions.values())
        if not held:
            return
        ids = [live.id for live in held]
        last = await self.backend.log.last_seqs(ids)
        online = await self.backend.presence.online_many(ids)
        for live in held:
            if live.stale:
                continue
            if last.get(live.id, 0) > live.state.seq:
                log.info("session %s: the log is ahead (%d > %d) with no doorbell; reading it",
                         session_ref(live.id), last[live.id], live.state.seq)
                self._spawn_catch_up(live)
            if live.id in online:
                live.show_presence(online[live.id], only_if_changed=True)

    def _spawn_catch_up(self, live: LiveSession) -> None:
        async def run() -> None:
            try:
                await live.catch_up()
            except Exception:
                log.exception("catch-up of session %s failed", session_ref(live.id))

        task = asyncio.create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def set_store_ready(self, ready: bool) -> None:
        """Known up or down; while down, commands are answered ``unavailable`` at once. Only the
        watch above (a successful probe) marks it up again."""
        if ready == self.store_ready:
            return
        self.store_ready = ready
        log.warning("store %s", "is back" if ready else "is unreachable")
        status = frames.encode({"type": "status", "store": "ok" if ready else "unavailable"})
        for live in list(self.sessions.values()):
            live.send_to_all(status)

    async def close(self) -> None:
        if self._refresher is not None:
            self._refresher.cancel()
        for task in list(self._tasks):
            task.cancel()
        for live in list(self.sessions.values()):
            await live.close()
        self.sessions.clear()
