"""Learning networks on the store: each one is a log of its own on the session log machinery
(server/store): its meta, compare-and-append, snapshots, broker channel, retention and deletion are
a session's, under an id no session can have (``n.`` + a random id; a session id never holds a
dot). So both stores and any number of instances work as they do for boards (docs/decisions.md, 60).

- Its ``facilitator_hash`` is the network link's secret; the co-facilitator link is a credential
  of the network (participant ``cofacilitator``).
- Its join code is ``net:<id>``: lower case, so no typed code (always upper case) ever finds it.
- A session's network is a credential of the session (``ATTACH_KEY`` -> network id), written only
  if absent (HSETNX / INSERT OR IGNORE): two networks cannot both claim one session. It expires
  with the session (30 days); the network keeps what was confirmed into it.
- Every write reloads the network from the store and appends at the seq it read: two instances
  confirming at once both land, one after the other; a resend is recognised by its command id.
"""

from __future__ import annotations

import asyncio
import random
import time

import msgpack
import msgspec

from boards.errors import DomainError, ErrorCode
from boards.network import model as m
from boards.network import rules
from server.auth import hash_secret, new_id, new_secret, secret_matches
from server.settings import Settings
from server.store.base import Backend, SessionMeta

PREFIX = "n."
ATTACH_KEY = "network"  # never a token's hash (those are 64 hex digits)
COFACILITATOR = "cofacilitator"
SNAPSHOT_EVERY = 50
DAY_MS = 24 * 3600 * 1000
APPEND_PATIENCE_SECONDS = 5.0
DOORBELL = b"\x81\xa1n\x01"  # msgpack {"n": 1}: the network changed


def is_network_id(value: str) -> bool:
    return value.startswith(PREFIX)


def now_ms() -> int:
    return int(time.time() * 1000)


def _pack(record: rules.Record) -> bytes:
    return msgspec.msgpack.encode(record)


def _unpack(data: bytes) -> rules.Record:
    return msgspec.msgpack.decode(data, type=rules.Record)


