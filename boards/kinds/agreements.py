"""Agreements (the kick-off's "Waardencontract": Er zijn, Verantwoordelijkheid, Veiligheid, ...;
"Zijn deze waarden OK voor jou? JA = AFSPRAAK!"): values or rules the facilitator seeds and people
add; each person confirms an item or takes that back. Everyone sees how many confirmed, never who;
a person's own confirmations go to them alone (``you``). An item confirmed by the section's
``threshold`` (0: everyone in the session) is an agreement: the server says which in the
section's progress (:func:`need`, :meth:`Agreements.progress`), so no screen counts people itself."""

from __future__ import annotations

from typing import Any

import msgspec

from boards import commands as c
from boards import events as e
from boards.actors import Actor, Context
from boards.errors import DomainError, ErrorCode
from boards.guards import check_len, find_board, find_section, require, require_member, require_participant
from boards.kinds.base import Audience, Kind, SummaryAudience, Touch, as_logged, label, label_text
from boards.kinds.marks import mark
from boards.state import AgreementItem, Agreements as Content, BoardState, Participant, SessionState
from boards.template import AgreementsSection

FILE = "agreements.csv"


def people(state: SessionState) -> int:
    """Who can confirm: the participants with a screen of their own (not people in the room)."""
    return sum(not p.proxy for p in state.participants.values())


def need(section: AgreementsSection, state: SessionState) -> int:
    """The confirmations that make an item an agreement: the threshold, or everyone."""
    return section.threshold or max(1, people(state))


def agreed(content: Content, needed: int) -> list[str]:
    return [i for i, item in content.items.items() if not item.hidden and content.counts.get(i, 0) >= needed]


def _place(state: SessionState, cmd: Any) -> tuple[AgreementsSection, Content]:
    board = find_board(state, cmd.board)
    section: AgreementsSection = find_section(board, cmd.section, AgreementsSection)
    return section, board.agreements[section.id]


def _item(content: Content, item_id: str) -> AgreementItem:
    item = content.items.get(item_id)
    if item is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"no item {item_id!r} in this contract")
    return item


