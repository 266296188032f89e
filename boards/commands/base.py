"""The base of every command and the limits the commands share (ids, texts, minutes)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta


Id = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Text = Annotated[str, Meta(max_length=2000)]
Owner = Annotated[str, Meta(max_length=80)]
DisplayName = Annotated[str, Meta(min_length=1, max_length=40)]
Ref = Annotated[int, Meta(ge=0, le=2**31)]
Seconds = Annotated[int, Meta(ge=1, le=4 * 3600)]
# Chosen by the client, unique per command (the reference client: 16 random base64url characters).
# A command sent again with the same id (after a dropped connection, to any instance) is applied
# once: the repeat gets the first one's result.
CommandId = Annotated[str, Meta(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class Command(msgspec.Struct, tag_field="type", kw_only=True, forbid_unknown_fields=True):
    """Base of every client command; ``ref`` is echoed in the reply, ``id`` makes a resend safe."""

    ref: Ref | None = None
    id: CommandId | None = None


Minutes = Annotated[int, Meta(ge=1, le=240)]
