"""Is a request or websocket handshake from our own site (or one configured)?"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import HTTPConnection

from server.settings import Settings


def origin_allowed(connection: HTTPConnection, settings: Settings) -> bool:
    """Browsers send Origin on websockets and cross-site POSTs; it must be this server or one
    configured. Non-browser clients (no Origin) are let through: they hold a token or nothing."""
    origin = connection.headers.get("origin")
    if origin is None:
        return True
    if origin in settings.allowed_origins:
        return True
    return urlsplit(origin).netloc == connection.headers.get("host", "")
