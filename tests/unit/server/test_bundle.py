"""server/bundle.py on a small client directory: used while fresh, refused when stale or incomplete."""

from __future__ import annotations

import json

from server import bundle
from server.static import ClientFiles


def client(tmp_path, entries=None):
    (tmp_path / "main.js").write_text("import('./page.js');\n")
    (tmp_path / "page.js").write_text("export const x = 1;\n")
    (tmp_path / "dist").mkdir(exist_ok=True)
    for name in ("main-A.js", "page-B.js", "chunk-C.js"):
        (tmp_path / "dist" / name).write_text("/* built */\n")
    files = ClientFiles(tmp_path)
    manifest = {"sources": bundle.sources_hash(files), "esbuild": "0",
                "entries": entries or {"main.js": "main-A.js", "page.js": "page-B.js"},
                "imports": {"main-A.js": ["chunk-C.js"], "page-B.js": ["chunk-C.js"], "chunk-C.js": []}}
    (tmp_path / "dist/manifest.json").write_text(json.dumps(manifest))
    return files


def test_a_fresh_bundle_gives_each_page_its_chunks_and_what_they_import(tmp_path):
    """The sources' hash excludes dist/; the closure lists the entry chunks first, each once."""
    files = client(tmp_path)
    assert files.modules() == ["main.js", "page.js"]
    built = bundle.load(files, {"main.js"})
    assert built is not None
    assert built.closure(["main.js", "page.js"]) == ["dist/main-A.js", "dist/page-B.js", "dist/chunk-C.js"]


def test_a_bundle_is_refused_when_a_source_changed_or_a_page_has_no_chunk(tmp_path):
    """An edited module makes the bundle stale; no chunk for main.js makes it incomplete."""
    files = client(tmp_path, entries={"page.js": "page-B.js"})
    assert bundle.load(files, {"main.js"}) is None
    files = client(tmp_path)
    (tmp_path / "page.js").write_text("export const x = 2;\n")
    assert bundle.load(files, {"main.js"}) is None
    (tmp_path / "dist/manifest.json").write_text("{not json")
    assert bundle.load(files, {"main.js"}) is None


def test_a_page_module_imported_statically_needs_no_chunk_of_its_own(tmp_path):
    """Such a module is inside main.js's chunk: the page preloads main's closure."""
    built = bundle.load(client(tmp_path), {"main.js"})
    assert built.closure(["main.js", "static.js"]) == ["dist/main-A.js", "dist/chunk-C.js"]
