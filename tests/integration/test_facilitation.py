"""The session's script over real websockets, on the embedded store and on two instances on Redis."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from tests.integration.test_many_instances import FAST, dot
from tests.support.client import Client, create_session, join
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer

BOARD = "samenspel"


@pytest.fixture(params=["embedded", "redis"])
def instances(request, tmp_path):
    """One instance on the embedded store, or two on one real redis-server."""
    if request.param == "embedded":
        servers = [ServerProcess(tmp_path / "app", env=FAST).start()]
        redis = None
    else:
        redis = RedisServer(tmp_path / "redis").start()
        servers = [ServerProcess(tmp_path / f"app{i}", redis_url=redis.url, env=FAST).start() for i in range(2)]
    yield servers
    for server in servers:
        server.stop()
    if redis is not None:
        redis.kill()


async def connect(instance: ServerProcess, session: str, **hello) -> Client:
    client = await Client(instance.ws_url).connect()
    welcome = await client.hello(session, **hello)
    assert welcome["type"] == "welcome", welcome
    return client


@dataclass
class Meeting:
    """A session with Ann (Leernetwerk) and maybe Max (Management) joined; the facilitator on the
    first instance, Ann on the last (the other instance, on Redis), Max on the first."""

    session: dict
    ann: dict
    facilitator: Client
    ann_ws: Client
    max: dict | None = None
    max_ws: Client | None = None

    @property
    def id(self) -> str:
        return self.session["session"]

    async def close(self) -> None:
        for client in (self.facilitator, self.ann_ws, self.max_ws):
            if client is not None:
                await client.close()


async def meeting(instances, with_max: bool = False, on_paper: bool = True) -> Meeting:
    """``on_paper``: hold off, so participants act without a step (a new session waits for step 1)."""
    first, last = instances[0], instances[-1]
    session = await create_session(first.http_url, on_paper=on_paper)
    ann = await join(first.http_url, session["join_code"], "Ann", "leernetwerk")
    max_ = await join(first.http_url, session["join_code"], "Max", "management") if with_max else None
    facilitator = await connect(first, session["session"], token=session["facilitator_secret"])
    ann_ws = await connect(last, session["session"], token=ann["token"])
    max_ws = await connect(first, session["session"], token=max_["token"]) if with_max else None
    return Meeting(session, ann, facilitator, ann_ws, max_, max_ws)


async def test_time_up_locks_the_section_on_every_instance_exactly_once(instances):
    """Step 2 with a 1 s clock: at time-up one expiry and one lock are logged, and every screen
    (on either instance) sees them; a dot after it is refused as locked."""
    m = await meeting(instances)
    facilitator, ann_ws = m.facilitator, m.ann_ws
    viewer = await connect(instances[-1], m.id, code=m.session["join_code"])
    assert (await facilitator.call({"type": "set_step", "step": "drijfveren"}))["type"] == "ok"
    assert (await facilitator.call({"type": "timer", "action": "start", "seconds": 1}))["type"] == "ok"
    for screen in (facilitator, ann_ws, viewer):
        expired = await screen.event("timer_expired", timeout=5)
        locked = await screen.next("event")
        assert locked["seq"] == expired["seq"] + 1
        assert locked["event"] == {"type": "section_lock_set", "board": BOARD, "section": "drijfveren",
                                   "locked": True}
    refused = await ann_ws.call(dot("impact"))
    assert refused["type"] == "error" and refused["code"] == "section_locked"
    # nothing else was logged: the next facilitator command follows the lock directly
    await facilitator.call({"type": "set_locked", "board": BOARD, "section": "drijfveren", "locked": False})
    unlocked = await viewer.event("section_lock_set")
    assert unlocked["seq"] == locked["seq"] + 1
    await viewer.close()
    await m.close()


async def test_participant_joining_before_step_1_cannot_vote_and_nothing_is_stored(instances):
    """Hold on, no step yet: Ann's dots (in a hidden section too) are refused with not_started and
    nothing is logged; the facilitator still writes; after step 2 Ann's dot goes through."""
    m = await meeting(instances, on_paper=False)
    facilitator, ann_ws = m.facilitator, m.ann_ws
    await facilitator.call({"type": "set_hidden", "board": BOARD, "section": "pijlers", "hidden": True})
    seq = (await ann_ws.event("visibility_set"))["seq"]
    for frame in (dot("impact"), {"type": "place_dot", "board": BOARD, "section": "pijlers", "option": "tijd"}):
        refused = await ann_ws.call(frame)
        assert refused["type"] == "error" and refused["code"] == "not_started", refused
    note = {"type": "add_note", "board": BOARD, "section": "actie", "lane": "leernetwerk-doen", "text": "Plan"}
    assert (await facilitator.call(note))["type"] == "ok"
    added = await ann_ws.event("note_added")
    assert added["seq"] == seq + 1  # the refused dots logged nothing
    viewer = await Client(instances[-1].ws_url).connect()
    welcome = await viewer.hello(m.id, code=m.session["join_code"])
    assert welcome["state"]["boards"][BOARD]["dots"]["drijfveren"]["counts"] == {}
    await facilitator.call({"type": "set_step", "step": "drijfveren"})
    assert (await ann_ws.call(dot("impact")))["type"] == "ok"
    await viewer.close()
    await m.close()


