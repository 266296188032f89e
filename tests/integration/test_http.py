"""The HTTP calls: creating and joining sessions, and what they refuse."""

from __future__ import annotations

import sqlite3

import httpx


def stored_sessions(server) -> int:
    with sqlite3.connect(server.data_dir / "samenspel.sqlite3") as db:
        return db.execute("SELECT count(*) FROM sessions").fetchone()[0]


async def test_a_session_with_a_bad_prepared_text_is_refused_and_not_created(server):
    """An unknown field or an over-long ambition is refused before anything is stored."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        unknown = await http.post("/api/sessions", json={"texts": {"samenspel": {"ambitie": {"slogan": "x"}}}})
        too_long = await http.post("/api/sessions", json={"texts": {"samenspel": {"ambitie": {"ambitie": "x" * 601}}}})
        no_board = await http.post("/api/sessions", json={"boards": ["schaakbord"]})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")
    assert (too_long.status_code, too_long.json()["error"]["code"]) == (400, "invalid")
    assert no_board.status_code == 404
    assert stored_sessions(server) == 0


async def test_a_body_over_the_limit_is_refused_unread(server):
    """A huge body gets 413 frame_too_large (and the server does not read it whole)."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        response = await http.post("/api/join", content=b"{" + b" " * 200_000 + b"}",
                                   headers={"content-type": "application/json"})
        assert (response.status_code, response.json()["error"]["code"]) == (413, "frame_too_large")
        assert (await http.get("/healthz")).status_code == 200


async def test_join_needs_a_name_and_a_known_group(server):
    """A blank name or a group the board lacks is refused; a good join gets a token."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        created = (await http.post("/api/sessions", json={"title": "T"})).json()
        code = created["join_code"].lower()
        blank = await http.post("/api/join", json={"code": code, "name": "  ", "group": "leernetwerk"})
        group = await http.post("/api/join", json={"code": code, "name": "Ann", "group": "bestuur"})
        good = await http.post("/api/join", json={"code": code, "name": "Ann", "group": "management"})
    assert blank.json()["error"]["code"] == "invalid"
    assert group.json()["error"]["code"] == "unknown_group"
    assert good.status_code == 201 and good.json()["token"]


async def test_lookup_shows_title_boards_and_groups(server):
    """The join form learns the session's title, boards and the groups to choose from."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        created = (await http.post("/api/sessions", json={"title": "Jeugd Oost",
                                                           "boards": ["samenspel", "stakeholders"]})).json()
        found = (await http.get(f"/api/codes/{created['join_code']}")).json()
    assert found["title"] == "Jeugd Oost"
    assert found["boards"] == ["samenspel", "stakeholders"]
    assert [g["id"] for g in found["groups"]] == ["leernetwerk", "management"]


async def test_refused_joins_store_no_credential(server):
    """70 joins refused (unknown group, blank name) leave no credential rows behind."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        created = (await http.post("/api/sessions", json={"title": "T"})).json()
        for i in range(35):
            assert (await http.post("/api/join", json={"code": created["join_code"], "name": f"P{i}",
                                                       "group": "bestuur"})).status_code == 400
            assert (await http.post("/api/join", json={"code": created["join_code"], "name": "\u200b",
                                                       "group": "management"})).status_code == 400
        assert (await http.post("/api/join", json={"code": created["join_code"], "name": "Ann",
                                                   "group": "management"})).status_code == 201
    with sqlite3.connect(server.data_dir / "samenspel.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM credentials").fetchone()[0] == 1


async def test_names_are_cleaned_of_bidi_overrides_nul_and_invisible_characters(server):
    """A zero-width-only name is refused; bidi overrides and NUL are taken out of what others see."""
    from tests.support.client import Client

    async with httpx.AsyncClient(base_url=server.http_url) as http:
        created = (await http.post("/api/sessions", json={"title": "T\u202e"})).json()
        blank = await http.post("/api/join", json={"code": created["join_code"], "name": "\u200b\u2060\ufeff",
                                                   "group": "management"})
        tricky = await http.post("/api/join", json={"code": created["join_code"], "name": "Ann\u202egpj.exe\x00",
                                                    "group": "management"})
    assert (blank.status_code, blank.json()["error"]["code"]) == (400, "invalid")
    assert tricky.status_code == 201
    viewer = await Client(server.ws_url).connect()
    state = (await viewer.hello(created["session"], code=created["join_code"]))["state"]
    assert [p["name"] for p in state["participants"].values()] == ["Anngpj.exe"]
    assert state["title"] == "T"
    await viewer.close()


async def test_posts_from_a_foreign_origin_or_not_as_json_are_refused(server):
    """A text/plain or form POST (what another site can send without asking) creates and joins nothing."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        plain = await http.post("/api/sessions", content=b'{"title": "x"}', headers={"content-type": "text/plain"})
        foreign = await http.post("/api/sessions", json={"title": "x"}, headers={"origin": "https://evil.example"})
        created = (await http.post("/api/sessions", json={"title": "T"},
                                   headers={"origin": server.http_url})).json()
        join = await http.post("/api/join", content=f'{{"code": "{created["join_code"]}", "name": "A", '
                                                    '"group": "management"}'.encode(),
                               headers={"content-type": "text/plain", "origin": "https://evil.example"})
    assert (plain.status_code, plain.json()["error"]["code"]) == (415, "unsupported_media_type")
    assert (foreign.status_code, foreign.json()["error"]["code"]) == (403, "forbidden")
    assert join.status_code == 403
    assert stored_sessions(server) == 1


async def test_pages_carry_security_headers_and_secrets_are_not_cached(server):
    """CSP with frame-ancestors on pages and API, nosniff and no-referrer on scripts too; the create and join
    responses, which carry the secret and the token, say no-store."""
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        page = await http.get("/j/ABCDEF")
        created = await http.post("/api/sessions", json={"title": "T"})
        joined = await http.post("/api/join", json={"code": created.json()["join_code"], "name": "A",
                                                     "group": "management"})
        script = await http.get("/static/main.js")
    for response in (page, created, script):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    for response in (page, created):  # a script is no document: CSP would do nothing there
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert created.headers["cache-control"] == "no-store"
    assert joined.headers["cache-control"] == "no-store"
