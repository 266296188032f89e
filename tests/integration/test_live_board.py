"""A live Samenspel session over real websockets on a real uvicorn: what every screen sees."""

from __future__ import annotations

import asyncio

import msgpack

from tests.support.client import Client, join

BOARD = "samenspel"


def dot(option: str, section: str = "drijfveren", type_: str = "place_dot") -> dict:
    return {"type": type_, "board": BOARD, "section": section, "option": option}


async def test_a_dot_reaches_everyone_with_its_group_colour(room):
    """A Management dot appears on all four screens, as a Management count, with the same seq."""
    reply = await room.max.call(dot("impact"))
    assert reply["type"] == "ok"
    seqs = set()
    for client in room.everyone:
        frame = await client.event("dot_placed")
        assert frame["event"] == {"type": "dot_placed", "board": BOARD, "section": "drijfveren",
                                  "option": "impact", "group": "management"}
        seqs.add(frame["seq"])
    assert len(seqs) == 1


async def test_counts_per_group_add_up_across_participants(room):
    """Two Leernetwerk dots and one Management dot on one field give 2 + 1 in a fresh snapshot."""
    for client in (room.ann, room.bea, room.max):
        assert (await client.call(dot("zingeving")))["type"] == "ok"
    late = await Client(room.facilitator.ws_url).connect()
    welcome = await late.hello(room.id, code=room.session["join_code"])
    assert welcome["role"] == "viewer"
    counts = welcome["state"]["boards"][BOARD]["dots"]["drijfveren"]["counts"]
    assert counts["zingeving"] == {"leernetwerk": 2, "management": 1}
    await late.close()


async def test_own_dots_are_told_only_to_their_owner(room):
    """After placing a dot, Ann gets her own dot list; Bea gets none."""
    await room.ann.call(dot("impact"))
    you = await room.ann.next("you")
    assert you["dots"][BOARD]["drijfveren"] == ["impact"]
    await room.bea.call({"type": "ping"})  # a round trip: anything sent to Bea before it has arrived
    assert not [f for f in room.bea.drain() if f["type"] == "you"]


async def test_fourth_dot_is_refused_and_stores_nothing(room):
    """The fourth dot gets budget_exhausted; others see only three events."""
    for option in ("zingeving", "impact", "autonomie"):
        assert (await room.ann.call(dot(option)))["type"] == "ok"
    reply = await room.ann.call(dot("duurzaamheid"))
    assert reply["type"] == "error" and reply["code"] == "budget_exhausted"
    second = await room.ann.call(dot("tijd", section="pijlers"))  # budgets are per section
    assert second["type"] == "ok"
    options = [(await room.max.event("dot_placed"))["event"]["option"] for _ in range(4)]
    assert options == ["zingeving", "impact", "autonomie", "tijd"]


async def test_second_dot_on_one_field_is_refused(room):
    """Two dots of one person on one field: duplicate_dot."""
    await room.bea.call(dot("tijd", section="pijlers"))
    reply = await room.bea.call(dot("tijd", section="pijlers"))
    assert reply["code"] == "duplicate_dot"


async def test_participant_cannot_drive_the_timer_or_edit_the_ambition(room):
    """Facilitator-only commands from a participant are forbidden; the socket stays usable."""
    for command in ({"type": "timer", "action": "set", "seconds": 60},
                    {"type": "set_text", "board": BOARD, "section": "ambitie", "field": "ambitie", "text": "Weg"}):
        reply = await room.ann.call(command)
        assert reply["type"] == "error" and reply["code"] == "forbidden"
    assert (await room.ann.call(dot("impact")))["type"] == "ok"


async def test_timer_is_shared_in_server_time(room):
    """The facilitator sets and starts five minutes; everyone gets the same start time."""
    assert (await room.facilitator.call({"type": "timer", "action": "set", "seconds": 300}))["type"] == "ok"
    assert (await room.facilitator.call({"type": "timer", "action": "start"}))["type"] == "ok"
    starts = {(await c.event("timer_started"))["event"]["at"] for c in room.everyone}
    assert len(starts) == 1


async def test_timer_expiry_reaches_everyone_once(room):
    """A one-second timer ends with exactly one timer_expired event on every screen."""
    await room.facilitator.call({"type": "timer", "action": "set", "seconds": 1})
    await room.facilitator.call({"type": "timer", "action": "start"})
    for client in room.everyone:
        frame = await client.event("timer_expired", timeout=5)
        assert frame["event"]["type"] == "timer_expired"
    await room.facilitator.call({"type": "ping"})
    assert not [f for f in room.facilitator.drain() if f.get("event", {}).get("type") == "timer_expired"]


