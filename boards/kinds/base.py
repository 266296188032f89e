"""What a kind of section is: everything the rest of the code asks of one, with the answers most
kinds give. A kind overrides only what it does differently (see docs/kinds.md).

A kind's sections keep their content in one field of :class:`boards.state.BoardState` (its
``slot``): section id -> whatever the kind keeps there. Commands and events of a kind name the
board and the section they concern (``board``, ``section``), so the engine can route them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import msgspec

from boards import events as e
from boards.state import BoardState, Participant, SessionState
from boards.template import Label, Permission

# Who a view is for: the facilitator, or anyone else (participants, the projector, viewers).
Audience = Literal["facilitator", "others"]
# Who a summary is for: the facilitator, or the read-only link shared with the group.
SummaryAudience = Literal["facilitator", "shared"]


@dataclass
class Touch:
    """What a logged event changes beyond the board everyone sees, for the fan-out to send on:
    ``own``: the participant whose private view (``you``) changed; ``progress``: the sections
    (board, section) whose progress changed, or ``all_progress`` for every section; ``acted_for``:
    the participant whose marks changed (the facilitator gets a person-in-the-room's marks);
    ``removed``: a participant to disconnect; ``presence``: who is in the room changed;
    ``timer``: the timer changed (its expiry is to be scheduled again)."""

    own: str | None = None
    progress: list[tuple[str, str]] = field(default_factory=list)
    all_progress: bool = False
    acted_for: str | None = None
    removed: str | None = None
    presence: bool = False
    timer: bool = False


def label(value: Label) -> dict[str, str]:
    return {"nl": value.nl, "en": value.en}


def label_text(value: dict[str, str] | None, lang: str) -> str:
    """A summary's label in ``lang`` (Dutch when there is none)."""
    if not value:
        return ""
    return value.get(lang) or value.get("nl") or ""


class Kind:
    """The defaults: content shown to all as it is, no private part, no progress, nothing to take
    away with a person, nothing done when a step's time is up."""

    name: ClassVar[str]  # the section's tag in a template ("dots")
    spec: ClassVar[type]  # the template struct of its sections
    slot: ClassVar[str]  # the BoardState field holding its sections' content
    summary_key: ClassVar[str]  # the list in a board's summary its sections go into
    handlers: ClassVar[dict[type, Callable]] = {}  # command type -> handler(state, actor, cmd, ctx)
    permissions: ClassVar[dict[type, Permission]] = {}  # participant command -> step permission it needs
    events: ClassVar[tuple[type, ...]] = ()  # the events its fold applies
    export_files: ClassVar[dict[str, list[str]]] = {}  # CSV file name -> header row
    # On every board's view, summary and export even when unused (the kinds of the first release);
    # a kind added later is listed only where a template uses it, so that a kept log of an older
    # session replays to exactly the views, summary and files it gave (docs/decisions.md 54).
    always_listed: ClassVar[bool] = True

    @property
    def permission(self) -> Permission | list[Permission] | None:
        """The step permission a section's participants need (what the client greys out and locks):
        the one its commands need; a list when they need several (the weighting: propose, then weigh)
        — the section then waits only while the step allows none of them; None when participants do
        nothing in it."""
        found = sorted(set(self.permissions.values()))
        return found[0] if len(found) == 1 else (found or None)

    # --- the board ---------------------------------------------------------------------------

    def empty(self, section: Any) -> Any:
        """The content of a new section."""
        raise NotImplementedError

    def content(self, board: BoardState) -> dict[str, Any]:
        """This kind's content on a board: section id -> content."""
        return getattr(board, self.slot)

    def apply(self, board: BoardState, ev: e.Event) -> None:
        """Fold one of ``events`` into the board. Checked by the handlers: no checks here."""
        raise NotImplementedError

    def set_hidden(self, board_id: str, board: BoardState, section: Any, hidden: bool) -> list[e.Event] | None:
        """The events of hiding a section's marks until the reveal (``set_hidden``); None: the
        kind hides nothing."""
        return None

    def default_section(self, board: BoardState) -> str | None:
        """The section a command naming none (undo) acts on, for the step rules."""
        return None

    # --- what each audience sees -------------------------------------------------------------

    def view(self, content: Any, audience: Audience) -> Any:
        """A section's content as ``audience`` may see it (the state sent on (re)joining)."""
        return content

    def masked(self, board: BoardState, ev: e.Event) -> bool:
        """Is this event hidden from everyone but the facilitator (``board``: just after it)?"""
        return False

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        """The event as ``audience`` may see it; None: as logged (or masked, when ``masked``)."""
        return None

    def own(self, content: Any, participant: str) -> Any:
        """A participant's own marks in a section, sent to them alone; None: the kind has none."""
        return None

    def progress(self, state: SessionState, board_id: str, section: Any, audience: Audience) -> dict | None:
        """How far the room is with a section; None: the kind shows no progress."""
        return None

    def touches(self, ev: e.Event) -> Touch | None:
        """What else than the board an event changes (see :class:`Touch`)."""
        return None

    # --- the session's rules that reach into sections ----------------------------------------

    def remove_person(self, board_id: str, board: BoardState, section: Any, participant: str,
                      person: Participant) -> list[e.Event]:
        """The events that take a removed person's content out of a section ("with content")."""
        return []

    def time_up(self, board_id: str, board: BoardState, section: Any, reveal: bool) -> list[e.Event]:
        """What a step's time-up does to a section besides locking it (``reveal``: lock_reveal)."""
        return []

    # --- the result ----------------------------------------------------------------------------

    def summarise(self, state: SessionState, board: BoardState, section: Any,
                  audience: SummaryAudience) -> dict[str, Any]:
        raise NotImplementedError

    def finish_summary(self, board_summary: dict[str, Any]) -> None:
        """Change a board's summary after all its sections are in (to gather others into its own)."""

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        """Append the CSV rows of one summarised section to ``files`` (file name -> rows)."""

    # --- a learning network (boards/network, docs/kinds.md) ------------------------------------

    def network_takes(self, section: Any, link: Any, network: Any) -> dict[str, str]:
        """What a new session of ``network`` starts with in this section, as the template's
        ``link`` (boards/network/link.py) asks: field id -> text (text), lane -> [text] (notes).
        Most kinds take nothing."""
        return {}

    def network_opening(self, board_id: str, section: Any, taken: Any) -> list[Any]:
        """The commands (the facilitator's) that start a new session's section with what
        ``network_takes`` gave."""
        return []

    def network_gives(self, summarised: dict[str, Any], link: Any) -> list[Any]:
        """The items (boards/network/model.py) this summarised section gives its network at the
        close, as ``link`` asks. Built from the summary, so never who placed which dot."""
        return []


def as_logged(ev: e.Event) -> dict[str, Any]:
    return msgspec.to_builtins(ev)
