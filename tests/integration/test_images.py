"""Photos of sketches on both stores: the upload round trip (metadata gone), the refusals (each
with its code and status, nothing stored, the socket open), who may see an image, and deletion
leaving no image behind (a Redis keyspace scan, a SQLite query)."""

from __future__ import annotations

import io
import json
import sqlite3

import httpx
import redis
from PIL import Image

from server import images
from tests.integration.test_summary_export import auth, connect, ok, store  # noqa: F401 (fixture)
from tests.support.client import Client, create_session, join
from tests.unit.server.test_images import jpeg_with_gps, png_header_only

BOARD = "ambitie"
WIE = {"board": BOARD, "section": "wie", "prompt": "wie"}
PITCH = {"board": BOARD, "section": "pitch", "prompt": "probleem"}


def stored_images(s, sid: str) -> int:
    """How many images the store holds for the session, read from the store itself."""
    if s.redis is not None:
        r = redis.Redis(port=s.redis.port)
        try:
            return sum(1 for f in r.hkeys(f"ss:{{{sid}}}:img") if len(f) == 32)
        finally:
            r.close()
    db = sqlite3.connect(s.servers[0].data_dir / "samenspel.sqlite3")
    try:
        return db.execute("SELECT count(*) FROM images WHERE session = ?", (sid,)).fetchone()[0]
    except sqlite3.OperationalError:  # no table yet: no image
        return 0
    finally:
        db.close()


async def upload(http: httpx.AsyncClient, sid: str, token: str | None, data: bytes, where=WIE,
                 content_type: str = "image/jpeg") -> httpx.Response:
    headers = {"Content-Type": content_type, **(auth(token) if token else {})}
    return await http.post(f"/api/sessions/{sid}/images", params=where, content=data, headers=headers)


def refused(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


async def test_a_photo_round_trip_without_metadata_its_refusals_and_its_deletion(store):  # noqa: F811
    session = await create_session(store.http, on_paper=False, title="Schetsen", boards=[BOARD])
    sid, code, secret = session["session"], session["join_code"], session["facilitator_secret"]
    eva = await join(store.http, code, "Eva", "deelnemer")
    finn = await join(store.http, code, "Finn", "deelnemer")
    fac = await connect(store.servers[0], sid, token=secret)
    eva_ws = await connect(store.servers[0], sid, token=eva["token"])
    photo = jpeg_with_gps()
    async with httpx.AsyncClient(base_url=store.http, timeout=30) as http:
        # before the step: the board's rules refuse it before a byte is stored
        assert refused(await upload(http, sid, eva["token"], photo)) == (409, "not_started")
        await ok(fac, {"type": "set_step", "board": BOARD, "step": "opwarmen"})
        # not in the session: no token, a wrong one, the facilitator's secret (a participant's act)
        assert refused(await upload(http, sid, None, photo)) == (401, "not_authenticated")
        assert refused(await upload(http, sid, "verzonnen-token", photo)) == (403, "bad_token")
        assert refused(await upload(http, sid, secret, photo)) == (403, "bad_token")
        # not an image, a bomb, over the byte cap
        assert refused(await upload(http, sid, eva["token"], b"<html><script>alert(1)</script>",
                                    content_type="text/html")) == (415, "not_an_image")
        assert refused(await upload(http, sid, eva["token"], b"<svg onload=alert(1)>")) == (415, "not_an_image")
        assert refused(await upload(http, sid, eva["token"], png_header_only(60_000, 60_000),
                                    content_type="image/png")) == (413, "image_too_large")
        assert refused(await upload(http, sid, eva["token"], b"\xff\xd8" + b"\0" * images.MAX_UPLOAD_BYTES)) \
            == (413, "image_too_large")
        assert stored_images(store, sid) == 0

        made = await upload(http, sid, eva["token"], photo)
        assert made.status_code == 201, made.text
        body = made.json()
        assert (body["w"], body["h"]) == (1067, 1600)
        saved = (await fac.event("wall_item_saved"))["event"]["item"]
        assert saved["image"] == {"hash": body["image"], "w": 1067, "h": 1600} and saved["prompt"] == "wie"
        assert stored_images(store, sid) == 1
        # one sketch per prompt: the second is refused before it is stored
        assert refused(await upload(http, sid, eva["token"], jpeg_with_gps((900, 900)))) == (409, "limit_reached")
        assert stored_images(store, sid) == 1

        url = f"/api/sessions/{sid}/images/{body['image']}"
        for who in (auth(eva["token"]), auth(finn["token"]), auth(secret), {"Authorization": f"Code {code}"}):
            for name in (".jpg", ".thumb.jpg"):
                got = await http.get(url + name, headers=who)
                assert got.status_code == 200
                assert got.headers["content-type"] == "image/jpeg"
                assert got.headers["x-content-type-options"] == "nosniff"
                assert got.headers["cache-control"] == "private, max-age=31536000, immutable"
                served = Image.open(io.BytesIO(got.content))
                assert dict(served.getexif()) == {} and "exif" not in served.info
        assert refused(await http.get(url + ".jpg")) == (401, "not_authenticated")
        assert refused(await http.get(url + ".jpg", headers=auth("fout"))) == (403, "bad_token")
        assert refused(await http.get(url + ".jpg", headers={"Authorization": "Code ZZZZZZ"})) == (403, "bad_token")
        assert refused(await http.get(f"/api/sessions/{sid}/images/{'0' * 32}.jpg", headers=auth(secret))) \
            == (404, "not_found")

        # the state holds the hash, never the image: a new screen's welcome is small
        late = await Client(store.servers[0].ws_url).connect()
        welcome = json.dumps(await late.hello(sid, code=code))
        await late.close()
        assert body["image"] in welcome and len(welcome) < 20_000  # the hash, no pixels

        # drawn sketches over the websocket: over the bounds refused, the socket stays open
        await ok(fac, {"type": "set_step", "board": BOARD, "step": "pitch"})
        big = {"type": "add_sketch", **PITCH, "strokes": [[0, 1, 1]] * 201}
        assert (await eva_ws.call(big))["code"] == "sketch_too_large"
        await ok(eva_ws, {"type": "add_sketch", **PITCH, "strokes": [[1, 10, 10, 900, 900]]})

        # a closed session takes no photo
        await ok(fac, {"type": "close_session"})
        assert refused(await upload(http, sid, finn["token"], photo, where=PITCH)) == (410, "session_closed")
        assert stored_images(store, sid) == 1

        # deleting the session deletes every image (and everything else of it)
        assert (await http.delete(f"/api/sessions/{sid}", headers=auth(secret))).status_code == 204
        assert stored_images(store, sid) == 0
        assert store.traces(sid, code) == []
        assert refused(await http.get(url + ".jpg", headers=auth(secret))) == (404, "not_found")
    await fac.close()
    await eva_ws.close()
