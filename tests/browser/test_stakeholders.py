"""The stakeholder map (instruction card 2) in real browsers: several people on one map at once.

Synchronisation is by Playwright's auto-waiting assertions (``expect``) and ``wait_for_function``,
never by sleeping.
"""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.browser.conftest import AMBITIE, LAPTOP, PHONE, PROJECTOR, shot
from tests.support.client import Client, create_session as api_create

BOARD = "stakeholders"
MAP = {"board": BOARD, "section": "map"}


async def stakeholder_session(server, boards=(BOARD,)) -> dict:
    texts = {BOARD: {"ambitie": {"ambitie": AMBITIE}}}
    if "samenspel" in boards:
        texts["samenspel"] = {"ambitie": {"ambitie": AMBITIE, "doel1": "Wachttijden halveren.", "doel2": "Samen leren."}}
    return await api_create(server.http_url, title="Leernetwerk Jeugd Oost", boards=list(boards), texts=texts)


async def join_map(page: Page, base: str, code: str, name: str) -> None:
    """Join a stakeholder-only session through /j/{code}: a name, no group to choose."""
    await page.goto(f"{base}/j/{code}")
    await page.get_by_test_id("join-name").fill(name)
    await expect(page.get_by_test_id("join-group-deelnemer")).to_have_count(0)
    await page.get_by_test_id("join-submit").click()
    await expect(page.get_by_test_id("map-surface")).to_be_visible()
    await expect(page.get_by_test_id("role-badge")).to_contain_text(name)


async def open_facilitator(page: Page, base: str, created: dict) -> None:
    await page.goto(f"{base}/b/{created['session']}#f={created['facilitator_secret']}")
    await expect(page.get_by_test_id("role-badge")).to_have_text("Facilitator")


async def ann_and_bob(server, pages) -> tuple[dict, Page, Page]:
    """A stakeholder session with Ann and Bob joined on laptops."""
    created = await stakeholder_session(server)
    ann = await pages.open(LAPTOP, name="ann")
    await join_map(ann, server.http_url, created["join_code"], "Ann")
    bob = await pages.open(LAPTOP, name="bob")
    await join_map(bob, server.http_url, created["join_code"], "Bob")
    return created, ann, bob


async def map_room(server, pages) -> tuple[dict, Page, Page, Page]:
    """A stakeholder session with Ann and Bob joined and the facilitator on the board, all on laptops."""
    created, ann, bob = await ann_and_bob(server, pages)
    fac = await pages.open(LAPTOP, name="facilitator")
    await open_facilitator(fac, server.http_url, created)
    return created, ann, bob, fac


async def add_stakeholder(page: Page, category: str, names: str = "") -> str:
    """Add a post-it through the form; return its id."""
    form = page.get_by_test_id("add-form")
    if not await form.is_visible():
        await page.get_by_test_id("add-stakeholder").click()
    await page.get_by_test_id("sh-category").fill(category)
    await page.get_by_test_id("sh-names").fill(names)
    await page.get_by_test_id("sh-add-submit").click()
    item = page.get_by_test_id("map-surface").locator(".sh-item", has_text=category)
    await expect(item).to_have_count(1)
    await expect(page.get_by_test_id("sh-category")).to_have_value("")
    return await item.get_attribute("data-id")


def item(page: Page, item_id: str):
    return page.get_by_test_id(f"stakeholder-{item_id}")


async def settled_at(page: Page, item_id: str, x: str | None = None) -> list[float]:
    """Wait until the post-it rests at its logged place (and at `x`, if given); its offset in the map in px."""
    await page.wait_for_function(
        """([id, x]) => {
            const el = document.querySelector(`[data-testid="stakeholder-${id}"]`);
            return !!el && el.dataset.settled === 'true' && (x === null || el.dataset.x === x)
                && el.getAnimations().length === 0;
        }""", arg=[item_id, x])
    return await page.evaluate(
        """(id) => {
            const s = document.querySelector('[data-testid="map-surface"]').getBoundingClientRect();
            const e = document.querySelector(`[data-testid="stakeholder-${id}"]`).getBoundingClientRect();
            return [e.left - s.left, e.top - s.top];
        }""", item_id)


async def open_editor(page: Page, item_id: str) -> None:
    await item(page, item_id).click()
    await expect(page.get_by_test_id("stakeholder-editor")).to_be_visible()
    await expect(page.get_by_test_id("sh-edit-category")).to_have_value(re.compile(".+"))


async def close_editor(page: Page) -> None:
    await page.get_by_test_id("sh-close").click()
    await expect(page.get_by_test_id("stakeholder-editor")).to_have_count(0)


async def tag(page: Page, item_id: str, *kinds: str, assumption: bool | None = None) -> None:
    """Tick kinds of knowledge (and the assumption flag) in the editor and save."""
    await open_editor(page, item_id)
    for kind in kinds:
        await page.get_by_test_id(f"sh-knowledge-{kind}").check()
    if assumption is not None:
        await page.get_by_test_id("sh-assumption").set_checked(assumption)
    await page.get_by_test_id("sh-save").click()
    await expect(page.get_by_test_id("sh-saved")).to_be_visible()
    await close_editor(page)


# --- tests -------------------------------------------------------------------------------------


async def test_facilitator_chooses_the_stakeholder_map_and_people_join_without_a_group(server, pages, artifacts):
    """Choosing only the stakeholder map on the start page makes a session whose join form asks just a name and whose board shows the ambition in the middle of the map."""
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(server.http_url + "/")
    await fac.get_by_test_id("create-title").fill("Stakeholders Jeugd Oost")
    await fac.get_by_test_id("create-board-samenspel").uncheck()
    await fac.get_by_test_id("create-submit").click()
    await expect(fac.get_by_test_id("create-error")).to_have_text("Kies minstens één bord.")
    await fac.get_by_test_id("create-board-stakeholders").check()
    await expect(fac.get_by_test_id("create-doel1")).to_have_count(0)  # the goals belong to Samenspel
    await fac.get_by_test_id("create-ambitie").fill(AMBITIE)
    await shot(fac, artifacts / "stakeholders-start-1280.png")
    await fac.get_by_test_id("create-submit").click()
    code = (await fac.get_by_test_id("created-join-code").inner_text()).replace(" ", "")
    await fac.get_by_test_id("open-board").click()
    await expect(fac.get_by_test_id("map-ambition")).to_have_text(AMBITIE)
    await expect(fac.get_by_test_id("board-tabs")).to_have_count(0)
    await expect(fac.get_by_test_id("section-drijfveren")).to_have_count(0)

    ann = await pages.open(LAPTOP, name="ann")
    await join_map(ann, server.http_url, code, "Ann")
    await expect(ann.get_by_test_id("map-ambition")).to_have_text(AMBITIE)
    await expect(fac.get_by_test_id("online-deelnemer")).to_contain_text("Ann")


