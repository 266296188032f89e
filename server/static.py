"""The client's files, served for phones on slow Wi-Fi (docs/decisions.md, decision 59).

- Every file is compressed (brotli and gzip) the first time it is asked for, quickly, in a worker
  thread, then once more at the best levels in the background, and kept in memory; a request gets
  the smallest encoding its ``Accept-Encoding`` allows (``Vary: Accept-Encoding``), never a fresh
  compression.
- Every file has a content hash. A URL that names it (``/static/x.js?v=<hash>``, as the pages
  write them) is cached for a year (``immutable``): it can never name other content. Without it, or
  with an old hash, the answer is ``no-cache`` with an ETag, and a matching ``If-None-Match`` gets
  a 304.
- Only files inside the client directory are served: a path that leaves it (``..``, encoded or
  not, an absolute path, a link pointing out) is a 404, as is a hidden file.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import brotli
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

PREFIX = "/static/"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"  # may be stored, must be checked (ETag) before each use
MIN_COMPRESS = 256  # smaller bodies gain nothing from compression
COMPRESSIBLE = ("text/", "image/svg+xml", "application/json")  # images and fonts are compressed already
TYPES = {".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml"}


BUILT = ("dist", "node_modules")  # top-level directories that hold no sources

FAST, BEST = (5, 6), (11, 9)  # (brotli quality, gzip level): ~1 ms a file / the smallest (~20x the CPU)


@dataclass
class Encoded:
    """One file (or page) as stored: the body and its compressed forms, each made once per level."""

    body: bytes
    digest: str  # content hash (hex, 16 chars): the ETag and the ?v= of the URL
    content_type: str
    gzip: bytes | None = None
    br: bytes | None = None
    level: tuple[int, int] | None = None  # the levels the compressed forms were made with

    @classmethod
    def of(cls, body: bytes, content_type: str) -> "Encoded":
        return cls(body, hashlib.sha256(body).hexdigest()[:16], content_type)

    def compress(self, level: tuple[int, int] = BEST) -> "Encoded":
        if len(self.body) >= MIN_COMPRESS and self.content_type.startswith(COMPRESSIBLE):
            br = brotli.compress(self.body, quality=level[0])
            gz = gzip.compress(self.body, level[1], mtime=0)
            # a request between the two stores gets either form: each is the whole file
            self.br, self.gzip = (br if len(br) < len(self.body) else None), (gz if len(gz) < len(self.body) else None)
        self.level = level
        return self

    def choose(self, accept_encoding: str) -> tuple[bytes, str | None]:
        """The smallest form the client accepts: (body, Content-Encoding)."""
        accepted = _accepted(accept_encoding)
        br, gz = self.br, self.gzip
        if br is not None and "br" in accepted:
            return br, "br"
        if gz is not None and "gzip" in accepted:
            return gz, "gzip"
        return self.body, None


def _accepted(header: str) -> set[str]:
    """The codings an ``Accept-Encoding`` header allows (``q=0`` refuses)."""
    out = set()
    for part in header.lower().split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q=") and q[2:].strip() in ("0", "0.0", "0.00", "0.000"):
            continue
        out.add(name.strip())
    return out


def etag_matches(if_none_match: str, digest: str) -> bool:
    """Does ``If-None-Match`` name this content (in any of its encodings)?"""
    for tag in if_none_match.split(","):
        tag = tag.strip().removeprefix("W/").strip('"')
        if tag == "*" or tag.split("-")[0] == digest:
            return True
    return False


def respond(request: Request, item: Encoded, cache_control: str, head: bool = False,
            extra: dict[str, str] | None = None) -> Response:
    """``item`` as the request accepts it, with its ETag; 304 when the client has it already."""
    body, encoding = item.choose(request.headers.get("accept-encoding", ""))
    etag = f'"{item.digest}-{encoding}"' if encoding else f'"{item.digest}"'
    headers = {"Cache-Control": cache_control, "ETag": etag, "Vary": "Accept-Encoding", **(extra or {})}
    if etag_matches(request.headers.get("if-none-match", ""), item.digest):
        return Response(status_code=304, headers=headers)
    if encoding:
        headers["Content-Encoding"] = encoding
    response = Response(b"" if head else body, headers=headers, media_type=item.content_type)
    if head:
        response.headers["content-length"] = str(len(body))
    return response


def _route_path(scope: Scope) -> str:
    """The path below the mount point (Starlette's Mount keeps the full path, sets root_path)."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


def content_type(path: Path) -> str:
    return TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class ClientFiles:
    """The files under the client directory, read, hashed and (on first use) compressed once.

    A file changed on disk (development) is read again: each request compares its size and
    modification time."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._cache: dict[Path, tuple[tuple[int, int], Encoded]] = {}

    def resolve(self, relative: str) -> Path | None:
        """The file ``relative`` names inside the root, or None (outside, hidden, missing)."""
        if not relative or "\x00" in relative or "\\" in relative:
            return None
        parts = PurePosixPath(relative).parts
        if PurePosixPath(relative).is_absolute() or any(p in ("..", ".") or p.startswith(".") for p in parts):
            return None
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return path

    def get(self, path: Path) -> Encoded:
        """``path`` (already resolved) as stored; not yet compressed if new."""
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        cached = self._cache.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, Encoded.of(path.read_bytes(), content_type(path)))
            self._cache[path] = cached
        return cached[1]

    def url(self, relative: str) -> str:
        """The cache-forever URL of a file: its path with its content hash."""
        return f"{PREFIX}{relative}?v={self.get(self.root / relative).digest}"

    def modules(self) -> list[str]:
        """Every source ES module of the client, as paths relative to the root (the bundle built
        from them, dist/, is not a source; server/bundle.py)."""
        return sorted(rel for p in self.root.rglob("*")
                      if p.suffix in (".js", ".mjs") and p.is_file() and not p.name.startswith(".")
                      and (rel := p.relative_to(self.root).as_posix()).split("/")[0] not in BUILT)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The ASGI app mounted at /static."""
        request = Request(scope, receive)
        if request.method not in ("GET", "HEAD"):
            response: Response = PlainTextResponse("Method Not Allowed", status_code=405, headers={"Allow": "GET, HEAD"})
        elif (path := self.resolve(_route_path(scope).lstrip("/"))) is None:
            response = PlainTextResponse("Not Found", status_code=404)
        else:
            item = self.get(path)
            if item.level is None:  # once per file version, off the event loop
                await asyncio.to_thread(item.compress, FAST)
                # then the smallest, in the background: the first visitors after a start do not
                # wait for a second of CPU (all files at the best levels), the later ones get it
                asyncio.get_running_loop().run_in_executor(None, item.compress, BEST)
            fresh = request.query_params.get("v") == item.digest
            response = respond(request, item, IMMUTABLE if fresh else REVALIDATE, head=request.method == "HEAD")
        await response(scope, receive, send)


# --- which modules a page needs --------------------------------------------------------------

# Static imports and re-exports (`import x from './a.js'`, `import './a.js'`, `export * from './a.js'`),
# across lines; dynamic `import()` is left out on purpose: a page loads those only when it needs them.
IMPORT = re.compile(r"""(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?['"](\.{1,2}/[^'"]+)['"]""", re.M)
COMMENT = re.compile(r"/\*.*?\*/|(?<![:'\"\\])//[^\n]*", re.S)


def static_imports(source: str) -> list[str]:
    """The relative specifiers a module imports statically."""
    return IMPORT.findall(COMMENT.sub("", source))


def import_closure(files: ClientFiles, entries: list[str]) -> list[str]:
    """Every module ``entries`` load statically (themselves included), in discovery order."""
    seen: list[str] = []
    todo = list(entries)
    while todo:
        module = todo.pop(0)
        if module in seen:
            continue
        path = files.resolve(module)
        if path is None:
            raise FileNotFoundError(f"client module {module} (imported, but not in {files.root})")
        seen.append(module)
        base = PurePosixPath(module).parent
        for spec in static_imports(path.read_text(encoding="utf-8")):
            todo.append(os.path.normpath(str(base / spec)).replace(os.sep, "/"))
    return seen
