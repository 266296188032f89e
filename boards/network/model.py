"""A learning network's data: what a session can give it (items), the facts of its log (events), and
the state they fold into. Pure, no I/O.

A network holds aggregates and the names people chose (an action's owner, a stakeholder's names),
never who placed which dot: a reading is shares per option per group, the way a summary shows them.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

# --- caps (docs/security.md) -------------------------------------------------------------------
MAX_NAME = 120
MAX_THEME = 600
MAX_TEXT = 2000
MAX_SHORT = 200  # an owner, a role, a stakeholder's category
MAX_SESSIONS = 200
MAX_AMBITIONS = 100
MAX_AGENDA_ITEMS = 100  # per agenda
MAX_STAKEHOLDERS = 200
MAX_ACTIONS = 300
MAX_READINGS = 400
MAX_ROLES = 50
MAX_OUTCOMES = 100
MAX_NOTES_PER_STAKEHOLDER = 40
MAX_ITEMS_PER_CONFIRM = 400
MAX_READING_VALUES = 64  # options in a reading, and groups per option
COMMAND_WINDOW = 1000  # command ids remembered for an exactly-once resend

AGENDAS = ("verander", "opleidings", "onderzoeks")
ACTION_STATUSES = ("open", "bezig", "klaar", "vervallen")

Name = Annotated[str, Meta(min_length=1, max_length=MAX_NAME)]
Theme = Annotated[str, Meta(max_length=MAX_THEME)]
Text = Annotated[str, Meta(max_length=MAX_TEXT)]
Short = Annotated[str, Meta(max_length=MAX_SHORT)]
Key = Annotated[str, Meta(min_length=1, max_length=160)]
SessionId = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Agenda = Literal["verander", "opleidings", "onderzoeks"]
Status = Literal["open", "bezig", "klaar", "vervallen"]
Share = Annotated[float, Meta(ge=0, le=1)]
Values = Annotated[dict[Short, Annotated[dict[Short, Share], Meta(max_length=MAX_READING_VALUES)]],
                   Meta(max_length=MAX_READING_VALUES)]
Notes = Annotated[tuple[Text, ...], Meta(max_length=MAX_NOTES_PER_STAKEHOLDER)]


# --- items: what a session gives -------------------------------------------------------------
class Item(msgspec.Struct, frozen=True, tag_field="kind", kw_only=True):
    """One thing a session adds to its network. ``key`` is stable for the session (the same item of
    the same session always has the same key), so confirming it twice adds it once."""

    key: Key


class AmbitionItem(Item, tag="ambition"):
    text: Text


class GoalItem(Item, tag="goal"):
    slot: Literal[1, 2]
    text: Text


class AgendaItem(Item, tag="agenda"):
    agenda: Agenda
    text: Text


class ActionItem(Item, tag="action"):
    text: Text
    owner: Short = ""
    lane: Short = ""


class StakeholderItem(Item, tag="stakeholder"):
    category: Short
    names: Text = ""
    belangen: Notes = ()
    behoeften: Notes = ()


class ReadingItem(Item, tag="reading"):
    """A pillar reading: option -> group -> share (Samenspel's "aandacht nodig"), or a radar's
    medians (option -> "mediaan" -> value scaled to 0..1), as the session's summary shows them."""

    name: Short
    values: Values


class OutcomeItem(Item, tag="outcome"):
    """The decision tree's outcome (card 3): which way, in words."""

    text: Text


class RoleItem(Item, tag="role"):
    role: Short
    name: Short


class ActionStatusItem(Item, tag="action_status"):
    """An action of the network as the group marked it in a review (kind actions_review)."""

    action: Short
    status: Status


AnyItem = (AmbitionItem | GoalItem | AgendaItem | ActionItem | StakeholderItem | ReadingItem | OutcomeItem | RoleItem
           | ActionStatusItem)
Items = Annotated[tuple[AnyItem, ...], Meta(max_length=MAX_ITEMS_PER_CONFIRM)]


# --- events: the facts of a network's log ---------------------------------------------------
class Event(msgspec.Struct, tag_field="type", kw_only=True):
    pass


class NetworkStarted(Event, tag="network_started"):
    name: str
    theme: str


class SessionAttached(Event, tag="session_attached"):
    session: str
    title: str
    boards: list[str]


class ItemsConfirmed(Event, tag="items_confirmed"):
    session: str
    closed_at: int | None
    items: list[AnyItem]


class ActionStatusSet(Event, tag="action_status_set"):
    action: str
    status: str


# --- the state -------------------------------------------------------------------------------
class SessionEntry(msgspec.Struct, kw_only=True):
    session: str
    title: str
    boards: list[str]
    attached_at: int
    closed_at: int | None = None
    confirmed_at: int | None = None
    confirmed: int = 0  # items confirmed from it


class AmbitionVersion(msgspec.Struct, kw_only=True):
    text: str
    session: str
    at: int


class AgendaEntry(msgspec.Struct, kw_only=True):
    text: str
    session: str


class StakeholderEntry(msgspec.Struct, kw_only=True):
    category: str
    names: str
    belangen: list[str]
    behoeften: list[str]
    session: str


class ActionEntry(msgspec.Struct, kw_only=True):
    id: str
    text: str
    owner: str
    lane: str
    status: str
    session: str
    at: int


class ReadingEntry(msgspec.Struct, kw_only=True):
    name: str
    session: str
    at: int
    values: dict[str, dict[str, float]]


class OutcomeEntry(msgspec.Struct, kw_only=True):
    text: str
    session: str
    at: int


class NetworkState(msgspec.Struct, kw_only=True):
    id: str
    seq: int = 0
    name: str = ""
    theme: str = ""
    created_at: int = 0
    updated_at: int = 0
    sessions: list[SessionEntry] = msgspec.field(default_factory=list)
    ambitions: list[AmbitionVersion] = msgspec.field(default_factory=list)
    goals: list[str] = msgspec.field(default_factory=lambda: ["", ""])
    agendas: dict[str, list[AgendaEntry]] = msgspec.field(default_factory=lambda: {a: [] for a in AGENDAS})
    stakeholders: dict[str, StakeholderEntry] = msgspec.field(default_factory=dict)  # category (casefold) ->
    actions: dict[str, ActionEntry] = msgspec.field(default_factory=dict)
    readings: list[ReadingEntry] = msgspec.field(default_factory=list)
    outcomes: list[OutcomeEntry] = msgspec.field(default_factory=list)
    roles: dict[str, str] = msgspec.field(default_factory=dict)  # role -> the name chosen
    contributed: list[str] = msgspec.field(default_factory=list)  # "<session>|<item key>", in order
    commands: dict[str, int] = msgspec.field(default_factory=dict)  # command id -> seq (the last ones)

    @property
    def ambition(self) -> str:
        return self.ambitions[-1].text if self.ambitions else ""

    def session(self, session_id: str) -> SessionEntry | None:
        return next((s for s in self.sessions if s.session == session_id), None)


def contribution_key(session: str, key: str) -> str:
    return f"{session}|{key}"


def action_id(session: str, key: str) -> str:
    """An action's id in the network: stable for its session and item (a resend finds it)."""
    import hashlib

    return hashlib.blake2b(f"{session}|{key}".encode(), digest_size=6).hexdigest()