async def test_ambition_edit_by_the_facilitator_reaches_everyone(room):
    """The facilitator's text change is broadcast."""
    await room.facilitator.call({"type": "set_text", "board": BOARD, "section": "ambitie", "field": "doel1",
                                 "text": "Minder uitval"})
    for client in room.everyone:
        assert (await client.event("text_set"))["event"]["text"] == "Minder uitval"


async def test_concurrent_edit_of_one_note_keeps_both_visible(room):
    """Of two edits on the same version, one wins and the other gets edit_conflict (no silent loss)."""
    await room.ann.call({"type": "add_note", "board": BOARD, "section": "actie", "lane": "leernetwerk-doen",
                         "text": "Plan", "owner": "Ann"})
    note = (await room.ann.event("note_added"))["event"]["note"]
    edit = {"type": "edit_note", "board": BOARD, "section": "actie", "note": note, "base_version": 1}
    replies = await asyncio.gather(room.ann.call({**edit, "text": "Plan A"}),
                                   room.facilitator.call({**edit, "text": "Plan B"}))
    assert sorted(r["type"] for r in replies) == ["error", "ok"]
    assert [r["code"] for r in replies if r["type"] == "error"] == ["edit_conflict"]


async def test_bad_frames_get_error_codes_and_the_socket_stays_open(room):
    """Garbage, unknown commands, wrong types, oversize frames and forged hellos are refused politely."""
    client = room.bea

    async def raw_error(data: bytes | str) -> str:
        client.drain()
        await client.send_raw(data)
        return (await client.next("error"))["code"]

    assert await raw_error(b"\xc1\xc1") == "bad_frame"
    assert await raw_error("hello as text") == "bad_frame"
    assert await raw_error(msgpack.packb({"type": "add_note", "text": "x" * 70_000})) == "frame_too_large"
    assert (await client.call({"type": "delete_everything"}))["code"] == "unknown_command"
    assert (await client.call({"type": "place_dot", "board": BOARD, "section": 3, "option": "x"}))["code"] == "invalid"
    assert (await client.call({"type": "hello", "session": room.id, "token": "x"}))["code"] == "invalid"
    assert (await client.call(dot("impact")))["type"] == "ok"


async def test_forged_token_and_commands_before_hello_are_refused(server, room):
    """A made-up token is bad_token; a command before hello is not_authenticated."""
    stranger = await Client(server.ws_url).connect()
    assert (await stranger.call(dot("impact")))["code"] == "not_authenticated"
    assert (await stranger.hello(room.id, token="forged-token-123"))["code"] == "bad_token"
    assert (await stranger.hello(room.id, code="AAAAAA"))["code"] == "bad_token"
    assert (await stranger.hello("no-such-session", code="AAAAAA"))["code"] == "not_found"
    await stranger.close()


async def test_foreign_origin_is_refused_at_the_handshake(server):
    """A page from another site cannot open a socket to the board."""
    client = Client(server.ws_url)
    try:
        await client.connect(Origin="https://evil.example")
    except Exception as exc:  # websockets raises InvalidStatus for the refused handshake
        assert "403" in str(exc)
    else:
        raise AssertionError("handshake from a foreign origin was accepted")


async def test_reconnect_with_last_seq_gets_exactly_the_missed_events(server, room):
    """Ann drops, three things happen, Ann comes back with her last seq and gets exactly those three."""
    last_seq, epoch = room.ann.seq, room.ann.epoch
    await room.ann.close()
    await room.bea.call(dot("impact"))
    await room.max.call(dot("impact"))
    await room.facilitator.call({"type": "set_step", "step": "drijfveren"})
    back = await Client(server.ws_url).connect()
    welcome = await back.hello(room.id, token=room.tokens["Ann"]["token"], last_seq=last_seq, epoch=epoch)
    assert welcome["mode"] == "resume" and "state" not in welcome
    missed = [await back.next("event") for _ in range(4)]
    assert [f["seq"] for f in missed] == [last_seq + 1, last_seq + 2, last_seq + 3, last_seq + 4]
    # choosing a step also sets the timer to the step's minutes
    assert [f["event"]["type"] for f in missed] == ["dot_placed", "dot_placed", "step_set", "timer_set"]
    await back.call({"type": "ping"})
    assert not [f for f in back.drain() if f["type"] == "event"]
    await back.close()


async def test_reconnect_with_a_wrong_epoch_gets_a_snapshot(server, room):
    """A sequence number from another log is not trusted: the client gets the whole state."""
    back = await Client(server.ws_url).connect()
    welcome = await back.hello(room.id, token=room.tokens["Ann"]["token"], last_seq=1, epoch="other")
    assert welcome["mode"] == "snapshot" and welcome["state"]["seq"] == welcome["seq"]
    await back.close()


