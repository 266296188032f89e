"""HTTP for the result of a session: the summary (facilitator, or a read-only share link), the
exports (facilitator only), the share link on and off, and deleting a session now.

Credentials travel in the ``Authorization: Bearer <token>`` header, never in the address: the
summary page reads them from the URL fragment (``/s/<session>#f=<secret>`` or ``#k=<share
token>``) and sends them as a header, so they reach no access log and no ``Referer``.
"""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from boards.errors import DomainError, ErrorCode
from boards.summary import section_order, summarise
from server import export, retention
from server.auth import hash_secret, new_secret, secret_matches
from server.http import base_url
from server.hub import Hub
from server.limits import Limits, RateLimited
from server.clock import now_ms
from server.networks import is_network_id
from server.store.base import SessionMeta, StoreUnavailable

NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _problem(code: ErrorCode, message: str, status: int, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code.value, "message": message}}, status_code=status,
                        headers={**NO_STORE, **(headers or {})})


class _Refused(Exception):
    def __init__(self, code: ErrorCode, message: str, status: int) -> None:
        self.response = _problem(code, message, status)


def _client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _authorise(request: Request, allow_share: bool) -> tuple[SessionMeta, str]:
    """The session and who asks: "facilitator", or "shared" (the read-only link, if allowed).
    A valid credential always passes; wrong ones count like wrong tokens (server.limits)."""
    hub: Hub = request.app.state.hub
    limits: Limits = request.app.state.limits
    address = _client_key(request)
    token = _bearer(request)
    if token is None:
        raise _Refused(ErrorCode.NOT_AUTHENTICATED,
                       "send the facilitator secret (or the share link's token) as Authorization: Bearer", 401)
    session_id = request.path_params["session"]
    meta = (await hub.backend.log.session(session_id)
            if len(session_id) <= 64 and not is_network_id(session_id) else None)
    if meta is None:
        wait = await limits.failed(address, None)
        if wait is not None:
            raise RateLimited("too many wrong links from here; try again later", wait)
        raise _Refused(ErrorCode.NOT_FOUND, "no such session (it may have expired or been deleted)", 404)
    role = "facilitator" if secret_matches(token, meta.facilitator_hash) else None
    if role is None and allow_share:
        share = await hub.backend.log.share_hash(session_id)
        if share is not None and secret_matches(token, share):
            role = "shared"
    await limits.check_token(address, session_id, valid=role is not None)  # raises RateLimited past the limit
    if role is not None:
        return meta, role
    if allow_share:
        raise _Refused(ErrorCode.BAD_TOKEN, "this link is not (or no longer) valid", 403)
    raise _Refused(ErrorCode.FORBIDDEN, "only the facilitator may do this", 403)


async def _summary(request: Request, audience: str) -> dict:
    hub: Hub = request.app.state.hub
    try:
        async with hub.holding(request.path_params["session"]) as live:
            # the sections in their templates' order beside the lists by kind (the page shows them so)
            return {**summarise(live.state, audience), "order": section_order(live.state)}  # type: ignore[arg-type]
    except DomainError as exc:
        raise _Refused(exc.code, exc.message, 404) from None


def _guarded(handler):
    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except _Refused as refused:
            return refused.response
        except RateLimited as exc:
            return _problem(exc.code, exc.message, 429, {"Retry-After": str(exc.retry_after)})
        except DomainError as exc:
            return _problem(exc.code, exc.message, 400)
        except StoreUnavailable:
            return _problem(ErrorCode.UNAVAILABLE, "the store is unreachable; try again shortly", 503)
    endpoint.__name__ = handler.__name__
    return endpoint


@_guarded
async def get_summary(request: Request) -> Response:
    meta, audience = await _authorise(request, allow_share=True)
    body = await _summary(request, audience)
    body["role"] = audience
    body["expires_at"] = await request.app.state.hub.backend.log.expires_at(meta.session)
    if audience == "facilitator":
        body["shared"] = await request.app.state.hub.backend.log.share_hash(meta.session) is not None
    return Response(msgspec.json.encode(body), media_type="application/json", headers=NO_STORE)


@_guarded
async def export_json(request: Request) -> Response:
    meta, _ = await _authorise(request, allow_share=False)
    body = await _summary(request, "facilitator")
    body["exported_at"] = now_ms()
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="{export.filename(body, "json")}"'}
    return Response(msgspec.json.encode(body), media_type="application/json", headers=headers)


@_guarded
async def export_csv(request: Request) -> Response:
    meta, _ = await _authorise(request, allow_share=False)
    lang = request.query_params.get("lang", "nl")
    if lang not in ("nl", "en"):
        raise _Refused(ErrorCode.INVALID, "lang is nl or en", 400)
    body = await _summary(request, "facilitator")
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="{export.filename(body, "zip")}"'}
    return Response(export.zip_csv(body, lang), media_type="application/zip", headers=headers)


@_guarded
async def share_on(request: Request) -> Response:
    """A new read-only link (any earlier one stops working)."""
    meta, _ = await _authorise(request, allow_share=False)
    token = new_secret()
    await request.app.state.hub.backend.log.set_share(meta.session, hash_secret(token))
    return JSONResponse({"share_token": token, "share_url": f"{base_url(request)}/s/{meta.session}#k={token}"},
                        status_code=201, headers=NO_STORE)


@_guarded
async def share_off(request: Request) -> Response:
    meta, _ = await _authorise(request, allow_share=False)
    await request.app.state.hub.backend.log.set_share(meta.session, None)
    return Response(status_code=204, headers=NO_STORE)


@_guarded
async def delete_session(request: Request) -> Response:
    meta, _ = await _authorise(request, allow_share=False)
    await retention.delete_session(request.app.state.hub, meta.session)
    return Response(status_code=204, headers=NO_STORE)


async def about(request: Request) -> Response:
    """What the start page tells people about their data."""
    settings = request.app.state.settings
    return JSONResponse({"retention_days": settings.retention_days,
                         "network_retention_days": settings.network_retention_days})


ROUTES = [
    Route("/api/about", about, methods=["GET"]),
    Route("/api/sessions/{session}/summary", get_summary, methods=["GET"]),
    Route("/api/sessions/{session}/export.json", export_json, methods=["GET"]),
    Route("/api/sessions/{session}/export.zip", export_csv, methods=["GET"]),
    Route("/api/sessions/{session}/share", share_on, methods=["POST"]),
    Route("/api/sessions/{session}/share", share_off, methods=["DELETE"]),
    Route("/api/sessions/{session}", delete_session, methods=["DELETE"]),
]