async def test_a_session_with_both_boards_has_tabs_that_follow_the_step(server, pages, artifacts):
    """With Samenspel and the stakeholder map, the board page has a tab per board, and a step of the other board switches everyone's tab."""
    created = await stakeholder_session(server, boards=("samenspel", BOARD))
    fac = await pages.open(LAPTOP, name="facilitator")
    await open_facilitator(fac, server.http_url, created)
    ann = await pages.open(LAPTOP, name="ann")
    await ann.goto(f"{server.http_url}/j/{created['join_code']}")
    await ann.get_by_test_id("join-name").fill("Ann")
    await ann.get_by_test_id("join-group-leernetwerk").check()
    await ann.get_by_test_id("join-submit").click()
    for page in (fac, ann):
        await expect(page.get_by_test_id("board-tab-samenspel")).to_have_attribute("aria-selected", "true")
        await expect(page.get_by_test_id("section-samenspel-drijfveren")).to_be_visible()
        await expect(page.get_by_test_id("map-surface")).to_be_hidden()
    # both boards' steps, one timer
    await expect(fac.get_by_test_id("step-drijfveren")).to_be_visible()
    await expect(fac.get_by_test_id("step-matrix")).to_be_visible()
    await fac.get_by_test_id("step-stakeholders").click()
    for page in (fac, ann):
        await expect(page.get_by_test_id("board-tab-stakeholders")).to_have_attribute("aria-selected", "true")
        await expect(page.get_by_test_id("map-surface")).to_be_visible()
        await expect(page.get_by_test_id("section-samenspel-drijfveren")).to_be_hidden()
    await shot(fac, artifacts / "stakeholders-tabs-1280.png")
    # anyone can still look at the other board
    await ann.get_by_test_id("board-tab-samenspel").click()
    await expect(ann.get_by_test_id("section-samenspel-drijfveren")).to_be_visible()
    await expect(fac.get_by_test_id("map-surface")).to_be_visible()


async def test_a_post_it_added_and_dragged_on_one_page_lands_at_the_same_place_on_the_others(server, pages, artifacts):
    """A post-it added by Ann appears for Bob and the facilitator; while Ann drags it they see it move, and it lands at the same place on every page."""
    created, ann, bob, fac = await map_room(server, pages)

    sid = await add_stakeholder(ann, "Onderzoekers", "Hogeschool, lector jeugd")
    for page in (bob, fac):
        await expect(item(page, sid)).to_contain_text("Onderzoekers")
        await expect(item(page, sid)).to_contain_text("Hogeschool, lector jeugd")
        await expect(page.get_by_test_id("category-count")).to_have_attribute("data-count", "1")
    start = await settled_at(ann, sid)
    assert await settled_at(bob, sid) == start

    # Ann drags it to the lower right; Bob sees it move while she still holds it
    await item(ann, sid).scroll_into_view_if_needed()
    await item(bob, sid).scroll_into_view_if_needed()
    box = await item(ann, sid).bounding_box()
    x0, y0 = box["x"] + 30, box["y"] + 20
    await ann.mouse.move(x0, y0)
    await ann.mouse.down()
    await ann.mouse.move(x0 + 180, y0 + 90, steps=12)
    await expect(item(bob, sid)).to_have_attribute("data-live", "drag")
    await expect(item(bob, sid)).to_contain_text("Ann sleept")
    await ann.mouse.move(x0 + 320, y0 + 170, steps=12)
    await ann.mouse.up()

    await expect(item(ann, sid)).to_have_attribute("data-settled", "true")
    x = await item(ann, sid).get_attribute("data-x")
    here = await settled_at(ann, sid, x)
    assert abs(here[0] - start[0] - 320) <= 2 and abs(here[1] - start[1] - 170) <= 2, (start, here)
    for page in (bob, fac):
        there = await settled_at(page, sid, x)
        assert abs(there[0] - here[0]) <= 2 and abs(there[1] - here[1]) <= 2, (here, there)
        await expect(item(page, sid)).not_to_have_attribute("data-live", "drag")

    # the same after a reload: the drop is what the log kept
    await bob.reload()
    assert (await settled_at(bob, sid, x)) == here


async def test_tagging_kinds_of_knowledge_shows_coverage_and_a_warning_on_another_page(server, pages):
    """Kinds of knowledge tagged on Ann's page show as covered on Bob's, who is warned which kind is still missing until it is there."""
    created, ann, bob = await ann_and_bob(server, pages)

    clients = await add_stakeholder(ann, "Cliënten", "Jongeren en ouders")
    team = await add_stakeholder(ann, "Wijkteam", "Jeugdconsulenten")
    warning = bob.get_by_test_id("knowledge-missing")
    await expect(warning).to_contain_text("ervaringskennis")
    await expect(bob.get_by_test_id("knowledge-ervaringskennis")).to_have_attribute("data-covered", "false")

    await tag(ann, clients, "ervaringskennis")
    await tag(ann, team, "vakkennis")
    await expect(bob.get_by_test_id("knowledge-ervaringskennis")).to_have_attribute("data-covered", "true")
    await expect(bob.get_by_test_id("knowledge-vakkennis")).to_have_attribute("data-covered", "true")
    await expect(bob.get_by_test_id("knowledge-wetenschappelijk")).to_have_attribute("data-covered", "false")
    await expect(warning).to_be_visible()
    await expect(warning).to_contain_text("wetenschappelijke kennis (onderzoekers)")
    await expect(warning).not_to_contain_text("ervaringskennis")
    await expect(item(bob, clients).locator(".k-badge[data-kind=ervaringskennis]")).to_be_visible()

    research = await add_stakeholder(bob, "Onderzoekers", "Hogeschool")
    await tag(bob, research, "wetenschappelijk")
    for page in (ann, bob):
        await expect(page.get_by_test_id("knowledge-missing")).to_be_hidden()
        await expect(page.get_by_test_id("knowledge-wetenschappelijk")).to_have_attribute("data-covered", "true")


