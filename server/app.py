"""The application factory."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route, WebSocketRoute

from server import http, images_http, metrics, network_http, summary_http, template_http, worker
from server.gc_pacing import GcPacer
from server.limits import Limits
from server.networks import Networks
from server.pages import Documents
from server.headers import SecurityHeaders
from server.hub import Hub
from server.retention import Sweeper
from server.settings import Settings
from server.static import ClientFiles
from server.store import open_backend
from server.ws import websocket_endpoint

log = logging.getLogger("samenspel")


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        backend = open_backend(settings)
        app.state.hub = Hub(backend, settings)
        app.state.limits = Limits(backend.counters, settings)
        app.state.networks = Networks(backend, settings)
        metrics.watch(backend, lambda: len(app.state.hub.sessions))
        app.state.hub.start()
        sweeper = Sweeper(app.state.hub, settings)
        sweeper.start()
        # Process-wide, like the collector it paces; one app per process in production.
        pacer = app.state.gc_pacer = GcPacer(settings.gc_full_every, lambda: app.state.open_sockets) \
            if settings.gc_full_every > 0 else None
        if pacer is not None:
            pacer.start()
        log.info("store: %s", "redis" if settings.redis_url else f"embedded ({settings.data_dir})")
        try:
            yield
        finally:
            if pacer is not None:
                await pacer.close()
            await sweeper.close()
            await app.state.hub.close()
            await backend.close()

    client_files = ClientFiles(settings.static_dir)
    app = Starlette(
        routes=[
            Route("/api/sessions", http.create_session, methods=["POST"]),
            Route("/api/codes/{code}", http.lookup_code, methods=["GET"]),
            Route("/api/join", http.join, methods=["POST"]),
            Route("/healthz", http.healthz),
            Route("/metrics", http.metrics_endpoint),
            Route("/readyz", http.readyz),
            *template_http.ROUTES,
            *summary_http.ROUTES,
            *images_http.ROUTES,
            *network_http.ROUTES,
            WebSocketRoute("/ws", websocket_endpoint),
            Mount("/static", app=client_files, name="static"),
            Route(worker.PATH, worker.script, methods=["GET", "HEAD"]),
            Route("/", http.index),
            Route("/j/{code}", http.index),
            Route("/b/{session}", http.index),
            Route("/p/{session}", http.index),
            Route("/s/{session}", http.index),
            Route("/n/", http.index),
            Route("/n/{network}", http.index),
        ],
        lifespan=lifespan,
        middleware=[Middleware(SecurityHeaders)],
    )
    app.state.settings = settings
    app.state.documents = Documents(client_files, use_bundle=settings.bundle)
    app.state.service_worker = worker.Script(app.state.documents)
    app.state.sockets_per_address = {}  # open websockets per client address, on this instance
    app.state.open_sockets = 0
    app.state.gc_pacer = None  # set while the app runs (server.gc_pacing)
    return app
