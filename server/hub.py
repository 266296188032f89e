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
                raise StoreUnavailable(f"session {session_id} was reset while loading")
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
                    log.exception("unsubscribe from session %s failed", live.id)
            await live.close()
        if live.id not in self.sessions:
            self._locks.pop(live.id, None)

    async def _watch(self) -> None:
        """Now and then: tell the sockets when the store went away or came back (so people see
        "reconnecting" instead of failing clicks); read the log of every held session for records
        whose broker message never came (a failed publish on a quiet board); and re-read presence,
        since the entries of a crashed instance expire silently in the store."""
        while True:
            await asyncio.sleep(min(self.settings.heartbeat_every, 2.0))
            ready = await self.backend.log.ready()
            self.set_store_ready(ready)
            if not ready:
                continue
            for live in list(self.sessions.values()):
                try:
                    await live.catch_up()
                    await live.broadcast_presence(only_if_changed=True)
                except Exception:
                    log.exception("refresh of session %s failed", live.id)

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
        for live in list(self.sessions.values()):
            await live.close()
        self.sessions.clear()