async def test_not_relevant_moves_a_post_it_to_the_list_everywhere_and_the_facilitator_restores_it(server, pages):
    """Marking a post-it not relevant takes it off every map into the "Niet relevant" list; only the marker or the facilitator sees a restore button, and the facilitator's restore brings it back everywhere."""
    created, ann, bob, fac = await map_room(server, pages)

    sid = await add_stakeholder(bob, "Zorgverzekeraar", "Regiokantoor")
    await expect(item(ann, sid)).to_be_visible()
    await open_editor(ann, sid)
    await ann.get_by_test_id("sh-not-relevant").click()
    await expect(ann.get_by_test_id("stakeholder-editor")).to_have_count(0)
    for page in (ann, bob, fac):
        await expect(item(page, sid)).to_have_count(0)
        entry = page.get_by_test_id(f"hidden-item-{sid}")
        await expect(entry).to_contain_text("Zorgverzekeraar")
        await expect(entry).to_contain_text("Niet relevant · Ann")
    await expect(ann.get_by_test_id(f"restore-{sid}")).to_be_visible()  # who marked it
    await expect(bob.get_by_test_id(f"restore-{sid}")).to_be_hidden()  # not Bob, though he added it
    await expect(fac.get_by_test_id(f"restore-{sid}")).to_be_visible()

    await fac.get_by_test_id(f"restore-{sid}").click()
    for page in (ann, bob, fac):
        await expect(item(page, sid)).to_be_visible()
        await expect(page.get_by_test_id(f"hidden-item-{sid}")).to_have_count(0)

    # removing is for its author (Bob) or the facilitator; it lands in the same list
    await open_editor(ann, sid)
    await expect(ann.get_by_test_id("sh-remove")).to_be_hidden()
    await close_editor(ann)
    await open_editor(bob, sid)
    await bob.get_by_test_id("sh-remove").click()
    await bob.get_by_test_id("sh-remove").click()  # "Zeker weten?"
    for page in (ann, bob, fac):
        await expect(page.get_by_test_id(f"hidden-item-{sid}")).to_contain_text("Verwijderd · Bob")
    await expect(ann.get_by_test_id(f"restore-{sid}")).to_be_hidden()
    await bob.get_by_test_id(f"restore-{sid}").click()
    await expect(item(fac, sid)).to_be_visible()


async def test_the_matrix_takes_post_its_by_drag_and_by_quadrant(server, pages, artifacts):
    """A post-it dragged from the tray onto the influence-interest matrix, or placed through a quadrant button, shows in that quadrant on every page."""
    created = await stakeholder_session(server)
    ann = await pages.open(LAPTOP, name="ann")
    await join_map(ann, server.http_url, created["join_code"], "Ann")
    fac = await pages.open(LAPTOP, name="facilitator")
    await open_facilitator(fac, server.http_url, created)
    gemeente = await add_stakeholder(ann, "Gemeente", "Beleidsadviseur jeugd")
    ouders = await add_stakeholder(ann, "Ouders", "Ouderraad")

    # drag "Gemeente" from the tray into the top right quadrant (much influence, great interest)
    chip = ann.get_by_test_id(f"tray-item-{gemeente}")
    await chip.scroll_into_view_if_needed()
    quad = await ann.get_by_test_id("quadrant-hh").bounding_box()
    box = await chip.bounding_box()
    await ann.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2)
    await ann.mouse.down()
    await ann.mouse.move(quad["x"] + quad["width"] * 0.6, quad["y"] + quad["height"] * 0.5, steps=15)
    await ann.mouse.up()
    for page in (ann, fac):
        placed = page.get_by_test_id(f"matrix-item-{gemeente}")
        await expect(placed).to_have_attribute("data-settled", "true")
        assert float(await placed.get_attribute("data-x")) > 0.5  # interest
        assert float(await placed.get_attribute("data-y")) > 0.5  # influence
        await expect(page.get_by_test_id(f"tray-item-{gemeente}")).to_have_count(0)

    # "Ouders" through the editor: little influence, great interest
    await open_editor(fac, ouders)
    await fac.get_by_test_id("sh-place-lh").click()
    await expect(fac.get_by_test_id("sh-place-lh")).to_have_attribute("aria-pressed", "true")
    await close_editor(fac)
    placed = ann.get_by_test_id(f"matrix-item-{ouders}")
    await expect(placed).to_have_attribute("data-settled", "true")
    assert float(await placed.get_attribute("data-x")) > 0.5
    assert float(await placed.get_attribute("data-y")) < 0.5
    await expect(ann.get_by_test_id("matrix-tray")).to_be_empty()


async def test_two_people_editing_one_post_it_keep_their_typing(server, pages):
    """When Ann saves a post-it (or a belang) someone else is editing, that person keeps what they typed, sees "Iemand anders heeft dit intussen gewijzigd" with Ann's version, and their save lands on every page."""
    created, ann, bob, fac = await map_room(server, pages)
    sid = await add_stakeholder(ann, "Cliënten", "Jongeren")

    await open_editor(bob, sid)
    await bob.get_by_test_id("sh-edit-names").fill("Jongeren en hun ouders")
    await open_editor(ann, sid)
    await ann.get_by_test_id("sh-edit-names").fill("Jongeren, ervaringsdeskundigen")
    await ann.get_by_test_id("sh-knowledge-ervaringskennis").check()
    await ann.get_by_test_id("sh-save").click()
    await expect(ann.get_by_test_id("sh-saved")).to_be_visible()

    conflict = bob.get_by_test_id("edit-conflict")
    await expect(conflict).to_contain_text("Iemand anders heeft dit intussen gewijzigd")
    await expect(bob.get_by_test_id("conflict-other")).to_have_text("Cliënten — Jongeren, ervaringsdeskundigen")
    await expect(bob.get_by_test_id("sh-edit-names")).to_have_value("Jongeren en hun ouders")
    # what Bob did not touch follows Ann: her tag is ticked in his editor too
    await expect(bob.get_by_test_id("sh-knowledge-ervaringskennis")).to_be_checked()
    await bob.get_by_test_id("sh-save").click()
    await expect(bob.get_by_test_id("sh-saved")).to_be_visible()
    await expect(conflict).to_be_hidden()
    for page in (ann, bob):
        await expect(item(page, sid)).to_contain_text("Jongeren en hun ouders")
        await expect(item(page, sid).locator(".k-badge[data-kind=ervaringskennis]")).to_be_visible()
    # Ann's open editor took Bob's save in, as she had nothing new typed
    await expect(ann.get_by_test_id("sh-edit-names")).to_have_value("Jongeren en hun ouders")
    await expect(ann.get_by_test_id("edit-conflict")).to_be_hidden()

    # a belang Ann wrote: the facilitator and Ann edit it at once
    await ann.get_by_test_id("sh-note-text-belang").fill("Snelle hulp")
    await ann.get_by_test_id("sh-note-add-belang").click()
    await open_editor(fac, sid)
    await expect(fac.get_by_test_id("sh-notes-belang")).to_contain_text("Snelle hulp")
    await fac.get_by_test_id("sh-notes-belang").get_by_test_id("anote-edit").click()
    await fac.get_by_test_id("anote-edit-text").fill("Snelle hulp, dichtbij huis")
    await ann.get_by_test_id("sh-notes-belang").get_by_test_id("anote-edit").click()
    await ann.get_by_test_id("anote-edit-text").fill("Snel de juiste hulp")
    await ann.get_by_test_id("anote-save").click()
    await expect(item(bob, sid).locator(".sh-mini")).to_have_text(["Snel de juiste hulp"])
    await expect(fac.get_by_test_id("anote-conflict")).to_contain_text("Iemand anders heeft dit intussen gewijzigd")
    await expect(fac.get_by_test_id("anote-conflict")).to_contain_text("Snel de juiste hulp")
    await expect(fac.get_by_test_id("anote-edit-text")).to_have_value("Snelle hulp, dichtbij huis")
    await fac.get_by_test_id("anote-save").click()
    for page in (ann, bob, fac):
        await expect(item(page, sid).locator(".sh-mini")).to_have_text(["Snelle hulp, dichtbij huis"])


