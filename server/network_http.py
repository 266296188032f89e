"""HTTP for learning networks (docs/protocol.md, "Learning networks"): start or import one, read it
(long-polled, so its page is live), start or attach sessions, set an action's status, export,
delete; and from a closed session: what it would add, and the facilitator's confirmation.

Credentials travel as ``Authorization: Bearer``: the network link's secret (or the co-facilitator
link's) for the network's routes, the session's facilitator secret for a session's contribution.
Wrong ones count like wrong tokens (server/limits.py).
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from boards.errors import DomainError, ErrorCode
from boards.network import contribution, exchange, rules
from boards.network import model as m
from boards.network.trend import trend
from boards.summary import summarise
from server import http
from server.export import csv_bytes
from server.auth import secret_matches
from server.hub import Hub
from server.limits import Limits, RateLimited
from server.networks import COFACILITATOR, Networks, now_ms
from server.store.base import StoreUnavailable

NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
MAX_IMPORT_BYTES = 1024 * 1024  # an export of a network at every cap fits
LONG_POLL_SECONDS = 25.0


class StartBody(msgspec.Struct, forbid_unknown_fields=True):
    name: m.Name
    theme: m.Theme = ""


class NewSessionBody(msgspec.Struct, forbid_unknown_fields=True):
    title: Annotated[str, Meta(max_length=120)] = ""
    boards: Annotated[list[Annotated[str, Meta(max_length=64)]], Meta(min_length=1, max_length=4)] = \
        msgspec.field(default_factory=lambda: ["samenspel"])


class AttachBody(msgspec.Struct, forbid_unknown_fields=True):
    session: m.SessionId
    secret: Annotated[str, Meta(max_length=128)]  # the session's facilitator secret


class StatusBody(msgspec.Struct, forbid_unknown_fields=True):
    status: m.Status
    id: Annotated[str, Meta(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")] | None = None


class ConfirmBody(msgspec.Struct, forbid_unknown_fields=True):
    keys: Annotated[list[m.Key], Meta(max_length=m.MAX_ITEMS_PER_CONFIRM)] | None = None  # None: all
    id: Annotated[str, Meta(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")] | None = None


def networks(request: Request) -> Networks:
    return request.app.state.networks


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _network_role(request: Request, facilitator_only: bool = False) -> tuple[str, str]:
    """The network of the path and who asks ("facilitator" or "cofacilitator")."""
    limits: Limits = request.app.state.limits
    address = http.client_key(request)
    token = _bearer(request)
    if token is None:
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, "send the network link's secret as Authorization: Bearer")
    network_id = request.path_params["network"]
    if await networks(request).load(network_id) is None:
        wait = await limits.failed(address, None)
        if wait is not None:
            raise RateLimited("too many wrong links from here; try again later", wait)
        raise DomainError(ErrorCode.NOT_FOUND, "no such network (it may have expired or been deleted)")
    role = await networks(request).role(network_id, token)
    await limits.check_token(address, network_id, valid=role is not None)
    if role is None:
        raise DomainError(ErrorCode.BAD_TOKEN, "this network link is not (or no longer) valid")
    if facilitator_only and role != "facilitator":
        raise DomainError(ErrorCode.FORBIDDEN, "only the network's own link may do this")
    return network_id, role


def _error(exc: Exception) -> Response:
    if isinstance(exc, DomainError):
        status = 401 if exc.code == ErrorCode.NOT_AUTHENTICATED else http._STATUS.get(exc.code, 400)
        headers = {**NO_STORE, **({"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else {})}
        http.metrics.REFUSALS.labels(exc.code.value).inc()
        return JSONResponse({"error": {"code": exc.code.value, "message": exc.message}}, status_code=status,
                            headers=headers)
    return http.unavailable()


def view(request: Request, state: m.NetworkState, role: str | None = None) -> dict:
    """What the network page shows: everything the network holds, the open actions, the pillars'
    trend, and when it will be deleted."""
    root = http.base_url(request)
    out = exchange.export(state)
    del out["format"], out["version"]
    out.update(network=state.id, seq=state.seq, updated_at=state.updated_at, ambition=state.ambition,
               expires_at=networks(request).expires_at(state.updated_at),
               trend={"pillars": trend(state, "pillars"), "radar": trend(state, "radar")})
    for entry in out["sessions"]:
        entry["summary_url"] = f"{root}/s/{entry['session']}"
    if role is not None:
        out["role"] = role
    return out


def _created(request: Request, state: m.NetworkState, secret: str, cosecret: str) -> Response:
    root = http.base_url(request)
    return JSONResponse({
        "network": state.id, "secret": secret, "cofacilitator_secret": cosecret,
        "network_url": f"{root}/n/{state.id}#k={secret}",
        "cofacilitator_url": f"{root}/n/{state.id}#k={cosecret}",
        "view": view(request, state, "facilitator"),
    }, status_code=201, headers=NO_STORE)


async def start_network(request: Request) -> Response:
    """Leernetwerk starten: a name and a theme; the answer holds both links."""
    try:
        limits: Limits = request.app.state.limits
        await limits.take(limits.creates, http.client_key(request), "too many new networks from here; wait a minute")
        body: StartBody = await http.read_body(request, StartBody)
        state, secret, cosecret = await networks(request).create(rules.StartNetwork(name=body.name, theme=body.theme))
        return _created(request, state, secret, cosecret)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def import_network(request: Request) -> Response:
    """A new network from another installation's JSON export (format and version checked, caps)."""
    try:
        limits: Limits = request.app.state.limits
        await limits.take(limits.creates, http.client_key(request), "too many new networks from here; wait a minute")
        raw: bytes = await http.read_body(request, None, MAX_IMPORT_BYTES)
        doc = exchange.parse(raw)
        state, secret, cosecret = await networks(request).create(rules.ImportNetwork(doc=doc))
        return _created(request, state, secret, cosecret)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def get_network(request: Request) -> Response:
    """The network; with ``?after=<seq>``, answered once it has changed past that seq (or after
    25 s, unchanged): the page asks again at once, so it is live."""
    try:
        network_id, role = await _network_role(request)
        after = request.query_params.get("after", "")
        if after.isdigit():
            state = await networks(request).wait(network_id, int(after), LONG_POLL_SECONDS)
        else:
            state = await networks(request).load(network_id)
        if state is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such network (it may have expired or been deleted)")
        return JSONResponse(view(request, state, role), headers=NO_STORE)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def delete_network(request: Request) -> Response:
    """Delete now (the page asks for a confirmation first): every trace, on both stores."""
    try:
        network_id, _ = await _network_role(request, facilitator_only=True)
        await networks(request).delete(network_id)
        return Response(status_code=204, headers=NO_STORE)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def new_session(request: Request) -> Response:
    """A session of the network, with any boards, starting from what the network holds."""
    try:
        network_id, _ = await _network_role(request)
        body: NewSessionBody = await http.read_body(request, NewSessionBody)
        state = await networks(request).load(network_id)
        if len(state.sessions) >= m.MAX_SESSIONS:
            raise DomainError(ErrorCode.LIMIT_REACHED, f"a network holds at most {m.MAX_SESSIONS} sessions")
        limits: Limits = request.app.state.limits
        await limits.take(limits.creates, http.client_key(request), "too many new sessions from here; wait a minute")
        prefilled = contribution.prefill(body.boards, state)
        created = await http.start_session(request, http.CreateSessionBody(title=body.title, boards=body.boards),
                                           contribution.opening(prefilled))
        state = await networks(request).attach(network_id, created["session"], body.title, body.boards)
        return JSONResponse({**created, "network": network_id, "prefilled": prefilled}, status_code=201,
                            headers=NO_STORE)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def attach_session(request: Request) -> Response:
    """Attach a session started elsewhere (its facilitator secret proves it is yours)."""
    try:
        network_id, role = await _network_role(request)
        body: AttachBody = await http.read_body(request, AttachBody)
        hub: Hub = request.app.state.hub
        meta = await hub.backend.log.session(body.session)
        if meta is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such session (it may have expired or been deleted)")
        if not secret_matches(body.secret, meta.facilitator_hash):
            raise DomainError(ErrorCode.FORBIDDEN, "only the session's facilitator may attach it")
        async with hub.holding(body.session) as live:
            title, boards = live.state.title, list(live.state.boards)
        state = await networks(request).attach(network_id, body.session, title, boards)
        return JSONResponse(view(request, state, role), headers=NO_STORE)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def set_action_status(request: Request) -> Response:
    try:
        network_id, role = await _network_role(request)
        body: StatusBody = await http.read_body(request, StatusBody)
        state = await networks(request).submit(network_id, rules.SetActionStatus(
            action=request.path_params["action"][:m.MAX_SHORT], status=body.status, id=body.id))
        return JSONResponse(view(request, state, role), headers=NO_STORE)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def export_json(request: Request) -> Response:
    try:
        network_id, _ = await _network_role(request)
        state = await networks(request).load(network_id)
        return Response(msgspec.json.encode(exchange.export(state)), media_type="application/json", headers={
            **NO_STORE, "Content-Disposition": 'attachment; filename="leernetwerk.json"'})
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def export_csv(request: Request) -> Response:
    try:
        network_id, _ = await _network_role(request)
        state = await networks(request).load(network_id)
        body = csv_bytes(exchange.CSV_HEADER, exchange.csv_rows(state))
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={**NO_STORE, "Content-Disposition": 'attachment; filename="leernetwerk.csv"'})
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


