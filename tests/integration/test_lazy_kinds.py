"""A board's, projector's and summary's document preloads the code of the kinds of section its
session uses and no other (server/page_kinds.py, server/pages.py; docs/decisions.md, 76): the
phone gets what its board shows in the same round trip, and nothing of the rest."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.support.bundle import ensure_bundle
from tests.support.client import create_session
from tests.support.processes import ServerProcess

PRELOADS = re.compile(r'<link rel="modulepreload" href="/static/([^"?]+)\?v=[0-9a-f]+"')


@pytest.fixture
def server(tmp_path):
    ensure_bundle()
    proc = ServerProcess(tmp_path / "data").start()
    yield proc
    proc.stop()


async def preloads(http: httpx.AsyncClient, path: str) -> set[str]:
    response = await http.get(path)
    assert response.status_code == 200
    return set(PRELOADS.findall(response.text))


async def test_each_page_preloads_the_kinds_of_its_session_only(server):
    bundle = ensure_bundle()
    chunk = bundle.chunk
    samenspel = await create_session(server.http_url, boards=["samenspel"])  # text, dots, notes
    kickoff = await create_session(server.http_url, on_paper=False, boards=["kickoff"])  # not held: read from the log
    async with httpx.AsyncClient(base_url=server.http_url) as http:
        board = await preloads(http, f"/b/{samenspel['session']}")
        assert {chunk(f"board/kinds/{k}.js") for k in ("text", "dots", "notes")} <= board
        unused = {chunk(f"board/kinds/{k}.js") for k in ("stakeholders", "wordcloud", "radar", "wall")}
        assert board.isdisjoint(unused)
        # the facilitator's and the projector's code: never preloaded on a board, the summary blocks neither
        assert board.isdisjoint({chunk("board/facilitator.js"), chunk("board/projector.js"), chunk("board/kinds/dots.summary.js")})

        projector = await preloads(http, f"/p/{samenspel['session']}")
        assert {chunk("board/projector.js"), chunk("board/kinds/dots.js")} <= projector
        assert chunk("board/facilitator.js") not in projector

        cloud = await preloads(http, f"/b/{kickoff['session']}")
        assert chunk("board/kinds/wordcloud.js") in cloud and chunk("board/kinds/dots.js") not in cloud

        summary = await preloads(http, f"/s/{samenspel['session']}")
        assert chunk("board/kinds/dots.summary.js") in summary and chunk("board/kinds/dots.js") not in summary

        # an unknown session: the base list, no kind at all (the page loads what the welcome names)
        unknown = await preloads(http, "/b/nosuchsession")
        kinds = {chunk(m) for m in bundle.entries if m.startswith("board/kinds/")}
        assert unknown.isdisjoint(kinds) and chunk("board.js") in unknown
