"""Issue 20's weighting and agreements over real websockets, on the embedded store and on Redis (two
instances): dots hidden until the reveal and never with who placed them, JA's counted anonymously
with each person's own in `you`, the agreement decided by the server; bad input refused with a
stable code, nothing stored, the connection open."""

from __future__ import annotations

from boards.templates import TEMPLATES
from tests.integration.test_facilitation import instances  # noqa: F401  (the fixture: both stores)
from tests.integration.test_live_questions import people
from tests.support.client import Client, join

TK, KO = "thema_kiezen", "kickoff"
W = {"board": TK, "section": "themas"}
A = {"board": KO, "section": "contract"}


async def ok(client: Client, frame: dict) -> dict:
    reply = await client.call(frame)
    assert reply["type"] == "ok", reply
    return reply


async def code_of(client: Client, frame: dict) -> str:
    reply = await client.call(frame)
    assert reply["type"] == "error", reply
    return reply["code"]


async def welcome(server, session: dict, **hello) -> dict:
    fresh = await Client(server.ws_url).connect()
    try:
        return await fresh.hello(session["session"], **hello)
    finally:
        await fresh.close()


async def test_themes_weighed_hidden_until_the_reveal_then_final(instances):
    session, facilitator, (ilse, joost) = await people(instances, TK)
    await ok(facilitator, {"type": "set_step", "board": TK, "step": "bronnen"})
    await ok(ilse, {"type": "propose_theme", **W, "text": "Ketensamenwerkingsafspraken"})
    await ok(joost, {"type": "propose_theme", **W, "text": "Ouderbetrokkenheid"})
    a = (await facilitator.event("theme_saved"))["event"]["item"]["id"]
    b = (await facilitator.event("theme_saved"))["event"]["item"]["id"]
    await ok(facilitator, {"type": "set_step", "board": TK, "step": "gewichten"})
    await ok(ilse, {"type": "weigh_theme", **W, "item": a})
    await ok(ilse, {"type": "weigh_theme", **W, "item": a})
    await ok(joost, {"type": "weigh_theme", **W, "item": b})
    fac = (await facilitator.event("theme_weighed"))["event"]
    assert fac == {"type": "theme_weighed", **W, "item": a, "add": True}  # never who, not even here
    for _ in range(3):  # the three dots reach participants masked while hidden
        assert (await joost.event("masked"))["event"] == {"type": "masked"}
    mine = await ilse.next("you")
    while mine["dots"][TK].get("themas") != [a, a]:
        mine = await ilse.next("you")
    kees = await join(instances[-1].http_url, session["join_code"], "Kees", "deelnemer")
    view = await welcome(instances[-1], session, token=kees["token"])
    assert view["state"]["boards"][TK]["weightings"]["themas"]["counts"] == {}  # hidden for participants
    assert (await welcome(instances[0], session, token=session["facilitator_secret"]))["state"]["boards"][TK][
        "weightings"]["themas"]["counts"] == {a: 2, b: 1}
    await ok(facilitator, {"type": "set_hidden", **W, "hidden": False})
    revealed = (await joost.event("weighting_visibility_set"))["event"]
    assert revealed["counts"] == {a: 2, b: 1} and revealed["hidden"] is False
    assert await code_of(joost, {"type": "weigh_theme", **W, "item": a}) == "already_revealed"
    assert await code_of(ilse, {"type": "weigh_theme", **W, "item": a, "add": False}) == "already_revealed"
    state = (await welcome(instances[-1], session, token=session["facilitator_secret"]))["state"]
    assert state["boards"][TK]["weightings"]["themas"] | {"items": None} == {
        "items": None, "hidden": False, "revealed": True, "counts": {a: 2, b: 1}}
    for client in (facilitator, ilse, joost):
        await client.close()


