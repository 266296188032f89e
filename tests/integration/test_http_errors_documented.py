"""Every HTTP error a client can provoke comes with the status docs/protocol.md's "Error codes" table gives it."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.support.client import Client, create_session, join

PROTOCOL = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"


def documented_pairs() -> set[tuple[int, str]]:
    """The (status, code) rows of the table under "## Error codes"."""
    text = PROTOCOL.read_text(encoding="utf-8").split("## Error codes", 1)[1].split("\n## ", 1)[0]
    return {(int(m[1]), m[2]) for m in re.finditer(r"^\| `(\d{3})` \| `([a-z_]+)` \|", text, re.MULTILINE)}


async def test_http_errors_have_the_documented_status(server):
    """Regression: the document said `404 bad_token` and left out `401 not_authenticated`, `403
    joining_closed` and `410 session_closed`. Each error provoked here is a row of the table."""
    session = await create_session(server.http_url)
    sid, secret, code = session["session"], session["facilitator_secret"], session["join_code"]
    ann = await join(server.http_url, code, "Ann", "leernetwerk")
    seen: list[tuple[int, str]] = []
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        async def record(response: httpx.Response) -> None:
            seen.append((response.status_code, response.json()["error"]["code"]))

        bearer = {"Authorization": f"Bearer {secret}"}
        await record(await http.post("/api/sessions", content=b"{", headers={"Content-Type": "application/json"}))
        await record(await http.post("/api/sessions", json={"title": 5}))
        await record(await http.post("/api/sessions", json={"texts": {"geen-bord": {"a": {"b": "c"}}}}))
        await record(await http.post("/api/sessions", content=b"{}", headers={"Content-Type": "text/plain"}))
        await record(await http.post("/api/sessions", json={"title": "x" * 20_000}))
        await record(await http.post("/api/sessions", json={}, headers={"Origin": "https://evil.example"}))
        await record(await http.post("/api/join", json={"code": code, "name": "Bob", "group": "bestuur"}))
        await record(await http.get("/api/codes/ZZZZZZ"))
        await record(await http.get(f"/api/sessions/{sid}/summary"))
        await record(await http.get(f"/api/sessions/{sid}/summary", headers={"Authorization": "Bearer fout"}))
        await record(await http.delete(f"/api/sessions/{sid}", headers={"Authorization": f"Bearer {ann['token']}"}))
        await record(await http.get(f"/api/sessions/{sid}/export.zip?lang=fr", headers=bearer))
        await record(await http.get("/api/sessions/bestaat-niet/summary", headers=bearer))
        facilitator = await Client(server.ws_url).connect()
        await facilitator.hello(sid, token=secret)
        assert (await facilitator.call({"type": "set_joining", "open": False}))["type"] == "ok"
        await record(await http.post("/api/join", json={"code": code, "name": "Bob", "group": "leernetwerk"}))
        assert (await facilitator.call({"type": "close_session"}))["type"] == "ok"
        await facilitator.close()
        await record(await http.get(f"/api/codes/{code}"))
        await record(await http.post("/api/join", json={"code": code, "name": "Bob", "group": "leernetwerk"}))
        for _ in range(21):  # wrong codes, past the limit of 20 a minute from one address
            answer = await http.get("/api/codes/ZZZZZZ")
        assert "Retry-After" in answer.headers
        await record(answer)
    assert set(seen) == {
        (400, "bad_frame"), (400, "invalid"), (404, "not_found"), (415, "unsupported_media_type"),
        (413, "frame_too_large"), (403, "forbidden"), (400, "unknown_group"), (401, "not_authenticated"),
        (403, "bad_token"), (403, "joining_closed"), (410, "session_closed"), (429, "rate_limited")}, seen
    assert set(seen) <= documented_pairs(), set(seen) - documented_pairs()


async def test_photo_errors_have_the_documented_status(server):
    """The photo upload and the images (card 1): each refusal a row of the table."""
    from tests.unit.server.test_images import jpeg_with_gps, png_header_only

    session = await create_session(server.http_url, on_paper=False, boards=["ambitie"])
    sid, secret, code = session["session"], session["facilitator_secret"], session["join_code"]
    eva = await join(server.http_url, code, "Eva", "deelnemer")
    seen: list[tuple[int, str]] = []
    where = {"board": "ambitie", "section": "wie", "prompt": "wie"}
    photo = jpeg_with_gps((300, 200))
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        async def up(data: bytes, token: str | None = eva["token"], kind: str = "image/jpeg", params=where) -> None:
            headers = {"Content-Type": kind, **({"Authorization": f"Bearer {token}"} if token else {})}
            response = await http.post(f"/api/sessions/{sid}/images", params=params, content=data, headers=headers)
            seen.append((response.status_code, response.json()["error"]["code"]))

        await up(photo)  # before the first step
        facilitator = await Client(server.ws_url).connect()
        await facilitator.hello(sid, token=secret)
        assert (await facilitator.call({"type": "set_step", "board": "ambitie", "step": "pitch"}))["type"] == "ok"
        await up(photo)  # the warming-up's section, in the pitch's step
        assert (await facilitator.call({"type": "set_step", "board": "ambitie", "step": "opwarmen"}))["type"] == "ok"
        assert (await facilitator.call({"type": "set_locked", "board": "ambitie", "section": "wie", "locked": True}))["type"] == "ok"
        await up(photo)
        assert (await facilitator.call({"type": "set_locked", "board": "ambitie", "section": "wie", "locked": False}))["type"] == "ok"
        await up(photo, token=None)
        await up(photo, token="fout")
        await up(b"<html>", kind="text/html")
        await up(png_header_only(50_000, 50_000), kind="image/png")
        await up(photo, params={**where, "prompt": "bestaat-niet"})
        await up(photo, params={**where, "prompt": "geen id!"})
        ok = await http.post(f"/api/sessions/{sid}/images", params=where, content=photo,
                             headers={"Content-Type": "image/jpeg", "Authorization": f"Bearer {eva['token']}"})
        assert ok.status_code == 201
        await up(photo)  # a second sketch for the prompt
        for headers in ({}, {"Authorization": "Bearer fout"}):
            response = await http.get(f"/api/sessions/{sid}/images/{ok.json()['image']}.jpg", headers=headers)
            seen.append((response.status_code, response.json()["error"]["code"]))
        assert (await facilitator.call({"type": "close_session"}))["type"] == "ok"
        await facilitator.close()
        await up(photo)
    assert set(seen) == {(409, "not_started"), (409, "not_in_step"), (409, "section_locked"), (401, "not_authenticated"),
                         (403, "bad_token"), (415, "not_an_image"), (413, "image_too_large"), (404, "not_found"),
                         (400, "invalid"), (409, "limit_reached"), (410, "session_closed")}, seen
    assert set(seen) <= documented_pairs(), set(seen) - documented_pairs()
