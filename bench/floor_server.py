"""``samenspel serve`` with a floor page, for bench/pageload.py's ``--floor`` only (never shipped).

The floor page (``/floor``) is what a page costs on this machine, Chromium and throttling with no
code of ours: a document with one text field and nothing else, served the way the board's document
is (``no-cache`` with an ETag, the Content-Security-Policy, ``X-Client-Version``) and kept by the
same service worker (client/sw.js, /sw.js: the route is added to its page kinds here, so the worker
caches ``/floor`` at install and a second visit takes it from the worker's cache, as the board's).
The only script is the worker's registration, inline, timed as client/sw-register.js's (after
``load``, when the browser is idle).

Run as a script from bench/pageload.py, with the checkout whose server it is on ``PYTHONPATH``:

    PYTHONPATH=<root> python bench/floor_server.py serve --port 8123 --data-dir /tmp/x
"""

from __future__ import annotations

import base64
import hashlib
import sys
from pathlib import Path

# run as a script, its own directory comes first on the path: bench/'s modules must not shadow others
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server import cli, worker
from server.app import create_app
from server.headers import CONTENT_SECURITY_POLICY
from server.static import BEST, Encoded, respond

PATH = "/floor"
REGISTER = ("addEventListener('load',()=>requestIdleCallback(()=>navigator.serviceWorker"
            ".register('/sw.js',{scope:'/'}).catch(()=>{}),{timeout:2000}),{once:true})")
FLOOR = f"""<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="color-scheme" content="light">
  <meta name="referrer" content="no-referrer">
  <title>Floor</title>
  <link rel="icon" href="data:,">
  <script>{REGISTER}</script>
</head>
<body>
  <label>Naam <input type="text" data-testid="floor-input" autocomplete="off"></label>
</body>
</html>
"""
SCRIPT_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(REGISTER.encode()).digest()).decode() + "'"
CSP = CONTENT_SECURITY_POLICY.replace("script-src 'self'", f"script-src 'self' {SCRIPT_HASH}", 1)
ITEM = Encoded.of(FLOOR.encode(), "text/html; charset=utf-8").compress(BEST)


async def floor(request: Request) -> Response:
    version = request.app.state.documents.version()  # the worker keeps a page only of its version
    return respond(request, ITEM, "no-cache", head=request.method == "HEAD",
                   extra={"Content-Security-Policy": CSP, "X-Client-Version": version})


def with_floor(settings=None):
    app = create_app(settings)
    app.router.routes.insert(0, Route(PATH, floor, methods=["GET", "HEAD"]))
    return app


if __name__ == "__main__":
    worker.ROUTES["floor"] = (r"^/floor$", PATH)  # the worker keeps it and serves its navigations
    cli.create_app = with_floor
    cli.main()
