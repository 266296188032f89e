"""Links behind a proxy: with SAMENSPEL_PUBLIC_URL they are built on it, never on the request's Host header."""

from __future__ import annotations

import httpx
import msgpack
import pytest
import websockets

from tests.support.processes import ServerProcess

PUBLIC = "https://samenspel.example.org"


@pytest.fixture
def proxied(tmp_path):
    """A server that knows its public address (as behind nginx on samenspel.example.org)."""
    proc = ServerProcess(tmp_path / "data", env={"SAMENSPEL_PUBLIC_URL": PUBLIC + "/"}).start()
    yield proc
    proc.stop()


async def test_links_of_a_new_session_use_the_public_address_whatever_the_host_header(proxied):
    """A forged or internal Host header (the proxy's upstream name, an attacker's domain) never reaches a link."""
    async with httpx.AsyncClient(base_url=proxied.http_url) as http:
        for host in ("evil.example", "app-1.internal:8000"):
            created = (await http.post("/api/sessions", json={}, headers={"Host": host})).json()
            assert created["join_url"] == f"{PUBLIC}/j/{created['join_code']}"
            assert created["facilitator_url"].startswith(f"{PUBLIC}/b/{created['session']}#f=")
            assert created["projector_url"] == f"{PUBLIC}/p/{created['session']}#c={created['join_code']}"
        page = await http.get("/p/whatever", headers={"Host": "evil.example"})
    # The page names the public address, so the board's own join link and QR code use it as well.
    assert f'<meta name="samenspel-public-url" content="{PUBLIC}">' in page.text
    assert "evil.example" not in page.text


async def test_the_public_origin_may_open_the_websocket_behind_a_proxy(proxied):
    """The browser's Origin is the public address while the proxy forwards another Host: accepted."""
    async with httpx.AsyncClient(base_url=proxied.http_url) as http:
        created = (await http.post("/api/sessions", json={})).json()
    async with websockets.connect(proxied.ws_url, origin=PUBLIC, compression=None) as ws:
        await ws.send(msgpack.packb({"type": "hello", "session": created["session"], "code": created["join_code"]}))
        assert msgpack.unpackb(await ws.recv())["type"] == "welcome"


async def test_the_startup_banner_names_the_public_address(proxied):
    assert f"public address:    {PUBLIC}" in proxied.log_path.read_text()


async def test_without_a_public_address_links_follow_the_address_the_browser_used(server):
    """Documented behaviour without the setting: the request's Host decides (so a proxy must pass it on)."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        created = (await http.post("/api/sessions", json={}, headers={"Host": "192.168.1.23:8000"})).json()
        page = await http.get("/")
    assert created["join_url"] == f"http://192.168.1.23:8000/j/{created['join_code']}"
    assert "samenspel-public-url" not in page.text
    assert "make run HOST=0.0.0.0" in server.log_path.read_text()  # and the banner says how to open up


async def test_share_link_uses_the_public_address_not_a_forged_host_header(proxied):
    """The summary's read-only share link is built on SAMENSPEL_PUBLIC_URL, whatever Host the request names."""
    async with httpx.AsyncClient(base_url=proxied.http_url) as http:
        created = (await http.post("/api/sessions", json={})).json()
        auth = {"Authorization": f"Bearer {created['facilitator_secret']}"}
        for host in ("evil.example", "app-1.internal:8000"):
            shared = (await http.post(f"/api/sessions/{created['session']}/share",
                                      headers={**auth, "Host": host})).json()
            assert shared["share_url"] == f"{PUBLIC}/s/{created['session']}#k={shared['share_token']}"
