"""Who gives a command, and the context (time, fresh ids) the engine decides in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

FACILITATOR = "facilitator"

Role = Literal["facilitator", "participant", "viewer", "system"]


@dataclass(frozen=True)
class Actor:
    role: Role
    participant: str | None = None  # set when role is "participant"

    @property
    def author_id(self) -> str:
        """How the log names this actor as an author: the participant id, or "facilitator"."""
        return self.participant if self.role == "participant" and self.participant else FACILITATOR


SYSTEM = Actor("system")


@dataclass(frozen=True)
class Context:
    now: int  # server time, ms since the epoch
    new_id: Callable[[], str]
