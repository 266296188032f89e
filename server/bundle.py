"""The client's bundle (client/dist/, built by scripts/build_client.mjs; docs/decisions.md, decision 66).

The bundle is served only while it was built from the sources as they are now: its manifest
records the hash of every source module, and the server compares it with the sources' hash
whenever it builds a page. A stale bundle (an edited module, a pulled change without a rebuild)
is never served: the pages then load the sources, as they do when no bundle was built at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass

from server.static import ClientFiles

log = logging.getLogger("samenspel.bundle")

DIST = "dist"  # under the client directory, so /static/dist/… serves the chunks
MANIFEST = f"{DIST}/manifest.json"


def sources_hash(files: ClientFiles) -> str:
    """The hash of every source module, as scripts/build_client.mjs computes it."""
    lines = [f"{m}\0{files.get(files.root / m).digest}\n" for m in files.modules()]
    return hashlib.sha256("".join(lines).encode()).hexdigest()


@dataclass(frozen=True)
class Bundle:
    entries: dict[str, str]  # source module -> its chunk (relative to dist/)
    imports: dict[str, list[str]]  # chunk -> the chunks it imports statically

    def chunk(self, module: str) -> str:
        return f"{DIST}/{self.entries[module]}"

    def closure(self, modules: list[str]) -> list[str]:
        """The chunks that ``modules`` load before they run (themselves first), as client paths.
        A module without a chunk of its own was imported statically: it is inside main.js's."""
        seen: list[str] = []
        todo = [self.entries[m] for m in modules if m in self.entries]
        while todo:
            chunk = todo.pop(0)
            if chunk not in seen:
                seen.append(chunk)
                todo.extend(self.imports.get(chunk, ()))
        return [f"{DIST}/{c}" for c in seen]

    def chunks(self) -> list[str]:
        return [f"{DIST}/{c}" for c in self.imports]


def load(files: ClientFiles, needed: set[str]) -> Bundle | None:
    """The bundle, if one was built from the current sources, with a chunk for each module in
    ``needed`` (main.js) and every chunk it lists present; else None (the pages load the sources)."""
    path = files.root / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(files.get(path).body)
        bundle = Bundle(dict(manifest["entries"]), {k: list(v) for k, v in manifest["imports"].items()})
        built_from = manifest["sources"]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("client bundle ignored: unreadable %s (%s)", MANIFEST, exc)
        return None
    if built_from != sources_hash(files):
        return None  # stale: the sources changed since the build (make run/test rebuild it)
    missing = needed - set(bundle.entries)
    if missing or any(files.resolve(c) is None for c in bundle.chunks()):
        log.warning("client bundle ignored: no chunk for %s", ", ".join(sorted(missing)) or "a listed file")
        return None
    return bundle
