"""A small real websocket client of the protocol, for integration tests."""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

import httpx
import msgpack
import websockets

TIMEOUT = 10.0


async def create_session(http_url: str, **body: Any) -> dict:
    body.setdefault("title", "Test")
    async with httpx.AsyncClient(base_url=http_url) as client:
        response = await client.post("/api/sessions", json=body)
        response.raise_for_status()
        return response.json()


async def join(http_url: str, code: str, name: str, group: str) -> dict:
    async with httpx.AsyncClient(base_url=http_url) as client:
        response = await client.post("/api/join", json={"code": code, "name": name, "group": group})
        response.raise_for_status()
        return response.json()


class Client:
    """One websocket; frames are read into a queue by a background task."""

    def __init__(self, ws_url: str) -> None:
        self.ws_url = ws_url
        self.ws: websockets.ClientConnection | None = None
        self.frames: asyncio.Queue[dict] = asyncio.Queue()
        self.seq = 0
        self.epoch: str | None = None
        self._ref = 0
        self._backlog: deque[dict] = deque()  # frames passed over while waiting for a reply
        self._reader: asyncio.Task | None = None

    async def connect(self, **headers: str) -> "Client":
        self.ws = await websockets.connect(self.ws_url, additional_headers=headers or None, compression=None)
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                frame = msgpack.unpackb(data, raw=False)
                if frame.get("type") == "event":
                    self.seq = frame["seq"]
                elif frame.get("type") == "welcome":
                    self.seq, self.epoch = frame["seq"], frame["epoch"]
                await self.frames.put(frame)
        except websockets.ConnectionClosed:
            pass

    async def send_raw(self, data: bytes | str) -> None:
        await self.ws.send(data)

    async def send(self, frame: dict) -> int:
        self._ref += 1
        frame = {**frame, "ref": self._ref}
        await self.ws.send(msgpack.packb(frame))
        return self._ref

    async def _get(self, timeout: float) -> dict:
        if self._backlog:
            return self._backlog.popleft()
        return await asyncio.wait_for(self.frames.get(), timeout)

    async def next(self, type_: str | None = None, timeout: float = TIMEOUT) -> dict:
        """The next frame (of ``type_``, skipping others)."""
        while True:
            frame = await self._get(timeout)
            if type_ is None or frame["type"] == type_:
                return frame

    async def reply(self, ref: int, timeout: float = TIMEOUT) -> dict:
        """The ok/error/pong reply to ``ref``; other frames stay readable by ``next``."""
        passed: list[dict] = []
        try:
            while True:
                frame = await asyncio.wait_for(self.frames.get(), timeout)
                if frame["type"] in ("ok", "error", "pong") and frame.get("ref") == ref:
                    return frame
                passed.append(frame)
        finally:
            self._backlog.extend(passed)

    async def call(self, frame: dict) -> dict:
        return await self.reply(await self.send(frame))

    async def event(self, event_type: str, timeout: float = TIMEOUT) -> dict:
        """The next event frame whose event has ``event_type``."""
        while True:
            frame = await self.next("event", timeout)
            if frame["event"]["type"] == event_type:
                return frame

    async def hello(self, session: str, **fields: Any) -> dict:
        ref = await self.send({"type": "hello", "session": session, **fields})
        while True:
            frame = await asyncio.wait_for(self.frames.get(), TIMEOUT)
            if frame["type"] == "welcome" or (frame["type"] == "error" and frame.get("ref") == ref):
                return frame

    def drain(self) -> list[dict]:
        out = list(self._backlog)
        self._backlog.clear()
        while not self.frames.empty():
            out.append(self.frames.get_nowait())
        return out

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
