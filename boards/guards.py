"""Checks shared by the rules of every kind of section; each raises a DomainError."""

from __future__ import annotations

from boards.actors import Actor, Role
from boards.errors import DomainError, ErrorCode
from boards.state import BoardState, Participant, SessionState


def require(actor: Actor, *roles: Role) -> None:
    if actor.role not in roles:
        who = " or ".join(roles)
        raise DomainError(ErrorCode.FORBIDDEN, f"only the {who} may do this")


def find_board(state: SessionState, board_id: str) -> BoardState:
    board = state.boards.get(board_id)
    if board is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no board {board_id!r} in this session")
    return board


def find_section(board: BoardState, section_id: str, kind: type):
    section = board.spec.section(section_id)
    if not isinstance(section, kind):
        raise DomainError(ErrorCode.NOT_FOUND, f"no {kind.__name__} {section_id!r} on this board")
    return section


def require_participant(state: SessionState, actor: Actor) -> Participant:
    require(actor, "participant")
    person = state.participants.get(actor.participant or "")
    if person is None:
        raise DomainError(ErrorCode.BAD_TOKEN, "unknown participant")
    return person


def require_member(state: SessionState, actor: Actor) -> None:
    """A facilitator, or a participant the session knows: someone who may change the board."""
    require(actor, "facilitator", "participant")
    if actor.role == "participant":
        require_participant(state, actor)


def check_len(text: str, limit: int, what: str) -> None:
    if len(text) > limit:
        raise DomainError(ErrorCode.INVALID, f"{what} is longer than {limit} characters")


def proxy_person(state: SessionState, actor: Actor, proxy: str | None) -> tuple[str, Participant]:
    """Whose mark this is: the sending participant, or the person in the room the facilitator
    places it for."""
    if proxy is None:
        person = require_participant(state, actor)
        return actor.participant, person
    require(actor, "facilitator")
    person = state.participants.get(proxy)
    if person is None or not person.proxy:
        raise DomainError(ErrorCode.NOT_FOUND, "no such person in the room (add them with add_proxy)")
    return proxy, person
