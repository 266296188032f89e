"""The ceiling: a minimal Starlette websocket relay, in memory or through Redis pub/sub.

No validation, no sequencing, no persistence: each binary message a socket sends to
``/ws/{room}`` goes, byte for byte, to every socket in that room (the sender too), one
``send_bytes`` per recipient per message, as a first websocket server would do it. With
``RELAY_REDIS_URL`` set, messages go through Redis pub/sub (one pattern subscription per
instance), so several instances share rooms.

    RELAY_REDIS_URL=redis://127.0.0.1:PORT/0 uvicorn bench.peers.relay:app --ws websockets-sansio --ws-per-message-deflate false
"""

from __future__ import annotations

import asyncio
import contextlib
import os

from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

REDIS_URL = os.environ.get("RELAY_REDIS_URL")
rooms: dict[str, set[WebSocket]] = {}


async def deliver(room: str, data: bytes) -> None:
    for ws in list(rooms.get(room, ())):
        try:
            await ws.send_bytes(data)
        except Exception:
            rooms.get(room, set()).discard(ws)


redis_client = None


async def relay(websocket: WebSocket) -> None:
    room = websocket.path_params["room"]
    await websocket.accept()
    rooms.setdefault(room, set()).add(websocket)
    try:
        while True:
            data = await websocket.receive_bytes()
            if redis_client is not None:
                await redis_client.publish(f"room:{room}", data)
            else:
                await deliver(room, data)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        members = rooms.get(room)
        if members is not None:
            members.discard(websocket)
            if not members:
                del rooms[room]


async def _listen() -> None:
    import redis.asyncio as aioredis

    sub = aioredis.from_url(REDIS_URL).pubsub()
    await sub.psubscribe("room:*")
    async for message in sub.listen():
        if message["type"] == "pmessage":
            await deliver(message["channel"].decode()[5:], message["data"])


@contextlib.asynccontextmanager
async def lifespan(app):
    global redis_client
    listener = None
    if REDIS_URL:
        import redis.asyncio as aioredis

        redis_client = aioredis.from_url(REDIS_URL)
        listener = asyncio.create_task(_listen())
    yield
    if listener is not None:
        listener.cancel()


app = Starlette(routes=[WebSocketRoute("/ws/{room}", relay)], lifespan=lifespan)
