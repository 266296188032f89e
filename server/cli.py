"""The ``samenspel`` command."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import resource
from pathlib import Path

import uvicorn

from server import logs, template_cli
from server.addresses import banner, lan_addresses
from server.app import create_app
from server.protocols import protocols
from server.settings import Settings


def concurrency_limit(configured: int) -> int:
    """Connections and requests at once (beyond: 503). 0 means: what the file descriptors allow, with
    room to spare for the store, the log and accepting (and refusing) one more."""
    if configured > 0:
        return configured
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return max(32, soft - 64) if soft != resource.RLIM_INFINITY else 10_000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="samenspel", description="Live workshop boards for learning networks.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the server")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1; env SAMENSPEL_HOST)")
    serve.add_argument("--port", type=int, help="port (default 8000; env SAMENSPEL_PORT)")
    serve.add_argument("--data-dir", type=Path, help="embedded store directory (default ./data; env SAMENSPEL_DATA_DIR)")
    serve.add_argument("--redis-url", help="use Redis instead of the embedded store (env SAMENSPEL_REDIS_URL)")
    serve.add_argument("--retention-days", type=float,
                       help="delete a session this many days after its last change (default 30; "
                            "env SAMENSPEL_RETENTION_DAYS)")
    serve.add_argument("--public-url", help="the address people use, e.g. behind a proxy: join links and QR codes "
                                            "are built on it (env SAMENSPEL_PUBLIC_URL)")
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--log-format", choices=["plain", "json"], help="log lines (default plain; env SAMENSPEL_LOG_FORMAT)")
    template_cli.add_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "template":
        raise SystemExit(template_cli.run(args))

    try:
        settings = Settings.from_env(host=args.host, port=args.port, data_dir=args.data_dir, redis_url=args.redis_url,
                                     log_format=args.log_format, retention_days=args.retention_days,
                                     public_url=args.public_url)
    except ValueError as exc:
        parser.error(str(exc))
    logs.setup(args.log_level, settings.log_format)
    http_protocol, ws_protocol = protocols(settings.header_timeout, settings.pre_hello_frame_bytes)
    lan = lan_addresses() if settings.host in ("0.0.0.0", "::", "") else []
    if lan and not settings.public_url:
        settings = dataclasses.replace(settings, room_url=f"http://{lan[0]}:{settings.port}")
    if settings.log_format == "json":  # every line of the output stays one JSON object
        logging.getLogger("samenspel").info(banner(settings, lan))
    else:
        print(banner(settings, lan), flush=True)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        http=http_protocol,
        ws=ws_protocol,
        timeout_keep_alive=settings.keep_alive_timeout,
        limit_concurrency=concurrency_limit(settings.limit_concurrency),
        backlog=settings.backlog,
        timeout_graceful_shutdown=settings.shutdown_timeout,
        loop=settings.loop,
        ws_max_size=settings.ws_hard_limit,
        ws_per_message_deflate=False,
        ws_ping_interval=settings.ws_ping_interval,
        ws_ping_timeout=settings.ws_ping_timeout,
        log_level=args.log_level,
        log_config=None,  # our handlers (server/logs.py) for uvicorn's loggers too
        proxy_headers=True,
        forwarded_allow_ips=settings.trusted_proxies,
        lifespan="on",
    )


if __name__ == "__main__":
    main()