async def test_belangen_behoeften_assumptions_checklist_and_undo(server, pages):
    """Belangen and behoeften hang under their post-it on every page, assumption flags count as open assumptions, the checklist is shared, and Ctrl+Z takes back one's own last change."""
    created, ann, bob = await ann_and_bob(server, pages)
    sid = await add_stakeholder(ann, "Management", "Directie, teamleiders")

    await open_editor(ann, sid)
    await ann.get_by_test_id("sh-note-text-belang").fill("Minder uitval van medewerkers")
    await ann.get_by_test_id("sh-note-add-belang").click()
    await ann.get_by_test_id("sh-note-text-behoefte").fill("Zicht op de kosten")
    await ann.get_by_test_id("sh-note-add-behoefte").click()
    await expect(ann.get_by_test_id("sh-notes-behoefte")).to_contain_text("Zicht op de kosten")
    await close_editor(ann)
    minis = item(bob, sid).locator(".sh-mini")
    await expect(minis).to_have_text(["Minder uitval van medewerkers", "Zicht op de kosten"])

    # an assumption to check: counted on every page and in the checklist
    await tag(bob, sid, assumption=True)
    for page in (ann, bob):
        await expect(page.get_by_test_id("open-assumptions")).to_have_text("1 open aanname")
        await expect(page.get_by_test_id("open-assumption-list")).to_contain_text("Management")
        await expect(item(page, sid).get_by_test_id("assumption-flag")).to_be_visible()
    await ann.get_by_test_id("check-duidelijk").check()
    await expect(bob.get_by_test_id("check-duidelijk")).to_be_checked()
    await expect(bob.get_by_test_id("check-compleet")).not_to_be_checked()

    # Bob's Ctrl+Z takes back his flag; a second has nothing of his left
    await bob.get_by_test_id("map-surface").click(position={"x": 5, "y": 5})
    await bob.keyboard.press("Control+z")
    await expect(ann.get_by_test_id("open-assumptions")).to_have_text("Geen open aannames")
    await bob.get_by_test_id("undo").click()
    await expect(bob.get_by_test_id("toast").last).to_have_text("Er is niets van jou om ongedaan te maken.")
    # Ann's undo takes back her last note
    await ann.get_by_test_id("undo").click()
    await expect(minis).to_have_text(["Minder uitval van medewerkers"])
    # but not while Ann is typing somewhere
    await ann.get_by_test_id("add-stakeholder").click()
    await ann.get_by_test_id("sh-category").fill("Onderwijs")
    await ann.get_by_test_id("sh-category").press("Control+z")
    await expect(minis).to_have_text(["Minder uitval van medewerkers"])


async def populate(server, created: dict) -> dict:
    """A realistic map over the wire: eight post-its, tags, notes, matrix places, one not relevant."""
    fac = await Client(server.ws_url).connect()
    await fac.hello(created["session"], token=created["facilitator_secret"])
    ids = {}
    rows = [
        ("Cliënten", "Jongeren en ouders uit Oost", 0.18, 0.12, ["ervaringskennis"], (0.75, 0.85), False),
        ("Onderzoekers", "Hogeschool Utrecht, lector jeugd", 0.82, 0.1, ["wetenschappelijk"], (0.35, 0.62), False),
        ("Management", "Directie, teamleiders", 0.92, 0.5, ["vakkennis"], (0.28, 0.9), True),
        ("Wijkteams", "Jeugdconsulenten, gedragswetenschappers", 0.1, 0.52, ["vakkennis"], (0.88, 0.7), False),
        ("Gemeente", "Beleidsadviseur jeugd", 0.78, 0.9, [], (0.6, 0.75), True),
        ("Onderwijs", "Scholen, zorgcoördinatoren", 0.2, 0.9, ["vakkennis"], (0.82, 0.32), False),
        ("Ervaringsdeskundigen", "Jongerenpanel", 0.5, 0.02, ["ervaringskennis"], None, False),
        ("Zorgverzekeraar", "Regiokantoor", 0.5, 0.97, [], None, False),
    ]
    for category, names, x, y, knowledge, matrix, assumption in rows:
        fac.drain()  # what earlier commands sent: the next stakeholder_saved is this add's
        await fac.call({"type": "add_stakeholder", **MAP, "category": category, "names": names, "x": x, "y": y})
        item_ = (await fac.event("stakeholder_saved"))["event"]["item"]
        ids[category] = item_["id"]
        if knowledge or assumption:
            await fac.call({"type": "edit_stakeholder", **MAP, "item": item_["id"], "base_version": 1,
                            "category": category, "names": names, "knowledge": knowledge, "assumption": assumption})
        if matrix:
            await fac.call({"type": "place_in_matrix", **MAP, "item": item_["id"], "interest": matrix[0], "influence": matrix[1]})
    for category, kind, text in [("Cliënten", "belang", "Snel de juiste hulp, dichtbij huis"),
                                 ("Cliënten", "behoefte", "Eén vast aanspreekpunt"),
                                 ("Management", "behoefte", "Zicht op kosten en resultaat"),
                                 ("Onderzoekers", "belang", "Praktijkgerichte data")]:
        await fac.call({"type": "add_attached_note", **MAP, "item": ids[category], "kind": kind, "text": text})
    await fac.call({"type": "set_relevant", **MAP, "item": ids["Zorgverzekeraar"], "relevant": False})
    await fac.call({"type": "set_check", "board": BOARD, "section": "aannames", "item": "compleet", "checked": True})
    await fac.close()
    return ids


