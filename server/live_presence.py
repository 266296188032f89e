"""Who is online in a session held live: sent to its sockets and told to the other instances,
coalesced (a wave of hellos costs each socket a few presence frames a second). A mixin of
``server.live.LiveSession``."""

from __future__ import annotations

import asyncio
import logging

import msgpack

from server import frames
from server.logs import session_ref
from server.store.base import StoreUnavailable

log = logging.getLogger("samenspel.live")

PRESENCE_FLUSH_SECONDS = 0.25  # presence is sent at most 4 times a second per session, however many come and go


class Presence:
    """Presence of ``LiveSession`` (its sockets, participants and the store's presence)."""

    async def broadcast_presence(self, only_if_changed: bool = False) -> None:
        """Send who is online to our sockets (``only_if_changed``: skip if it is what they have)."""
        try:
            online = await self.backend.presence.online(self.id)
        except StoreUnavailable:
            return  # the next change, refresh or resync tells everyone
        self.show_presence(online, only_if_changed)

    def show_presence(self, online: list[bytes], only_if_changed: bool = False) -> None:
        """Send the presence the store gave (``online``) to our sockets."""
        who = [msgpack.unpackb(w, raw=False) for w in online]
        in_the_room = {pid for pid, p in self.state.participants.items() if p.proxy}
        frame = frames.encode({
            "type": "presence",
            "participants": sorted({w["participant"] for w in who if w.get("participant")} | in_the_room),
            "facilitators": sum(1 for w in who if w["role"] == "facilitator"),
            "viewers": sum(1 for w in who if w["role"] == "viewer"),
            # of ``participants``, how many are in the room without a device (no socket): the
            # screens count people online apart from them, and no one learns which they are
            "in_the_room": len(in_the_room),
        })
        if only_if_changed and frame == self._presence_frame:
            return
        self._presence_frame = frame
        self.send_to_all(frame)

    async def presence_changed(self) -> None:
        """Tell our sockets, and the other instances, that someone came or went: coalesced, so a
        wave of hellos costs each socket a few presence frames a second, not one per hello."""
        self._presence_dirty = True
        if self._presence_flush is not None or self.stale:
            return  # a flush is due and reads presence afresh
        loop = asyncio.get_running_loop()
        delay = max(0.0, self._presence_sent_at + PRESENCE_FLUSH_SECONDS - loop.time())
        self._presence_flush = loop.call_later(delay, lambda: self._spawn(self._flush_presence()))

    async def _flush_presence(self) -> None:
        self._presence_flush = None  # a change from here on schedules the next flush
        self._presence_sent_at = asyncio.get_running_loop().time()
        self._presence_dirty = False
        await self.broadcast_presence()
        await self._publish_presence()

    async def _publish_presence(self) -> None:
        try:
            await self.backend.broker.publish(self.id, msgpack.packb({"presence": self.instance}))
        except Exception:
            log.exception("presence publish for session %s failed", session_ref(self.id))
