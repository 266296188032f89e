"""A network's rules: the commands it takes, what they decide, and the fold. Pure, no I/O.

Who may send which command is checked by the server (a network's facilitator or co-facilitator
link; a confirm needs the session's facilitator secret too). Here: is the command possible, and
within the caps. A refused command decides no events, so nothing is stored.
"""

from __future__ import annotations

import msgspec

from boards.errors import DomainError, ErrorCode
from boards.network import exchange, model as m
from boards.network.exchange import NetworkDoc, NetworkImported
from boards.text import clean


class Command(msgspec.Struct, tag_field="type", kw_only=True, forbid_unknown_fields=True):
    id: str | None = None  # makes a resend safe: applied once (docs/protocol.md, networks)


class StartNetwork(Command, tag="start_network"):
    name: m.Name
    theme: m.Theme = ""


class ImportNetwork(Command, tag="import_network"):
    doc: NetworkDoc


class AttachSession(Command, tag="attach_session"):
    session: m.SessionId
    title: m.Short = ""
    boards: list[m.Short] = []


class Confirm(Command, tag="confirm"):
    session: m.SessionId
    items: m.Items
    closed_at: int | None = None


class SetActionStatus(Command, tag="set_action_status"):
    action: m.Short
    status: m.Status


def _limit(message: str) -> DomainError:
    return DomainError(ErrorCode.LIMIT_REACHED, message)


def decide(state: m.NetworkState, command: Command) -> list[m.Event]:
    """The events ``command`` adds (none: nothing to do, e.g. everything already confirmed)."""
    if state.seq == 0 and not isinstance(command, (StartNetwork, ImportNetwork)):
        raise DomainError(ErrorCode.NOT_FOUND, "no such network")
    if isinstance(command, ImportNetwork):
        if state.seq:
            return []
        trial = m.NetworkState(id=state.id)
        exchange.take_import(trial, command.doc, 0)
        check_caps(trial)
        return [NetworkImported(doc=command.doc)]
    if isinstance(command, StartNetwork):
        if state.seq:
            return []
        name = clean(command.name, one_line=True)
        if not name:
            raise DomainError(ErrorCode.INVALID, "a network needs a name")
        return [m.NetworkStarted(name=name, theme=clean(command.theme))]
    if isinstance(command, AttachSession):
        if state.session(command.session) is not None:
            return []
        if len(state.sessions) >= m.MAX_SESSIONS:
            raise _limit(f"a network holds at most {m.MAX_SESSIONS} sessions")
        return [m.SessionAttached(session=command.session, title=clean(command.title, one_line=True),
                                  boards=list(command.boards))]
    if isinstance(command, Confirm):
        return _confirm(state, command)
    if isinstance(command, SetActionStatus):
        action = state.actions.get(command.action)
        if action is None:
            raise DomainError(ErrorCode.NOT_FOUND, "no such action in this network")
        if action.status == command.status:
            return []
        return [m.ActionStatusSet(action=command.action, status=command.status)]
    raise DomainError(ErrorCode.UNKNOWN_COMMAND, "not a network command")


def _confirm(state: m.NetworkState, command: Confirm) -> list[m.Event]:
    if state.session(command.session) is None:
        raise DomainError(ErrorCode.NOT_FOUND, "this session is not part of the network")
    done = set(state.contributed)
    fresh: list[m.AnyItem] = []
    seen: set[str] = set()
    for item in command.items:
        ck = m.contribution_key(command.session, item.key)
        if ck in done or ck in seen:
            continue
        seen.add(ck)
        fresh.append(_cleaned(item))
    if not fresh:
        return []
    trial = copy(state)  # the caps hold for the state the items would make
    apply(trial, Record(seq=state.seq + 1, at=state.updated_at,
                          event=m.ItemsConfirmed(session=command.session, closed_at=command.closed_at, items=fresh)))
    check_caps(trial)
    return [m.ItemsConfirmed(session=command.session, closed_at=command.closed_at, items=fresh)]


def _cleaned(item: m.AnyItem) -> m.AnyItem:
    """Texts as the session cleaned them already; an import's are cleaned here as well."""
    changes = {}
    for field in ("text", "names", "category", "owner", "role", "name"):
        value = getattr(item, field, None)
        if isinstance(value, str):
            changes[field] = clean(value, one_line=field != "text" and field != "names")
    return msgspec.structs.replace(item, **changes) if changes else item


