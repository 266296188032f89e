"""A whole network as a document: the JSON export, its import into another installation (versioned,
within the caps), the CSV export, and the view the network page shows. Pure, no I/O.

The document holds what the network holds: aggregates and names people chose, never a secret, a
token or who placed which dot. An import starts a new network (new id, new links) from it.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from msgspec import Meta

from boards.errors import DomainError, ErrorCode
from boards.network import model as m

FORMAT = "samenspel.network"
VERSION = 1


def _capped(item: type, n: int):
    return Annotated[list[item], Meta(max_length=n)]


class SessionDoc(msgspec.Struct, forbid_unknown_fields=True):
    session: m.SessionId
    title: m.Short
    boards: Annotated[list[m.Short], Meta(max_length=8)]
    attached_at: int
    closed_at: int | None = None
    confirmed_at: int | None = None
    confirmed: int = 0


class AmbitionDoc(msgspec.Struct, forbid_unknown_fields=True):
    text: m.Text
    session: m.Short
    at: int


class AgendaDoc(msgspec.Struct, forbid_unknown_fields=True):
    text: m.Text
    session: m.Short


class StakeholderDoc(msgspec.Struct, forbid_unknown_fields=True):
    category: m.Short
    names: m.Text
    belangen: _capped(m.Text, m.MAX_NOTES_PER_STAKEHOLDER)
    behoeften: _capped(m.Text, m.MAX_NOTES_PER_STAKEHOLDER)
    session: m.Short


class ActionDoc(msgspec.Struct, forbid_unknown_fields=True):
    id: m.Short
    text: m.Text
    owner: m.Short
    lane: m.Short
    status: m.Status
    session: m.Short
    at: int


class ReadingDoc(msgspec.Struct, forbid_unknown_fields=True):
    name: m.Short
    session: m.Short
    at: int
    values: m.Values


class OutcomeDoc(msgspec.Struct, forbid_unknown_fields=True):
    text: m.Text
    session: m.Short
    at: int


class NetworkDoc(msgspec.Struct, forbid_unknown_fields=True):
    """The export's shape (``format`` ``samenspel.network``, ``version`` 1), every list capped."""

    format: str
    version: int
    name: m.Name
    theme: m.Theme = ""
    created_at: int = 0
    sessions: _capped(SessionDoc, m.MAX_SESSIONS) = []
    ambitions: _capped(AmbitionDoc, m.MAX_AMBITIONS) = []
    goals: Annotated[list[m.Text], Meta(min_length=2, max_length=2)] = msgspec.field(default_factory=lambda: ["", ""])
    agendas: dict[m.Agenda, _capped(AgendaDoc, m.MAX_AGENDA_ITEMS)] = {}
    stakeholders: _capped(StakeholderDoc, m.MAX_STAKEHOLDERS) = []
    actions: _capped(ActionDoc, m.MAX_ACTIONS) = []
    readings: _capped(ReadingDoc, m.MAX_READINGS) = []
    outcomes: _capped(OutcomeDoc, m.MAX_OUTCOMES) = []
    roles: Annotated[dict[m.Short, m.Short], Meta(max_length=m.MAX_ROLES)] = {}


class NetworkImported(m.Event, tag="network_imported"):
    """A network started from another installation's export: its content as the document had it."""

    doc: NetworkDoc


def export(state: m.NetworkState) -> dict[str, Any]:
    """The whole network as plain data (JSON-ready)."""
    b = msgspec.to_builtins
    return {
        "format": FORMAT, "version": VERSION, "name": state.name, "theme": state.theme,
        "created_at": state.created_at,
        "sessions": b(state.sessions), "ambitions": b(state.ambitions), "goals": list(state.goals),
        "agendas": {a: b(state.agendas.get(a, [])) for a in m.AGENDAS},
        "stakeholders": b(list(state.stakeholders.values())), "actions": b(list(state.actions.values())),
        "readings": b(state.readings), "outcomes": b(state.outcomes), "roles": dict(state.roles),
    }


