"""A TCP proxy that delays every chunk by a fixed one-way time, both directions, in order.

Chromium's network emulation (CDP ``Network.emulateNetworkConditions``) delays HTTP requests and
the websocket's upgrade, but not websocket frames: a hello and its welcome cross it in ~0 ms. In
front of the server this puts the round trip on every byte, frames included (bench/pageload_wire.py).
"""

from __future__ import annotations

import asyncio


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[float, bytes | None]] = asyncio.Queue()

    async def pump() -> None:
        while True:
            due, data = await queue.get()
            if (wait := due - loop.time()) > 0:
                await asyncio.sleep(wait)
            if data is None:
                writer.close()
                return
            writer.write(data)
            await writer.drain()

    task = asyncio.create_task(pump())
    try:
        while data := await reader.read(65536):
            queue.put_nowait((loop.time() + delay, data))
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    queue.put_nowait((loop.time() + delay, None))
    try:
        await task
    except (ConnectionError, asyncio.CancelledError):
        pass


async def serve(listen_port: int, target_port: int, one_way: float) -> asyncio.Server:
    """Listen on 127.0.0.1:``listen_port``; each connection goes to ``target_port``."""
    async def handle(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", target_port)
            await asyncio.gather(_pipe(client_r, server_w, one_way), _pipe(server_r, client_w, one_way),
                                 return_exceptions=True)
        except (ConnectionError, asyncio.CancelledError):
            client_w.close()  # the proxy is closing (end of the run) or the server went: nothing to report
    return await asyncio.start_server(handle, "127.0.0.1", listen_port)