# --- from a session: what it would add, and the confirmation ------------------------------------
async def _session_of_network(request: Request):
    """The session (its facilitator only), its network's id and the network's state."""
    hub: Hub = request.app.state.hub
    limits: Limits = request.app.state.limits
    token = _bearer(request)
    if token is None:
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, "send the facilitator secret as Authorization: Bearer")
    session_id = request.path_params["session"]
    meta = await hub.backend.log.session(session_id) if len(session_id) <= 64 else None
    if meta is None:
        raise DomainError(ErrorCode.NOT_FOUND, "no such session (it may have expired or been deleted)")
    valid = secret_matches(token, meta.facilitator_hash)
    await limits.check_token(http.client_key(request), session_id, valid=valid)
    if not valid:  # a participant's token, the share link's, or a wrong one
        raise DomainError(ErrorCode.FORBIDDEN, "only the session's facilitator may confirm into its network")
    network_id = await networks(request).network_of(session_id)
    state = await networks(request).load(network_id) if network_id else None
    if state is None:
        raise DomainError(ErrorCode.NOT_FOUND, "this session belongs to no network")
    async with hub.holding(session_id) as live:
        summary = summarise(live.state, "facilitator")
    return session_id, state, summary


async def proposed(request: Request) -> Response:
    """What the session would add to its network, item by item, and which are confirmed already."""
    try:
        session_id, state, summary = await _session_of_network(request)
        done = set(state.contributed)
        items = [{**msgspec.to_builtins(i), "confirmed": m.contribution_key(session_id, i.key) in done,
                  "held": contribution.held(state, i)} for i in contribution.contribution(summary)]
        return JSONResponse({"network": state.id, "name": state.name, "closed": summary["closed_at"] is not None,
                             "items": items}, headers=NO_STORE)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


