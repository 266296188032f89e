"""Security headers on every HTTP response (pure ASGI middleware: websockets pass untouched)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The client is plain ES modules from /static, styles from /static/style.css (element styles set
# from script are CSSOM, which CSP allows), the favicon and QR codes as data: images, the websocket
# to the same host.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),  # join codes are in /j/<code> paths
    (b"x-frame-options", b"DENY"),  # frame-ancestors for browsers without CSP 2
    # Nothing is stored by a browser or proxy unless the response says so itself: only the client's
    # files and pages do (server.static, server.pages), never an API answer or a session's data.
    (b"cache-control", b"no-store"),
]


DOCUMENT_ONLY = (b"content-security-policy", b"x-frame-options")
SUBRESOURCE_TYPES = (b"text/javascript", b"text/css")


def _subresource(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(n.lower() == b"content-type" and v.split(b";")[0].strip() in SUBRESOURCE_TYPES for n, v in headers)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                present = {name.lower() for name, _ in headers}
                # A script or style sheet is no document: CSP and framing rules would do nothing there
                # but cost every module ~300 bytes on the wire.
                skip = DOCUMENT_ONLY if _subresource(headers) else ()
                message["headers"] = [*headers, *((n, v) for n, v in HEADERS if n not in present and n not in skip)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
