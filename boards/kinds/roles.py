"""Roles (card 4, template 4A): names put onto the roles of three rings — staf, spelers,
toeschouwers. Anyone may suggest a name; the facilitator's are confirmed, and the facilitator
confirms the others'. A name is free text: the person need not be in the session."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require, require_member
from boards.kinds.base import Kind, SummaryAudience, label, label_text
from boards.network import sections as network
from boards.state import BoardState, Participant, RolePerson, SessionState
from boards.template import Role, RolesSection

FILE = "roles.csv"


def role_of(section: RolesSection, role_id: str) -> Role:
    for ring in section.rings:
        for role in ring.roles:
            if role.id == role_id:
                return role
    raise DomainError(ErrorCode.NOT_FOUND, f"no role {role_id!r} in {section.id!r}")


def _person(board: BoardState, section: RolesSection, person_id: str) -> RolePerson:
    person = board.roles[section.id].get(person_id)
    if person is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no name {person_id!r} on {section.id!r}")
    return person


def _may_change(actor: Actor, person: RolePerson) -> None:
    """The facilitator changes any name; a participant only their own suggestion, until confirmed."""
    if actor.role == "facilitator":
        return
    if person.confirmed or person.author != actor.author_id:
        raise DomainError(ErrorCode.FORBIDDEN, "only the facilitator changes a confirmed name or another's")


def add_person(state: SessionState, actor: Actor, cmd: c.AddRolePerson, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    section: RolesSection = find_section(board, cmd.section, RolesSection)
    name = cmd.name.strip()
    if not name:
        raise DomainError(ErrorCode.INVALID, "a name is needed")
    check_len(name, section.max_name_len, "the name")
    role_of(section, cmd.role)
    if len(board.roles[section.id]) >= section.max_people:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {section.max_people} names")
    person = RolePerson(id=ctx.new_id(), name=name, role=cmd.role, author=actor.author_id,
                        confirmed=actor.role == "facilitator")
    return [e.RolePersonSaved(board=cmd.board, section=cmd.section, person=person)]


def move_person(state: SessionState, actor: Actor, cmd: c.MoveRolePerson, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    section: RolesSection = find_section(board, cmd.section, RolesSection)
    person = _person(board, section, cmd.person)
    role_of(section, cmd.role)
    _may_change(actor, person)
    if person.role == cmd.role:
        return []
    moved = RolePerson(id=person.id, name=person.name, role=cmd.role, author=person.author,
                       confirmed=person.confirmed)
    return [e.RolePersonSaved(board=cmd.board, section=cmd.section, person=moved)]


def confirm_person(state: SessionState, actor: Actor, cmd: c.ConfirmRolePerson, ctx: Context):
    require(actor, "facilitator")
    board = find_board(state, cmd.board)
    section: RolesSection = find_section(board, cmd.section, RolesSection)
    person = _person(board, section, cmd.person)
    if person.confirmed:
        return []
    done = RolePerson(id=person.id, name=person.name, role=person.role, author=person.author, confirmed=True)
    return [e.RolePersonSaved(board=cmd.board, section=cmd.section, person=done)]


def remove_person(state: SessionState, actor: Actor, cmd: c.RemoveRolePerson, ctx: Context):
    require_member(state, actor)
    board = find_board(state, cmd.board)
    section: RolesSection = find_section(board, cmd.section, RolesSection)
    _may_change(actor, _person(board, section, cmd.person))
    return [e.RolePersonRemoved(board=cmd.board, section=cmd.section, person=cmd.person)]


def network_size(section: RolesSection, people: dict[str, RolePerson]) -> int:
    """How many confirmed names are in the network: the rings that count (not the second ring)."""
    counting = {r.id for ring in section.rings if ring.counts for r in ring.roles}
    return sum(1 for p in people.values() if p.confirmed and p.role in counting)


class Roles(Kind):
    name = "roles"
    network_gives = network.roles_gives  # the roles and their confirmed names, to a learning network
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = RolesSection
    slot = "roles"
    summary_key = "roles"
    handlers = {c.AddRolePerson: add_person, c.MoveRolePerson: move_person,
                c.ConfirmRolePerson: confirm_person, c.RemoveRolePerson: remove_person}
    permissions = {c.AddRolePerson: "roles", c.MoveRolePerson: "roles", c.RemoveRolePerson: "roles"}
    events = (e.RolePersonSaved, e.RolePersonRemoved)
    export_files = {FILE: ["board", "section", "ring", "role", "name", "confirmed"]}

    def empty(self, section: RolesSection) -> dict[str, RolePerson]:
        return {}

    def apply(self, board: BoardState, ev: e.RolePersonSaved | e.RolePersonRemoved) -> None:
        people = board.roles.setdefault(ev.section, {})
        if isinstance(ev, e.RolePersonSaved):
            people[ev.person.id] = ev.person
        else:
            people.pop(ev.person, None)

    def remove_person(self, board_id: str, board: BoardState, section: RolesSection, participant: str,
                      person: Participant) -> list[e.Event]:
        """A removed person's suggestions the facilitator has not confirmed go with them."""
        return [e.RolePersonRemoved(board=board_id, section=section.id, person=p.id)
                for p in board.roles.get(section.id, {}).values() if p.author == participant and not p.confirmed]

    def summarise(self, state: SessionState, board: BoardState, section: RolesSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        people = board.roles.get(section.id, {})
        names = lambda role: sorted((p.name for p in people.values() if p.role == role and p.confirmed),
                                    key=str.casefold)
        return {"id": section.id, "title": label(section.title),
                "size": network_size(section, people), "size_min": section.size_min, "size_max": section.size_max,
                "rings": [{"id": ring.id, "label": label(ring.label), "counts": ring.counts,
                           "roles": [{"id": r.id, "label": label(r.label), "people": names(r.id)}
                                     for r in ring.roles]} for ring in section.rings],
                "unconfirmed": sorted((p.name for p in people.values() if not p.confirmed), key=str.casefold)}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for ring in section["rings"]:
            for role in ring["roles"]:
                for name in role["people"]:
                    files[FILE].append([board_id, section["id"], label_text(ring["label"], lang),
                                        label_text(role["label"], lang), name, "ja"])

