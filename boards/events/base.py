"""The base of every event."""

from __future__ import annotations

import msgspec


class Event(msgspec.Struct, tag_field="type", kw_only=True):
    pass
