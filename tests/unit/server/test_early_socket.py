"""The live pages' inline script (server/pages.py, early_socket): run in Node on the credential
cases, it opens the socket with the hello main.js would send (client/credentials.js is the one
choice: the script holds its source), and what that hello is the server reads (server/frames.py)."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import msgpack
import pytest

from boards.errors import DomainError
from server import frames, pages
from server.static import ClientFiles

ROOT = Path(__file__).resolve().parents[3]
RUNNER = Path(__file__).resolve().parent / "early_socket_run.mjs"
S = "j3rc7sTe11DH"
PART = json.dumps({"participant": "p1", "token": "tok-ann", "name": "Ann", "group": "leernetwerk"})

# (what the case is, path, hash, what this browser keeps, the hello's credential or None: no socket)
CASES = [
    ("participant kept", f"/b/{S}", "", {f"part.{S}": PART}, {"token": "tok-ann"}),
    ("facilitator link", f"/b/{S}", "#f=sec-ret", {}, {"token": "sec-ret"}),
    ("facilitator kept", f"/b/{S}/", "", {f"fac.{S}": "kept"}, {"token": "kept"}),
    ("both kept, role participant", f"/b/{S}", "", {f"fac.{S}": "kept", f"part.{S}": PART, f"role.{S}": "participant"},
     {"token": "tok-ann"}),
    ("both kept, role facilitator", f"/b/{S}", "", {f"fac.{S}": "kept", f"part.{S}": PART, f"role.{S}": "facilitator"},
     {"token": "kept"}),
    ("both kept, no role", f"/b/{S}", "", {f"fac.{S}": "kept", f"part.{S}": PART}, {"token": "kept"}),
    ("the link beats a kept role", f"/b/{S}", "#f=new", {f"part.{S}": PART, f"role.{S}": "participant"},
     {"token": "new"}),
    ("role participant, no token kept", f"/b/{S}", "", {f"fac.{S}": "kept", f"role.{S}": "participant"},
     {"token": "kept"}),
    ("participant kept for another session", f"/b/{S}", "", {"part.other": PART}, None),
    ("kept participant not JSON", f"/b/{S}", "", {f"part.{S}": "{oops"}, None),
    ("kept participant without a token", f"/b/{S}", "", {f"part.{S}": json.dumps({"token": 5})}, None),
    ("nothing kept", f"/b/{S}", "", {}, None),
    ("projector link", f"/p/{S}", "#c=ECCQKD", {}, {"code": "ECCQKD"}),
    ("projector code kept", f"/p/{S}", "", {f"code.{S}": "ECCQKD"}, {"code": "ECCQKD"}),
    ("projector without a code", f"/p/{S}", "", {}, None),
    ("projector ignores a facilitator secret", f"/p/{S}", "#f=sec", {f"fac.{S}": "kept"}, None),
    ("storage refused, link", f"/b/{S}", "#f=sec", None, {"token": "sec"}),
    ("storage refused, nothing", f"/b/{S}", "", None, None),
    ("not a live page", "/j/ECCQKD", "", {f"part.{S}": PART}, None),
    ("a session id out of bounds", "/b/" + "x" * 65, "", {}, None),
    ("non-ASCII in the link", f"/b/{S}", "#f=gehe%C3%AFm", {}, {"token": "geheïm"}),
]


def script() -> str:
    return pages.early_socket(ClientFiles(ROOT / "client"))


def run(cases: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the tests of the client's inline script (Node 20)")
    job = json.dumps({"script": script(), "cases": cases})
    done = subprocess.run([node, str(RUNNER)], input=job, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def stored(kept: dict | None) -> dict | None:
    return None if kept is None else {f"samenspel.{k}": v for k, v in kept.items()}


def test_the_inline_script_says_the_hello_main_js_would_and_the_server_reads_it():
    results = run([{"path": path, "hash": hash_, "stored": stored(kept)} for _, path, hash_, kept, _ in CASES])
    for (name, path, _, _, credential), result in zip(CASES, results, strict=True):
        assert result["globals"] == ["__samenspelSocket"] or result["globals"] == [], name
        socket = result["socket"]
        if credential is None:
            assert socket is None, name
            chosen = result["credentials"]
            assert chosen is None or chosen["auth"] is None, name
            continue
        assert socket is not None, name
        # the session in the address, for a proxy that routes by it (decision 83)
        assert socket["url"] == f"ws://example.test/ws?s={S}" and socket["binaryType"] == "arraybuffer", name
        assert socket["protocols"][0] == "samenspel" and len(socket["protocols"]) == 2, name
        hello = socket["protocols"][1]
        assert hello.startswith("samenspel.hello.") and "=" not in hello, name
        # main.js chooses the same credential (the same function)
        assert result["credentials"]["auth"] == credential, name
        assert result["credentials"]["session"] == S, name
        # what the server reads from it: this hello, checked as a frame
        decoded = frames.decode(frames.upgrade_hello(socket["protocols"]), 4096)
        assert isinstance(decoded, frames.Hello), name
        assert (decoded.session, decoded.token, decoded.code) == (S, credential.get("token"), credential.get("code")), name
        assert decoded.heartbeat and decoded.ref == socket["helloRef"] == 0, name
        assert decoded.compact, name  # a lot's events in one `events` frame (decision 79)


def test_the_inline_script_queues_what_comes_and_answers_beats():
    """Until conn.js takes the socket: the server's beat (its size is the beat's alone) is sent
    back, everything else waits in order; over https the socket is wss."""
    (result,) = run([{"path": f"/b/{S}", "hash": "#f=x", "stored": {}, "protocol": "https:",
                      "messages": [900, pages.BEAT_SIZE, 40, pages.BEAT_SIZE, 12]}])
    socket = result["socket"]
    assert socket["url"] == f"wss://example.test/ws?s={S}"
    assert socket["sent"] == [pages.BEAT_SIZE, pages.BEAT_SIZE]
    assert socket["queued"] == [900, 40, 12]


def test_the_beat_is_the_only_frame_of_its_size():
    """What the inline script answers by size: the server's beat, whose bytes are the client's
    beat too; the smallest other frame the server sends is larger."""
    beat = frames.encode({"type": "beat"})
    assert len(beat) == pages.BEAT_SIZE and msgpack.unpackb(beat) == {"type": "beat"}
    assert isinstance(frames.decode(beat, 4096), frames.Beat)
    smallest = [frames.ok(None, 0), frames.error(frames.ErrorCode.INVALID, ""),
                frames.encode({"type": "pong", "ref": None, "t": None, "server_time": 0})]
    assert min(len(f) for f in smallest) > pages.BEAT_SIZE


def test_the_page_carries_the_script_allowed_by_its_hash():
    files = ClientFiles(ROOT / "client")
    document, hashes = pages.render(files, "board", None)
    source = script()
    assert f"<script>{source}</script>" in document
    assert pages._csp_hash(source) in hashes.split()
    assert "export " not in source and source.startswith("(()=>{function credentials(")
    assert pages.early_socket(files) not in pages.render(files, "join", None)[0]  # the join page opens none


def test_the_prefix_of_what_the_browser_keeps_is_client_store_js_s():
    store = (ROOT / "client" / "store.js").read_text(encoding="utf-8")
    assert "const P = 'samenspel.';" in store and "localStorage.getItem('samenspel.'+k)" in pages.EARLY_SOCKET


@pytest.mark.parametrize(("offered", "code"), [
    (["samenspel.hello.e30", "samenspel.hello.e30"], "bad_frame"),
    (["samenspel.hello." + "A" * (frames.MAX_UPGRADE_HELLO + 1)], "frame_too_large"),
    (["samenspel.hello.@@"], "bad_frame"),
    (["samenspel.hello." + base64.urlsafe_b64encode(b'{"type":"ping"}').decode().rstrip("=")], "bad_frame"),
])
def test_an_unreadable_upgrade_hello_is_refused(offered, code):
    with pytest.raises(DomainError) as refused:
        frames.upgrade_hello(offered)
    assert refused.value.code.value == code


def test_no_hello_in_the_offer_is_none():
    assert frames.upgrade_hello([]) is None and frames.upgrade_hello(["samenspel", "other"]) is None
