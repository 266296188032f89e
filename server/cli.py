"""The ``samenspel`` command."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import uvicorn

from server.app import create_app
from server.settings import Settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="samenspel", description="Live workshop boards for learning networks.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the server")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1; env SAMENSPEL_HOST)")
    serve.add_argument("--port", type=int, help="port (default 8000; env SAMENSPEL_PORT)")
    serve.add_argument("--data-dir", type=Path, help="embedded store directory (default ./data; env SAMENSPEL_DATA_DIR)")
    serve.add_argument("--redis-url", help="use Redis instead of the embedded store (env SAMENSPEL_REDIS_URL)")
    serve.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)

    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env(host=args.host, port=args.port, data_dir=args.data_dir, redis_url=args.redis_url)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        ws="websockets-sansio",
        ws_max_size=settings.ws_hard_limit,
        ws_per_message_deflate=False,
        ws_ping_interval=20.0,
        ws_ping_timeout=20.0,
        log_level=args.log_level,
        proxy_headers=True,
        forwarded_allow_ips=settings.trusted_proxies,
        lifespan="on",
    )


if __name__ == "__main__":
    main()
