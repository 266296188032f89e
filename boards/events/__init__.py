"""Events: the facts a board's log is made of. The state is their fold.

Events hold who did what (a dot's participant) because the rules need it; what
other people see of them is decided in :mod:`boards.projection`.

The events live in one module per area, as the commands do (``base``: the ``Event`` struct;
``session``, ``sections``, ``stakeholders``, ``card3``, ``toolkit``, ``live``, ``contract``,
``runsheet``). This package gathers them, so ``from boards.events import X`` and ``e.X`` name every
one of them, and joins them in ``AnyEvent``, the one union the log is decoded with: a new event is
added there.
"""

from __future__ import annotations

import msgspec

from boards.events.base import (  # noqa: F401
    Event,
)
from boards.events.session import (  # noqa: F401
    CheckedOut,
    HoldSet,
    JoiningSet,
    ParticipantJoined,
    ParticipantRemoved,
    SectionLockSet,
    SessionClosed,
    SessionCreated,
    StepMinutesSet,
    StepSet,
    TimerExpired,
    TimerExtended,
    TimerPaused,
    TimerReset,
    TimerSet,
    TimerStarted,
)
from boards.events.sections import (  # noqa: F401
    DotPlaced,
    DotRemoved,
    NoteAdded,
    NoteEdited,
    NoteRemoved,
    TextSet,
    VisibilitySet,
)
from boards.events.stakeholders import (  # noqa: F401
    CheckSet,
    ReviewMarked,
    ReviewSeeded,
    StakeholderSaved,
)
from boards.events.card3 import (  # noqa: F401
    RadarDotPlaced,
    RadarDotRemoved,
    RadarVisibilitySet,
    TreeAnswered,
    TreeGroupAnswerSet,
    TreeVisibilitySet,
)
from boards.events.toolkit import (  # noqa: F401
    ConditionSet,
    DraftWritten,
    RolePersonRemoved,
    RolePersonSaved,
    WallDotMoved,
    WallItemSaved,
    WallVisibilitySet,
    WordMarked,
)
from boards.events.live import (  # noqa: F401
    AnswerAdded,
    AnswerMerged,
    AnswerModerated,
    StandTaken,
    StatementAnswered,
    StatementsHidden,
    WordAdded,
    WordHidden,
    WordRecognised,
    WordRemoved,
)
from boards.events.contract import (  # noqa: F401
    AgreementConfirmed,
    AgreementSaved,
    ThemeSaved,
    ThemeWeighed,
    WeightingVisibilitySet,
)
from boards.events.runsheet import (  # noqa: F401
    BlockAdded,
    BlockEdited,
    BlockMoved,
    BlockRemoved,
    BoardLoaded,
)


AnyEvent = (
    SessionCreated | ParticipantJoined | DotPlaced | DotRemoved | TextSet | NoteAdded | NoteEdited
    | NoteRemoved | TimerSet | TimerStarted | TimerPaused | TimerExtended | TimerReset | TimerExpired
    | StepSet | VisibilitySet | StakeholderSaved | CheckSet | ParticipantRemoved | StepMinutesSet
    | SectionLockSet | HoldSet | JoiningSet | CheckedOut | SessionClosed | TreeAnswered | TreeGroupAnswerSet
    | TreeVisibilitySet | RadarDotPlaced | RadarDotRemoved | RadarVisibilitySet | ReviewSeeded | ReviewMarked
    | RolePersonSaved | RolePersonRemoved | ConditionSet | DraftWritten | WordMarked
    | WallItemSaved | WallDotMoved | WallVisibilitySet
    | WordAdded | WordRemoved | WordHidden | WordRecognised | AnswerAdded | AnswerModerated | AnswerMerged
    | StatementAnswered | StatementsHidden | StandTaken
    | BoardLoaded | BlockAdded | BlockEdited | BlockMoved | BlockRemoved
    | ThemeSaved | ThemeWeighed | WeightingVisibilitySet | AgreementSaved | AgreementConfirmed
)


class Record(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One entry of a board's log: the event with its sequence number and server time (ms).

    ``command`` is on the last record a client's command caused, when that command carried an
    id: ``<author>:<id>``. It lets any instance, after any restart, recognise a resent command
    as applied (the server keeps a bounded index of them, rebuilt from the log). ``digest`` beside
    it is a hash of what that command asked (``server.records.command_digest``): the same id sent
    with another payload is refused, not taken for a repeat. Records written before digests were
    kept have none; their ids count as repeats whatever is resent. It never leaves the server:
    frames are built from ``event`` alone.
    """

    seq: int
    at: int
    event: AnyEvent
    command: str | None = None
    digest: str | None = None