async def test_the_facilitator_weighs_for_someone_in_the_room_within_their_budget(instances):
    """Someone without a device has the same dots as everyone: the facilitator places them with
    `proxy` (only on the step that allows weighing), the budget is theirs, the facilitator gets
    their dots back in `proxy_dots`, and a participant cannot act for them."""
    session, facilitator, (ilse, _joost) = await people(instances, TK)
    await ok(facilitator, {"type": "add_proxy", "group": "deelnemer", "name": "Gerrit"})
    while not (joined := (await facilitator.event("participant_joined"))["event"]).get("proxy"):
        pass  # Ilse and Joost joined first
    gerrit = joined["participant"]
    await ok(facilitator, {"type": "set_step", "board": TK, "step": "bronnen"})
    await ok(ilse, {"type": "propose_theme", **W, "text": "Ouderbetrokkenheid"})
    a = (await facilitator.event("theme_saved"))["event"]["item"]["id"]
    for_gerrit = {"type": "weigh_theme", **W, "item": a, "proxy": gerrit}
    assert await code_of(facilitator, for_gerrit) == "not_in_step"  # as Gerrit would be told
    await ok(facilitator, {"type": "set_step", "board": TK, "step": "gewichten"})
    per_person = next(s for s in TEMPLATES[TK].sections if s.id == "themas").per_person
    for n in range(per_person):
        await ok(facilitator, for_gerrit)
        mine = await facilitator.next("proxy_dots")
        while mine["participant"] != gerrit or len(mine["dots"][TK]["themas"]) != n + 1:
            mine = await facilitator.next("proxy_dots")
    assert mine["dots"][TK]["themas"] == [a] * per_person
    assert await code_of(facilitator, for_gerrit) == "budget_exhausted"
    assert await code_of(ilse, for_gerrit) == "forbidden"
    assert await code_of(facilitator, {**for_gerrit, "proxy": "nobody"}) == "not_found"
    await ok(ilse, {"type": "weigh_theme", **W, "item": a})  # Ilse's own budget is untouched
    await ok(facilitator, {**for_gerrit, "add": False})
    counts = (await welcome(instances[-1], session, token=session["facilitator_secret"]))["state"]["boards"][TK][
        "weightings"]["themas"]["counts"]
    assert counts == {a: per_person}
    for client in (facilitator, ilse, _joost):
        await client.close()


async def test_weighting_bad_input_is_refused_nothing_stored_connection_open(instances):
    """Over-length and over-count proposals, a dot over the budget, in the wrong step or a locked
    section; markup kept as text; a participant merging: each its code, and the socket still works."""
    session, facilitator, (ilse, joost) = await people(instances, TK)
    await ok(facilitator, {"type": "set_step", "board": TK, "step": "bronnen"})
    assert await code_of(ilse, {"type": "propose_theme", **W, "text": "x" * 121}) == "invalid"
    assert await code_of(ilse, {"type": "propose_theme", **W, "text": "y" * 3000}) == "invalid"
    await ok(ilse, {"type": "propose_theme", **W, "text": "<img src=x onerror=alert(1)>"})
    for n in range(4):
        await ok(ilse, {"type": "propose_theme", **W, "text": f"Thema {n}"})
    assert await code_of(ilse, {"type": "propose_theme", **W, "text": "Zesde"}) == "limit_reached"
    first = (await joost.event("theme_saved"))["event"]["item"]
    assert first["text"] == "<img src=x onerror=alert(1)>"
    assert await code_of(joost, {"type": "weigh_theme", **W, "item": first["id"]}) == "not_in_step"
    assert await code_of(joost, {"type": "merge_theme", **W, "item": first["id"], "into": first["id"]}) == "forbidden"
    await ok(facilitator, {"type": "set_step", "board": TK, "step": "gewichten"})
    for _ in range(5):
        await ok(joost, {"type": "weigh_theme", **W, "item": first["id"]})
    assert await code_of(joost, {"type": "weigh_theme", **W, "item": first["id"]}) == "budget_exhausted"
    assert await code_of(ilse, {"type": "weigh_theme", **W, "item": "nope"}) == "not_found"
    await ok(facilitator, {"type": "set_locked", "board": TK, "section": "themas", "locked": True})
    assert await code_of(ilse, {"type": "weigh_theme", **W, "item": first["id"]}) == "section_locked"
    assert (await ilse.call({"type": "ping"}))["type"] == "pong"
    state = (await welcome(instances[0], session, token=session["facilitator_secret"]))["state"]
    content = state["boards"][TK]["weightings"]["themas"]
    assert len(content["items"]) == 5 and content["counts"] == {first["id"]: 5}
    for client in (facilitator, ilse, joost):
        await client.close()


