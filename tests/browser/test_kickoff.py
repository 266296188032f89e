"""The kick-off without Mentimeter: the facilitator runs the kick-off run sheet with people on
phones and laptops and a projector; the open question and the word cloud live on every screen."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.browser.axe import report, violations
from tests.browser.conftest import LAPTOP, PHONE, open_facilitator_board, shot
from tests.browser.test_facilitation import in_view
from tests.browser.test_projector import BEAMERS, FITS
from tests.support.client import Client
from tests.support.client import join as api_join

LAPTOP_800 = {"width": 1280, "height": 800}
# Thirty words in all: the six people on screens and clients give three each; long Dutch words too.
WORDS = ["Samenwerking", "vertrouwen", "Kennisdeling", "ervaringsdeskundigheid", "tijd", "de samenwerking",
         "Verbinding", "leren", "Arbeidsmarktvraagstukken", "energie", "Netwerk", "vertrouwen!", "tijd",
         "Inspiratie", "Resultaatgerichtheid", "samenwerking", "Leren", "nieuwsgierig", "Praktijk", "TIJD",
         "Zorgprofessionals", "vertrouwen", "groei", "Ruimte", "samen", "uitdaging", "Verbinding", "leren",
         "saai", "Kennisdeling"]


async def create_kickoff(page: Page, base: str) -> dict:
    """"Sessie starten" with the kick-off as the only board; the created view's codes."""
    await page.goto(base + "/")
    await page.get_by_test_id("create-title").fill("Kick-off lerend netwerk Arbeidsmarkt Oost")
    await page.get_by_test_id("create-board-kickoff").check()
    await page.get_by_test_id("create-board-samenspel").uncheck()
    await page.get_by_test_id("create-submit").click()
    code_el = page.get_by_test_id("created-join-code")
    await expect(code_el).to_have_text(re.compile(r"^[A-Z0-9]{3} [A-Z0-9]{3}$"))
    fac_url = await page.get_by_test_id("created-facilitator-link").input_value()
    return {"code": (await code_el.inner_text()).replace(" ", ""),
            "session": re.search(r"/b/([A-Za-z0-9_-]+)#f=", fac_url).group(1),
            "secret": fac_url.split("#f=")[1]}


async def join_page(page: Page, base: str, code: str, name: str) -> None:
    await page.goto(f"{base}/j/{code}")
    await page.get_by_test_id("join-name").fill(name)  # one group: nothing to choose
    await page.get_by_test_id("join-submit").click()
    await expect(page.get_by_test_id("role-badge")).to_contain_text(name)


# and inside each part on the projector: nothing cut off at its bottom or right edge
CLIPPED = """() => [...document.querySelectorAll('.proj-board > section:not([hidden]) :is(.cloud, .answers, .statements, .stand)')]
    .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
    .map((el) => `${el.className} is cut off`)"""
SCREEN = f"() => [...({FITS})(), ...({CLIPPED})()]"


async def fits(page: Page, scene: str, size: tuple[int, int]) -> None:
    """The projector fits the screen once it has laid itself out for the new size."""
    try:
        await page.wait_for_function(f"() => ({SCREEN})().length === 0", timeout=5_000)
    except Exception:
        pass  # the assertion below says what does not fit
    assert await page.evaluate(SCREEN) == [], (scene, *size)


async def section_shot(page: Page, section: str, path) -> None:
    """The section as it is on that screen (a phone has scrolled to it)."""
    await page.evaluate("document.fonts.ready")
    await page.get_by_test_id(f"section-{section}").screenshot(path=str(path))


async def no_serious_axe(page: Page, where: str) -> None:
    found = await violations(page)
    assert not found, f"{where}: {report(found)}"


