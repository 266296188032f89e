"""The write path of a session held live (``server.live.LiveSession``): commands queued, decided
one after another on the state the ones before them leave, appended together to the log
(compare-and-append, a group commit) and fanned out. A mixin of ``LiveSession``: it uses the
session's state, log, command ids and fan-out (``advance``)."""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import msgpack

from boards import commands as c
from boards.actors import Actor, Context
from boards.engine import apply, decide
from boards.errors import DomainError, ErrorCode
from boards.events import Record
from boards.state import copy_state
from server import metrics, retention
from server.auth import new_id
from server.clock import now_ms
from server.command_ids import command_key
from server.logs import session_ref
from server.records import command_digest, pack_record, pack_snapshot
from server.store.base import SessionReset, StoreUnavailable

log = logging.getLogger("samenspel.live")

# Losing a compare-and-append race costs a log read before the next try, so under a burst the
# instance that won keeps winning while it has commands queued. Keep trying for this long, with a
# little jitter, before answering "conflict": a burst of 30 votes drains in well under a second.
APPEND_PATIENCE_SECONDS = 3.0


@dataclass
class Outcome:
    """What a submitted command did: the records it appended (none for a repeat or a no-op) and
    the sequence number the session was at once it was applied. ``repeat``: the command's id was
    applied before, at ``seq``; nothing new was stored."""

    records: list[Record]
    seq: int
    repeat: bool = False

    def __bool__(self) -> bool:
        return bool(self.records)


Done = Callable[["Outcome | Exception"], None]  # told a queued command's outcome or refusal


def _settle(group: "list[tuple[Actor, c.Command, Done]]",
            outcome: "list[Outcome | DomainError] | DomainError") -> None:
    """Tell each queued command its outcome or its refusal (one refusal for all, if one is given)."""
    for i, (_, _, done) in enumerate(group):
        try:
            done(outcome if isinstance(outcome, DomainError) else outcome[i])
        except Exception:  # one caller's bug must not keep the others from their answers
            log.exception("handling a command's outcome failed")


def _resolve(future: "asyncio.Future[Outcome]", result: "Outcome | Exception") -> None:
    if future.done():  # the caller stopped waiting
        return
    if isinstance(result, Exception):
        future.set_exception(result)
    else:
        future.set_result(result)


# Upkeep (snapshots, expiry) runs beside the write path, so nothing makes it wait as the commit
# once did: bound how many sessions' upkeep talk to the store at once, so that a wave of it (10,000
# joins, each pushing the expiry) never holds the pooled connections the appends need.
UPKEEP_AT_ONCE = 8
_upkeep_semaphores: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]" = weakref.WeakKeyDictionary()


def _upkeep_slots() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    slots = _upkeep_semaphores.get(loop)
    if slots is None:
        slots = _upkeep_semaphores[loop] = asyncio.Semaphore(UPKEEP_AT_ONCE)
    return slots