async def test_agreements_counted_without_who_and_decided_by_the_server(instances):
    session, facilitator, (ilse, joost) = await people(instances, KO)
    await ok(facilitator, {"type": "set_step", "board": KO, "step": "afspraken"})
    await ok(ilse, {"type": "confirm_agreement", **A, "item": "veiligheid"})
    ev = (await joost.event("agreement_confirmed"))["event"]
    assert ev == {"type": "agreement_confirmed", **A, "item": "veiligheid", "on": True}
    mine = await ilse.next("you")
    assert mine["dots"][KO]["contract"] == ["veiligheid"]
    await ok(joost, {"type": "confirm_agreement", **A, "item": "veiligheid"})
    progress = await facilitator.next("progress")
    while progress.get("section") != "contract" or progress["agreed"] != ["veiligheid"]:
        progress = await facilitator.next("progress")
    assert progress == {"type": "progress", **A, "people": 2, "need": 2, "agreed": ["veiligheid"]}
    other = await ilse.next("progress")
    while other.get("agreed") != ["veiligheid"]:
        other = await ilse.next("progress")
    # a third person: "everyone" grows, the value is no longer agreed by all, on every screen
    kees = await join(instances[0].http_url, session["join_code"], "Kees", "deelnemer")
    other = await joost.next("progress")
    while other.get("section") != "contract" or other["need"] != 3:
        other = await joost.next("progress")
    assert other["agreed"] == []
    state = (await welcome(instances[-1], session, token=kees["token"]))
    assert state["state"]["boards"][KO]["agreements"]["contract"]["counts"] == {"veiligheid": 2}
    assert state["you"][KO]["contract"] == []
    for client in (facilitator, ilse, joost):
        await client.close()


async def test_agreements_bad_input_is_refused_nothing_stored_connection_open(instances):
    session, facilitator, (ilse, joost) = await people(instances, KO)
    await ok(facilitator, {"type": "set_step", "board": KO, "step": "afspraken"})
    assert await code_of(ilse, {"type": "confirm_agreement", **A, "item": "bestaat-niet"}) == "not_found"
    assert await code_of(ilse, {"type": "edit_agreement", **A, "item": "veiligheid", "text": "Anders"}) == "forbidden"
    assert await code_of(joost, {"type": "edit_agreement", **A, "item": "veiligheid", "hidden": True}) == "forbidden"
    assert await code_of(ilse, {"type": "add_agreement", **A, "text": "z" * 121}) == "invalid"
    assert await code_of(ilse, {"type": "add_agreement", **A, "text": "   "}) == "empty_answer"
    assert await code_of(facilitator, {"type": "confirm_agreement", **A, "item": "veiligheid"}) == "forbidden"
    await ok(ilse, {"type": "add_agreement", **A, "text": "<b>Luisteren</b>"})
    assert (await joost.event("agreement_saved"))["event"]["item"]["text"] == "<b>Luisteren</b>"
    await ok(facilitator, {"type": "set_step", "board": KO, "step": "afronding"})
    assert await code_of(ilse, {"type": "confirm_agreement", **A, "item": "veiligheid"}) == "not_in_step"
    assert (await ilse.call({"type": "ping"}))["type"] == "pong"
    content = (await welcome(instances[0], session, token=session["facilitator_secret"]))["state"]["boards"][KO][
        "agreements"]["contract"]
    assert content["counts"] == {} and [i["text"] for i in content["items"]][-1] == "<b>Luisteren</b>"
    assert content["items"][2] == {"id": "veiligheid", "text": "Veiligheid", "author": "facilitator",
                                   "label": {"nl": "Veiligheid", "en": "Safety"}, "hidden": False}
    for client in (facilitator, ilse, joost):
        await client.close()
