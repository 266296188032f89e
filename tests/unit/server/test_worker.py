"""/sw.js (server/worker.py): its headers, and what the server tells the worker — every URL the
pages load, the pages' routes, the client version the pages carry. The app in-process with its
lifespan on the embedded store (a board's document asks the store which kinds its session uses)."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from starlette.routing import Route

from server import http as pages_http
from server import worker
from server.app import create_app
from server.pages import page_kind
from server.settings import Settings

DOCUMENTS = ["/", "/j/ABC123", "/b/s1", "/p/s1", "/s/s1", "/n/", "/n/n.x1"]


@pytest.fixture(params=[True, False], ids=["bundle", "sources"])
async def http(request, tmp_path):
    app = create_app(Settings(data_dir=tmp_path, bundle=request.param))
    async with app.router.lifespan_context(app), httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        client.app = app
        yield client


def config_of(script: str) -> dict:
    head, _, _ = script.partition("\n")
    assert head.startswith("self.SAMENSPEL_SW = ") and head.endswith(";")
    return json.loads(head.removeprefix("self.SAMENSPEL_SW = ").removesuffix(";"))


async def test_the_worker_script_is_revalidated_on_every_use_and_may_control_the_whole_site(http):
    """no-cache with an ETag (a 304 when unchanged), JavaScript, allowed the root scope; only GET
    and HEAD."""
    response = await http.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["service-worker-allowed"] == "/"
    assert "accept-encoding" in response.headers["vary"].lower()
    again = await http.get("/sw.js", headers={"if-none-match": response.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert (await http.post("/sw.js")).status_code == 405
    head = await http.head("/sw.js")
    assert head.status_code == 200 and head.headers["cache-control"] == "no-cache"


async def test_the_worker_knows_every_url_each_page_loads_and_the_pages_version(http):
    """Each document's styles, preloads, scripts and import map targets are in the worker's list,
    each served immutable; the document names the worker's version."""
    config = config_of((await http.get("/sw.js")).text)
    assets = set(config["assets"])
    for path in DOCUMENTS:
        page = await http.get(path)
        assert page.headers["x-client-version"] == config["version"]
        urls = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text))
        urls |= set(json.loads(re.search(r'<script type="importmap">(.*?)</script>', page.text).group(1))["imports"].values())
        # without a bundle the import map names every source module, the worker's own script too
        urls = {u for u in urls if not u.startswith(f"/static/{worker.SOURCE}?")}
        assert urls and urls - assets == set(), path
    for url in assets:
        served = await http.get(url)
        assert served.status_code == 200 and served.headers["cache-control"].endswith("immutable"), url


async def test_the_workers_page_patterns_are_exactly_the_apps_page_routes(http):
    """Each pattern matches its kind's routes and its document's URL is of that kind; the API, the
    websocket, static files and the worker itself match none (the worker leaves them alone)."""
    config = config_of((await http.get("/sw.js")).text)
    patterns = {kind: re.compile(pattern) for kind, (pattern, _) in config["pages"].items()}
    for kind, (_, url) in config["pages"].items():
        assert page_kind(url) == kind and patterns[kind].match(url)
    routes = [r.path for r in http.app.routes if isinstance(r, Route) and r.endpoint is pages_http.index]
    for path in routes:
        sample = re.sub(r"\{[^}]+\}", "n.x1" if path.startswith("/n/") else "abc", path)
        assert [k for k, p in patterns.items() if p.match(sample)] == [page_kind(sample)], path
    for path in ("/api/sessions", "/api/sessions/s1/summary", "/api/sessions/s1/images/a.webp", "/ws",
                 "/static/style.css", "/sw.js", "/healthz", "/b/s1/x", "/x"):
        assert not any(p.match(path) for p in patterns.values()), path
    assert set(config["pages"]) == set(worker.ROUTES)
