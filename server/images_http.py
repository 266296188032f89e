"""HTTP for photos of sketches (card 1): the upload and the images, by content hash.

``POST /api/sessions/<session>/images?board=&section=&prompt=`` — a participant's photo (body: the
image bytes, ``Content-Type`` image/jpeg, image/png or image/webp; ``Authorization: Bearer
<participant token>``). The board's rules are checked first (the step, the lock, a closed session,
the prompt, the person's count), then the image (server/images.py), then it is stored and the
``add_photo`` command puts it on the wall; a refusal at any point leaves nothing stored.

``GET /api/sessions/<session>/images/<hash>.jpg`` (display size) and ``<hash>.thumb.jpg`` (the
wall's thumbnail) — for anyone holding a credential of that session: ``Authorization: Bearer``
with the facilitator secret, a participant's token or the summary's share token, or
``Authorization: Code <join code>`` (the projector). Private and immutable (the name is the
content's hash), ``image/jpeg``, ``nosniff``: never anything a browser would run.
"""

from __future__ import annotations

import asyncio
import re

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from boards import commands as c
from boards.actors import Actor, Context
from boards.engine import decide
from boards.errors import DomainError, ErrorCode
from server import images
from server.auth import hash_secret, normalise_join_code, secret_matches
from server.http import _STATUS, client_key, problem
from server.hub import Hub
from server.limits import Limits, RateLimited, Rule
from server.live import now_ms
from server.origins import origin_allowed
from server.store.base import StoreUnavailable
from server.store.images import Put

MAX_PER_PERSON = 6  # photos one participant may upload in a session
MAX_PER_SESSION = 120  # photos in one session
UPLOADS = Rule("upload", 20)  # uploads a minute per participant (tries included: a refused image costs CPU too)
_DECODING = asyncio.Semaphore(2)  # images decoded at once on this instance (each can take a second of CPU)
IMAGE_CACHE = "private, max-age=31536000, immutable"
_NAME = re.compile(r"^([0-9a-f]{32})(\.thumb)?\.jpg$")
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_UPLOAD_STATUS = {**_STATUS, ErrorCode.NOT_AN_IMAGE: 415, ErrorCode.IMAGE_TOO_LARGE: 413,
                  ErrorCode.NOT_IN_STEP: 409, ErrorCode.NOT_STARTED: 409, ErrorCode.SECTION_LOCKED: 409,
                  ErrorCode.NOT_AUTHENTICATED: 401}


def _refuse(exc: DomainError) -> JSONResponse:
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return problem(exc.code, exc.message, _UPLOAD_STATUS.get(exc.code, 400), headers)


def _credential(request: Request) -> tuple[str, str] | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    value = value.strip()
    if scheme.lower() in ("bearer", "code") and value and len(value) <= 200:
        return scheme.lower(), value
    return None


async def _participant(request: Request, live) -> str:
    """The participant the bearer token belongs to (wrong tokens count like any: server.limits)."""
    limits: Limits = request.app.state.limits
    cred = _credential(request)
    if cred is None or cred[0] != "bearer":
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, "send your token as Authorization: Bearer")
    participant = await request.app.state.hub.backend.log.credential(live.id, hash_secret(cred[1]))
    if participant is not None and participant not in live.state.participants:
        await live.catch_up()
    valid = participant is not None and participant in live.state.participants
    await limits.check_token(client_key(request), live.id, valid=valid)
    if not valid:
        raise DomainError(ErrorCode.BAD_TOKEN, "only someone who joined this session may upload to it")
    return participant


