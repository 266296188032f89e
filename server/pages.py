"""The HTML document of each page, with exactly what that page needs (docs/decisions.md, 54).

Every page is client/index.html; in place of its ``<!-- assets: … -->`` comment the server writes:

- an import map that sends every module URL to its content-hashed form, so modules are cached
  for a year and a changed file is fetched again at once (its hash, hence its URL, changed);
- the page's style sheets, and a ``<link rel="modulepreload">`` for every module the page's entry
  modules import, found by walking the imports (so the browser fetches them all at once instead of
  one import level per round trip, and a new module cannot be forgotten);
- the entry script (client/main.js, which routes by path and loads only that page's module).

When the client's bundle (client/dist/, built by ``scripts/build_client.mjs``) was built from the
current sources, the same is written for its chunks instead of the sources (server/bundle.py,
decision 66): a few chunks instead of ~60 modules, so a phone needs a round trip or two, not ten.

A board's, projector's and summary's document also preloads the code of the kinds of section its
session uses, and no other kind's (server/page_kinds.py finds them; decision 76).

The inline import map is allowed by its hash in this document's Content-Security-Policy.
Documents are built once per version of the client files (and set of kinds) and kept compressed.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import html
import json
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from server import bundle as bundles
from server import frames
from server.bundle import Bundle
from server.headers import CONTENT_SECURITY_POLICY
from server.static import BEST, PREFIX, ClientFiles, Encoded, import_closure, respond


@dataclass(frozen=True)
class Page:
    modules: tuple[str, ...]  # what main.js imports for this page (it imports the rest lazily)
    styles: tuple[str, ...]
    scripts: tuple[str, ...] = ()  # classic scripts (deferred: they run before the modules)
    early_socket: bool = False  # open the live connection's socket before any module has loaded


LIVE = ("vendor/msgpack.min.js",)  # the websocket's frames (client/conn.js)
PAGES = {
    "start": Page(("start.js", "qr.js"), ("style.css", "summary.css")),  # summary.css: the privacy note
    "join": Page(("start.js",), ("style.css",)),
    # start.js ("not joined yet", the messages) is loaded only when one is shown; board.js imports
    # board/projector.js (and each kind: the session's are added, decision 76) lazily
    "board": Page(("board.js",), ("style.css", "cards.css", "live.css"), LIVE, True),
    "projector": Page(("board.js", "qr.js", "board/projector.js"), ("style.css", "cards.css", "projector.css", "live.css"),
                      LIVE, True),  # qr: always shown
    "summary": Page(("summary.js",), ("style.css", "cards.css", "summary.css")),
    "network": Page(("network/page.js",), ("style.css", "summary.css", "network.css")),  # a learning network
    "other": Page(("start.js",), ("style.css",)),
}
ENTRY = "main.js"
MARKER = "<!-- assets: server/pages.py puts this page's styles and modules here -->"

# The live pages' websocket, opened by the document itself, first thing: the upgrade's round trip
# then overlaps the loading and compiling of the board's code instead of following it (a phone on
# venue Wi-Fi: ~0.3 s sooner; docs/benchmarks.md). It carries the hello in its upgrade (the
# subprotocol ``samenspel.hello.<base64url JSON>``, docs/protocol.md), so the welcome comes as soon
# as the socket is open, before the board's code has run (decision 77). The credential is chosen by
# client/credentials.js's one function, whose source is written in front of this (early_socket);
# without one (not joined here, no code) no socket is opened. Until client/early-socket.js hands the
# socket to conn.js, what comes is kept in ``queue`` in order, and the server's beat (the only frame
# of its size, BEAT_SIZE bytes) is answered by sending its bytes back: they are the client's beat too.
# ``helloRef`` is the hello's ref (0: conn.js numbers its own frames from 1). Allowed by its hash.
CREDENTIALS = "credentials.js"
BEAT_SIZE = len(frames.encode({"type": "beat"}))
EARLY_SOCKET = (
    "try{const c=credentials(location.pathname,location.hash,"
    "k=>{try{return localStorage.getItem('samenspel.'+k)}catch(e){return null}});"
    "if(!c||!c.auth)return;"
    "const h=new TextEncoder().encode(JSON.stringify({session:c.session,...c.auth,heartbeat:true,compact:true,ref:0}));"
    "const w=window.__samenspelSocket=new WebSocket((location.protocol==='https:'?'wss:':'ws:')+'//'+location.host"
    "+'/ws?s='+encodeURIComponent(c.session),['samenspel','samenspel.hello.'+btoa(String.fromCharCode(...h)).replace(/\\+/g,'-')"
    ".replace(/\\//g,'_').replace(/=+$/,'')]);"
    "w.binaryType='arraybuffer';w.helloRef=0;w.queue=[];"
    f"w.onmessage=e=>{{if(e.data.byteLength==={BEAT_SIZE})w.send(e.data);else w.queue.push(e)}}"
    "}catch(e){}"
)


def early_socket(files: ClientFiles) -> str:
    """The live pages' inline script: client/credentials.js's function (its ``export`` dropped),
    then the opener above, in a function of their own."""
    source = (files.root / CREDENTIALS).read_text(encoding="utf-8")
    start = source.find("export function credentials(")
    if start < 0:
        raise ValueError(f"client/{CREDENTIALS} has no 'export function credentials('")
    function = source[start + len("export "):].strip()
    if "export " in function or "import " in function:
        raise ValueError(f"client/{CREDENTIALS}: the inline function must stand alone")
    return "(()=>{" + function + "\n" + EARLY_SOCKET + "})()"  # nothing left in the page's globals


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def page_kind(path: str) -> str:
    """Which page a path shows (client/main.js routes the same way)."""
    if path in ("/", "/index.html"):
        return "start"
    return {"j": "join", "b": "board", "p": "projector", "s": "summary", "n": "network"}.get(path.strip("/").split("/")[0], "other")


def kind_modules(files: ClientFiles, page: str, kinds: frozenset[str]) -> list[str]:
    """The client modules of these kinds of section that ``page`` loads (client/board/kinds/index.js
    imports each lazily: board/kinds/<type>.js on a board or projector, board/kinds/<type>.summary.js
    on the summary page), those that exist, in a stable order (decision 76)."""
    suffix = {"board": ".js", "projector": ".js", "summary": ".summary.js"}.get(page)
    modules = sorted(f"board/kinds/{k}{suffix}" for k in kinds) if suffix else []
    return [m for m in modules if files.resolve(m) is not None]


def preloads(files: ClientFiles, kind: str, bundle: Bundle | None = None, kinds: frozenset[str] = frozenset()) -> list[str]:
    """Every module (or chunk of the bundle) the page loads before it can show anything, entry first
    (on a board, projector or summary, with the code of the session's ``kinds`` of section)."""
    entries = [ENTRY, *PAGES[kind].modules, *kind_modules(files, kind, kinds)]
    return bundle.closure(entries) if bundle else import_closure(files, entries)


def import_map(files: ClientFiles, bundle: Bundle | None = None) -> str:
    modules = bundle.chunks() if bundle else files.modules()
    return json.dumps({"imports": {f"{PREFIX}{m}": files.url(m) for m in modules}}, separators=(",", ":"))


def entry_modules() -> set[str]:
    """The module the bundle must have a chunk for: main.js (a page's module imported dynamically
    has its own chunk; one imported statically is inside main.js's)."""
    return {ENTRY}


def render(files: ClientFiles, kind: str, public_url: str | None, bundle: Bundle | None = None,
           kinds: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(the document, the hash sources of its inline scripts for the CSP)."""
    page = PAGES[kind]
    imap = import_map(files, bundle)
    inline = [early_socket(files)] if page.early_socket else []
    head = [f"<script>{source}</script>" for source in inline]
    head.append(f'<script type="importmap">{imap}</script>')
    head += [f'<link rel="stylesheet" href="{files.url(s)}">' for s in page.styles]
    head += [f'<link rel="modulepreload" href="{files.url(m)}">' for m in preloads(files, kind, bundle, kinds)]
    head += [f'<script defer src="{files.url(s)}"></script>' for s in page.scripts]
    head.append(f'<script type="module" src="{files.url(bundle.chunk(ENTRY) if bundle else ENTRY)}"></script>')
    if public_url:
        head.insert(0, f'<meta name="samenspel-public-url" content="{html.escape(public_url)}">')
    template = (files.root / "index.html").read_text(encoding="utf-8")
    if MARKER not in template:
        raise ValueError(f"client/index.html has no {MARKER} for the page's styles and modules")
    return template.replace(MARKER, "\n  ".join(head), 1), " ".join(_csp_hash(s) for s in [*inline, imap])


class Documents:
    """Each page's document, built and compressed once per version of the client files (and of
    the bundle, used when ``use_bundle`` and built from these sources), and per set of kinds of
    section a board's, projector's or summary's session uses (not per session: a handful of
    templates)."""

    def __init__(self, files: ClientFiles, use_bundle: bool = True) -> None:
        self.files = files
        self.use_bundle = use_bundle
        self._built: dict[tuple[str, str | None, frozenset[str]], tuple[str, Encoded, str]] = {}

    def version(self) -> str:
        """Changes when any client file does (a stat per file: cheap next to a page load)."""
        stamps = [self.files.get(self.files.root / m).digest for m in self.files.modules()]
        stamps += [self.files.get(p).digest for p in self.files.root.glob("*.css")]
        stamps.append(self.files.get(self.files.root / "index.html").digest)
        if self.use_bundle and (manifest := self.files.resolve(bundles.MANIFEST)) is not None:
            stamps.append(self.files.get(manifest).digest)  # a rebuild changes the pages
        return hashlib.sha256("".join(stamps).encode()).hexdigest()

    async def response(self, request: Request, public_url: str | None, kinds: frozenset[str] = frozenset()) -> Response:
        kind = page_kind(request.url.path)
        kinds = kinds if kind in ("board", "projector", "summary") else frozenset()
        version = self.version()
        built = self._built.get((kind, public_url, kinds))
        if built is None or built[0] != version:
            bundle = bundles.load(self.files, entry_modules()) if self.use_bundle else None
            text, script_hash = render(self.files, kind, public_url, bundle, kinds)
            item = await asyncio.to_thread(Encoded.of(text.encode(), "text/html; charset=utf-8").compress, BEST)
            if len(self._built) >= 512:  # template files could combine kinds without end: never grow without bound
                self._built.clear()
            built = self._built[(kind, public_url, kinds)] = (version, item, script_hash)
        _, item, script_hash = built
        csp = CONTENT_SECURITY_POLICY.replace("script-src 'self'", f"script-src 'self' {script_hash}", 1)
        return respond(request, item, "no-cache", extra={"Content-Security-Policy": csp, "X-Client-Version": version})
