"""The client's bundle over real HTTP (server/bundle.py): served while built from the current
sources, never when stale, and not at all with SAMENSPEL_BUNDLE=0."""

from __future__ import annotations

import re
import shutil

import brotli
import httpx
import pytest

from server.settings import client_dir
from tests.support.bundle import ensure_bundle
from tests.support.processes import ServerProcess

ENTRY = re.compile(r'<script type="module" src="(/static/[^"?]+)\?v=[0-9a-f]+"')
PRELOADS = re.compile(r'<link rel="modulepreload" href="(/static/[^"?]+)\?v=[0-9a-f]+"')


@pytest.fixture
def client_copy(tmp_path):
    """A copy of client/ with its bundle built from these sources, to edit without touching client/."""
    ensure_bundle()
    copy = tmp_path / "client"
    shutil.copytree(client_dir(), copy)
    return copy


def serve(tmp_path, static_dir, **env: str) -> ServerProcess:
    return ServerProcess(tmp_path / "data", env={"SAMENSPEL_STATIC_DIR": str(static_dir), **env}).start()


async def test_the_pages_load_the_bundle_compressed_and_cached_for_a_year(tmp_path, client_copy):
    """The board's document names the bundle's chunks only (a handful, not the ~60 modules), each
    served with its hash as immutable and brotli-compressed."""
    server = serve(tmp_path, client_copy)
    try:
        async with httpx.AsyncClient(base_url=server.http_url) as http:
            page = (await http.get("/b/abc")).text
            chunks = PRELOADS.findall(page)
            assert ENTRY.search(page).group(1).startswith("/static/dist/main-")
            assert chunks and all(c.startswith("/static/dist/") for c in chunks)
            assert len(chunks) < 15
            hashed = re.search(r'href="(/static/dist/[^"]+\?v=[0-9a-f]+)"', page).group(1)
            chunk = await http.get(hashed, headers={"accept-encoding": "br"})
        assert chunk.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert chunk.headers["content-encoding"] == "br"
        assert chunk.content == (client_copy / hashed.removeprefix("/static/").split("?")[0]).read_bytes()
    finally:
        server.stop()


async def test_a_stale_bundle_is_never_served(tmp_path, client_copy):
    """Once a source module changes after the build, the pages load the source modules (the
    edited one included) instead of the bundle, without a restart."""
    server = serve(tmp_path, client_copy)
    try:
        async with httpx.AsyncClient(base_url=server.http_url) as http:
            before = (await http.get("/j/ABCDEF")).text
            start = client_copy / "start.js"
            start.write_text(start.read_text(encoding="utf-8") + "\n// edited after the build\n", encoding="utf-8")
            after = (await http.get("/j/ABCDEF")).text
        assert ENTRY.search(before).group(1).startswith("/static/dist/")
        assert ENTRY.search(after).group(1) == "/static/main.js"
        assert "/static/dist/" not in after
        assert "/static/start.js" in PRELOADS.findall(after)
    finally:
        server.stop()


async def test_the_bundle_can_be_switched_off(tmp_path, client_copy):
    """SAMENSPEL_BUNDLE=0 serves the source modules even beside a fresh bundle."""
    server = serve(tmp_path, client_copy, SAMENSPEL_BUNDLE="0")
    try:
        async with httpx.AsyncClient(base_url=server.http_url) as http:
            page = (await http.get("/b/abc")).text
        assert ENTRY.search(page).group(1) == "/static/main.js"
        assert "/static/dist/" not in page
    finally:
        server.stop()
