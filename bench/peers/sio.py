"""What a Python team would pick: python-socketio (ASGI, on uvicorn) with its Redis manager.

A client joins a room (``join`` with an ack, so the generator knows it is in), then a sender's
``msg`` is emitted to the whole room through ``AsyncRedisManager`` (one Redis channel for all rooms:
every instance sees every room's traffic, which is how python-socketio works). JSON payloads, the
library's default. Without ``SIO_REDIS_URL`` it uses the in-memory manager.

    SIO_REDIS_URL=redis://127.0.0.1:PORT/0 uvicorn bench.peers.sio:app --ws websockets-sansio --ws-per-message-deflate false
"""

from __future__ import annotations

import os

import socketio

REDIS_URL = os.environ.get("SIO_REDIS_URL")
manager = socketio.AsyncRedisManager(REDIS_URL) if REDIS_URL else None
sio = socketio.AsyncServer(async_mode="asgi", client_manager=manager, cors_allowed_origins=[],
                           http_compression=False, compression_threshold=10**9, transports=["websocket"],
                           max_http_buffer_size=64 * 1024)


@sio.event
async def join(sid: str, room: str) -> bool:
    await sio.enter_room(sid, room)
    return True


@sio.event
async def msg(sid: str, data: dict) -> None:
    await sio.emit("msg", data, room=data["r"])


app = socketio.ASGIApp(sio)
