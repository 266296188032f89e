"""HTTP for template files: save a session's run sheet as a file (the facilitator), and start a new
session from a file (anyone who may create a session). A file is checked whole before anything is
stored (boards/template_file.py); a bad one gets ``bad_template`` with every problem's line, field
and what is wrong."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from boards import template_file
from boards.errors import DomainError, ErrorCode
from server import metrics
from server.http import CreateSessionBody, client_key, domain_problem, read_body, start_session, unavailable
from server.hub import Hub
from server.limits import Limits
from server.store.base import StoreUnavailable
from server.summary_http import NO_STORE, _authorise, _guarded, _Refused


@_guarded
async def get_template(request: Request) -> Response:
    """The session's board (``?board=``, default its first) as a template file, its blocks as they
    now are: a download for the facilitator."""
    meta, _ = await _authorise(request, allow_share=False)
    hub: Hub = request.app.state.hub
    async with hub.holding(meta.session) as live:
        boards = live.state.boards
        board_id = request.query_params.get("board") or next(iter(boards), "")
        board = boards.get(board_id)
        if board is None:
            raise _Refused(ErrorCode.NOT_FOUND, f"no board {board_id!r} in this session", 404)
        data = template_file.dump(board.spec)
    name = re.sub(r"[^A-Za-z0-9_-]", "", board_id) or "board"
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="{name}.samenspel.json"'}
    return Response(data, media_type="application/json", headers=headers)


async def create_from_template(request: Request) -> Response:
    """A new session from the template file in the body (``?title=``: the session's title)."""
    hub: Hub = request.app.state.hub
    if not hub.store_ready:
        return unavailable()
    try:
        limits: Limits = request.app.state.limits
        await limits.take(limits.creates, client_key(request), "too many new sessions from here; wait a minute")
        data = await read_body(request, None, limit=template_file.MAX_FILE_BYTES)
        try:
            sheet = template_file.load(data)
        except template_file.TemplateFileError as exc:
            return bad_template(exc.problems)
        if not sheet.groups:
            return bad_template([template_file.Problem("template.groups", "a session from a file needs at least one "
                                                       "group for people to join")])
        title = request.query_params.get("title", "")[:120]
        created = await start_session(request, CreateSessionBody(title=title, boards=[]), sheet=sheet)
        return JSONResponse(created, status_code=201, headers=NO_STORE)
    except DomainError as exc:
        return domain_problem(exc)
    except StoreUnavailable:
        return unavailable()


def bad_template(problems: list) -> JSONResponse:
    metrics.REFUSALS.labels(ErrorCode.BAD_TEMPLATE.value).inc()
    body = {"error": {"code": ErrorCode.BAD_TEMPLATE.value, "message": problems[0].text(),
                      "problems": [{"line": p.line, "field": p.path, "message": p.message} for p in problems]}}
    return JSONResponse(body, status_code=400, headers=NO_STORE)


ROUTES = [
    Route("/api/sessions/from-template", create_from_template, methods=["POST"]),
    Route("/api/sessions/{session}/template", get_template, methods=["GET"]),
]