async def test_hidden_dots_reach_a_participant_only_at_the_reveal(instances):
    """Before the reveal a participant's frames carry no option or count of another's dot; the
    reveal brings the tally. The facilitator sees every dot live, before and after hiding."""
    m = await meeting(instances, with_max=True)
    facilitator, ann_ws, max_ws = m.facilitator, m.ann_ws, m.max_ws
    await ann_ws.call(dot("impact"))
    await facilitator.call({"type": "set_hidden", "board": BOARD, "section": "drijfveren", "hidden": True})
    await ann_ws.event("visibility_set")
    await facilitator.event("visibility_set")
    ann_ws.drain()
    mine = ("zingeving", "autonomie", "saamhorigheid")
    for option in mine:  # all three: the last one changes "done", so a progress frame comes
        await max_ws.call(dot(option))
    placed = await facilitator.event("dot_placed")
    assert placed["event"]["option"] == "zingeving" and "participant" not in placed["event"]
    masked = await ann_ws.next("event")
    assert masked["event"] == {"type": "masked"}
    progress = await ann_ws.next("progress")
    assert "finished" not in progress and progress["done"] == {"management": 1}
    rest = repr(ann_ws.drain())
    assert not any(option in rest for option in mine)
    await facilitator.call({"type": "set_hidden", "board": BOARD, "section": "drijfveren", "hidden": False})
    reveal = await ann_ws.event("visibility_set")
    assert reveal["event"]["counts"] == {"impact": {"leernetwerk": 1}, **{o: {"management": 1} for o in mine}}
    await m.close()


async def test_a_removed_participant_is_closed_and_their_token_refused(instances):
    """Removal closes the person's socket on whichever instance it is, with 4011; the token no
    longer opens the board; their dots leave the tally when removed with content."""
    m = await meeting(instances)
    facilitator, ann_ws, ann, last = m.facilitator, m.ann_ws, m.ann, instances[-1]
    await ann_ws.call(dot("impact"))
    reply = await facilitator.call({"type": "remove_participant", "participant": ann["participant"],
                                    "with_content": True})
    assert reply["type"] == "ok"
    removed_dot = await facilitator.event("dot_removed")
    assert removed_dot["event"]["option"] == "impact"
    await facilitator.event("participant_removed")
    await ann_ws._reader  # the server closes the socket
    assert ann_ws.ws.close_code == 4011
    again = await Client(last.ws_url).connect()
    refused = await again.hello(m.id, token=ann["token"])
    assert refused["type"] == "error" and refused["code"] == "bad_token"
    await again.close()
    await m.close()


