"""The import walker that lists a page's modules for preloading (server/static.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.static import ClientFiles, import_closure, static_imports


def test_static_imports_are_found_in_every_form_and_dynamic_ones_are_not():
    """Named over several lines, default, namespace, side effect, re-export and minified imports
    count; a dynamic import() (loaded only when needed) and one in a comment do not."""
    source = """// import { gone } from './commented.js';
/* import './block-commented.js'; */
import {
  a,
  b as c,
} from './multi.js';
import d from "../default.js";
import * as ns from './ns.js';
import './side-effect.js';
export { e } from './re-export.js';
export * from './star.js';
const lazy = () => import('./lazy.js');
import{f as g}from"./minified.js";import"./minified-side.js";
"""
    assert static_imports(source) == ["./multi.js", "../default.js", "./ns.js", "./side-effect.js",
                                      "./re-export.js", "./star.js", "./minified.js", "./minified-side.js"]


def test_the_closure_follows_relative_paths_once_and_refuses_a_missing_module(tmp_path: Path):
    """Each module once, paths resolved against the importer's folder; a missing one is an error."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "main.js").write_text("import './sub/a.js';\nimport './b.js';\n")
    (tmp_path / "sub/a.js").write_text("import '../b.js';\nimport './c.js';\n")
    (tmp_path / "sub/c.js").write_text("import '../main.js';\n")  # a cycle
    (tmp_path / "b.js").write_text("")
    files = ClientFiles(tmp_path)
    assert import_closure(files, ["main.js"]) == ["main.js", "sub/a.js", "b.js", "sub/c.js"]
    (tmp_path / "b.js").unlink()
    with pytest.raises(FileNotFoundError, match="b.js"):
        import_closure(files, ["main.js"])