async def _read(request: Request) -> bytes:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in images.CONTENT_TYPES:
        raise DomainError(ErrorCode.NOT_AN_IMAGE, "send the photo as image/jpeg, image/png or image/webp")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > images.MAX_UPLOAD_BYTES):
        raise DomainError(ErrorCode.IMAGE_TOO_LARGE, f"an image is at most {images.MAX_UPLOAD_BYTES} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > images.MAX_UPLOAD_BYTES:
            raise DomainError(ErrorCode.IMAGE_TOO_LARGE, f"an image is at most {images.MAX_UPLOAD_BYTES} bytes")
    return bytes(body)


async def upload(request: Request) -> Response:
    hub: Hub = request.app.state.hub
    if not hub.store_ready:
        return problem(ErrorCode.UNAVAILABLE, "the store is unreachable; try again shortly", 503)
    try:
        if not origin_allowed(request, request.app.state.settings):
            raise DomainError(ErrorCode.FORBIDDEN, "requests from another site are not accepted")
        q = request.query_params
        where = {k: q.get(k, "") for k in ("board", "section", "prompt")}
        if not all(_ID.match(v) for v in where.values()):
            raise DomainError(ErrorCode.INVALID, "board, section and prompt are ids")
        async with hub.holding(request.path_params["session"][:64]) as live:
            participant = await _participant(request, live)
            actor = Actor("participant", participant)

            def command(digest: str = "0" * 32, w: int = 1, h: int = 1) -> c.AddPhoto:
                return c.AddPhoto(**where, image=digest, w=w, h=h)

            # The board's rules before any byte is read or stored (a closed session, the step, the count).
            decide(live.state, actor, command(), Context(now=now_ms(), new_id=lambda: "check"))
            limits: Limits = request.app.state.limits  # the key ends in the session: deleted with it
            await limits.take(UPLOADS, f"{participant}:{live.id}", "too many photos sent just now; wait a minute")
            data = await _read(request)
            async with _DECODING:
                stored = await asyncio.to_thread(images.process, data)
            put = await hub.backend.log.put_image(live.id, stored.digest, participant, stored.display, stored.thumb,
                                                  MAX_PER_PERSON, MAX_PER_SESSION)
            if put in (Put.OWNER_FULL, Put.SESSION_FULL):
                cap = MAX_PER_PERSON if put == Put.OWNER_FULL else MAX_PER_SESSION
                raise DomainError(ErrorCode.LIMIT_REACHED,
                                  f"at most {cap} photos {'each' if put == Put.OWNER_FULL else 'in a session'}")
            if put == Put.GONE:
                raise DomainError(ErrorCode.NOT_FOUND, "no such session (it may have expired or been deleted)")
            try:
                await live.submit(actor, command(stored.digest, stored.w, stored.h))
            except BaseException:
                if put == Put.STORED:  # refused after all (a race with the step): keep nothing
                    await hub.backend.log.delete_image(live.id, stored.digest)
                raise
    except DomainError as exc:
        return _refuse(exc)
    except StoreUnavailable:
        return problem(ErrorCode.UNAVAILABLE, "the store is unreachable; try again shortly", 503)
    return JSONResponse({"image": stored.digest, "w": stored.w, "h": stored.h}, status_code=201)


async def _may_see(request: Request, session_id: str) -> None:
    """Refuse unless the request holds a credential of the session."""
    hub: Hub = request.app.state.hub
    limits: Limits = request.app.state.limits
    cred = _credential(request)
    if cred is None:
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, "send a credential of the session as Authorization")
    log = hub.backend.log
    meta = await log.session(session_id)
    if meta is None:
        wait = await limits.failed(client_key(request), None)
        if wait is not None:
            raise RateLimited("too many wrong links from here; try again later", wait)
        raise DomainError(ErrorCode.NOT_FOUND, "no such session (it may have expired or been deleted)")
    scheme, value = cred
    if scheme == "code":
        valid = normalise_join_code(value) == meta.join_code
        await limits.check_code(client_key(request), session_id, valid)
    else:
        share = await log.share_hash(session_id)
        valid = (secret_matches(value, meta.facilitator_hash) or (share is not None and secret_matches(value, share))
                 or await log.credential(session_id, hash_secret(value)) is not None)
        await limits.check_token(client_key(request), session_id, valid=valid)
    if not valid:
        raise DomainError(ErrorCode.BAD_TOKEN, "this link or token is not (or no longer) valid here")


async def get_image(request: Request) -> Response:
    session_id = request.path_params["session"][:64]
    match = _NAME.match(request.path_params["name"])
    try:
        if match is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such image")
        await _may_see(request, session_id)
        data = await request.app.state.hub.backend.log.get_image(session_id, match[1], thumb=bool(match[2]))
        if data is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such image")
    except DomainError as exc:
        return _refuse(exc)
    except StoreUnavailable:
        return problem(ErrorCode.UNAVAILABLE, "the store is unreachable; try again shortly", 503)
    etag = f'"{match[1]}{"-t" if match[2] else ""}"'
    headers = {"Cache-Control": IMAGE_CACHE, "X-Content-Type-Options": "nosniff", "ETag": etag,
               "Content-Disposition": "inline", "Vary": "Authorization"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(data, media_type="image/jpeg", headers=headers)


ROUTES = [
    Route("/api/sessions/{session}/images", upload, methods=["POST"]),
    Route("/api/sessions/{session}/images/{name}", get_image, methods=["GET"]),
]
