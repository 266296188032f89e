"""The service worker's script, /sw.js (client/sw.js; docs/decisions.md, decision 75).

client/sw.js with what it must know written above it, by the server from what it serves (so a new
chunk, style sheet or page cannot be forgotten):

- ``version``: the client's version (:meth:`server.pages.Documents.version`), also sent with every
  page as ``X-Client-Version``: the worker keeps a document only with the code of its version;
- ``assets``: the content-hashed URL of every file the pages load: the bundle's chunks (or, without
  a bundle, every source module), the pages' style sheets and classic scripts;
- ``pages``: each page kind's path pattern (the app's routes to :func:`server.http.index`) and a URL
  of that kind to fetch its document from (every page of a kind is the same document).

Served ``no-cache`` with an ETag at the root, so its scope is the whole site: a browser checks it on
every navigation anyway, and a proxy must not keep an old one (deploy/nginx.conf passes it through).
"""

from __future__ import annotations

import asyncio
import json

from starlette.requests import Request
from starlette.responses import Response

from server import bundle as bundles
from server.pages import ENTRY, PAGES, Documents
from server.static import BEST, Encoded, respond

SOURCE = "sw.js"  # under the client directory
PATH = "/sw.js"

# kind -> (the path pattern of its routes in server/app.py, the URL its document is fetched from);
# tests/unit/test_worker.py checks both against the app's routes and server.pages.page_kind.
ROUTES: dict[str, tuple[str, str]] = {
    "start": (r"^/$", "/"),
    "join": (r"^/j/[^/]+$", "/j/-"),
    "board": (r"^/b/[^/]+$", "/b/-"),
    "projector": (r"^/p/[^/]+$", "/p/-"),
    "summary": (r"^/s/[^/]+$", "/s/-"),
    "network": (r"^/n/(?:[^/]+)?$", "/n/"),
}


def assets(documents: Documents) -> list[str]:
    """The hashed URL of every file a page may load, once each."""
    files = documents.files
    bundle = bundles.load(files, {ENTRY}) if documents.use_bundle else None
    modules = bundle.chunks() if bundle else [m for m in files.modules() if m != SOURCE]
    others = {f for page in PAGES.values() for f in (*page.styles, *page.scripts)}
    return [files.url(f) for f in [*modules, *sorted(others)]]


def config(documents: Documents, version: str) -> dict:
    return {"version": version, "assets": assets(documents),
            "pages": {kind: list(route) for kind, route in ROUTES.items()}}


class Script:
    """/sw.js, built and compressed once per client version."""

    def __init__(self, documents: Documents) -> None:
        self.documents = documents
        self._built: tuple[str, Encoded] | None = None

    async def __call__(self, request: Request) -> Response:
        version = self.documents.version()
        if self._built is None or self._built[0] != version:
            head = f"self.SAMENSPEL_SW = {json.dumps(config(self.documents, version), separators=(',', ':'))};\n"
            source = (self.documents.files.root / SOURCE).read_text(encoding="utf-8")
            item = Encoded.of((head + source).encode(), "text/javascript; charset=utf-8")
            self._built = (version, await asyncio.to_thread(item.compress, BEST))
        return respond(request, self._built[1], "no-cache", head=request.method == "HEAD",
                       extra={"Service-Worker-Allowed": "/"})


async def script(request: Request) -> Response:
    """The route: the app's :class:`Script` (``app.state.service_worker``)."""
    return await request.app.state.service_worker(request)