def check_caps(state: m.NetworkState) -> None:
    """Refuse a state over any cap (docs/security.md): the command that would make it stores nothing."""
    if len(state.actions) > m.MAX_ACTIONS:
        raise _limit(f"a network holds at most {m.MAX_ACTIONS} actions")
    if len(state.ambitions) > m.MAX_AMBITIONS:
        raise _limit(f"a network keeps at most {m.MAX_AMBITIONS} versions of its ambition")
    if any(len(v) > m.MAX_AGENDA_ITEMS for v in state.agendas.values()):
        raise _limit(f"an agenda holds at most {m.MAX_AGENDA_ITEMS} items")
    if len(state.stakeholders) > m.MAX_STAKEHOLDERS:
        raise _limit(f"a network holds at most {m.MAX_STAKEHOLDERS} stakeholders")
    if len(state.readings) > m.MAX_READINGS:
        raise _limit(f"a network holds at most {m.MAX_READINGS} readings")
    if len(state.roles) > m.MAX_ROLES:
        raise _limit(f"a network holds at most {m.MAX_ROLES} roles")
    if len(state.outcomes) > m.MAX_OUTCOMES:
        raise _limit(f"a network holds at most {m.MAX_OUTCOMES} outcomes")
    if len(state.sessions) > m.MAX_SESSIONS:
        raise _limit(f"a network holds at most {m.MAX_SESSIONS} sessions")


def copy(state: m.NetworkState) -> m.NetworkState:
    return msgspec.convert(msgspec.to_builtins(state), m.NetworkState)


class Record(msgspec.Struct, kw_only=True):
    """One entry of a network's log."""

    seq: int
    at: int
    command: str | None = None  # the command id that wrote it (exactly-once)
    event: m.NetworkStarted | NetworkImported | m.SessionAttached | m.ItemsConfirmed | m.ActionStatusSet


# --- the fold ----------------------------------------------------------------------------------
def apply(state: m.NetworkState, record: Record) -> None:
    """Fold one record into ``state`` (checked by ``decide``: no checks here)."""
    ev = record.event
    state.seq = record.seq
    state.updated_at = record.at
    if record.command:
        state.commands[record.command] = record.seq
        if len(state.commands) > m.COMMAND_WINDOW:
            del state.commands[next(iter(state.commands))]
    if isinstance(ev, m.NetworkStarted):
        state.name, state.theme, state.created_at = ev.name, ev.theme, record.at
    elif isinstance(ev, NetworkImported):
        exchange.take_import(state, ev.doc, record.at)
    elif isinstance(ev, m.SessionAttached):
        state.sessions.append(m.SessionEntry(session=ev.session, title=ev.title, boards=ev.boards,
                                             attached_at=record.at))
    elif isinstance(ev, m.ItemsConfirmed):
        entry = state.session(ev.session)
        for item in ev.items:
            _take(state, ev.session, item, record.at)
            state.contributed.append(m.contribution_key(ev.session, item.key))
        if entry is not None:
            entry.closed_at = ev.closed_at if ev.closed_at is not None else entry.closed_at
            entry.confirmed_at = record.at
            entry.confirmed += len(ev.items)
    elif isinstance(ev, m.ActionStatusSet):
        state.actions[ev.action].status = ev.status


def _take(state: m.NetworkState, session: str, item: m.AnyItem, at: int) -> None:
    if isinstance(item, m.AmbitionItem):
        if item.text and item.text != state.ambition:
            state.ambitions.append(m.AmbitionVersion(text=item.text, session=session, at=at))
    elif isinstance(item, m.GoalItem):
        state.goals[item.slot - 1] = item.text
    elif isinstance(item, m.AgendaItem):
        entries = state.agendas.setdefault(item.agenda, [])
        if item.text and all(e.text.casefold() != item.text.casefold() for e in entries):
            entries.append(m.AgendaEntry(text=item.text, session=session))
    elif isinstance(item, m.ActionItem):
        aid = m.action_id(session, item.key)
        state.actions[aid] = m.ActionEntry(id=aid, text=item.text, owner=item.owner, lane=item.lane,
                                           status="open", session=session, at=at)
    elif isinstance(item, m.StakeholderItem):
        # A later session's view of the same category replaces the earlier one: it stayed relevant.
        state.stakeholders[item.category.casefold()] = m.StakeholderEntry(
            category=item.category, names=item.names, belangen=list(item.belangen),
            behoeften=list(item.behoeften), session=session)
    elif isinstance(item, m.ReadingItem):
        state.readings.append(m.ReadingEntry(name=item.name, session=session, at=at, values=item.values))
    elif isinstance(item, m.OutcomeItem):
        state.outcomes.append(m.OutcomeEntry(text=item.text, session=session, at=at))
    elif isinstance(item, m.RoleItem):
        state.roles[item.role] = item.name
    elif isinstance(item, m.ActionStatusItem):
        if item.action in state.actions:  # an action the network still holds
            state.actions[item.action].status = item.status


def fold(network_id: str, records: list[Record], state: m.NetworkState | None = None) -> m.NetworkState:
    state = state if state is not None else m.NetworkState(id=network_id)
    for record in records:
        if record.seq == state.seq + 1:
            apply(state, record)
    return state