def parse(body: bytes) -> NetworkDoc:
    """An export to import; ``invalid`` for a wrong format or version, ``limit_reached`` over a cap."""
    try:
        head = msgspec.json.decode(body)
    except msgspec.DecodeError:
        raise DomainError(ErrorCode.BAD_FRAME, "the body is not JSON") from None
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise DomainError(ErrorCode.INVALID, f"not a network export (format must be {FORMAT!r})")
    if head.get("version") != VERSION:
        raise DomainError(ErrorCode.INVALID, f"unsupported export version {head.get('version')!r} "
                                             f"(this server reads version {VERSION})")
    try:
        return msgspec.convert(head, NetworkDoc)
    except msgspec.ValidationError as exc:
        code = ErrorCode.LIMIT_REACHED if "of length <=" in str(exc) else ErrorCode.INVALID
        raise DomainError(code, str(exc)) from None


def take_import(state: m.NetworkState, doc: NetworkDoc, at: int) -> None:
    """Fold an import: the network holds what the document holds."""
    state.name, state.theme = doc.name, doc.theme
    state.created_at = doc.created_at or at
    state.sessions = [msgspec.convert(msgspec.to_builtins(s), m.SessionEntry) for s in doc.sessions]
    state.ambitions = [m.AmbitionVersion(text=a.text, session=a.session, at=a.at) for a in doc.ambitions]
    state.goals = list(doc.goals)
    state.agendas = {a: [m.AgendaEntry(text=e.text, session=e.session) for e in doc.agendas.get(a, [])]
                     for a in m.AGENDAS}
    state.stakeholders = {s.category.casefold(): m.StakeholderEntry(
        category=s.category, names=s.names, belangen=list(s.belangen), behoeften=list(s.behoeften),
        session=s.session) for s in doc.stakeholders}
    state.actions = {a.id: msgspec.convert(msgspec.to_builtins(a), m.ActionEntry) for a in doc.actions}
    state.readings = [msgspec.convert(msgspec.to_builtins(r), m.ReadingEntry) for r in doc.readings]
    state.outcomes = [msgspec.convert(msgspec.to_builtins(o), m.OutcomeEntry) for o in doc.outcomes]
    state.roles = dict(doc.roles)


CSV_HEADER = ["soort", "sessie", "tekst", "wie", "status", "extra"]


class _Rows(list):
    def writerow(self, row: list[Any]) -> None:
        self.append(row)


def csv_rows(state: m.NetworkState) -> list[list[Any]]:
    """One row per thing the network holds, under ``CSV_HEADER`` (kind, session, text, who,
    status, more); the server writes them as the session exports' CSV (server/export.py)."""
    w = _Rows()
    w.writerow(["netwerk", "", state.name, "", "", state.theme])
    for s in state.sessions:
        w.writerow(["sessie", s.session, s.title, "", "gesloten" if s.closed_at else "open", " ".join(s.boards)])
    for a in state.ambitions:
        w.writerow(["ambitie", a.session, a.text, "", "", ""])
    for i, g in enumerate(state.goals, start=1):
        w.writerow([f"doel{i}", "", g, "", "", ""])
    for agenda in m.AGENDAS:
        for e in state.agendas.get(agenda, []):
            w.writerow([f"{agenda}agenda", e.session, e.text, "", "", ""])
    for s in state.stakeholders.values():
        w.writerow(["stakeholder", s.session, s.category, s.names, "",
                    " | ".join([*("belang: " + t for t in s.belangen), *("behoefte: " + t for t in s.behoeften)])])
    for a in state.actions.values():
        w.writerow(["actie", a.session, a.text, a.owner, a.status, a.lane])
    for r in state.readings:
        for option, groups in r.values.items():
            for group, share in groups.items():
                w.writerow([f"meting:{r.name}", r.session, option, group, "", f"{share:.4f}"])
    for o in state.outcomes:
        w.writerow(["uitkomst", o.session, o.text, "", "", ""])
    for role, name in state.roles.items():
        w.writerow(["rol", "", role, name, "", ""])
    return w