def _text(section: AgreementsSection, text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise DomainError(ErrorCode.EMPTY_ANSWER, "an agreement needs text")
    check_len(text, section.max_len, "the agreement")
    return text


def add(state: SessionState, actor: Actor, cmd: c.AddAgreement, ctx: Context):
    require_member(state, actor)
    section, content = _place(state, cmd)
    if actor.role == "participant" and not section.open:
        raise DomainError(ErrorCode.FORBIDDEN, "only the facilitator adds to this contract")
    text = _text(section, cmd.text)
    if len(content.items) >= section.max_items:
        raise DomainError(ErrorCode.LIMIT_REACHED, f"at most {section.max_items} items in the contract")
    if any(not i.hidden and i.text.casefold() == text.casefold() for i in content.items.values()):
        raise DomainError(ErrorCode.DUPLICATE_ANSWER, "that is in the contract already")
    item = AgreementItem(id=ctx.new_id(), text=text, author=actor.author_id)
    return [e.AgreementSaved(board=cmd.board, section=cmd.section, item=item)]


def edit(state: SessionState, actor: Actor, cmd: c.EditAgreement, ctx: Context):
    """Only the facilitator rewrites or hides; a rewritten seeded value loses its translation."""
    require(actor, "facilitator")
    section, content = _place(state, cmd)
    item = _item(content, cmd.item)
    changed = item
    if cmd.text is not None:
        text = _text(section, cmd.text)
        if text != item.text:
            changed = msgspec.structs.replace(changed, text=text, label=None)
    if cmd.hidden is not None:
        changed = msgspec.structs.replace(changed, hidden=cmd.hidden)
    return [] if changed == item else [e.AgreementSaved(board=cmd.board, section=cmd.section, item=changed)]


def confirm(state: SessionState, actor: Actor, cmd: c.ConfirmAgreement, ctx: Context):
    require_participant(state, actor)
    _section, content = _place(state, cmd)
    item = _item(content, cmd.item)
    if item.hidden and cmd.on:
        raise DomainError(ErrorCode.NOT_FOUND, "that item is off the contract")
    if (cmd.item in content.by_person.get(actor.participant, [])) == cmd.on:
        return []
    return [e.AgreementConfirmed(board=cmd.board, section=cmd.section, item=cmd.item, on=cmd.on,
                                 participant=actor.participant)]


class Agreements(Kind):
    name = "agreements"
    always_listed = False  # only on boards whose template has one: older sessions' views stay as they were
    spec = AgreementsSection
    slot = "agreements"
    summary_key = "agreements"
    handlers = {c.AddAgreement: add, c.EditAgreement: edit, c.ConfirmAgreement: confirm}
    permissions = {c.AddAgreement: "agree", c.ConfirmAgreement: "agree"}
    events = (e.AgreementSaved, e.AgreementConfirmed)
    export_files = {FILE: ["board", "section", "item", "text", "confirmed", "agreed", "hidden"]}

    def empty(self, section: AgreementsSection) -> Content:
        return Content(items={s.id: AgreementItem(id=s.id, text=s.label.nl, author="facilitator", label=label(s.label))
                              for s in section.items})

    def apply(self, board: BoardState, ev: e.Event) -> None:
        content = board.agreements[ev.section]
        match ev:
            case e.AgreementSaved():
                content.items[ev.item.id] = ev.item
            case e.AgreementConfirmed():
                mark(content.by_person, content.counts, ev.participant, ev.item, ev.on)

    def view(self, content: Content, audience: Audience) -> dict[str, Any]:
        return {"items": list(content.items.values()), "counts": content.counts}

    def event_body(self, ev: e.Event, audience: Audience, masked: bool) -> dict[str, Any] | None:
        if not isinstance(ev, e.AgreementConfirmed):
            return None
        body = as_logged(ev)
        del body["participant"]
        return body

    def own(self, content: Content, participant: str) -> list[str]:
        return list(content.by_person.get(participant, []))

    def touches(self, ev: e.Event) -> Touch | None:
        if isinstance(ev, e.AgreementConfirmed):
            return Touch(own=ev.participant, progress=[(ev.board, ev.section)])
        if isinstance(ev, e.AgreementSaved):
            return Touch(progress=[(ev.board, ev.section)])
        return None

    def progress(self, state: SessionState, board_id: str, section: AgreementsSection, audience: Audience) -> dict:
        """How many confirm, how many are needed, and which items are agreements (the same for all)."""
        content = state.boards[board_id].agreements[section.id]
        needed = need(section, state)
        return {"board": board_id, "section": section.id, "people": people(state), "need": needed,
                "agreed": agreed(content, needed)}

    def remove_person(self, board_id: str, board: BoardState, section: AgreementsSection, participant: str,
                      person: Participant) -> list[e.Event]:
        return [e.AgreementConfirmed(board=board_id, section=section.id, item=i, on=False, participant=participant)
                for i in board.agreements[section.id].by_person.get(participant, [])]

    def summarise(self, state: SessionState, board: BoardState, section: AgreementsSection,
                  audience: SummaryAudience) -> dict[str, Any]:
        content = board.agreements[section.id]
        needed = need(section, state)
        made = set(agreed(content, needed))
        return {"id": section.id, "title": label(section.title), "prompt": label(section.prompt),
                "people": people(state), "need": needed,
                "items": [{"id": i.id, "text": i.text, "label": i.label, "hidden": i.hidden,
                           "confirmed": content.counts.get(i.id, 0), "agreed": i.id in made}
                          for i in content.items.values() if audience == "facilitator" or not i.hidden]}

    def export_rows(self, board_id: str, section: dict[str, Any], groups: dict[str, Any], lang: str,
                    files: dict[str, list[list[Any]]]) -> None:
        yes = {True: "ja", False: "nee"}  # as every kind's CSV, in either language
        files[FILE] += [[board_id, section["id"], i["id"], label_text(i["label"], lang) or i["text"], i["confirmed"],
                         yes[i["agreed"]], yes[i["hidden"]]] for i in section["items"]]
