"""The facilitator builds the session from blocks in the run sheet editor — adds a word-cloud block,
moves it, copies it, removes the copy, fills in its plan — on a laptop and on a phone, with the
keyboard too; then runs it with a participant on a phone, whose screen follows the current block.
Screenshots of the editor on a phone and a laptop; axe finds nothing serious."""

from __future__ import annotations

import re

from pathlib import Path

from playwright.async_api import Page, expect

from boards import template_file
from boards.templates import TEMPLATES

from tests.browser.conftest import PHONE, open_facilitator_board
from tests.browser.test_facilitation import in_view
from tests.browser.test_kickoff import create_kickoff, join_page, no_serious_axe

LAPTOP_800 = {"width": 1280, "height": 800}
KICKOFF_BLOCKS = 9


async def open_editor(page: Page) -> None:
    panel = page.get_by_test_id("runsheet")
    await panel.locator("summary.panel-title").click()
    await page.get_by_test_id("runsheet-edit").click()
    await expect(page.get_by_test_id("runsheet-editor")).to_be_visible()


def blocks(page: Page):
    return page.locator(".rs-blocks > li")


async def step_ids(page: Page) -> list[str]:
    return await blocks(page).evaluate_all("(els) => els.map((el) => el.dataset.step)")


async def test_the_facilitator_builds_a_session_from_blocks_and_runs_it_with_a_phone(server, pages, artifacts):
    fac = await pages.open(LAPTOP_800, name="facilitator")
    created = await create_kickoff(fac, server.http_url)
    await open_facilitator_board(fac)
    await open_editor(fac)
    await expect(blocks(fac)).to_have_count(KICKOFF_BLOCKS)
    # the kick-off's blocks carry the seed's plan
    await expect(fac.get_by_test_id("block-goal-opening")).to_have_value(
        "Opening, belang van het lerend netwerk, verwachtingen afstemmen")

    # add a word-cloud block at the end
    await fac.get_by_test_id("add-block-title").fill("Woordwolk: wat neem je mee?")
    await fac.get_by_test_id("add-block-minutes").fill("8")
    await fac.get_by_test_id("add-block-activity").select_option("wordcloud")
    await fac.get_by_test_id("add-block-prompt").fill("Welk woord neem je mee naar huis?")
    await fac.get_by_test_id("add-block-submit").click()
    await expect(blocks(fac)).to_have_count(KICKOFF_BLOCKS + 1)
    new = (await step_ids(fac))[-1]
    await expect(fac.get_by_test_id(f"block-title-{new}")).to_have_value("Woordwolk: wat neem je mee?")
    await expect(fac.get_by_test_id(f"block-minutes-{new}")).to_have_value("8")
    await expect(fac.get_by_test_id(f"step-{new}")).to_be_visible()  # in the steps panel too

    # move it up twice, by mouse and by keyboard (the focus stays on the button across the rebuild)
    await fac.get_by_test_id(f"block-up-{new}").click()
    await expect(blocks(fac).nth(KICKOFF_BLOCKS - 1)).to_have_attribute("data-step", new)
    await fac.get_by_test_id(f"block-up-{new}").focus()
    await fac.keyboard.press("Enter")
    await expect(blocks(fac).nth(KICKOFF_BLOCKS - 2)).to_have_attribute("data-step", new)
    await fac.wait_for_function("(id) => document.activeElement?.dataset.testid === id", arg=f"block-up-{new}")
    order = await step_ids(fac)
    assert order[order.index(new) + 1] == "afspraken" and order[order.index(new) - 1] == "toepassing"

    # copy it, then remove the copy
    await fac.get_by_test_id(f"block-copy-{new}").click()
    await expect(blocks(fac)).to_have_count(KICKOFF_BLOCKS + 2)
    order = await step_ids(fac)
    copy = order[order.index(new) + 1]
    assert copy != new
    await expect(fac.get_by_test_id(f"block-title-{copy}")).to_have_value("Woordwolk: wat neem je mee?")
    await fac.get_by_test_id(f"block-remove-{copy}").click()
    await expect(blocks(fac)).to_have_count(KICKOFF_BLOCKS + 1)
    assert copy not in await step_ids(fac)

    # its plan: goal, who, materials, optional
    block = fac.get_by_test_id(f"block-{new}")
    await block.locator("summary").click()
    await fac.get_by_test_id(f"block-goal-{new}").fill("Oogsten wat bleef hangen")
    await fac.get_by_test_id(f"block-who-{new}").fill("Sam en Lotte")
    await fac.get_by_test_id(f"block-materials-{new}").fill("Beamer")
    await fac.get_by_test_id(f"block-essential-{new}").uncheck()
    await expect(block).to_have_class("rs-block optional")
    await fac.get_by_test_id(f"block-title-{new}").focus()

    # the same editor on a phone (the facilitator's second screen), looked at
    phone_fac = await pages.open(PHONE, phone=True, name="facilitator-phone")
    await phone_fac.goto(f"{server.http_url}/b/{created['session']}#f={created['secret']}")
    await open_editor(phone_fac)
    await expect(phone_fac.get_by_test_id(f"block-who-{new}")).to_have_value("Sam en Lotte")
    await phone_fac.get_by_test_id(f"block-{new}").locator("summary").click()
    await phone_fac.get_by_test_id(f"block-{new}").scroll_into_view_if_needed()
    await phone_fac.evaluate("document.fonts.ready")
    await phone_fac.screenshot(path=str(artifacts / "runsheet-editor-phone.png"))
    await fac.get_by_test_id("runsheet").scroll_into_view_if_needed()
    await fac.get_by_test_id(f"block-{new}").scroll_into_view_if_needed()
    await fac.screenshot(path=str(artifacts / "runsheet-editor-laptop.png"))
    await fac.get_by_test_id(f"block-{new}").screenshot(path=str(artifacts / "runsheet-editor-laptop-block.png"))
    await fac.get_by_test_id("add-block-form").screenshot(path=str(artifacts / "runsheet-editor-laptop-add.png"))
    wide = await phone_fac.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && el.offsetParent !== null)
        .filter((el) => { for (let p = el.parentElement; p; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') return false; } return true; })
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`).slice(0, 8)""")
    assert wide == [], f"the phone scrolls sideways: {wide}"
    # in English: the editor's own labels follow, the facilitator's texts stay as typed
    await phone_fac.get_by_test_id("lang-en").click()
    await expect(phone_fac.get_by_test_id("runsheet-edit")).to_have_text("Done editing")  # still open after the rebuild
    await expect(phone_fac.get_by_test_id(f"block-copy-{new}")).to_have_attribute(
        "aria-label", "Copy: Woordwolk: wat neem je mee?")
    await expect(phone_fac.get_by_test_id(f"block-{new}")).to_contain_text("Activity: Word cloud")
    await phone_fac.get_by_test_id("add-block-form").scroll_into_view_if_needed()
    await phone_fac.screenshot(path=str(artifacts / "runsheet-editor-phone-en.png"))
    await no_serious_axe(fac, "facilitator, run sheet editor")
    await no_serious_axe(phone_fac, "facilitator on a phone, run sheet editor")

    # saved as a template file from the board: the blocks as they now are
    async with fac.expect_download() as info:
        await fac.get_by_test_id("save-template").click()
    download = await info.value
    assert download.suggested_filename == "kickoff.samenspel.json"
    sheet = template_file.load(Path(await download.path()).read_bytes())
    assert sheet.step(new).plan.who == "Sam en Lotte" and sheet.step(new).plan.essential is False

    # run it: a participant on a phone follows the current block and answers in it
    ilse = await pages.open(PHONE, phone=True, name="ilse")
    await join_page(ilse, server.http_url, created["code"], "Ilse")
    await fac.get_by_test_id(f"step-{new}").click()
    section = await ilse.evaluate(
        "(id) => document.querySelector(`[data-testid^='word-input-']:not([data-testid$='-thema']):not([data-testid$='-checkout'])`)?.dataset.testid",
        new)
    assert section and section.startswith("word-input-"), section
    key = section.removeprefix("word-input-")
    await in_view(ilse, f"section-{key}")
    await ilse.get_by_test_id(f"word-input-{key}").fill("vertrouwen")
    await ilse.get_by_test_id(f"word-add-{key}").click()
    await expect(fac.get_by_test_id(f"cloud-{key}")).to_contain_text("vertrouwen")
    await ilse.evaluate("document.fonts.ready")
    await ilse.screenshot(path=str(artifacts / "runsheet-block-participant-phone.png"))
    # the run block cannot be removed; its remove button says why
    await expect(fac.get_by_test_id(f"block-remove-{new}")).to_be_disabled()


async def test_a_template_file_starts_a_session_from_the_start_page(server, pages, artifacts, tmp_path):
    """A good file makes a session with its blocks; a bad one says where and what, and makes none."""
    shipped = TEMPLATES["kickoff"]
    text = template_file.dump(shipped).decode().replace(shipped.steps[2].label.nl, "Koffie en thee")
    good, bad = tmp_path / "draaiboek.json", tmp_path / "kapot.json"
    good.write_text(text)
    bad.write_text(text.replace('"id": "pauze2"', '"id": "pauze1"'))
    page = await pages.open(PHONE, phone=True, name="facilitator")
    await page.goto(server.http_url + "/")
    await page.get_by_test_id("create-title").fill("Kick-off uit een bestand")
    # the page's own Dutch button (the browser's is "Choose File"), named, no file yet
    button = page.get_by_test_id("create-from-file-button")
    await expect(button).to_have_text(re.compile("Kies een bestand"))
    await expect(button).to_be_visible()
    await expect(page.get_by_test_id("create-from-file-name")).to_have_text("Geen bestand gekozen")
    await page.get_by_test_id("lang-en").click()  # and in English
    await expect(button).to_have_text(re.compile("Choose a file"))
    await expect(page.get_by_test_id("create-from-file-name")).to_have_text("No file chosen")
    await expect(page.get_by_label(re.compile("template file"))).to_have_attribute("type", "file")
    await page.get_by_test_id("lang-nl").click()
    await expect(button).to_have_text(re.compile("Kies een bestand"))
    await expect(page.get_by_label(re.compile("sjabloonbestand"))).to_have_attribute("type", "file")
    # keyboard: Tab from the title reaches the (hidden) file input, its button shows the focus ring
    await page.get_by_test_id("create-title").focus()
    for _ in range(40):
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement?.dataset.testid") == "create-from-file":
            break
    assert await page.evaluate("document.activeElement?.dataset.testid") == "create-from-file"
    await button.scroll_into_view_if_needed()
    assert await button.evaluate("(b) => getComputedStyle(b).outlineStyle") == "solid"
    await page.screenshot(path=str(artifacts / "template-upload-focus-phone.png"))
    async with page.expect_file_chooser() as chooser_info:
        await button.tap()  # the page's button opens the browser's chooser
    chooser = await chooser_info.value
    await chooser.set_files(str(bad))
    await expect(page.get_by_test_id("create-from-file-name")).to_have_text("kapot.json")
    error = page.get_by_test_id("create-file-error")
    await expect(error).to_contain_text("Dit sjabloonbestand klopt niet")
    await expect(error).to_contain_text("duplicate step id 'pauze1'")
    await expect(error).to_contain_text("regel ")
    await error.scroll_into_view_if_needed()
    await page.screenshot(path=str(artifacts / "template-upload-error-phone.png"))
    await no_serious_axe(page, "start page, a bad template file")
    await page.get_by_test_id("create-from-file").set_input_files(str(good))
    await open_facilitator_board(page)
    await expect(page.get_by_test_id("session-title")).to_have_text("Kick-off uit een bestand")
    await expect(page.get_by_test_id("step-pauze1")).to_contain_text("Koffie en thee")


async def test_another_facilitators_block_keeps_what_is_half_typed(server, pages, artifacts):
    """Eva types in the add-block form and in a block's open "Doel, wie, materialen"; Ruud (the
    co-facilitator, a second page) adds a block. Eva's page rebuilds for the new block, and keeps her
    text, the open plan section and the focus with its caret."""
    eva = await pages.open(LAPTOP_800, name="facilitator-eva")
    created = await create_kickoff(eva, server.http_url)
    await open_facilitator_board(eva)
    await open_editor(eva)
    ruud = await pages.open(LAPTOP_800, name="facilitator-ruud")
    await ruud.goto(f"{server.http_url}/b/{created['session']}#f={created['secret']}")
    await open_editor(ruud)

    await eva.get_by_test_id("add-block-title").fill("Pauze met soep")
    await eva.get_by_test_id("add-block-activity").select_option("statements")
    await eva.get_by_test_id("add-block-items").fill("Ik ken iedereen\nIk weet wat ik kom doen")
    await eva.locator("[data-testid='block-opening'] details.rs-plan summary").click()
    await expect(eva.get_by_test_id("block-who-opening")).to_be_visible()
    await eva.get_by_test_id("add-block-prompt").fill("Hoe sta je erin?")  # the focus stays here, mid-typing
    await eva.get_by_test_id("add-block-prompt").press("ArrowLeft")

    await ruud.get_by_test_id("add-block-title").fill("Energizer")
    await ruud.get_by_test_id("add-block-submit").click()
    await expect(blocks(eva)).to_have_count(KICKOFF_BLOCKS + 1)  # Eva's page rebuilt for it
    await expect(ruud.get_by_test_id("add-block-title")).to_have_value("")  # Ruud's own form emptied

    await expect(eva.get_by_test_id("add-block-title")).to_have_value("Pauze met soep")
    await expect(eva.get_by_test_id("add-block-activity")).to_have_value("statements")
    await expect(eva.get_by_test_id("add-block-items")).to_be_visible()
    await expect(eva.get_by_test_id("add-block-items")).to_have_value("Ik ken iedereen\nIk weet wat ik kom doen")
    await expect(eva.get_by_test_id("add-block-prompt")).to_have_value("Hoe sta je erin?")
    await expect(eva.get_by_test_id("block-who-opening")).to_be_visible()  # the plan section still open
    await eva.wait_for_function("() => document.activeElement?.dataset.testid === 'add-block-prompt'")
    assert await eva.evaluate("document.activeElement.selectionStart") == len("Hoe sta je erin?") - 1
    await eva.keyboard.type("!")  # typing goes on where it was
    await expect(eva.get_by_test_id("add-block-prompt")).to_have_value("Hoe sta je erin!?")
    await eva.get_by_test_id("add-block-title").scroll_into_view_if_needed()
    await eva.screenshot(path=str(artifacts / "runsheet-kept-across-rebuild-laptop.png"))

    # Eva's own block: added, and her form emptied (the rebuild's new form does not keep the sent text)
    await eva.get_by_test_id("add-block-submit").click()
    await expect(blocks(eva)).to_have_count(KICKOFF_BLOCKS + 2)
    await expect(blocks(ruud)).to_have_count(KICKOFF_BLOCKS + 2)
    await expect(eva.get_by_test_id("add-block-title")).to_have_value("")
    await expect(eva.get_by_test_id("add-block-prompt")).to_have_value("")
