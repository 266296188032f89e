"""Data that expires: every session is deleted a set number of days after its last change, or now
when the facilitator asks.

After each change the session's expiry is pushed forward (at most once a minute, and at once
after a join or a snapshot, whose keys are new). A task here sweeps the store every
``retention_sweep_every`` seconds: the embedded store's expired sessions are deleted; on Redis,
which deletes the keys itself, the sweep deletes what is left (rate-limit marks naming the session,
presence) and, above all, ends the session on the instances that hold it live. Deleting tells
every instance holding the session: their clients get ``reload`` and, reconnecting, ``not_found``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping, Sequence
from typing import Protocol

import msgpack

from boards import events as e
from boards.events import Record
from server.logs import session_ref

from boards.state import SessionState
from server.settings import Settings
from server.store.base import Backend


class HeldSession(Protocol):
    """What retention needs of a session held live (``server.live.LiveSession``; named by shape,
    so that this module, which live imports, imports neither live nor the hub)."""

    id: str
    stale: bool
    settings: Settings
    state: SessionState
    backend: Backend

    def reset(self, reason: str) -> None: ...


class Holder(Protocol):
    """What retention needs of the hub (``server.hub.Hub``): the sessions held here, the store."""

    sessions: Mapping[str, HeldSession]
    backend: Backend

log = logging.getLogger("samenspel.retention")

DAY_MS = 24 * 3600 * 1000
TOUCH_EVERY_MS = 60_000  # a change pushes the expiry forward at most this often


def resync(reason: str) -> bytes:
    """The broker message that makes every instance holding the session check it in the store
    (and, finding it gone, tell its screens to reload with ``reason``)."""
    return msgpack.packb({"resync": 1, "reason": reason})


def now_ms() -> int:
    return int(time.time() * 1000)


def expires_at(settings: Settings, now: int) -> int:
    return now + int(settings.retention_days * DAY_MS)


def upkeep_due(live: HeldSession, base: int, records: Sequence[Record]) -> bool:
    """Has ``after_append`` anything to do for these records (a snapshot crossed, the expiry due)?"""
    every = live.settings.snapshot_every
    return (live.state.seq // every > base // every
            or now_ms() - getattr(live, "_retention_touched", 0) >= TOUCH_EVERY_MS
            or live.state.seq <= len(records)
            or any(isinstance(r.event, e.ParticipantJoined) for r in records))


async def after_append(live: HeldSession, base: int, records: Sequence[Record]) -> None:
    """The session changed: push its expiry forward; trim the log a new snapshot covers."""
    if live.stale:
        return
    now = now_ms()
    every = live.settings.snapshot_every
    snapshot = live.state.seq // every > base // every
    joined = any(isinstance(r.event, e.ParticipantJoined) for r in records)
    last = getattr(live, "_retention_touched", 0)
    try:
        if snapshot or joined or now - last >= TOUCH_EVERY_MS or live.state.seq <= len(records):
            await live.backend.log.touch(live.id, expires_at(live.settings, now))
            live._retention_touched = now
        if snapshot:
            await live.backend.log.trim(live.id)
    except Exception:  # stored is stored; the next change touches again
        log.exception("retention touch of session %s failed", session_ref(live.id))


async def delete_session(hub: Holder, session_id: str, reason: str = "the session was deleted") -> bool:
    """Remove every trace of the session now; its clients here and on other instances are told."""
    live = hub.sessions.get(session_id)
    if live is not None:
        live.reset(reason)  # no more writes from here; sockets get reload, then not_found
    found = await hub.backend.log.delete_session(session_id)
    try:
        # Other instances check the store on resync, find the session gone and reset theirs.
        await hub.backend.broker.publish(session_id, resync(reason))
    except Exception:
        log.warning("could not tell other instances that session %s was deleted", session_ref(session_id))
    return found


class Sweeper:
    """Deletes expired sessions now and then, and ends them on every instance that holds them."""

    def __init__(self, hub: Holder, settings: Settings) -> None:
        self.hub = hub
        self.settings = settings
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="retention-sweeper")

    async def sweep(self) -> int:
        now = now_ms()
        deleted = 0
        log_ = self.hub.backend.log
        expired = await log_.expired(now, expires_at(self.settings, now))
        # Held here, gone from the store, and not in its expiry index (Redis: touched before the
        # index existed): ended too.
        expired += [s for s in await log_.missing(list(self.hub.sessions)) if s not in expired]
        for session_id in expired:
            await delete_session(self.hub, session_id, "the session expired")
            deleted += 1
        if deleted:
            log.info("deleted %d expired session(s)", deleted)
        return deleted

    async def _run(self) -> None:
        while True:
            try:
                await self.sweep()
            except Exception:
                log.exception("retention sweep failed; retrying at the next interval")
            await asyncio.sleep(self.settings.retention_sweep_every)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