class Networks:
    def __init__(self, backend: Backend, settings: Settings) -> None:
        self.backend = backend
        self.settings = settings
        self._watchers: dict[str, tuple[asyncio.Event, int]] = {}  # network -> (changed, waiters here)

    @property
    def log(self):
        return self.backend.log

    def expires_at(self, now: int) -> int:
        return now + int(self.settings.network_retention_days * DAY_MS)

    # --- create, read, authorise -------------------------------------------------------------

    async def create(self, first: rules.Command) -> tuple[m.NetworkState, str, str]:
        """A new network begun with ``first`` (start or import): its state, secret, co-secret."""
        rules.decide(m.NetworkState(id="n.check"), first)  # refuse bad input before storing anything
        secret, cosecret = new_secret(), new_secret()
        network_id = PREFIX + new_id()
        meta = SessionMeta(session=network_id, join_code=f"net:{network_id}", facilitator_hash=hash_secret(secret),
                           created_at=now_ms(), epoch=new_id())
        if not await self.log.create_session(meta):
            raise DomainError(ErrorCode.CONFLICT, "could not create the network; try again")
        await self.log.add_credential(network_id, hash_secret(cosecret), COFACILITATOR)
        state = await self.submit(network_id, first)
        return state, secret, cosecret

    async def load(self, network_id: str) -> m.NetworkState | None:
        if not is_network_id(network_id) or len(network_id) > 64:
            return None
        if await self.log.session(network_id) is None:
            return None
        snapshot = await self.log.load_snapshot(network_id)
        state = (msgspec.convert(msgpack.unpackb(snapshot[1], raw=False, strict_map_key=False), m.NetworkState)
                 if snapshot else m.NetworkState(id=network_id))
        while True:
            raw = await self.log.read(network_id, state.seq)
            if not raw:
                return state
            rules.fold(network_id, [_unpack(r) for r in raw], state)

    async def role(self, network_id: str, token: str) -> str | None:
        """"facilitator" (the network link), "cofacilitator", or None for a wrong or old link."""
        meta = await self.log.session(network_id) if is_network_id(network_id) and len(network_id) <= 64 else None
        if meta is None:
            return None
        if secret_matches(token, meta.facilitator_hash):
            return "facilitator"
        if await self.log.credential(network_id, hash_secret(token)) == COFACILITATOR:
            return COFACILITATOR
        return None

    # --- the write path ----------------------------------------------------------------------

    async def submit(self, network_id: str, command: rules.Command) -> m.NetworkState:
        """Decide on the network as stored and compare-and-append; on a lost race, reload and decide
        again. The state after. Nothing is stored if ``decide`` refuses."""
        deadline = time.monotonic() + APPEND_PATIENCE_SECONDS
        while True:
            state = await self.load(network_id)
            if state is None:
                raise DomainError(ErrorCode.NOT_FOUND, "no such network (it may have expired or been deleted)")
            if command.id is not None and command.id in state.commands:
                return state  # a resend: applied once already
            events = rules.decide(state, command)
            if not events:
                return state
            at = now_ms()
            records = [rules.Record(seq=state.seq + i, at=at, command=command.id, event=ev)
                       for i, ev in enumerate(events, start=1)]
            announce = DOORBELL if self.log.announces else None
            if await self.log.append(network_id, state.seq, [_pack(r) for r in records], announce):
                break
            if time.monotonic() > deadline:
                raise DomainError(ErrorCode.CONFLICT, "the network is busy; try again")
            await asyncio.sleep(random.uniform(0, 0.02))  # another writer won: read and try again
        rules.fold(network_id, records, state)
        if not self.log.announces:
            await self.backend.broker.publish(network_id, DOORBELL)
        if state.seq // SNAPSHOT_EVERY > (state.seq - len(records)) // SNAPSHOT_EVERY:
            await self.log.save_snapshot(network_id, state.seq, msgpack.packb(msgspec.to_builtins(state)))
        # After the snapshot: the touch gives every key of the network (a new snapshot too) its expiry.
        await self.log.touch(network_id, self.expires_at(at))
        if state.seq // SNAPSHOT_EVERY > (state.seq - len(records)) // SNAPSHOT_EVERY:
            await self.log.trim(network_id)
        return state

    # --- sessions ----------------------------------------------------------------------------

    async def network_of(self, session_id: str) -> str | None:
        return await self.log.credential(session_id, ATTACH_KEY)

    async def attach(self, network_id: str, session_id: str, title: str, boards: list[str]) -> m.NetworkState:
        """Attach a session (first claim the session for this network: a second network is refused
        with ``already_attached``, nothing stored)."""
        await self.log.add_credential(session_id, ATTACH_KEY, network_id)
        holder = await self.log.credential(session_id, ATTACH_KEY)
        if holder != network_id and holder is not None and await self.log.session(holder) is None:
            # The claim of a network that expired before the session did: let go of it, claim anew.
            await self.log.release_credential(session_id, ATTACH_KEY, holder)
            await self.log.add_credential(session_id, ATTACH_KEY, network_id)
            holder = await self.log.credential(session_id, ATTACH_KEY)
        if holder != network_id:
            raise DomainError(ErrorCode.ALREADY_ATTACHED, "this session belongs to another network")
        return await self.submit(network_id, rules.AttachSession(session=session_id, title=title[:m.MAX_SHORT],
                                                                 boards=boards, id=f"attach-{session_id}"))

    # --- deletion ----------------------------------------------------------------------------

    async def delete(self, network_id: str) -> bool:
        """Every trace now: the network's keys or rows, and its claim on each of its sessions."""
        state = await self.load(network_id)
        if state is not None:
            for entry in state.sessions:
                await self.log.release_credential(entry.session, ATTACH_KEY, network_id)
        found = await self.log.delete_session(network_id)
        try:
            await self.backend.broker.publish(network_id, DOORBELL)  # waiting pages find it gone
        except Exception:
            pass
        return found

    # --- live: wait for a change -------------------------------------------------------------

    async def wait(self, network_id: str, after_seq: int, timeout: float) -> m.NetworkState | None:
        """The network once its seq passes ``after_seq`` (or after ``timeout`` seconds): a page
        long-polls here; the doorbell on the network's broker channel wakes it on any instance."""
        state = await self.load(network_id)
        if state is None or state.seq > after_seq:
            return state
        changed, waiters = self._watchers.get(network_id, (None, 0))
        if changed is None:
            changed = asyncio.Event()
            self._watchers[network_id] = (changed, 1)
            await self.backend.broker.subscribe(network_id, lambda _payload: self._ring(network_id))
        else:
            self._watchers[network_id] = (changed, waiters + 1)
        try:
            state = await self.load(network_id)  # a change between the first read and the subscription
            if state is not None and state.seq <= after_seq:
                try:
                    await asyncio.wait_for(changed.wait(), timeout)
                except asyncio.TimeoutError:
                    pass
                state = await self.load(network_id)
            return state
        finally:
            event, waiters = self._watchers[network_id]
            if waiters <= 1:
                del self._watchers[network_id]
                await self.backend.broker.unsubscribe(network_id)
            else:
                self._watchers[network_id] = (event, waiters - 1)

    def _ring(self, network_id: str) -> None:
        entry = self._watchers.get(network_id)
        if entry is not None:
            entry[0].set()
            # The next change needs a fresh event: the waiters woken now read the state.
            self._watchers[network_id] = (asyncio.Event(), entry[1])
