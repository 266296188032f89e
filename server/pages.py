"""The one HTML document of the client, with every module of the client preloaded.

The client is plain ES modules (docs/decisions.md 23): without a hint the browser discovers them
one import level at a time, ten levels deep, a round trip each on venue wifi. The document is read
once and gets a ``modulepreload`` link per module, so they load in parallel.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response


@lru_cache(maxsize=4)
def document(static_dir: Path) -> str:
    html = (static_dir / "index.html").read_text(encoding="utf-8")
    modules = sorted(p.relative_to(static_dir).as_posix() for p in static_dir.rglob("*.js")
                     if "vendor" not in p.relative_to(static_dir).parts)
    links = "".join(f'\n  <link rel="modulepreload" href="/static/{m}">' for m in modules)
    return html.replace("</head>", f"{links}\n</head>", 1)


async def index(request: Request) -> Response:
    """Every page of the client is the same document; the script routes by path."""
    return HTMLResponse(document(request.app.state.settings.static_dir), headers={"Cache-Control": "no-cache"})
