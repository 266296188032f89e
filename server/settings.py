"""All configuration in one object, from command-line flags and ``SAMENSPEL_*`` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


def client_dir() -> Path:
    """The browser client: client/ beside server/ in a source tree, else the installed package."""
    source = Path(__file__).resolve().parent.parent / "client"
    if (source / "index.html").is_file():
        return source
    import importlib.util

    spec = importlib.util.find_spec("samenspel_client")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return source


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"SAMENSPEL_{name}", default)


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path = Path("data")
    redis_url: str | None = None
    # Addresses (or networks) of the proxies whose X-Forwarded-For is believed: the client address
    # is the last one in that header that is not one of them. Never "*": then every client could
    # write its own address.
    trusted_proxies: str = "127.0.0.1"
    # The address people use (scheme://host[:port], e.g. behind a proxy): join links, QR codes and
    # the links a new session gets are built on it, never on the request's Host header. Unset:
    # links follow the address the request came to (Host, and X-Forwarded-Proto from a trusted proxy).
    public_url: str | None = None
    # Set by `samenspel serve` when listening on every interface: this machine's address in the room
    # (http://<first LAN address>:<port>). A page opened on 127.0.0.1 then gets links that phones
    # can open instead of links to the phone itself.
    room_url: str | None = None
    # Origins (scheme://host[:port]) allowed to open a websocket besides the server's own.
    allowed_origins: tuple[str, ...] = ()
    # An inbound frame over this gets an error frame; one over ws_hard_limit closes the socket (1009).
    max_frame_bytes: int = 64 * 1024
    ws_hard_limit: int = 1024 * 1024
    # Before a successful hello a frame over this closes the socket (1009): a hello is a few hundred bytes.
    pre_hello_frame_bytes: int = 4096
    # HTTP: a request's headers must be complete this many seconds after the connection opened.
    header_timeout: float = 10.0
    # Idle seconds between keep-alive HTTP requests; open connections and tasks at most (then 503);
    # the listen backlog.
    keep_alive_timeout: float = 5.0
    limit_concurrency: int = 0  # 0: the file-descriptor limit less 64
    backlog: int = 1024
    # SIGTERM: sockets are closed with 1012 at once; commands in flight get this long to be stored.
    shutdown_timeout: float = 10.0
    # Bytes a connection may leave untaken (queued for it while its transport is full, plus what the
    # transport holds) before it counts as too slow and is closed (4008). Its welcome and the
    # events a resume catches up on come on top.
    send_buffer: int = 1024 * 1024
    # Per connection: sustained commands per second and burst.
    rate_per_second: float = 20.0
    rate_burst: int = 40
    # Per client address: failed join-code or token attempts per minute (shared across instances on Redis).
    join_attempts_per_minute: int = 20
    # Per target session: failed codes or tokens per minute, from all addresses together.
    wrong_per_session_per_minute: int = 60
    # An address that presented a valid credential for a session keeps its codes for that session
    # good this long, even while it is limited for wrong codes (the room behind one NAT).
    known_address_seconds: float = 6 * 3600
    # Per client address (a venue's NAT is one address: a whole room joins through it).
    joins_per_minute: int = 120
    creates_per_minute: int = 30
    # Per instance: projector (viewer) sockets per session, and sockets per client address.
    max_viewers_per_session: int = 20
    max_sockets_per_address: int = 200
    snapshot_every: int = 200
    # Who may read /metrics (comma-separated networks); others get 404.
    metrics_allow: str = "127.0.0.1/32,::1/128"
    log_format: str = "plain"  # or "json": one JSON object a line
    hello_timeout: float = 10.0  # seconds from the handshake a socket may stay without a successful hello
    # Websocket-level pings (uvicorn): for every client, a dead connection is dropped within
    # interval + timeout.
    ws_ping_interval: float = 20.0
    ws_ping_timeout: float = 20.0
    # The application heartbeat, for clients that ask for it in their hello (the reference client
    # does): a `beat` frame this often, and a socket silent for `ws_silence_limit` while the server
    # waits for its frames is closed (4002): noticed within limit + one beat, 4.5 s.
    ws_beat_every: float = 1.0
    ws_silence_limit: float = 3.5
    # Redis only: a presence entry not renewed (every heartbeat_every) for presence_ttl no longer
    # counts (a crashed instance's clients vanish within it; its keys expire after twice that);
    # the pub/sub subscription is probed this often.
    presence_ttl: float = 30.0
    heartbeat_every: float = 10.0
    probe_every: float = 5.0
    probe_timeout: float = 2.0
    # Every session is deleted this many days after its last change (the summary and exports
    # stay readable until then); the store is swept this often (seconds): expired sessions are
    # deleted (on Redis, what is left of them) and ended on every instance holding them.
    retention_days: float = 30.0
    retention_sweep_every: float = 600.0
    # A learning network is deleted this many days after its last change (a session attached or
    # confirmed, an action's status): about 12 months (server/networks.py).
    network_retention_days: float = 365.0
    # Redis only: connections in the command pool. Every command in flight holds one (presence
    # enter/leave on a busy instance too); a pool that runs dry answers "unavailable".
    redis_pool_size: int = 256
    # Complete garbage collections (server/gc_pacing.py) at least this often, seconds; 0: leave the
    # collector as CPython sets it (full collections then walk every socket's objects, often).
    gc_full_every: float = 600.0
    # uvicorn's event loop: "auto" picks uvloop when installed, else asyncio.
    loop: str = "auto"
    static_dir: Path = field(default_factory=lambda: client_dir())
    # Serve the client's bundle (client/dist/) when it was built from the current sources;
    # False (SAMENSPEL_BUNDLE=0): always the source modules (server/bundle.py).
    bundle: bool = True

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values: dict = {}
        if (v := _env("HOST")) is not None:
            values["host"] = v
        if (v := _env("PORT")) is not None:
            values["port"] = int(v)
        if (v := _env("DATA_DIR")) is not None:
            values["data_dir"] = Path(v)
        if (v := _env("REDIS_URL")) is not None:
            values["redis_url"] = v or None
        if (v := _env("STATIC_DIR")) is not None:
            values["static_dir"] = Path(v)
        if (v := _env("BUNDLE")) is not None:
            values["bundle"] = v.strip().lower() not in ("0", "false", "no", "off")
        if (v := _env("TRUSTED_PROXIES", os.environ.get("FORWARDED_ALLOW_IPS"))) is not None:
            values["trusted_proxies"] = v
        if (v := _env("METRICS_ALLOW")) is not None:
            values["metrics_allow"] = v
        if (v := _env("LOG_FORMAT")) is not None:
            values["log_format"] = v
        if (v := _env("ALLOWED_ORIGINS")) is not None:
            values["allowed_origins"] = tuple(o.strip() for o in v.split(",") if o.strip())
        if (v := _env("PUBLIC_URL")) is not None:
            values["public_url"] = v or None
        for name, convert in _TUNABLES.items():
            if (v := _env(name.upper())) is not None:
                values[name] = convert(v)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if values.get("public_url"):
            values["public_url"] = public_origin(values["public_url"])
            # The browser's websocket Origin is then the public address, whatever Host the proxy sends.
            values["allowed_origins"] = (*values.get("allowed_origins", ()), values["public_url"])
        settings = cls(**values)
        if "*" in (h.strip() for h in settings.trusted_proxies.split(",")):
            raise ValueError("SAMENSPEL_TRUSTED_PROXIES (or FORWARDED_ALLOW_IPS) must name the proxies, not '*': "
                             "with '*' every client chooses its own address and no per-address limit holds")
        return settings


def public_origin(url: str) -> str:
    """``scheme://host[:port]`` of a public base URL; a path is refused (the client lives at /)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the public URL must look like https://host[:port], not {url!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"the public URL may not have a path ({url!r}): serve Samenspel at the root of its host")
    return f"{parts.scheme}://{parts.netloc.lower()}"


# Limits an operator (or a test) may tune through SAMENSPEL_<NAME>.
_TUNABLES = {
    "max_frame_bytes": int,
    "send_buffer": int,
    "rate_per_second": float,
    "rate_burst": int,
    "join_attempts_per_minute": int,
    "wrong_per_session_per_minute": int,
    "known_address_seconds": float,
    "joins_per_minute": int,
    "creates_per_minute": int,
    "snapshot_every": int,
    "max_viewers_per_session": int,
    "max_sockets_per_address": int,
    "hello_timeout": float,
    "pre_hello_frame_bytes": int,
    "header_timeout": float,
    "keep_alive_timeout": float,
    "limit_concurrency": int,
    "backlog": int,
    "shutdown_timeout": float,
    "ws_ping_interval": float,
    "ws_ping_timeout": float,
    "ws_beat_every": float,
    "ws_silence_limit": float,
    "presence_ttl": float,
    "heartbeat_every": float,
    "probe_every": float,
    "probe_timeout": float,
    "retention_days": float,
    "retention_sweep_every": float,
    "network_retention_days": float,
    "redis_pool_size": int,
    "gc_full_every": float,
    "loop": str,
}
