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
