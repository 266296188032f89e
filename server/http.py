"""HTTP endpoints (JSON): create a session, look up a join code, join, health."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from boards import commands as c
from boards.actors import SYSTEM, Actor
from boards.errors import DomainError, ErrorCode
from boards.state import session_groups
from boards.template import Template
from boards.engine import rehearse
from boards.text import clean
from server.auth import hash_secret, new_id, new_join_code, new_secret, normalise_join_code
from server import metrics, page_kinds
from server.hub import Hub
from server.limits import Limits, RateLimited
from server.clock import now_ms
from server.origins import origin_allowed
from server.store.base import SessionMeta, StoreUnavailable

MAX_BODY = 16 * 1024
NO_STORE = {"Cache-Control": "no-store"}  # responses carrying a secret or token
FACILITATOR_ACTOR = Actor("facilitator")


class CreateSessionBody(msgspec.Struct, forbid_unknown_fields=True):
    title: Annotated[str, Meta(max_length=120)] = ""
    boards: Annotated[list[Annotated[str, Meta(max_length=64)]], Meta(min_length=1, max_length=4)] = msgspec.field(default_factory=lambda: ["samenspel"])
    # board -> section -> field -> text, for the texts prepared beforehand (ambition, goals)
    texts: dict[str, dict[str, dict[str, Annotated[str, Meta(max_length=2000)]]]] = {}


class JoinBody(msgspec.Struct, forbid_unknown_fields=True):
    code: Annotated[str, Meta(max_length=32)]
    name: Annotated[str, Meta(max_length=40)]
    group: Annotated[str, Meta(max_length=64)]


def problem(code: ErrorCode, message: str, status: int, headers: dict[str, str] | None = None) -> JSONResponse:
    metrics.REFUSALS.labels(code.value).inc()
    if code == ErrorCode.UNAVAILABLE:
        metrics.STORE_ERRORS.inc()
    return JSONResponse({"error": {"code": code.value, "message": message}}, status_code=status, headers=headers)


_STATUS = {
    ErrorCode.INVALID: 400, ErrorCode.BAD_FRAME: 400, ErrorCode.UNKNOWN_GROUP: 400,
    ErrorCode.NOT_FOUND: 404, ErrorCode.BAD_TOKEN: 403, ErrorCode.FORBIDDEN: 403,
    ErrorCode.LIMIT_REACHED: 409, ErrorCode.RATE_LIMITED: 429, ErrorCode.UNAVAILABLE: 503,
    ErrorCode.CONFLICT: 503, ErrorCode.FRAME_TOO_LARGE: 413, ErrorCode.UNSUPPORTED_MEDIA_TYPE: 415,
    ErrorCode.JOINING_CLOSED: 403, ErrorCode.SESSION_CLOSED: 410,
    ErrorCode.ALREADY_ATTACHED: 409, ErrorCode.SESSION_OPEN: 409, ErrorCode.BAD_TEMPLATE: 400,
}


def domain_problem(exc: DomainError) -> JSONResponse:
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return problem(exc.code, exc.message, _STATUS.get(exc.code, 400), headers)


def unavailable() -> JSONResponse:
    return problem(ErrorCode.UNAVAILABLE, "the store is unreachable; try again shortly", 503)


async def read_body(request: Request, type_: type | None, limit: int = MAX_BODY) -> object:
    """The JSON body as ``type_``; refused as soon as it passes MAX_BODY (never read whole first).

    Only ``application/json`` from our own origin: a form or ``text/plain`` POST from another site
    (which a browser sends without asking) is refused before anything is read."""
    if not origin_allowed(request, request.app.state.settings):
        raise DomainError(ErrorCode.FORBIDDEN, "requests from another site are not accepted")
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json")
    too_large = DomainError(ErrorCode.FRAME_TOO_LARGE, f"request body over {limit} bytes")
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    if type_ is None:  # the caller decodes (bytes)
        return bytes(body)
    try:
        return msgspec.json.decode(body, type=type_)
    except msgspec.ValidationError as exc:
        raise DomainError(ErrorCode.INVALID, str(exc)) from None
    except msgspec.DecodeError:
        raise DomainError(ErrorCode.BAD_FRAME, "the body is not JSON") from None


def client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"


_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def link_base(request: Request) -> str | None:
    """The address links must use instead of the one this request came to, if any: the public
    address when set (never the Host header); else, for a page opened on this machine's loopback
    address, the machine's address in the room (a link to 127.0.0.1 works on no phone)."""
    settings = request.app.state.settings
    if settings.public_url:
        return settings.public_url
    if settings.room_url and request.url.hostname in _LOOPBACK:
        return settings.room_url
    return None


def base_url(request: Request) -> str:
    """Where links point: see :func:`link_base`, else the address this request came to."""
    return link_base(request) or str(request.base_url).rstrip("/")


def opening_commands(body: CreateSessionBody, sheet: Template | None = None) -> list[tuple[Actor, c.Command]]:
    """What a new session starts with: its boards (or the board of a template file, ``sheet``),
    then the texts prepared beforehand."""
    commands: list[tuple[Actor, c.Command]] = [
        (SYSTEM, c.CreateSession(title=clean(body.title, one_line=True), boards=tuple(body.boards), sheet=sheet))]
    for board_id, sections in body.texts.items():
        for section_id, fields in sections.items():
            for field_id, text in fields.items():
                if text := clean(text):
                    commands.append((FACILITATOR_ACTOR, c.SetText(board=board_id, section=section_id,
                                                                   field=field_id, text=text)))
    return commands


