"""Build sessions by running commands through the real engine."""

from __future__ import annotations

import copy
import itertools

import pytest

from boards import commands as c
from boards.actors import SYSTEM, Actor, Context
from boards.engine import apply, decide
from boards.errors import DomainError, ErrorCode
from boards.events import Record
from boards.state import SessionState, to_snapshot

FACILITATOR = Actor("facilitator")
BOARD = "samenspel"


class Session:
    """A session state plus a clock, driven only through decide/apply."""

    def __init__(self, boards: tuple[str, ...] = (BOARD,), on_paper: bool = True) -> None:
        """``on_paper``: hold off, so participants act anywhere without a step (the board's own
        rules under test); off: a new session as created, where participants wait for step 1."""
        self.state = SessionState(session="s1")
        self.now = 1_000_000
        self._ids = itertools.count()  # not a generator: the fuzz tests deepcopy a Session
        self.run(SYSTEM, c.CreateSession(title="Test", boards=boards))
        if on_paper:
            self.run(FACILITATOR, c.SetHold(hold=False))

    def ctx(self) -> Context:
        return Context(now=self.now, new_id=lambda: f"id{next(self._ids)}")

    def run(self, actor: Actor, command: c.Command) -> list:
        events = decide(self.state, actor, command, self.ctx())
        for event in events:
            apply(self.state, Record(seq=self.state.seq + 1, at=self.now, event=event))
        return events

    def join(self, name: str, group: str) -> Actor:
        (event,) = self.run(SYSTEM, c.Join(name=name, group=group))
        return Actor("participant", event.participant)

    def dot(self, actor: Actor, section: str, option: str) -> list:
        return self.run(actor, c.PlaceDot(board=BOARD, section=section, option=option))


def refused(session: Session, actor: Actor, command: c.Command) -> ErrorCode:
    """Run a command that must be refused; assert the state did not change; return the code."""
    before = copy.deepcopy(to_snapshot(session.state))
    with pytest.raises(DomainError) as info:
        session.run(actor, command)
    assert to_snapshot(session.state) == before
    return info.value.code
