"""A session as this server instance holds it: the folded state, the recent log, the sockets.

Every change goes the same way, on one instance or many: ``decide`` -> compare-
and-append to the log -> ``advance`` (apply and fan out to local sockets) ->
publish to the broker, from which the other instances ``advance`` too. A record
is applied only when it is exactly the next sequence number; a gap triggers a
read of the log, so a lost broker message costs latency, never an event.

Here: the state, the recent records, the sockets and the fan-out, the read path, resets and the
timer. By job beside it: the write path (``server/group_commit.py``), drags
(``server/live_drags.py``), presence (``server/live_presence.py``), the command ids kept for
resends (``server/command_ids.py``) and the participants' shared rate limits
(``server/participant_buckets.py``).
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable

import msgpack

from boards import commands as c
from boards import timer
from boards.actors import SYSTEM, Actor
from boards.engine import apply
from boards.errors import DomainError, ErrorCode
from boards.events import Record
from boards.projection import (Deliveries, Touch, event_body, event_view, masked_for_others, own_view, progress_frames,
                               touches, welcome_fields)
from boards.state import SessionState
from server import frames, metrics
from server.clock import now_ms
from server.command_ids import COMMAND_WINDOW, CommandIds
from server.connection import CLOSE_RELOAD, CLOSE_REMOVED, Connection
from server.group_commit import Done, GroupCommit, Outcome
from server.live_drags import Drags
from server.live_presence import Presence
from server.logs import session_ref
from server.lot import Lot
from server.participant_buckets import ParticipantBuckets
from server.records import pack_record, unpack_record, unpack_snapshot
from server.settings import Settings
from server.welcome import WelcomeCache
from server.store.base import Backend, SessionMeta, StoreUnavailable

__all__ = ["LiveSession", "Outcome", "now_ms"]

log = logging.getLogger("samenspel.live")

RECENT_RECORDS = 1000  # kept in memory so a reconnecting client resumes without a store read


def _superseded_own(touched: list[Touch]) -> set[int]:
    """The indexes of records whose person's own view changes again in a later record of the lot."""
    last = {t.own: n for n, t in enumerate(touched) if t.own is not None}
    return {n for n, t in enumerate(touched) if t.own is not None and last[t.own] != n}


