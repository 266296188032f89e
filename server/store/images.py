"""What the image part of a store answers (server/images.py makes what is stored; the embedded
and Redis backends keep it: embedded_images.py, redis_images.py). Images are a session's data like
its log: kept under the session, deleted with it, expiring with it."""

from __future__ import annotations

from enum import Enum


class Put(str, Enum):
    STORED = "stored"  # new
    EXISTS = "exists"  # the session has this image already (same content): nothing written
    OWNER_FULL = "owner_full"  # the uploader has ``max_per_owner`` images
    SESSION_FULL = "session_full"  # the session has ``max_per_session`` images
    GONE = "gone"  # no such session (deleted, expired)
