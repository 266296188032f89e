"""Commands: what a client asks for. Typed structs with declared limits.

A frame decoded from MessagePack is converted into one of these with
``msgspec.convert``; anything that does not fit is refused before the engine
runs. Limits that depend on the template (a field's length, a section's
budget) are checked by the engine.

The commands live in one module per area (``base``: the ``Command`` struct and the shared limits;
``sections``: dots, notes, text; ``session``: the facilitator's and the server's; ``stakeholders``;
``card3``: tree and radar; ``toolkit``: cards 1 and 4; ``live``: the kick-off's live questions;
``contract``: weighting and agreements; ``runsheet``: blocks). This package gathers them, so
``from boards.commands import X`` and ``c.X`` name every one of them, and joins them in
``ClientCommand``, the one union a client frame is decoded with: a new command is added to its
area's union (or to ``ClientCommand`` here).
"""

from __future__ import annotations

from boards.commands.base import (  # noqa: F401
    Command,
    CommandId,
    DisplayName,
    Id,
    Minutes,
    Owner,
    Ref,
    Seconds,
    Text,
)
from boards.commands.sections import (  # noqa: F401
    AddNote,
    EditNote,
    PlaceDot,
    RemoveDot,
    RemoveNote,
    SetHidden,
    SetText,
)
from boards.commands.session import (  # noqa: F401
    AddProxy,
    CheckOut,
    CloseSession,
    CreateSession,
    ExpireTimer,
    FacilitationCommand,
    Join,
    RemoveParticipant,
    SetHold,
    SetJoining,
    SetLocked,
    SetStep,
    SetStepMinutes,
    Timer,
)
from boards.commands.stakeholders import (  # noqa: F401
    AddAttachedNote,
    AddStakeholder,
    Category,
    Coord,
    EditAttachedNote,
    EditStakeholder,
    MarkReview,
    MoveStakeholder,
    PlaceInMatrix,
    RemoveAttachedNote,
    RemoveStakeholder,
    RestoreStakeholder,
    ReviewSeed,
    SeedReview,
    SetCheck,
    SetRelevant,
    StakeholderCommand,
    Undo,
)
from boards.commands.card3 import (  # noqa: F401
    Answer,
    AnswerTree,
    CardCommand,
    PlaceRadarDot,
    RemoveRadarDot,
    Ring,
    SetTreeAnswer,
)
from boards.commands.toolkit import (  # noqa: F401
    AddPhoto,
    AddRolePerson,
    AddSketch,
    AddWallItem,
    ConfirmRolePerson,
    HideWallItem,
    MarkWord,
    MoveRolePerson,
    RemoveRolePerson,
    SetCondition,
    SetWallHidden,
    ToolkitCommand,
    WallDot,
    WriteDraft,
)
from boards.commands.live import (  # noqa: F401
    AddAnswer,
    AddWord,
    AnswerStatement,
    AnswerText,
    HideWord,
    LiveCommand,
    MergeAnswer,
    ModerateAnswer,
    RecogniseWord,
    RemoveWord,
    SetStatementsHidden,
    TakeStand,
)
from boards.commands.contract import (  # noqa: F401
    AddAgreement,
    ConfirmAgreement,
    ContractCommand,
    EditAgreement,
    HideTheme,
    MergeTheme,
    ProposeTheme,
    WeighTheme,
)
from boards.commands.runsheet import (  # noqa: F401
    Activity,
    AddBlock,
    BlockCommand,
    BlockItem,
    BlockText,
    BlockTitle,
    CopyBlock,
    EditBlock,
    MoveBlock,
    Position,
    RemoveBlock,
)


ClientCommand = (
    PlaceDot | RemoveDot | SetText | AddNote | EditNote | RemoveNote | Timer | SetStep | SetHidden
    | StakeholderCommand | FacilitationCommand | CardCommand | ToolkitCommand | LiveCommand | BlockCommand
    | ContractCommand
)