async def test_the_kick_off_runs_with_an_open_question_and_a_word_cloud_on_every_screen(server, pages, artifacts):
    """Six people (two on phones) and a projector: expectations as an open question with three
    answers pinned to the projector (markup shown as text), a word cloud of 30 words that grows on
    every screen and never shows the word the facilitator hid, and the check-out word; every
    projector size fits, axe finds nothing serious."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_kickoff(fac, server.http_url)
    await open_facilitator_board(fac)
    phones = [await pages.open(PHONE, phone=True, name=n) for n in ("ilse", "joost")]
    laptop = await pages.open(LAPTOP_800, name="karin")
    for page, name in zip([*phones, laptop], ("Ilse", "Joost", "Karin van der Heijden-Vermeulen")):
        await join_page(page, server.http_url, created["code"], name)
    others = []
    for name in ("Lotte", "Mehmet", "Noor"):
        person = await api_join(server.http_url, created["code"], name, "deelnemer")
        others.append(await Client(server.ws_url).connect())
        await others[-1].hello(created["session"], token=person["token"])
    proj = await pages.open({"width": 1920, "height": 1080}, name="projector")
    await proj.goto(f"{server.http_url}/p/{created['session']}#c={created['code']}")
    await expect(proj.get_by_test_id("timer-panel")).to_be_visible()

    # the opening: what do you expect? Answers arrive at the facilitator, anonymous.
    await fac.get_by_test_id("step-opening").click()
    ilse, joost = phones
    await ilse.get_by_test_id("answer-input-verwachtingen").fill("Leren van elkaars praktijk")
    await ilse.get_by_test_id("answer-add-verwachtingen").click()
    await joost.get_by_test_id("answer-input-verwachtingen").fill("<b>Van elkaar leren</b>")
    await joost.get_by_test_id("answer-add-verwachtingen").click()
    await laptop.get_by_test_id("answer-input-verwachtingen").fill("Een netwerk dat blijft na de laatste bijeenkomst")
    await laptop.get_by_test_id("answer-add-verwachtingen").click()
    for i, client in enumerate(others):
        for text in (f"Inspiratie uit andere organisaties ({i + 1})", "Concrete handvatten voor de werkvloer"):
            assert (await client.call({"type": "add_answer", "board": "kickoff", "section": "verwachtingen",
                                       "text": text}))["type"] == "ok"
    answers = fac.get_by_test_id("answers-verwachtingen").locator("li")
    await expect(answers).to_have_count(9)
    markup = fac.locator(".answer-text", has_text="<b>Van elkaar leren</b>")
    await expect(markup).to_be_visible()  # the markup is text, on every screen
    assert await fac.locator("[data-testid=answers-verwachtingen] b").count() == 0
    for n in (0, 1, 2):
        await answers.nth(n).get_by_test_id("answer-pin").click()
        await expect(answers.nth(n).get_by_test_id("answer-pin")).to_have_attribute("aria-pressed", "true")
    await answers.nth(4).get_by_test_id("answer-hide").click()
    await expect(joost.get_by_test_id("answers-verwachtingen").locator("li")).to_have_count(8)
    await expect(proj.get_by_test_id("answers-verwachtingen").locator("li")).to_have_count(3)
    await expect(proj.locator(".answer-text", has_text="<b>Van elkaar leren</b>")).to_be_visible()
    await section_shot(ilse, "verwachtingen", artifacts / "kickoff-open-phone.png")
    await section_shot(fac, "verwachtingen", artifacts / "kickoff-open-facilitator.png")
    await section_shot(laptop, "verwachtingen", artifacts / "kickoff-open-laptop.png")
    for width, height in BEAMERS:
        await proj.set_viewport_size({"width": width, "height": height})
        await expect(proj.get_by_test_id("answers-verwachtingen").locator("li").first).to_be_visible()
        await shot(proj, artifacts / f"kickoff-open-projector-{width}x{height}.png")
        await fits(proj, "open question", (width, height))
    await no_serious_axe(fac, "facilitator, open question")
    await no_serious_axe(ilse, "phone, open question")

    # the theme: a word cloud of 30 words, grown on every screen; "saai" hidden by the facilitator
    await proj.set_viewport_size({"width": 1920, "height": 1080})
    await fac.get_by_test_id("step-kennismaking").click()
    typed = iter(WORDS)
    for page in (ilse, joost, laptop):
        for _ in range(3):
            await page.get_by_test_id("word-input-thema").fill(next(typed))
            await page.get_by_test_id("word-add-thema").click()
        await expect(page.get_by_test_id("my-words-thema").locator("li")).to_have_count(3)
        await expect(page.get_by_test_id("word-input-thema")).to_be_hidden()  # all three given
    for client in others:
        for _ in range(3):
            reply = await client.call({"type": "add_word", "board": "kickoff", "section": "thema", "word": next(typed)})
            assert reply["type"] == "ok", reply
    refused = await others[0].call({"type": "add_word", "board": "kickoff", "section": "thema", "word": "doorzetten"})
    assert refused["code"] == "limit_reached", refused  # a flood stops at three
    # 18 words from six people so far: give the other twelve as six more people
    for name in ("Olga", "Piet", "Quinten", "Rosa"):
        person = await api_join(server.http_url, created["code"], name, "deelnemer")
        client = await Client(server.ws_url).connect()
        await client.hello(created["session"], token=person["token"])
        others.append(client)
        for _ in range(3):
            assert (await client.call({"type": "add_word", "board": "kickoff", "section": "thema",
                                       "word": next(typed)}))["type"] == "ok"
    total = "() => [...document.querySelectorAll('[data-testid=cloud-thema] .cloud-word')].reduce((s, e) => s + +e.dataset.n, 0)"
    await proj.wait_for_function(f"() => ({total})() === 30")
    assert await fac.evaluate(f"({total})()") == 30
    await expect(proj.locator("[data-testid=cloud-thema] [data-word=samenwerking]")).to_have_attribute("data-n", "3")
    await fac.locator("[data-testid=cloud-thema] [data-word=saai]").click()
    await expect(fac.locator("[data-testid=cloud-thema] [data-word=saai]")).to_have_attribute("aria-pressed", "true")
    for page in (proj, ilse, joost, laptop):
        await expect(page.locator("[data-testid=cloud-thema] [data-word=saai]")).to_have_count(0)
    await proj.reload()
    await expect(proj.locator("[data-testid=cloud-thema] [data-word=tijd]")).to_be_visible()
    assert await proj.locator("[data-word=saai]").count() == 0
    await in_view(joost, "section-thema")  # the phone followed the step
    await shot(joost, artifacts / "kickoff-cloud-phone-top.png")
    await section_shot(joost, "thema", artifacts / "kickoff-cloud-phone.png")
    await section_shot(laptop, "thema", artifacts / "kickoff-cloud-laptop.png")
    await section_shot(fac, "thema", artifacts / "kickoff-cloud-facilitator.png")
    for width, height in BEAMERS:
        await proj.set_viewport_size({"width": width, "height": height})
        await expect(proj.get_by_test_id("cloud-thema")).to_be_visible()
        await fits(proj, "word cloud", (width, height))
        cut = await proj.evaluate("""() => [...document.querySelectorAll('[data-testid=cloud-thema] .cloud-word')]
            .filter((w) => { const r = w.getBoundingClientRect(), c = w.parentElement.getBoundingClientRect();
                             return r.right > c.right + 1 || r.bottom > c.bottom + 1 || r.left < c.left - 1; })
            .map((w) => w.textContent)""")
        await shot(proj, artifacts / f"kickoff-cloud-projector-{width}x{height}.png")
        assert cut == [], ("words cut off", width, height, cut)
    await no_serious_axe(fac, "facilitator, word cloud")
    await no_serious_axe(joost, "phone, word cloud")
    await no_serious_axe(proj, "projector, word cloud")

    # the actieleercirkel: one anonymous dot each; and Klaar voor actieleren: stars per statement,
    # hidden until the facilitator reveals them
    await proj.set_viewport_size({"width": 1920, "height": 1080})
    await fac.get_by_test_id("step-theorie").click()
    for page, segment in ((ilse, "reflecteren"), (joost, "plannen"), (laptop, "reflecteren")):
        await page.get_by_test_id(f"stand-cirkel-{segment}").click()
        await expect(page.get_by_test_id(f"stand-cirkel-{segment}")).to_have_attribute("aria-pressed", "true")
    for client, segment in zip(others, ("uitvoeren", "reflecteren", "probleem", "onderzoeken")):
        assert (await client.call({"type": "take_stand", "board": "kickoff", "section": "cirkel",
                                   "segment": segment}))["type"] == "ok"
    await expect(proj.get_by_test_id("stand-count-cirkel-reflecteren")).to_have_text("3")
    await expect(ilse.get_by_test_id("stand-count-cirkel-plannen")).to_have_text("1")
    for page, values in ((ilse, (5, 4, 3, 5, 2)), (joost, (4, 4, 1, 5, 3)), (laptop, (2, 5, 4, 4, 5))):
        for statement, value in zip(("ideeen", "mislukt", "netwerk", "reflecteren", "vragen"), values):
            choice = page.get_by_test_id(f"statement-klaar-{statement}-{value}")
            await choice.click()
            await expect(choice).to_have_attribute("aria-pressed", "true")
    await expect(proj.get_by_test_id("spread-klaar-netwerk")).to_be_hidden()
    await expect(ilse.get_by_test_id("statements-hidden-klaar")).to_be_visible()
    await fac.get_by_test_id("statements-hide-klaar").click()
    await expect(proj.get_by_test_id("spread-klaar-netwerk")).to_be_visible()
    await expect(proj.get_by_test_id("spread-klaar-reflecteren").locator(".st-n").nth(4)).to_have_text("2")
    await section_shot(ilse, "klaar", artifacts / "kickoff-statements-phone.png")
    await section_shot(laptop, "klaar", artifacts / "kickoff-statements-laptop.png")
    await section_shot(joost, "cirkel", artifacts / "kickoff-stand-phone.png")
    await section_shot(fac, "cirkel", artifacts / "kickoff-stand-facilitator.png")
    for width, height in BEAMERS:
        await proj.set_viewport_size({"width": width, "height": height})
        await expect(proj.get_by_test_id("spread-klaar-netwerk")).to_be_visible()
        await shot(proj, artifacts / f"kickoff-statements-projector-{width}x{height}.png")
        await fits(proj, "statements", (width, height))
    await no_serious_axe(ilse, "phone, statements and the circle")
    await no_serious_axe(proj, "projector, statements and the circle")

    # the check-out: one word each
    await proj.set_viewport_size({"width": 1920, "height": 1080})
    await fac.get_by_test_id("step-afronding").click()
    for page, word in ((ilse, "Energiek"), (joost, "Nieuwsgierig"), (laptop, "energiek")):
        await page.get_by_test_id("word-input-checkout").fill(word)
        await page.get_by_test_id("word-add-checkout").click()
        await expect(page.get_by_test_id("my-words-checkout").locator("li")).to_have_count(1)
    await expect(proj.locator("[data-testid=cloud-checkout] [data-word=energiek]")).to_have_attribute("data-n", "2")
    # "herken ik" on others' words; the most recognised is marked on every screen
    for page, word in ((ilse, "nieuwsgierig"), (laptop, "nieuwsgierig"), (joost, "energiek")):
        tap = page.get_by_test_id(f"recognise-checkout-{word}")
        await tap.click()
        await expect(tap).to_have_attribute("aria-pressed", "true")
    assert await ilse.get_by_test_id("recognise-checkout-energiek").count() == 0  # not on your own word
    await expect(proj.locator("[data-testid=cloud-checkout] [data-word=nieuwsgierig]")).to_have_class(re.compile("is-most"))
    await expect(proj.get_by_test_id("recognised-checkout-nieuwsgierig")).to_contain_text("2")
    await expect(joost.locator("[data-testid=cloud-checkout] [data-word=energiek]")).not_to_have_class(re.compile("is-most"))
    await no_serious_axe(ilse, "phone, check-out round")
    await section_shot(ilse, "checkout", artifacts / "kickoff-checkout-phone.png")
    for width, height in BEAMERS:
        await proj.set_viewport_size({"width": width, "height": height})
        await expect(proj.get_by_test_id("cloud-checkout")).to_be_visible()
        await shot(proj, artifacts / f"kickoff-checkout-projector-{width}x{height}.png")
        await fits(proj, "check-out round", (width, height))

    # the summary: the answers (pinned first, markup as text) and the words, "saai" not among them
    summary = await pages.open(LAPTOP_800, name="summary")
    await summary.goto(f"{server.http_url}/s/{created['session']}#f={created['secret']}")
    answers_sum = summary.get_by_test_id("sum-open-verwachtingen").locator("li")
    await expect(answers_sum).to_have_count(8)
    await expect(answers_sum.first).to_contain_text("Leren van elkaars praktijk")
    await expect(summary.get_by_test_id("sum-open-verwachtingen")).to_contain_text("<b>Van elkaar leren</b>")
    words_sum = summary.get_by_test_id("sum-wordcloud-thema")
    await expect(words_sum.locator("li").first).to_have_text("leren 3×")
    await expect(words_sum).not_to_contain_text("saai")
    await expect(summary.get_by_test_id("sum-wordcloud-checkout")).to_contain_text("★ nieuwsgierig")
    await expect(summary.get_by_test_id("sum-stand-cirkel").locator("li").last).to_contain_text("3 staan hier")
    await expect(summary.get_by_test_id("sum-statements-klaar").locator("li").nth(2)).to_contain_text("★★★ 1")
    await shot(summary, artifacts / "kickoff-summary-laptop.png", full_page=True)
    await no_serious_axe(summary, "summary")
    for client in others:
        await client.close()