class LiveSession(GroupCommit, Drags, Presence):
    """A session held live: its state and recent records, its sockets and the fan-out to them, the
    read path (the broker, catching up, resets) and the timer. The write path (``GroupCommit``),
    drags (``Drags``) and presence (``Presence``) are in modules of their own."""

    def __init__(self, meta: SessionMeta, state: SessionState, backend: Backend, settings: Settings,
                 instance: str) -> None:
        self.meta = meta
        self.instance = instance  # this server process; its own presence notices need no echo
        self.state = state
        self.backend = backend
        self.settings = settings
        # The last records, each with whether it was hidden from non-facilitators when it happened
        # (a resumed client must see it as it would have live).
        self.recent: deque[tuple[Record, bool]] = deque(maxlen=RECENT_RECORDS)
        self.connections: set[Connection] = set()
        self._sockets_of: dict[str, set[Connection]] = {}  # participant -> their sockets here
        self._waiting: list[tuple[Actor, c.Command, Done]] = []  # commands for the next commit
        self._committing = False
        self._lot: Lot | None = None  # while records are applied together: their frames (``advance``)
        # Snapshots and expiry after appends, done beside the write path (``GroupCommit._keep_up``).
        self._upkeep: list[tuple[int, list[Record]]] = []
        self._upkeeper: asyncio.Task | None = None
        self._own_announce: bytes | None = None  # the broker message of the append in flight
        self._own_echo_seen = False  # it came back before the append's reply
        self._catch_up_lock = asyncio.Lock()
        self._timer_handle: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task] = set()
        # Set when the store lost this session's log (see ``reset``); the hub then drops us.
        self.stale = False
        self.users = 0  # sockets and requests holding this session (counted by the hub)
        self._presence_frame: bytes | None = None
        self._presence_pending = False
        self._presence_flush: asyncio.TimerHandle | None = None
        self._presence_dirty = False  # a change not yet told to the other instances
        self._presence_sent_at = 0.0
        self._drags: dict[tuple[str, str, str], dict] = {}  # latest position per dragged item
        self._drag_flush: asyncio.TimerHandle | None = None
        self.on_stale: Callable[[LiveSession], None] | None = None
        self._welcomes = WelcomeCache()  # the session view, encoded once per change and audience
        # The progress every screen has per (board, section, audience), encoded: the last frame sent,
        # or what a welcome carried when none was sent since. A frame equal to it is not sent again
        # (most dots change no one's "done").
        self._progress_sent: dict[tuple[str, str, str], bytes] = {}
        # Set by the hub: is the store known to be down now, and tell it an append found it down.
        self.store_down: Callable[[], bool] = lambda: False
        self.on_store_error: Callable[[], None] = lambda: None
        self.commands = CommandIds()  # the command ids applied lately, for resends (server/command_ids.py)
        # Per participant, the rate limit of all their sockets here together (server.ws).
        self.participant_buckets = ParticipantBuckets()

    @property
    def id(self) -> str:
        return self.meta.session

    # --- loading and catching up -------------------------------------------------------------

    @classmethod
    async def load(cls, meta: SessionMeta, backend: Backend, settings: Settings, instance: str) -> "LiveSession":
        snapshot = await backend.log.load_snapshot(meta.session)
        state, commands, digests = (unpack_snapshot(snapshot[1]) if snapshot
                                    else (SessionState(session=meta.session), None, {}))
        live = cls(meta, state, backend, settings, instance)
        if commands is not None:
            live.commands.load(commands, digests)
        elif state.seq:  # a snapshot from before command ids were kept in it: the log may have them
            await live._index_commands_before_snapshot()
        await live.catch_up()
        return live

    async def _index_commands_before_snapshot(self) -> None:
        """The snapshot holds the state, not which commands made it: read the command ids of the
        records it covers (the last COMMAND_WINDOW of them) so that a resend is still recognised."""
        after = max(0, self.state.seq - COMMAND_WINDOW)
        self.commands.index(await self.backend.log.read(self.id, after, self.state.seq - after), self.state.seq)

    async def catch_up(self) -> None:
        """Read and apply whatever the log has beyond our state."""
        async with self._catch_up_lock:
            while True:
                raw = await self.backend.log.read(self.id, self.state.seq)
                if not raw:
                    return
                self.advance(unpack_record(r) for r in raw)

    def _spawn(self, coro) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _catch_up_logged(self) -> None:
        try:
            await self.catch_up()
        except Exception:
            log.exception("catch-up of session %s failed; the next record or probe retries", session_ref(self.id))

    # --- the read path -----------------------------------------------------------------------

    async def on_broker_message(self, payload: bytes) -> None:
        if payload == self._own_announce:  # our append's echo, before its reply: applied there
            self._own_echo_seen = True
            return
        message = msgpack.unpackb(payload, raw=False)
        if "records" in message:
            if message.get("last", float("inf")) > self.state.seq:
                self.advance(unpack_record(r) for r in message["records"])
        elif "drags" in message:
            if message.get("from") != self.instance:
                self._send_drags(message["drags"])
        elif "resync" in message:
            # The broker reconnected: messages may have been lost meanwhile. The log has them,
            # unless the store itself lost the session (a Redis that restarted empty). Store reads
            # run beside the broker's reader, so they never hold up other sessions' records.
            self._spawn(self._resync(message.get("reason")))
        elif message.get("presence") not in (None, self.instance) and not self._presence_pending:
            self._presence_pending = True
            self._spawn(self._refresh_presence())

    async def _resync(self, reason: str | None = None) -> None:
        await self.check_epoch(reason)
        if not self.stale:
            await self._catch_up_logged()
            await self.broadcast_presence()

    async def _refresh_presence(self) -> None:
        self._presence_pending = False  # a notice arriving from here on asks again
        await self.broadcast_presence(only_if_changed=True)

    def advance(self, records: Iterable[Record]) -> None:
        """Apply records that continue our state, fan each out once; read the log on a gap."""
        due = Deliveries()  # progress and people's marks the records changed, sent once for all
        records = list(records)
        # A person's own view (`you`) follows their last record of the lot, not each one: three
        # words of one sender in one group commit bring one `you` (each would replace the one
        # before). With one record a person (a burst of dots) every record keeps its own.
        touched = [touches(r.event) for r in records] if len(records) > 1 else None  # once per record
        superseded = _superseded_own(touched) if touched else ()
        held: set[str] = set()  # own views not sent yet, for want of the later record (a gap)
        self._lot = Lot()  # the lot's frames, handed to each socket at once at the end
        try:
            timer_changed = self._advance(records, touched, superseded, held, due)
        finally:
            lot, self._lot = self._lot, None
            lot.hand_out(self.connections)
            if lot.times:  # each record's time from its append to its frames queued (now, for all)
                now = now_ms()
                for at, count in Counter(lot.times).items():
                    metrics.observe_many(metrics.FANOUT_SECONDS, max(0.0, (now - at) / 1000), count)
        # Once for all the records applied together (thirty votes of one group commit: one
        # progress frame per screen, not thirty), after their events.
        for bodies, proxies in progress_frames(self.state, due):
            self._send_progress(bodies, proxies)
        if timer_changed:
            self.schedule_timer_expiry()

    def _advance(self, records: list[Record], touched: list[Touch] | None, superseded, held: set[str],
                 due: Deliveries) -> bool:
        """Apply and fan out (into ``self._lot``); whether the timer changed."""
        timer_changed = False
        applied = 0
        for n, record in enumerate(records):
            if record.seq <= self.state.seq:
                continue  # ours, or seen already
            if record.seq != self.state.seq + 1:
                log.info("session %s: gap before seq %d (have %d); reading the log", session_ref(self.id), record.seq, self.state.seq)
                self._spawn(self._catch_up_logged())
                break
            apply(self.state, record)
            applied += 1
            if record.command:
                self.commands.remember(record.command, record.seq, record.digest)
            masked = masked_for_others(record, self.state)
            self.recent.append((record, masked))
            touch = self._fan_out(record, masked, due, send_own=n not in superseded,
                                  touch=touched[n] if touched else None)
            timer_changed |= touch.timer
            if touch.own is not None:
                (held.add if n in superseded else held.discard)(touch.own)
        for participant in held:
            self._send_own(participant)
        if applied:
            metrics.EVENTS_DELIVERED.inc(applied * len(self.connections))
        return timer_changed

    def _fan_out(self, record: Record, masked: bool, due: Deliveries, send_own: bool = True,
                 touch: Touch | None = None) -> Touch:
        """Send the record's event to every socket here, and what else it changed (projection says
        what): the own view of whose marks changed, sockets to close; note in ``due`` the progress
        it changed, for the caller to send once."""
        lot = self._lot
        if lot is not None:  # the usual way (advance): one list per audience, handed out at the end
            lot.times.append(record.at)  # observed once the lot's frames are queued (advance)
            lot.record(record.seq, record.at)
            for audience in lot.audiences(self.connections):
                lot.add(audience, frames.encode(event_body(record, audience, masked)))
        else:
            encoded: dict[str, bytes] = {}
            for conn in self.connections:
                frame = encoded.get(conn.audience)
                if frame is None:
                    frame = encoded[conn.audience] = frames.encode(event_view(record, conn.audience, masked))
                conn.send(frame)
            metrics.FANOUT_SECONDS.observe(max(0.0, (now_ms() - record.at) / 1000))
        if touch is None:
            touch = touches(record.event)
        if touch.own is not None and send_own:
            self._send_own(touch.own)
        due.add(touch)
        if touch.removed is not None:
            if lot is not None:  # what came before the removal goes first, to everyone
                lot.hand_out(self.connections)
            for conn in list(self._sockets_of.get(touch.removed, ())):
                conn.send(frames.error(ErrorCode.BAD_TOKEN, "the facilitator removed you from this session"))
                conn.hang_up(CLOSE_REMOVED, "removed")
        if touch.presence:
            self._spawn(self.broadcast_presence())  # people in the room count as online
        return touch

    def _send_own(self, participant: str) -> None:
        sockets = self._sockets_of.get(participant)
        if sockets:
            frame = frames.encode(own_view(self.state, participant))
            lot = self._lot
            for conn in sockets:
                if lot is not None:
                    lot.insert(conn, frame)  # after the events of the lot so far, as if sent now
                else:
                    conn.send(frame)

    def _send_progress(self, bodies: dict[str, list[dict]], proxies: list[dict]) -> None:
        """Who is done changed: counts to everyone, names to facilitators. A facilitator
        placing marks for people in the room also gets those people's marks."""
        encoded = {a: [f for b in out if (f := self._changed_progress(a, b)) is not None] for a, out in bodies.items()}
        proxy_frames = [frames.encode(p) for p in proxies]
        for conn in self.connections:
            for frame in encoded[conn.audience]:
                conn.send(frame)
            if proxy_frames and conn.audience == "facilitator":
                for frame in proxy_frames:
                    conn.send(frame)

    def _changed_progress(self, audience: str, body: dict) -> bytes | None:
        """``body`` encoded, or None when this audience was last sent exactly that for its section."""
        frame = frames.encode(body)
        key = (body["board"], body["section"], audience)
        if self._progress_sent.get(key) == frame:
            return None
        self._progress_sent[key] = frame
        return frame

    async def check_epoch(self, gone: str | None = None) -> None:
        """Reset if the store no longer has this session as we know it: gone (``gone`` says why,
        when the instance that deleted it told us), under another epoch, or with a log that lost
        its tail (our last record is not where we left it)."""
        try:
            meta = await self.backend.log.session(self.id)
            if meta is None or meta.epoch != self.meta.epoch:
                self.reset(gone or "the store lost this session" if meta is None
                           else "the session's log was replaced")
                return
            if self.recent:
                last = self.recent[-1][0]
                stored = await self.backend.log.read(self.id, last.seq - 1, 1)
                if not stored or stored[0] != pack_record(last):
                    # Sequence numbers from before will be reused for other events: a new epoch
                    # makes every client that held one start from a snapshot.
                    await self.backend.log.renew_epoch(self.id)
                    self.reset("the session's log lost its latest events")
        except StoreUnavailable:
            return  # can't tell now; the next resync asks again

    def reset(self, reason: str) -> None:
        """Our state and sequence numbers are no longer valid: every client must reload.

        Clients get a ``reload`` frame and their socket is closed; they reconnect without a
        position and load whatever the store has now (or learn the session is gone).
        """
        if self.stale:
            return
        log.warning("session %s reset: %s; %d client(s) told to reload", session_ref(self.id), reason, len(self.connections))
        self.stale = True
        self._cancel_timers()
        self._progress_sent.clear()
        frame = frames.encode({"type": "reload", "reason": reason})
        for conn in list(self.connections):
            conn.send(frame)
            conn.hang_up(CLOSE_RELOAD, "reload")
        if self.on_stale is not None:
            self.on_stale(self)

    # --- sockets -----------------------------------------------------------------------------

    def attach(self, conn: Connection, last_seq: int | None, epoch: str | None, ref: int | None) -> None:
        """Welcome a socket and add it to the fan-out, in one step so no event falls between."""
        if self.stale:
            raise DomainError(ErrorCode.UNAVAILABLE, "the board is reloading; say hello again")
        state = self.state
        can_resume = (
            epoch == self.meta.epoch
            and last_seq is not None
            and last_seq <= state.seq
            and (last_seq == state.seq or (self.recent and self.recent[0][0].seq <= last_seq + 1))
        )
        welcome = {
            "type": "welcome",
            "ref": ref,
            "session": self.id,
            "epoch": self.meta.epoch,
            "seq": state.seq,
            "role": conn.role,
            "participant": conn.participant,
            "join_code": self.meta.join_code,
            "server_time": now_ms(),
            "mode": "resume" if can_resume else "snapshot",
        }
        welcome.update(welcome_fields(state, conn.participant, conn.audience))
        for body in welcome["progress"]:  # what this screen has now, if no frame was sent since
            self._progress_sent.setdefault((body["board"], body["section"], conn.audience),
                                           frames.encode({"type": "progress", **body}))
        reply = [self._welcomes.frame(welcome, None if can_resume else state, conn.audience)]
        if can_resume:
            reply += [frames.encode(event_view(record, conn.audience, masked))
                      for record, masked in self.recent if record.seq > last_seq]
        conn.welcome(reply)  # one write, however many events it catches up on
        self.connections.add(conn)
        if conn.participant:
            self._sockets_of.setdefault(conn.participant, set()).add(conn)

    def send_to_all(self, frame: bytes) -> None:
        for conn in self.connections:
            conn.send(frame)

    def detach(self, conn: Connection) -> None:
        self.connections.discard(conn)
        sockets = self._sockets_of.get(conn.participant) if conn.participant else None
        if sockets is not None:
            sockets.discard(conn)
            if not sockets:
                del self._sockets_of[conn.participant]

    # --- the timer ---------------------------------------------------------------------------

    def schedule_timer_expiry(self) -> None:
        """Arrange for the expiry event at the timer's deadline. Every instance with clients does
        this; compare-and-append lets exactly one of them log it."""
        if self._timer_handle is not None:
            self._timer_handle.cancel()
            self._timer_handle = None
        end = timer.deadline(self.state.timer)
        if end is None:
            return
        delay = max(0.0, (end - now_ms()) / 1000) + 0.002
        loop = asyncio.get_running_loop()
        self._timer_handle = loop.call_later(delay, lambda: self._spawn(self._expire_timer()))

    async def _expire_timer(self) -> None:
        for attempt in range(30):
            try:
                if not await self.submit(SYSTEM, c.ExpireTimer()):
                    # Woken a hair early (the loop's clock is not the wall clock), or the timer
                    # changed meanwhile: arm again for whatever the deadline is now.
                    self.schedule_timer_expiry()
                return
            except DomainError as exc:
                if exc.code not in (ErrorCode.UNAVAILABLE, ErrorCode.CONFLICT):
                    log.error("timer expiry refused: %s", exc.message)
                    return
            await asyncio.sleep(min(5.0, 0.2 * 2**attempt))

    def _cancel_timers(self) -> None:
        if self._timer_handle is not None:
            self._timer_handle.cancel()
            self._timer_handle = None
        if self._drag_flush is not None:
            self._drag_flush.cancel()
            self._drag_flush = None
        if self._presence_flush is not None:
            self._presence_flush.cancel()
            self._presence_flush = None

    async def close(self) -> None:
        dirty = self._presence_dirty and not self.stale
        self._cancel_timers()
        if dirty:  # the last socket left before its flush: the other instances must still hear of it
            await self._publish_presence()
        await self.finish_upkeep()
        for task in list(self._tasks):
            task.cancel()
