"""Where do you stand ("Welke fase voel jij je het prettigste? Wie staat waar?"): each person puts
one dot on a segment of the actieleercirkel (or of a scale); everyone sees how many stand where,
nobody who. A person's own segment goes to them alone (``you``)."""

from __future__ import annotations

from typing import Any

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import find_board, find_section, require_participant
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch, as_logged, label, label_text
from boards.state import BoardState, Participant, SessionState, Stands
from boards.template import StandSection

FILE = "stand.csv"


def take_stand(state: SessionState, actor: Actor, cmd: c.TakeStand, ctx: Context):
    require_participant(state, actor)
    board = find_board(state, cmd.board)
    section: StandSection = find_section(board, cmd.section, StandSection)
    if cmd.segment is not None and not any(seg.id == cmd.segment for seg in section.segments):
        raise DomainError(ErrorCode.NOT_FOUND, f"no segment {cmd.segment!r} in {section.id!r}")
    previous = board.stands[section.id].by_person.get(actor.participant)
    if previous == cmd.segment:
        return []
    return [e.StandTaken(board=cmd.board, section=cmd.section, segment=cmd.segment, previous=previous,
                         participant=actor.participant)]


def _move(stands: Stands, participant: str, previous: str | None, segment: str | None) -> None:
    if previous is not None:
        stands.counts[previous] -= 1
        if stands.counts[previous] == 0:
            del stands.counts[previous]
    if segment is None:
        stands.by_person.pop(participant, None)
    else:
        stands.by_person[participant] = segment
        stands.counts[segment] = stands.counts.get(segment, 0) + 1


class Stand(Kind):
    name = "stand"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = StandSection
    slot = "stands"
    summary_key = "stands"
    handlers = {c.TakeStand: take_stand}
    permissions = {c.TakeStand: "answer"}
    events = (e.StandTaken,)
    export_files = {FILE: ["board", "section", "segment", "segment_label", "count"]}

    def empty(self, section: StandSection) -> Stands:
        return Stands()

    def apply(self, board: BoardState, ev: e.StandTaken) -> None:
        _move(board.stands[ev.section], ev.participant, ev.previous, ev.segment)

    def view(self, stands: Stands, audience: Audience) -> dict[str, Any]:
        return {"counts": stands.counts}

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        body = as_logged(ev)
        del body["participant"]
        return body

    def own(self, stands: Stands, participant: str) -> str:
        return stands.by_person.get(participant, "")

    def touches(self, ev: e.Event) -> Touch | None:
        return Touch(own=ev.participant)

    def remove_person(self, board_id: str, board: BoardState, section: StandSection, participant: str,
                      person: Participant) -> list[e.Event]:
        previous = board.stands[section.id].by_person.get(participant)
        if previous is None:
            return []
        return [e.StandTaken(board=board_id, section=section.id, segment=None, previous=previous,
                             participant=participant)]

    def summarise(self, state: SessionState, board: BoardState, section: StandSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        counts = board.stands[section.id].counts
        return {"id": section.id, "title": label(section.title), "prompt": label(section.prompt),
                "shape": section.shape,
                "segments": [{"id": seg.id, "label": label(seg.label), "count": counts.get(seg.id, 0)}
                             for seg in section.segments]}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        for seg in section["segments"]:
            files[FILE].append([board_id, section["id"], seg["id"], label_text(seg["label"], lang), seg["count"]])
