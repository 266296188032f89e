"""A small real websocket client of the protocol, for integration tests."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import msgpack
import websockets

TIMEOUT = 10.0


async def create_session(http_url: str, on_paper: bool = True, **body: Any) -> dict:
    """A new session. ``on_paper`` (what most tests want): the facilitator turns hold off, so
    participants act without a step; off, it is as created: participants wait for step 1."""
    body.setdefault("title", "Test")
    async with httpx.AsyncClient(base_url=http_url) as client:
        response = await client.post("/api/sessions", json=body)
        response.raise_for_status()
        session = response.json()
    if on_paper:
        await hold_off(http_url.replace("http", "ws", 1) + "/ws", session["session"], session["facilitator_secret"])
    return session


async def hold_off(ws_url: str, session: str, secret: str) -> None:
    """As the facilitator: turn "hold everyone on the current step" off (the board is open, as on paper)."""
    facilitator = await Client(ws_url).connect()
    try:
        assert (await facilitator.hello(session, token=secret))["type"] == "welcome"
        reply = await facilitator.call({"type": "set_hold", "hold": False})
        assert reply["type"] == "ok", reply
    finally:
        await facilitator.close()


async def join(http_url: str, code: str, name: str, group: str) -> dict:
    async with httpx.AsyncClient(base_url=http_url) as client:
        response = await client.post("/api/join", json={"code": code, "name": name, "group": group})
        response.raise_for_status()
        return response.json()


_REPLIES = ("ok", "error", "pong", "welcome")


def expand_events(frame: dict) -> list[dict]:
    """An `events` frame (docs/protocol.md) as the `event` frames it stands for, in order."""
    at, dt = frame["at"], frame.get("dt")
    return [{"type": "event", "seq": frame["seq"] + i, "at": at + (dt[i] if dt else 0), "event": event}
            for i, event in enumerate(frame["events"])]


class Client:
    """One websocket. A reader task files every frame into ``frames`` and resolves the reply
    (ok / error / pong / welcome) to each ``ref`` sent, so concurrent calls never steal replies."""

    def __init__(self, ws_url: str) -> None:
        self.ws_url = ws_url
        self.ws: websockets.ClientConnection | None = None
        self.frames: asyncio.Queue[dict] = asyncio.Queue()
        self.seq = 0
        self.epoch: str | None = None
        self._ref = 0
        self._replies: dict[int, asyncio.Future[dict]] = {}
        self._reader: asyncio.Task | None = None
        self.ws_frames = 0  # websocket messages received (a batch counts once)
        self.events_frames = 0  # `events` frames received (hello `compact`), each filed as its `event` frames

    async def connect(self, **headers: str) -> "Client":
        self.ws = await websockets.connect(self.ws_url, additional_headers=headers or None, compression=None)
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                frame = msgpack.unpackb(data, raw=False)
                self.ws_frames += 1
                # Several frames for this socket in one server turn come as one batch frame.
                for frame in frame["frames"] if frame.get("type") == "batch" else [frame]:
                    if frame.get("type") == "events":
                        self.events_frames += 1
                        for one in expand_events(frame):
                            self._file(one)
                    else:
                        self._file(frame)
        except websockets.ConnectionClosed:
            pass

    def _file(self, frame: dict) -> None:
        if frame.get("type") == "event":
            self.seq = frame["seq"]
        elif frame.get("type") == "welcome":
            self.seq, self.epoch = frame["seq"], frame["epoch"]
        # Kept once resolved: ``reply`` may ask after the reply came.
        waiting = self._replies.get(frame.get("ref")) if frame.get("type") in _REPLIES else None
        if waiting is not None and not waiting.done():
            waiting.set_result(frame)
        self.frames.put_nowait(frame)

    async def send_raw(self, data: bytes | str) -> None:
        await self.ws.send(data)

    async def send(self, frame: dict) -> int:
        self._ref += 1
        self._replies[self._ref] = asyncio.get_running_loop().create_future()
        await self.ws.send(msgpack.packb({**frame, "ref": self._ref}))
        return self._ref

    async def next(self, type_: str | None = None, timeout: float = TIMEOUT) -> dict:
        """The next frame (of ``type_``, skipping others)."""
        while True:
            frame = await asyncio.wait_for(self.frames.get(), timeout)
            if type_ is None or frame["type"] == type_:
                return frame

    async def reply(self, ref: int, timeout: float = TIMEOUT) -> dict:
        """The ok / error / pong / welcome answering ``ref``."""
        return await asyncio.wait_for(self._replies[ref], timeout)

    async def call(self, frame: dict, timeout: float = TIMEOUT) -> dict:
        return await self.reply(await self.send(frame), timeout)

    async def event(self, event_type: str, timeout: float = TIMEOUT) -> dict:
        """The next event frame whose event has ``event_type``."""
        while True:
            frame = await self.next("event", timeout)
            if frame["event"]["type"] == event_type:
                return frame

    async def hello(self, session: str, **fields: Any) -> dict:
        """The welcome, or the error refusing the hello."""
        return await self.call({"type": "hello", "session": session, **fields})

    def drain(self) -> list[dict]:
        """Every frame received and not yet read."""
        out = []
        while not self.frames.empty():
            out.append(self.frames.get_nowait())
        return out

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