class GroupCommit:
    """The write path of ``LiveSession`` (its state, ``commands``, ``advance``, ``catch_up``,
    ``reset`` and the store are the session's)."""

    async def submit(self, actor: Actor, command: c.Command) -> Outcome:
        """Decide, append and fan out. Raises DomainError when refused; nothing is stored then.
        (``enqueue`` without waiting; see there.)"""
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self.enqueue(actor, command, lambda result: _resolve(future, result))
        return await future

    def enqueue(self, actor: Actor, command: c.Command, done: Done) -> None:
        """Queue a command for the next group commit; ``done`` is called with its Outcome, or with
        the DomainError that refused it (nothing is stored then). Never raises.

        A command whose id was applied already (sent again after a lost reply, maybe to another
        instance) is not decided again: the outcome names the seq it was applied at.

        Commands queue while the session is busy appending, and are then decided one after
        another and appended *together* (group commit: one append, one fan-out turn), so a burst
        of thirty votes costs one or two store round trips instead of thirty in a row. Each is
        decided on the state the ones before it leave, exactly as if they had come one by one,
        in the order they were queued."""
        if self.store_down():  # answer at once rather than each queued command waiting its turn
            done(DomainError(ErrorCode.UNAVAILABLE, "the board's store is unreachable; try again shortly"))
            return
        self._waiting.append((actor, command, done))
        if not self._committing:
            # The commit starts once this loop turn is over: commands read in the same turn (a
            # burst's votes arrive together) are all in its group.
            self._committing = True
            self._spawn(self._commit_waiting())

    async def _commit_waiting(self) -> None:
        try:
            while self._waiting:
                group, self._waiting = self._waiting, []
                if self.store_down():  # found down while these waited: they need not wait too
                    _settle(group, DomainError(ErrorCode.UNAVAILABLE,
                                               "the board's store is unreachable; try again shortly"))
                    continue
                try:
                    await self._commit(group)
                except BaseException:
                    # Cancelled (or a bug) mid-commit: the group's fate is unknown to its callers.
                    _settle(group, DomainError(ErrorCode.UNAVAILABLE, "the board's store did not answer; if "
                                               "your change reached it, it appears on the board"))
                    raise
        finally:
            self._committing = False
            rest, self._waiting = self._waiting, []  # only when cancelled: the server is stopping
            if rest:
                _settle(rest, DomainError(ErrorCode.UNAVAILABLE, "the server stopped; try again"))

    async def _commit(self, group: list[tuple[Actor, c.Command, Done]]) -> None:
        deadline = time.monotonic() + APPEND_PATIENCE_SECONDS
        attempt = 0
        while time.monotonic() < deadline:
            attempt += 1
            # More than one command: decide on a scratch copy, each seeing the ones before it.
            state = self.state if len(group) == 1 else copy_state(self.state)
            base = self.state.seq
            records: list[Record] = []
            outcome: list[Outcome | DomainError] = []
            keys: dict[str, tuple[int, str]] = {}  # command ids applied by this group so far: seq, digest
            for actor, command, _ in group:
                key = command_key(actor, command)
                digest = command_digest(command) if key else None
                done = self.commands.applied.get(key) if key else None  # checked again after each catch-up
                if key is not None and (done is not None or key in keys):
                    seq, known = (done, self.commands.digests.get(key)) if done is not None else keys[key]
                    if known is not None and known != digest:  # None: logged before digests were kept
                        outcome.append(DomainError(ErrorCode.COMMAND_ID_REUSED, "this command id was used "
                                                   "for another command; give every new command a new id"))
                    else:
                        outcome.append(Outcome([], seq, repeat=True))
                    continue
                ctx = Context(now=now_ms(), new_id=new_id)
                try:
                    events = decide(state, actor, command, ctx)
                except DomainError as exc:
                    outcome.append(exc)
                    continue
                if not events:
                    outcome.append(Outcome([], base + len(records)))
                    continue
                mine = [Record(seq=base + len(records) + i, at=ctx.now, event=ev)
                        for i, ev in enumerate(events, start=1)]
                mine[-1].command, mine[-1].digest = key, digest
                if key is not None:
                    keys[key] = (mine[-1].seq, digest)
                if len(group) > 1:
                    for record in mine:
                        apply(state, record)
                records += mine
                outcome.append(Outcome(mine, mine[-1].seq))
            if not records:
                _settle(group, outcome)
                return
            if self.stale:
                _settle(group, DomainError(ErrorCode.UNAVAILABLE, "the board is reloading; try again"))
                return
            payloads = [pack_record(r) for r in records]
            # "last": an instance that has it already skips the message without decoding a record.
            announce = msgpack.packb({"records": payloads, "last": records[-1].seq})
            # The store may ring our own doorbell before it answers us: that echo is skipped and
            # the records are applied from here, so their events, the `you` frames and the `ok`
            # replies reach each screen in one write.
            self._own_announce, self._own_echo_seen = announce, False
            token = secrets.token_bytes(8)  # this attempt's: only its own resend is taken as in
            try:
                appended = await self._append(base, payloads, deadline, announce, token)
            except SessionReset as exc:
                self.reset(str(exc))
                _settle(group, DomainError(ErrorCode.UNAVAILABLE, "the board's store lost data; reloading"))
                return
            except StoreUnavailable:
                if self._own_echo_seen:  # it was stored (the doorbell rings only then): read it
                    self._spawn(self._catch_up_logged())
                self.on_store_error()
                _settle(group, DomainError(ErrorCode.UNAVAILABLE, "the board's store did not answer; it may have "
                                           "your change: send it again with the same id"))
                return
            finally:
                self._own_announce = None
            if appended:
                metrics.EVENTS_APPENDED.inc(len(records))
                self.advance(records)
                await self._after_append(announce)
                _settle(group, outcome)  # the `ok` replies go in the same write as the events
                self._keep_up(base, records)
                return
            # Someone else appended first: learn what they did, then re-check the rules.
            await self.catch_up()
            await asyncio.sleep(random.uniform(0, min(0.02, 0.001 * attempt)))
        log.warning("session %s: gave up appending after %d attempts", session_ref(self.id), attempt)
        _settle(group, DomainError(ErrorCode.CONFLICT, "the board is very busy; try again"))

    async def _append(self, base: int, payloads: list[bytes], deadline: float, announce: bytes,
                      token: bytes) -> bool:
        """Compare-and-append. When the store does not answer, the append may still have landed:
        send the very same bytes again (a store that has them says so) rather than deciding anew,
        so a late reply never becomes a duplicate."""
        while True:
            try:
                return await self.backend.log.append(self.id, base, payloads, announce, token)
            except SessionReset:
                raise
            except StoreUnavailable:
                if time.monotonic() >= deadline:
                    raise
                await asyncio.sleep(0.1)

    async def _after_append(self, announce: bytes) -> None:
        if not self.backend.log.announces:  # a Redis log rang the other instances' doorbell itself
            try:
                await self.backend.broker.publish(self.id, announce)
            except Exception:  # stored is stored: other instances find it through their gap check
                log.exception("publish for session %s failed", session_ref(self.id))

    def _keep_up(self, base: int, records: list[Record]) -> None:
        """After an append: a snapshot when the log crossed a multiple of ``snapshot_every``, the
        session's expiry pushed forward (server/retention.py). Done beside the write path, one at a
        time per session and in order: neither the `ok` replies nor the session's next group commit
        wait for those store round trips (decision 78). Appends made meanwhile are taken together."""
        if not self._upkeep and not retention.upkeep_due(self, base, records):
            return  # most appends: nothing to do (a lot taken together is checked as a whole)
        self._upkeep.append((base, records))
        if self._upkeeper is None or self._upkeeper.done():
            self._upkeeper = asyncio.get_running_loop().create_task(self._run_upkeep())
            self._tasks.add(self._upkeeper)
            self._upkeeper.add_done_callback(self._tasks.discard)

    async def _run_upkeep(self) -> None:
        async with _upkeep_slots():  # never more than a few sessions' at once: the pool is the write path's
            await self._upkeep_lots()

    async def _upkeep_lots(self) -> None:
        while self._upkeep and not self.stale:
            lots, self._upkeep = self._upkeep, []
            base = lots[0][0]
            records = [r for _, rs in lots for r in rs]
            every = self.settings.snapshot_every
            if self.state.seq // every > base // every:
                # The state as it is now (a later seq than the append's, maybe): read and packed
                # without a pause, so the snapshot's seq and contents agree.
                seq, data = self.state.seq, pack_snapshot(self.state, self.commands.applied, self.commands.digests)
                try:
                    await self.backend.log.save_snapshot(self.id, seq, data)
                except Exception:
                    log.exception("snapshot of session %s failed", session_ref(self.id))
            await retention.after_append(self, base, records)

    async def finish_upkeep(self, timeout: float = 2.0) -> None:
        """Let the snapshot and expiry in flight finish (the session is being dropped)."""
        task = self._upkeeper
        if task is not None and not task.done():
            try:
                await asyncio.wait_for(asyncio.shield(task), timeout)
            except Exception:
                pass