async def test_a_locked_join_code_says_so_and_a_closed_session_stops_it(instances):
    """Locked: the lookup says joining is closed and a join is refused with 403; people already
    in reload fine. Closed: the code gives 410 and every command is refused as closed."""
    first, last = instances[0], instances[-1]
    session = await create_session(first.http_url)
    ann = await join(first.http_url, session["join_code"], "Ann", "leernetwerk")
    facilitator = await connect(first, session["session"], token=session["facilitator_secret"])
    await facilitator.call({"type": "set_joining", "open": False})
    async with httpx.AsyncClient(base_url=last.http_url) as http:
        looked_up = await http.get(f"/api/codes/{session['join_code']}")
        assert looked_up.status_code == 200 and looked_up.json()["joining_open"] is False
        refused = await http.post("/api/join", json={"code": session["join_code"], "name": "Bo",
                                                     "group": "leernetwerk"})
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "joining_closed"
    ann_ws = await connect(last, session["session"], token=ann["token"])  # a reload still works
    await facilitator.call({"type": "close_session"})
    closed = await ann_ws.call(dot("impact"))
    assert closed["type"] == "error" and closed["code"] == "session_closed"
    async with httpx.AsyncClient(base_url=last.http_url) as http:
        gone = await http.get(f"/api/codes/{session['join_code']}")
        assert gone.status_code == 410 and gone.json()["error"]["code"] == "session_closed"
    welcome = await (await Client(last.ws_url).connect()).hello(session["session"], token=ann["token"])
    assert welcome["state"]["closed_at"] is not None  # still readable
    for client in (facilitator, ann_ws):
        await client.close()


async def test_proxy_dots_count_for_the_group_and_show_the_person_as_online(instances):
    """A person in the room added by the facilitator is online for everyone (and counted in the
    presence frame's in_the_room), a proxy only for the facilitator; their dots count in their
    group's tally."""
    m = await meeting(instances)
    facilitator, ann_ws = m.facilitator, m.ann_ws
    await facilitator.call({"type": "add_proxy", "group": "management", "name": "Els"})
    joined = await ann_ws.event("participant_joined")
    assert "proxy" not in joined["event"]
    guest = joined["event"]["participant"]
    assert (await facilitator.event("participant_joined"))["event"]["proxy"] is True
    while guest not in (presence := await ann_ws.next("presence"))["participants"]:
        pass
    assert presence["in_the_room"] == 1  # so screens count those with a device apart ("1 in de zaal")
    reply = await facilitator.call({**dot("impact"), "proxy": guest})
    assert reply["type"] == "ok"
    placed = await ann_ws.event("dot_placed")
    assert placed["event"]["group"] == "management"
    mine = await facilitator.next("proxy_dots")
    assert mine["dots"][BOARD]["drijfveren"] == ["impact"]
    forged = await ann_ws.call({**dot("zingeving"), "proxy": guest})
    assert forged["type"] == "error" and forged["code"] == "forbidden"
    await m.close()


async def test_check_out_reaches_the_facilitator_only(instances):
    """A check-out answer is the facilitator's; other screens get a masked frame."""
    m = await meeting(instances, with_max=True)
    facilitator, ann_ws, max_ws, ann = m.facilitator, m.ann_ws, m.max_ws, m.ann
    assert (await ann_ws.call({"type": "check_out", "rating": 5, "text": "Heel nuttig"}))["type"] == "ok"
    seen = await facilitator.event("checked_out")
    assert seen["event"] == {"type": "checked_out", "participant": ann["participant"], "rating": 5,
                             "text": "Heel nuttig"}
    assert (await max_ws.next("event"))["event"] == {"type": "masked"}
    own = await ann_ws.next("you")
    assert own["checkout"] == {"rating": 5, "text": "Heel nuttig"}
    await m.close()