async def confirm(request: Request) -> Response:
    """The facilitator confirms some (``keys``) or all of it; only a closed session's."""
    try:
        session_id, state, summary = await _session_of_network(request)
        body: ConfirmBody = await http.read_body(request, ConfirmBody)
        if summary["closed_at"] is None:
            raise DomainError(ErrorCode.SESSION_OPEN, "close the session before confirming what it adds")
        items = contribution.contribution(summary)
        if body.keys is not None:
            unknown = set(body.keys) - {i.key for i in items}
            if unknown:
                raise DomainError(ErrorCode.NOT_FOUND, f"no such item in this session: {sorted(unknown)[0]}")
            items = [i for i in items if i.key in set(body.keys)]
        before = len(state.contributed)
        state = await networks(request).submit(state.id, rules.Confirm(
            session=session_id, items=tuple(items), closed_at=summary["closed_at"], id=body.id))
        return JSONResponse({"added": len(state.contributed) - before, "network": state.id,
                             "view": view(request, state)}, headers=NO_STORE)
    except (DomainError, StoreUnavailable) as exc:
        return _error(exc)


ROUTES = [
    Route("/api/networks", start_network, methods=["POST"]),
    Route("/api/networks/import", import_network, methods=["POST"]),
    Route("/api/networks/{network}", get_network, methods=["GET"]),
    Route("/api/networks/{network}", delete_network, methods=["DELETE"]),
    Route("/api/networks/{network}/sessions", new_session, methods=["POST"]),
    Route("/api/networks/{network}/attach", attach_session, methods=["POST"]),
    Route("/api/networks/{network}/actions/{action}", set_action_status, methods=["POST"]),
    Route("/api/networks/{network}/export.json", export_json, methods=["GET"]),
    Route("/api/networks/{network}/export.csv", export_csv, methods=["GET"]),
    Route("/api/sessions/{session}/network", proposed, methods=["GET"]),
    Route("/api/sessions/{session}/network/confirm", confirm, methods=["POST"]),
]