async def test_phone_touch_drag_projector_and_screenshots(server, pages, artifacts):
    """On a 360 px phone the map fits the width and a post-it moves by touch; the projector shows the map read-only; screenshots of map, matrix, phone and projector."""
    created = await stakeholder_session(server)
    ids = await populate(server, created)

    ann = await pages.open(LAPTOP, name="ann")
    await join_map(ann, server.http_url, created["join_code"], "Ann")
    await expect(ann.get_by_test_id("category-count")).to_have_attribute("data-count", "7")
    await expect(ann.get_by_test_id("open-assumptions-badge")).to_have_text("2 open aannames")
    await expect(ann.get_by_test_id("knowledge-missing")).to_be_hidden()
    await ann.get_by_test_id("section-map").evaluate("el => el.scrollIntoView({block: 'start'})")
    await shot_here(ann, artifacts / "stakeholders-map-1280.png")
    await ann.get_by_test_id("section-matrix").evaluate("el => el.scrollIntoView({block: 'start'})")
    await shot_here(ann, artifacts / "stakeholders-matrix-1280.png")
    await open_editor(ann, ids["Cliënten"])
    await shot_here(ann, artifacts / "stakeholders-editor-1280.png")
    await close_editor(ann)
    await shot(ann, artifacts / "stakeholders-board-1280-full.png", full_page=True)

    phone = await pages.open(PHONE, phone=True, name="phone")
    await join_map(phone, server.http_url, created["join_code"], "Bert")
    surface = await phone.get_by_test_id("map-surface").bounding_box()
    assert surface["width"] <= 360 - 20, surface  # scaled to the phone's width
    sid = ids["Gemeente"]
    await phone.get_by_test_id("section-map").evaluate("el => el.scrollIntoView({block: 'start'})")
    await shot_here(phone, artifacts / "stakeholders-phone-360.png")
    await item(phone, sid).evaluate("el => el.scrollIntoView({block: 'center'})")
    before = await settled_at(phone, sid)
    box = await item(phone, sid).bounding_box()
    x0, y0 = box["x"] + 20, box["y"] + 15
    cdp = await phone.context.new_cdp_session(phone)
    await cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]})
    # sideways: on a phone the ambition is just above it, and a drop upwards would show clear of
    # the ambition again rather than where the finger let go
    for i in range(1, 13):
        await cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x0 - 4.25 * i, "y": y0}]})
    await cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    await expect(item(phone, sid)).to_have_attribute("data-settled", "true")
    x = await item(phone, sid).get_attribute("data-x")
    after = await settled_at(phone, sid, x)
    assert abs(after[0] - before[0] + 51) <= 2 and abs(after[1] - before[1]) <= 2, (before, after)
    await expect(item(ann, sid)).to_have_attribute("data-x", x)
    await phone.get_by_test_id("section-matrix").evaluate("el => el.scrollIntoView({block: 'start'})")
    await shot_here(phone, artifacts / "stakeholders-phone-360-matrix.png")
    await open_editor(phone, ids["Management"])
    await shot_here(phone, artifacts / "stakeholders-phone-360-editor.png")

    proj = await pages.open(PROJECTOR, name="projector")
    await proj.goto(f"{server.http_url}/p/{created['session']}#c={created['join_code']}")
    await expect(proj.get_by_test_id("map-surface")).to_be_visible()
    await expect(proj.get_by_test_id("map-ambition")).to_have_text(AMBITIE)
    await expect(item(proj, sid)).to_have_attribute("data-x", x)
    assert await item(proj, sid).get_attribute("tabindex") is None  # read-only
    await expect(proj.get_by_test_id("add-stakeholder")).to_have_count(0)
    await shot(proj, artifacts / "stakeholders-projector-1920.png")

    fac = await Client(server.ws_url).connect()
    await fac.hello(created["session"], token=created["facilitator_secret"])
    await fac.call({"type": "set_step", "step": "matrix"})
    await expect(proj.get_by_test_id("matrix-surface")).to_be_visible()
    await expect(proj.get_by_test_id("map-surface")).to_be_hidden()
    await shot(proj, artifacts / "stakeholders-projector-1920-matrix.png")
    await fac.call({"type": "set_step", "step": "stakeholders"})
    await expect(proj.get_by_test_id("map-surface")).to_be_visible()
    await fac.close()


async def shot_here(page: Page, path) -> None:
    """A screenshot of the viewport where it is scrolled to."""
    await page.evaluate("document.fonts.ready")
    await page.screenshot(path=str(path), animations="disabled")