async def create_session(request: Request) -> Response:
    hub: Hub = request.app.state.hub
    if not hub.store_ready:  # known down: say so at once
        return unavailable()
    try:
        limits: Limits = request.app.state.limits
        await limits.take(limits.creates, client_key(request), "too many new sessions from here; wait a minute")
        body: CreateSessionBody = await read_body(request, CreateSessionBody)
        return JSONResponse(await start_session(request, body), status_code=201, headers=NO_STORE)
    except DomainError as exc:
        return domain_problem(exc)
    except StoreUnavailable:
        return unavailable()


async def start_session(request: Request, body: CreateSessionBody, more: list[c.Command] = (),
                        sheet: Template | None = None) -> dict:
    """Create a session as ``body`` asks (or from a template file, ``sheet``), then the facilitator's
    commands ``more`` (what a learning network fills in); the rate limit is taken by the caller.
    What the creator gets."""
    hub: Hub = request.app.state.hub
    limits: Limits = request.app.state.limits
    opening = opening_commands(body, sheet) + [(FACILITATOR_ACTOR, command) for command in more]
    rehearse(opening, now_ms())  # refuse bad texts before anything is stored
    secret = new_secret()
    session_id = new_id()
    for _ in range(20):  # a fresh code, in the unlikely case it is taken
        meta = SessionMeta(session=session_id, join_code=new_join_code(), facilitator_hash=hash_secret(secret),
                           created_at=now_ms(), epoch=new_id())
        if await hub.backend.log.create_session(meta):
            break
    else:
        raise DomainError(ErrorCode.CONFLICT, "could not find a free join code; try again")
    async with hub.holding(session_id) as live:
        for actor, command in opening:
            await live.submit(actor, command)
    await limits.reached(client_key(request), session_id)  # the facilitator's venue
    root = base_url(request)
    return {
        "session": session_id,
        "join_code": meta.join_code,
        "facilitator_secret": secret,
        "join_url": f"{root}/j/{meta.join_code}",
        "facilitator_url": f"{root}/b/{session_id}#f={secret}",
        "projector_url": f"{root}/p/{session_id}#c={meta.join_code}",
    }


async def _session_for_code(request: Request, raw_code: str) -> SessionMeta:
    """The session a join code opens; wrong codes are limited per address (see server.limits)."""
    meta = await request.app.state.hub.backend.log.session_by_code(normalise_join_code(raw_code))
    limits: Limits = request.app.state.limits
    await limits.check_code(client_key(request), meta.session if meta else None, valid=meta is not None)
    if meta is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no session with this code")
    return meta


async def lookup_code(request: Request) -> Response:
    """What the join form needs: the session's title and groups."""
    hub: Hub = request.app.state.hub
    if not hub.store_ready:  # known down: say so at once
        return unavailable()
    try:
        meta = await _session_for_code(request, request.path_params["code"][:32])
        async with hub.holding(meta.session) as live:
            state = live.state
            if state.closed_at is not None:
                raise DomainError(ErrorCode.SESSION_CLOSED, "this session has ended")
            return JSONResponse({
                "session": meta.session,
                "title": state.title,
                "boards": list(state.boards),
                "groups": [msgspec.to_builtins(g) for g in session_groups(state)],
                "joining_open": state.joining_open,
            })
    except DomainError as exc:
        return domain_problem(exc)
    except StoreUnavailable:
        return unavailable()


async def join(request: Request) -> Response:
    hub: Hub = request.app.state.hub
    if not hub.store_ready:  # known down: say so at once
        return unavailable()
    try:
        body: JoinBody = await read_body(request, JoinBody)
        meta = await _session_for_code(request, body.code)
        limits: Limits = request.app.state.limits
        await limits.take(limits.joins, client_key(request), "too many people joined from here just now; wait a minute")
        participant, token = new_id(), new_secret()
        async with hub.holding(meta.session) as live:
            await live.submit(SYSTEM, c.Join(name=clean(body.name, one_line=True), group=body.group,
                                             participant=participant))
        # Only once the join is in the log: a refused join (full, unknown group, bad name) stores nothing.
        await hub.backend.log.add_credential(meta.session, hash_secret(token), participant)
    except DomainError as exc:
        return domain_problem(exc)
    except StoreUnavailable:
        return unavailable()
    return JSONResponse({"session": meta.session, "participant": participant, "token": token}, status_code=201,
                        headers=NO_STORE)


async def metrics_endpoint(request: Request) -> Response:
    """Prometheus metrics, for the configured networks only (the public gets a plain 404)."""
    if not metrics.allowed(request.client.host if request.client else None,
                           request.app.state.settings.metrics_allow):
        return Response(status_code=404)
    body, content_type = metrics.render()
    return Response(body, media_type=content_type)


async def healthz(request: Request) -> Response:
    return JSONResponse({"ok": True})


async def readyz(request: Request) -> Response:
    ready = await request.app.state.hub.backend.log.ready()
    return JSONResponse({"ready": ready}, status_code=200 if ready else 503)


async def index(request: Request) -> Response:
    """Every page of the client is the same document, with that page's styles and modules
    (server.pages); the script routes by path. With a public address (or a room address, see
    :func:`link_base`), the document names it, so the board's join link and QR code use it too."""
    kinds = await page_kinds.for_path(request.app.state.hub, request.url.path)  # what a board preloads (decision 76)
    return await request.app.state.documents.response(request, link_base(request), kinds)
