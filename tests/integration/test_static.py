"""The client's files over real HTTP: compressed once, cached by content hash, nothing else cached,
and nothing outside the client directory (server/static.py, server/pages.py)."""

from __future__ import annotations

import asyncio
import gzip
import re

import brotli
import httpx

from server.settings import client_dir

FILES = ["main.js", "style.css", "vendor/qrcode.mjs", "board/stakeholders/section.js"]


async def raw_get(http: httpx.AsyncClient, path: str, **headers: str) -> tuple[httpx.Response, bytes]:
    """The response and its body exactly as sent (not decoded by the client library)."""
    async with http.stream("GET", path, headers=headers) as response:
        return response, b"".join([chunk async for chunk in response.aiter_raw()])


async def test_a_compressed_static_file_decompresses_to_exactly_the_file(server):
    """br, gzip and identity each carry the file byte for byte; compressed is smaller; Vary names
    Accept-Encoding so no cache hands br to a client that asked for gzip."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        for name in FILES:
            original = (client_dir() / name).read_bytes()
            br, br_body = await raw_get(http, f"/static/{name}", **{"accept-encoding": "gzip, deflate, br"})
            gz, gz_body = await raw_get(http, f"/static/{name}", **{"accept-encoding": "gzip"})
            plain, plain_body = await raw_get(http, f"/static/{name}", **{"accept-encoding": "identity"})
            assert br.headers["content-encoding"] == "br" and brotli.decompress(br_body) == original
            assert gz.headers["content-encoding"] == "gzip" and gzip.decompress(gz_body) == original
            assert "content-encoding" not in plain.headers and plain_body == original
            assert len(br_body) < len(original) and len(gz_body) < len(original)
            for response in (br, gz, plain):
                assert "accept-encoding" in response.headers["vary"].lower()


async def test_only_content_hashed_urls_are_cached_for_a_year_the_rest_revalidates_with_a_304(server):
    """The page's URLs carry each file's hash and are immutable; the bare URL (or an old hash) is
    no-cache with an ETag, and the ETag brings a 304 without the body."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        page = (await http.get("/j/ABCDEF")).text
        # the entry script: client/main.js, or its chunk when the bundle is served (server/bundle.py)
        hashed = re.search(r'<script type="module" src="(/static/[^"]+\?v=[0-9a-f]+)"', page).group(1)
        path = hashed.split("?")[0]
        fresh = await http.get(hashed)
        bare = await http.get(path)
        stale = await http.get(path + "?v=0000000000000000")
        again = await http.get(path, headers={"if-none-match": bare.headers["etag"]})
        other = await http.get(path, headers={"if-none-match": '"0000000000000000"'})
    assert fresh.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert bare.headers["cache-control"] == stale.headers["cache-control"] == "no-cache"
    assert bare.headers["etag"]
    assert again.status_code == 304 and again.content == b""
    assert other.status_code == 200 and other.content == (client_dir() / path.removeprefix("/static/")).read_bytes()


async def test_api_summary_and_export_answers_are_never_stored(server):
    """Only the client's files are cacheable: every API answer, the summary and the exports (and
    their refusals) say no-store, and none says public; the pages revalidate every time."""
    async with httpx.AsyncClient(base_url=server.http_url, headers={"accept-encoding": "br, gzip"}) as http:
        created = await http.post("/api/sessions", json={"title": "T"})
        session, secret = created.json()["session"], created.json()["facilitator_secret"]
        auth = {"authorization": f"Bearer {secret}"}
        answers = [created,
                   await http.get(f"/api/codes/{created.json()['join_code']}"),
                   await http.get("/api/codes/ZZZZZZ"),
                   await http.post("/api/join", json={"code": created.json()["join_code"], "name": "A", "group": "management"}),
                   await http.get("/api/about"),
                   await http.get(f"/api/sessions/{session}/summary", headers=auth),
                   await http.get(f"/api/sessions/{session}/export.json", headers=auth),
                   await http.get(f"/api/sessions/{session}/export.zip", headers=auth),
                   await http.get(f"/api/sessions/{session}/summary"),
                   await http.get("/healthz")]
        pages = [await http.get(p) for p in ("/", "/j/ABCDEF", f"/b/{session}", f"/s/{session}")]
    for answer in answers:
        assert answer.headers["cache-control"] == "no-store", (answer.url, answer.headers)
    for page in pages:
        assert page.headers["cache-control"] == "no-cache"
        assert session not in page.text and secret not in page.text  # the document is the same for all


async def test_a_file_outside_the_client_directory_is_refused(server):
    """Paths that climb out of the client directory (plain, percent-encoded, doubly encoded,
    absolute, backslashed) or name a hidden file get a 404 and none of the file."""
    attempts = [
        "/static/../pyproject.toml", "/static/%2e%2e/pyproject.toml", "/static/..%2fpyproject.toml",
        "/static/%2e%2e%2fpyproject.toml", "/static/%252e%252e/pyproject.toml", "/static/board/../../pyproject.toml",
        "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/..\\pyproject.toml", "/static/%5c..%5cpyproject.toml",
        "/static/.git/config", "/static/", "/static/board",
    ]
    for target in attempts:  # by hand: an HTTP library would tidy the path first
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = await reader.read()
        writer.close()
        assert answer.startswith(b"HTTP/1.1 404"), (target, answer[:200])
        assert b"[project]" not in answer and b"root:" not in answer and b"[core]" not in answer