async def test_reload_keeps_identity_and_budget(server, room):
    """The same token on a new socket is the same person, with the same dots."""
    for option in ("zingeving", "impact", "autonomie"):
        await room.ann.call(dot(option))
    again = await Client(server.ws_url).connect()
    welcome = await again.hello(room.id, token=room.tokens["Ann"]["token"])
    assert welcome["participant"] == room.tokens["Ann"]["participant"]
    assert welcome["you"][BOARD]["drijfveren"] == ["zingeving", "impact", "autonomie"]
    assert (await again.call(dot("kwaliteit")))["code"] == "budget_exhausted"
    await again.close()


async def test_presence_shows_who_is_online(server, room):
    """When a participant leaves, the others' presence list drops them."""
    everyone = sorted(room.tokens[n]["participant"] for n in ("Ann", "Bea", "Max"))
    while (await room.facilitator.next("presence"))["participants"] != everyone:
        pass  # presence frames from the others' arrivals
    await room.ann.close()
    remaining = sorted(room.tokens[n]["participant"] for n in ("Bea", "Max"))
    while (presence := await room.facilitator.next("presence"))["participants"] != remaining:
        assert presence["participants"] == everyone  # only repeats of the list before she left
    assert presence["facilitators"] == 1


async def test_server_restart_keeps_the_board(server, room):
    """Everything acknowledged before a kill -9 is there after the restart."""
    await room.ann.call(dot("impact"))
    await room.max.call(dot("impact"))
    await room.ann.call({"type": "add_note", "board": BOARD, "section": "actie", "lane": "leernetwerk-doen",
                         "text": "Intervisie", "owner": "Ann"})
    for client in room.everyone:
        await client.close()
    server.kill()
    server.start()
    viewer = await Client(server.ws_url).connect()
    welcome = await viewer.hello(room.id, code=room.session["join_code"])
    board = welcome["state"]["boards"][BOARD]
    assert board["dots"]["drijfveren"]["counts"]["impact"] == {"leernetwerk": 1, "management": 1}
    assert [n["text"] for n in board["notes"]["actie"]] == ["Intervisie"]
    assert board["texts"]["ambitie"]["ambitie"] == "Samen beter"
    again = await Client(server.ws_url).connect()
    assert (await again.hello(room.id, token=room.tokens["Ann"]["token"]))["you"][BOARD]["drijfveren"] == ["impact"]
    await viewer.close()
    await again.close()


async def test_wrong_join_codes_are_rate_limited(server):
    """Guessing join codes is cut off after 20 wrong tries a minute."""
    import httpx

    async with httpx.AsyncClient(base_url=server.http_url) as http:
        statuses = [(await http.get(f"/api/codes/AAAAA{i % 10}")).status_code for i in range(21)]
    assert statuses[:20] == [404] * 20
    assert statuses[20] == 429
    try:
        await join(server.http_url, "AAAAAA", "x", "leernetwerk")
    except Exception as exc:
        assert "429" in str(exc)


async def test_a_socket_that_never_says_hello_is_closed(tmp_path):
    """An anonymous socket is told why and closed with 4001 after the hello timeout."""
    from tests.support.processes import ServerProcess

    server = ServerProcess(tmp_path / "data", env={"SAMENSPEL_HELLO_TIMEOUT": "0.5"}).start()
    try:
        silent = await Client(server.ws_url).connect()
        assert (await silent.next("error"))["code"] == "not_authenticated"
        await asyncio.wait_for(silent.ws.wait_closed(), 5)
        assert silent.ws.close_code == 4001
    finally:
        server.stop()


async def test_a_screen_gets_a_progress_frame_only_when_someone_s_progress_changed(room):
    """Ann's first two dots and a note added and edited change no one's "done": the other screens
    get those five events and no progress frame; her third dot (all placed) brings one."""
    def dot(option: str) -> dict:
        return {"type": "place_dot", "board": BOARD, "section": "drijfveren", "option": option}

    await room.ann.call(dot("zingeving"))
    await room.ann.call(dot("saamhorigheid"))
    await room.ann.call({"type": "add_note", "board": BOARD, "section": "actie", "lane": "leernetwerk-doen",
                         "text": "Plan", "owner": "Ann"})
    note = (await room.ann.event("note_added"))["event"]["note"]
    assert (await room.ann.call({"type": "edit_note", "board": BOARD, "section": "actie", "note": note,
                                 "base_version": 1, "text": "Plan A"}))["type"] == "ok"
    await room.ann.call(dot("autonomie"))
    for client, finished in ((room.max, None), (room.facilitator, [room.tokens["Ann"]["participant"]])):
        seen = []
        while not seen or seen[-1]["type"] != "progress":
            frame = await client.next()
            if frame["type"] in ("event", "progress"):
                seen.append(frame)
        assert [f["type"] for f in seen] == ["event"] * 5 + ["progress"]
        assert seen[-1]["done"] == {"leernetwerk": 1} and seen[-1].get("finished") == finished