async def test_more_than_ten_categories_are_counted_and_warned_about(server, pages):
    """The category counter counts distinct categories (case and spaces aside) and warns once there are more than ten."""
    created = await stakeholder_session(server)
    page = await pages.open(LAPTOP, name="ann")
    await join_map(page, server.http_url, created["join_code"], "Ann")
    fac = await Client(server.ws_url).connect()
    await fac.hello(created["session"], token=created["facilitator_secret"])
    for i, category in enumerate(["Cliënten", "cliënten ", "Onderzoekers", "Management", "Gemeente", "Wijkteams",
                                  "Onderwijs", "Huisartsen", "Zorgverzekeraar", "Politie", "Sportclubs"]):
        await fac.call({"type": "add_stakeholder", **MAP, "category": category, "x": (i % 6) / 5, "y": (i // 6) * 0.9})
    await expect(page.get_by_test_id("category-count")).to_have_attribute("data-count", "10")
    await expect(page.get_by_test_id("category-warning")).to_be_hidden()
    await fac.call({"type": "add_stakeholder", **MAP, "category": "Bibliotheek", "x": 0.5, "y": 1})
    await expect(page.get_by_test_id("category-count")).to_have_attribute("data-count", "11")
    await expect(page.get_by_test_id("category-count")).to_have_class(re.compile(r"\bwarn\b"))
    await expect(page.get_by_test_id("category-warning")).to_contain_text("meer dan de aanbevolen 10")
    await fac.close()


async def test_closing_the_editor_with_x_keeps_a_ticked_kind_of_knowledge(server, pages):
    """Regression: ticking a kind of knowledge and closing the editor with × threw it away while
    notes and quadrant buttons applied at once. Now × saves what was changed, as everything else."""
    created, ann, bob = await ann_and_bob(server, pages)
    clients = await add_stakeholder(ann, "Cliënten", "Jongeren en ouders")
    await open_editor(ann, clients)
    await ann.get_by_test_id("sh-knowledge-ervaringskennis").check()
    await close_editor(ann)
    await expect(item(bob, clients).locator(".k-badge[data-kind=ervaringskennis]")).to_be_visible()
    await expect(bob.get_by_test_id("knowledge-ervaringskennis")).to_have_attribute("data-covered", "true")
    await open_editor(ann, clients)  # and it is what the editor shows next time
    await expect(ann.get_by_test_id("sh-knowledge-ervaringskennis")).to_be_checked()


# --- issue 8: the stakeholder map on a phone and a laptop ---------------------------------------


async def wire_room(server, rows) -> tuple[dict, dict]:
    """A stakeholder session filled over the wire: rows of (category, names, (x, y) or None, (interest,
    influence) or None); a row without (x, y) is added without a place, as another client may."""
    created = await stakeholder_session(server)
    fac = await Client(server.ws_url).connect()
    await fac.hello(created["session"], token=created["facilitator_secret"])
    ids = {}
    for category, names, pos, matrix in rows:
        fac.drain()
        frame = {"type": "add_stakeholder", **MAP, "category": category, "names": names}
        if pos:
            frame.update(x=pos[0], y=pos[1])
        assert (await fac.call(frame))["type"] == "ok"
        ids[category] = (await fac.event("stakeholder_saved"))["event"]["item"]["id"]
        if matrix:
            await fac.call({"type": "place_in_matrix", **MAP, "item": ids[category], "interest": matrix[0], "influence": matrix[1]})
    await fac.close()
    return created, ids


async def tap_near_the_bottom_opens_the_editor_alone(page: Page, target) -> None:
    """Tap `target` where the editor's "Aanname" row will be once it opens: the tap opens the editor,
    and its click is the target's, not a tick of the checkbox that is under the finger by then."""
    # where the row is: open the editor with the keyboard (no tap) and look
    await target.focus()
    await page.keyboard.press("Enter")
    row = await page.locator(".sh-assume-row").bounding_box()
    await page.keyboard.press("Escape")
    await expect(page.get_by_test_id("stakeholder-editor")).to_have_count(0)
    box = await target.bounding_box()
    await page.evaluate("dy => window.scrollBy(0, dy)", box["y"] + box["height"] / 2 - (row["y"] + row["height"] / 2))
    box = await target.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert row["y"] < y < row["y"] + row["height"], (box, row)  # the finger is where the row will be
    await page.evaluate("""() => {
        if (!window.__clicks) document.addEventListener('click', (e) => window.__clicks.push(e.target.closest('[data-testid]')?.dataset.testid), true);
        window.__clicks = []; }""")
    await page.touchscreen.tap(x, y)
    await page.wait_for_function("() => window.__clicks.length > 0 && !!document.querySelector('[data-testid=stakeholder-editor]')")
    testid = await target.get_attribute("data-testid")
    assert await page.evaluate("() => window.__clicks") == [testid]
    await expect(page.get_by_test_id("sh-assumption")).not_to_be_checked()
    for kind in ("ervaringskennis", "vakkennis", "wetenschappelijk"):
        await expect(page.get_by_test_id(f"sh-knowledge-{kind}")).not_to_be_checked()
    await page.keyboard.press("Escape")
    await expect(page.get_by_test_id("stakeholder-editor")).to_have_count(0)


async def test_a_tap_near_the_bottom_of_a_phone_opens_the_editor_without_a_ghost_click(server, pages, artifacts):
    """Regression (issue 8): a tap on a chip (or post-it) near the bottom of a phone opened the editor on
    the press, and the same tap's click then ticked "Aanname" in the sheet that had slid under the finger."""
    created, ids = await wire_room(server, [
        ("Onderwijs", "Scholen, kinderopvang en jeugdzorg", (0.0, 0.9), (0.25, 0.25)),
        ("Gemeente", "Beleidsadviseur jeugd", (1.0, 0.1), (0.75, 0.75)),
    ])
    phone = await pages.open(PHONE, phone=True, name="phone")
    await join_map(phone, server.http_url, created["join_code"], "Bert")
    await tap_near_the_bottom_opens_the_editor_alone(phone, phone.get_by_test_id(f"matrix-item-{ids['Onderwijs']}"))
    await tap_near_the_bottom_opens_the_editor_alone(phone, item(phone, ids["Onderwijs"]))
    await tap_near_the_bottom_opens_the_editor_alone(phone, phone.get_by_test_id(f"matrix-item-{ids['Gemeente']}"))


OVERLAPS = """(selector) => {
    const rs = [...document.querySelectorAll(selector)].filter((e) => e.offsetParent)
        .map((e) => [e.textContent, e.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
        const [a, b] = [rs[i][1], rs[j][1]];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) {
            out.push(`${rs[i][0]} / ${rs[j][0]}`);
        }
    }
    return out;
}"""

CUT_LABELS = """(selector) => [...document.querySelectorAll(selector)].filter((e) => e.offsetParent)
    .filter((e) => e.scrollWidth > e.clientWidth + 0.5 || e.scrollHeight > e.clientHeight + 1 || e.textContent.includes('\\u00ad'))
    .map((e) => e.textContent)"""


async def settled_everywhere(page: Page, selector: str) -> None:
    """Wait until the items under `selector` rest where they are going (no moving transitions)."""
    await page.wait_for_function(
        "(sel) => [...document.querySelectorAll(sel)].every((e) => e.dataset.settled === 'true' && e.getAnimations().length === 0)",
        arg=selector)


async def chips_in_quadrants(page: Page, ids: dict, quadrant_of: dict) -> None:
    """Every chip rests inside the quadrant its place says, none covers another, and none is cut."""
    await settled_everywhere(page, ".sh-matrix .sh-chip")
    assert await page.evaluate(OVERLAPS, ".sh-matrix .sh-chip, .sh-quad-title") == []
    assert await page.evaluate(CUT_LABELS, ".sh-matrix .sh-chip-text") == []
    for category, code in quadrant_of.items():
        chip = await page.get_by_test_id(f"matrix-item-{ids[category]}").bounding_box()
        quad = await page.get_by_test_id(f"quadrant-{code}").bounding_box()
        assert quad["x"] <= chip["x"] and chip["x"] + chip["width"] <= quad["x"] + quad["width"] + 0.5, (category, chip, quad)
        assert quad["y"] <= chip["y"] and chip["y"] + chip["height"] <= quad["y"] + quad["height"] + 0.5, (category, chip, quad)
        await expect(page.get_by_test_id(f"matrix-item-{ids[category]}")).to_have_text(category)


async def test_chips_in_one_quadrant_of_the_matrix_lie_beside_each_other_on_a_phone_and_a_laptop(server, pages, artifacts):
    """Regression (issue 8): chips placed at (nearly) the same spot of the matrix covered each other,
    and long categories were cut ("Ervaringsde…"). Now a chip whose spot is taken goes beside the
    others in its quadrant (the matrix grows when a quadrant is crowded), and shows its whole category."""
    rows = [
        ("Cliënten", "Jongeren en ouders uit Oost", (0.0, 0.1), (0.75, 0.85)),
        ("Onderzoekers", "Hogeschool Utrecht, lector jeugd", (1.0, 0.1), (0.8, 0.8)),
        ("Management", "Directie, teamleiders", (1.0, 0.5), (0.78, 0.83)),
        ("Wijkteams", "Jeugdconsulenten, gedragswetenschappers", (0.0, 0.5), (0.88, 0.7)),
        ("Gemeente", "Beleidsadviseur jeugd", (1.0, 0.9), (0.77, 0.77)),
        ("Zorgverzekeraar", "Regiokantoor", (0.5, 0.0), (0.76, 0.78)),
        ("Onderwijs", "Scholen, kinderopvang en jeugdzorg", (0.0, 0.9), (0.23, 0.23)),
        ("Ervaringsdeskundigen", "Jongerenpanel", (0.5, 1.0), (0.25, 0.25)),
        ("Huisartsen", "Praktijkondersteuners jeugd", (0.3, 0.0), (0.23, 0.77)),
    ]
    created, ids = await wire_room(server, rows)
    quadrant_of = {category: ("h" if m[1] >= 0.5 else "l") + ("h" if m[0] >= 0.5 else "l") for category, _, _, m in rows}
    for viewport, phone, size in ((PHONE, True, "360"), (LAPTOP, False, "1280")):
        page = await pages.open(viewport, phone=phone, name=f"viewer-{size}")
        await join_map(page, server.http_url, created["join_code"], f"Kim {size}")
        await expect(page.locator(".sh-matrix .sh-chip")).to_have_count(len(rows))
        await chips_in_quadrants(page, ids, quadrant_of)
        surface = await page.get_by_test_id("matrix-surface").bounding_box()
        assert surface["x"] >= 0 and surface["x"] + surface["width"] <= viewport["width"], surface  # no sideways scrolling
        await page.get_by_test_id("section-matrix").evaluate("el => el.scrollIntoView({block: 'start'})")
        await shot_here(page, artifacts / f"stakeholders-matrix-crowded-{size}.png")


async def test_the_editors_quadrant_buttons_put_successive_post_its_on_free_spots(server, pages):
    """Regression (issue 8): the editor's quadrant buttons put post-its on spots of their own only in
    theory — on a phone they straddled the quadrant's edge and covered each other. Now each goes to a
    free spot in the quadrant beside the chips there, where it also shows (its logged place); once the
    quadrant is full, the next one still covers none (the quadrant is laid out in rows)."""
    rows = [(category, "", (i / 3, 0.0), None) for i, category in enumerate(["Cliënten", "Onderzoekers", "Gemeente", "Huisartsen"])]
    created, ids = await wire_room(server, rows)
    phone = await pages.open(PHONE, phone=True, name="phone")
    await join_map(phone, server.http_url, created["join_code"], "Bert")

    async def place_hh(category: str) -> None:
        await item(phone, ids[category]).tap()
        await expect(phone.get_by_test_id("stakeholder-editor")).to_be_visible()
        await phone.get_by_test_id("sh-place-hh").tap()
        await expect(phone.get_by_test_id("sh-place-hh")).to_have_attribute("aria-pressed", "true")
        await phone.get_by_test_id("sh-close").tap()
        await expect(phone.get_by_test_id("stakeholder-editor")).to_have_count(0)

    first = ["Cliënten", "Onderzoekers", "Gemeente"]  # what the quadrant has room for on a phone
    for category in first:
        await place_hh(category)
    await chips_in_quadrants(phone, ids, {category: "hh" for category in first})
    # each shows at its own place: none had to be moved aside, so every screen starts from free spots
    places = set()
    for category in first:
        chip = phone.get_by_test_id(f"matrix-item-{ids[category]}")
        await expect(chip).not_to_have_attribute("data-moved", "true")
        places.add((await chip.get_attribute("data-x"), await chip.get_attribute("data-y")))
    assert len(places) == len(first), places
    await place_hh("Huisartsen")
    await chips_in_quadrants(phone, ids, {category: "hh" for category in ids})
    laptop = await pages.open(LAPTOP, name="laptop")
    await join_map(laptop, server.http_url, created["join_code"], "Kim")
    await chips_in_quadrants(laptop, ids, {category: "hh" for category in ids})


async def map_places(page: Page) -> dict:
    return await page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('.sh-map .sh-item')].map((e) => [e.dataset.id, [e.dataset.x, e.dataset.y]]))")


async def test_post_its_without_a_place_go_to_free_spots_around_the_ambition_on_a_phone_and_a_laptop(server, pages, artifacts):
    """Regression (issue 8): post-its added without a place (another client, a script) all showed in
    the middle, on top of each other and of the ambition, and a phone cut their names to "Scholen,…".
    Now such a post-it shows on a spot that is free on a phone and on a laptop, the same on every
    screen, and so does a new one; texts wrap between words and are never cut."""
    rows = [
        ("Cliënten", "Jongeren en ouders uit Oost", (0.0, 0.0), None),
        ("Onderzoekers", "Hogeschool Utrecht, lector jeugd", (1.0, 0.0), None),
        ("Management", "Directie, teamleiders", (1.0, 0.5), None),
        ("Onderwijs", "Scholen, kinderopvang en jeugdzorg", None, None),  # these four without a place
        ("Ervaringsdeskundigen", "Jongerenpanel", None, None),
        ("Huisartsen", "Praktijkondersteuners jeugd", None, None),
        ("Politie", "Wijkagenten", None, None),
    ]
    created, ids = await wire_room(server, rows)
    screens = {}
    for viewport, phone, size in ((PHONE, True, "360"), (LAPTOP, False, "1280")):
        page = await pages.open(viewport, phone=phone, name=f"viewer-{size}")
        await join_map(page, server.http_url, created["join_code"], f"Kim {size}")
        screens[size] = page

    async def nothing_covered(count: int) -> None:
        places = []
        for size, page in screens.items():
            await expect(page.locator(".sh-map .sh-item")).to_have_count(count)
            await settled_everywhere(page, ".sh-map .sh-item")
            assert await page.evaluate(OVERLAPS, ".sh-map .sh-item, .sh-ambition") == [], size
            assert await page.evaluate(CUT_LABELS, ".sh-map .sh-cat, .sh-map .sh-names, .sh-amb-text") == [], size
            places.append(await map_places(page))
        assert places[0] == places[1]  # the same places on every screen

    await nothing_covered(len(rows))
    await expect(item(screens["360"], ids["Onderwijs"])).to_contain_text("Scholen, kinderopvang en jeugdzorg")
    for size, page in screens.items():
        await page.get_by_test_id("map-surface").evaluate("el => el.scrollIntoView({block: 'center'})")
        await shot_here(page, artifacts / f"stakeholders-map-free-spots-{size}.png")

    # the summary puts them where the board does, not on the ambition
    board_places = await map_places(screens["1280"])
    summary = await pages.open(LAPTOP, name="summary")
    await summary.goto(f"{server.http_url}/s/{created['session']}#f={created['facilitator_secret']}")
    await expect(summary.locator(".sum-map-item")).to_have_count(len(rows))
    summary_places = await summary.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.sum-map-item')].map((e) =>
        [e.querySelector('.sum-map-cat').textContent, [e.style.getPropertyValue('--x'), e.style.getPropertyValue('--y')]]))""")
    for category, sid in ids.items():
        assert [round(float(v), 4) for v in summary_places[category]] == [float(v) for v in board_places[sid]], category

    # a new one from the phone lands on a free spot too, on both screens
    await add_stakeholder(screens["360"], "Wijkteams", "Jeugdconsulenten, gedragswetenschappers")
    await nothing_covered(len(rows) + 1)


LAPTOP_800 = {"width": 1280, "height": 800}


async def stored_places(server, created: dict) -> dict:
    """The places the server keeps, as a page receives them in its state: id -> [x, y]."""
    viewer = await Client(server.ws_url).connect()
    welcome = await viewer.hello(created["session"], token=created["facilitator_secret"])
    await viewer.close()
    return {s["id"]: [s["x"], s["y"]] for s in welcome["state"]["boards"][BOARD]["stakeholders"]["map"]}


async def nothing_covered_on_the_map(page: Page, size: str) -> None:
    await settled_everywhere(page, ".sh-map .sh-item")
    assert await page.evaluate(OVERLAPS, ".sh-map .sh-item, .sh-ambition") == [], size
    outside = await page.evaluate("""() => {
        const m = document.querySelector('[data-testid=map-surface]').getBoundingClientRect();
        return [...document.querySelectorAll('.sh-map .sh-item')].map((e) => [e.dataset.id, e.getBoundingClientRect()])
            .filter(([, r]) => r.left < m.left - 0.5 || r.right > m.right + 0.5 || r.top < m.top - 0.5 || r.bottom > m.bottom + 0.5)
            .map(([id]) => id);
    }""")
    assert outside == [], size


async def test_post_its_placed_close_together_on_a_laptop_cover_nothing_on_a_phone_or_a_laptop(server, pages, artifacts):
    """Regression (issue 8): post-its whose places were chosen by dragging on a laptop, close together
    near the ambition, covered each other and the ambition on a phone (where post-its are relatively
    bigger). Now each screen shows a post-it whose spot is taken at the nearest free spot; the log
    keeps the places as dropped, and a post-it being dragged follows the hand."""
    rows = [
        ("Cliënten", "Jongeren en ouders uit Oost", (0.38, 0.40), None),
        ("Onderzoekers", "Hogeschool Utrecht, lector jeugd", (0.62, 0.38), None),
        ("Management", "Directie, teamleiders", (0.45, 0.60), None),
        ("Wijkteams", "Jeugdconsulenten, gedragswetenschappers", (0.55, 0.62), None),
        ("Gemeente", "Beleidsadviseur jeugd", (0.36, 0.55), None),
        ("Huisartsen", "Praktijkondersteuners jeugd", (0.64, 0.50), None),
    ]
    created, ids = await wire_room(server, rows)
    sent = {ids[category]: list(pos) for category, _, pos, _ in rows}
    assert await stored_places(server, created) == sent
    shown = {sid: [f"{x:.4f}", f"{y:.4f}"] for sid, (x, y) in sent.items()}
    screens = {}
    for viewport, phone, size in ((PHONE, True, "360"), (LAPTOP_800, False, "1280")):
        page = await pages.open(viewport, phone=phone, name=f"viewer-{size}")
        await join_map(page, server.http_url, created["join_code"], f"Kim {size}")
        await expect(page.locator(".sh-map .sh-item")).to_have_count(len(rows))
        await nothing_covered_on_the_map(page, size)
        assert await map_places(page) == shown, size  # the places the page received, not the nudged ones
        await expect(page.locator(".sh-map .sh-item[data-moved=true]").first).to_be_visible()
        await page.get_by_test_id("map-surface").evaluate("el => el.scrollIntoView({block: 'center'})")
        await shot_here(page, artifacts / f"stakeholders-map-crowded-{size}.png")
        screens[size] = page
    assert await stored_places(server, created) == sent  # showing them never moved them

    # a post-it being dragged is not nudged: it follows the pointer, over the others
    laptop, phone = screens["1280"], screens["360"]
    moving, under = ids["Gemeente"], ids["Cliënten"]
    start = await item(laptop, moving).bounding_box()
    target = await item(laptop, under).bounding_box()
    x0, y0 = start["x"] + 20, start["y"] + 15
    dx, dy = target["x"] + 10 - start["x"], target["y"] + 10 - start["y"]
    await laptop.mouse.move(x0, y0)
    await laptop.mouse.down()
    await laptop.mouse.move(x0 + dx, y0 + dy, steps=10)
    await laptop.wait_for_function(
        "([id, x, y]) => { const r = document.querySelector(`[data-testid=stakeholder-${id}]`).getBoundingClientRect();"
        " return Math.abs(r.left - x) <= 1 && Math.abs(r.top - y) <= 1; }",
        arg=[moving, start["x"] + dx, start["y"] + dy])
    assert await laptop.evaluate(OVERLAPS, ".sh-map .sh-item") != []  # held over Cliënten
    await laptop.mouse.up()
    # dropped there: the log keeps the drop, and every screen shows it on a free spot beside
    await expect(item(laptop, moving)).to_have_attribute("data-settled", "true")
    x, y = await item(laptop, moving).get_attribute("data-x"), await item(laptop, moving).get_attribute("data-y")
    assert [x, y] != shown[moving]
    kept = await stored_places(server, created)
    assert [f"{v:.4f}" for v in kept[moving]] == [x, y]
    await expect(item(phone, moving)).to_have_attribute("data-x", x)
    await expect(item(laptop, moving)).to_have_attribute("data-moved", "true")
    for size, page in screens.items():
        await nothing_covered_on_the_map(page, size)
