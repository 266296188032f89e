"""What the session's script lets people do right now: closed, current step, hold, locks.

Checked by ``decide`` before any command's own rules, so no kind of section needs to
know about steps. The facilitator is held only by a closed session; a participant by
everything below, and so is the facilitator placing dots for someone in the room.
The order of the checks (docs/protocol.md, "The session's script") is also the
client's (client/facilitation/gate.js); tests/golden/gate.json runs both.
"""

from __future__ import annotations

from boards import commands as c
from boards import kinds
from boards.actors import Actor
from boards.errors import DomainError, ErrorCode
from boards.state import SessionState, current_step
from boards.template import Permission

# What kind of action each participant command is, in a step's ``allows`` terms: each kind says
# it of its own commands.
PERMISSION: dict[type, Permission] = {**kinds.PERMISSIONS, c.CheckOut: "checkout"}


def check(state: SessionState, actor: Actor, command: c.Command) -> None:
    """Raise if the session's state forbids ``command`` now, whatever its own rules say."""
    if state.closed_at is not None and actor.role != "system":
        raise DomainError(ErrorCode.SESSION_CLOSED, "the session is closed; the board can be read, not changed")
    permission = PERMISSION.get(type(command))
    if permission is None:
        return
    acts_for_someone = actor.role == "participant" or getattr(command, "proxy", None) is not None
    if not acts_for_someone:
        return
    board = getattr(command, "board", None)
    section = getattr(command, "section", None)
    if section is None and board is not None:  # undo: the section its kind acts on
        section = _default_section(state, board, command)
    check_action(state, board, section, permission)


def check_action(state: SessionState, board: str | None, section: str | None, permission: Permission) -> None:
    """The step, hold and lock rules for one participant action (also used for live drags)."""
    if state.closed_at is not None:
        raise DomainError(ErrorCode.SESSION_CLOSED, "the session is closed; the board can be read, not changed")
    board_state = state.boards.get(board or "")
    if board_state is not None and section in board_state.locked:
        raise DomainError(ErrorCode.SECTION_LOCKED, "this part of the board is closed for now")
    step = current_step(state)
    if step is None:
        if state.hold:  # before the first step participants look; hold off: open, as on paper
            raise DomainError(ErrorCode.NOT_STARTED, "the session has not started; wait for the first step")
        return
    if permission not in step.allows:
        raise DomainError(ErrorCode.NOT_IN_STEP, f"that is not part of the step {step.label.nl!r}")
    if state.hold and permission != "checkout" and (board != state.step_board or section not in step.sections):
        raise DomainError(ErrorCode.NOT_IN_STEP, f"the group is at step {step.label.nl!r}; this part waits")


def _default_section(state: SessionState, board_id: str, command: c.Command) -> str | None:
    board = state.boards.get(board_id)
    kind = kinds.kind_of_command(command)
    if board is None or kind is None:
        return None
    return kind.default_section(board)


def client_tables(registry: tuple[kinds.Kind, ...] = kinds.KINDS) -> dict[str, dict[str, str]]:
    """The permission tables of the client (client/facilitation/permissions.js, written from this by
    ``python -m boards.gate_js``): ``commands``, each participant command's type -> the permission
    it needs (the client's gate); ``sections``, each kind of section -> the permission its
    participants need (the section card's lock button and "waits for another step")."""
    commands = {**{t: p for k in registry for t, p in k.permissions.items()}, c.CheckOut: "checkout"}
    return {"commands": {t.__struct_config__.tag: p for t, p in commands.items()},
            "sections": {k.name: k.permission for k in registry if k.permission is not None}}
