"""The summary's PDF (the browser's print, decision 35) for a full session: sections flow, every page
carries the session's name and "pagina N van M"."""

from __future__ import annotations

import re
import subprocess

from playwright.async_api import expect

from tests.browser.conftest import LAPTOP
from tests.browser.test_insights_layout import full_session
from tests.support.client import Client, join as api_join

TITLE = "Leernetwerk Jeugd Oost – maart"
VOTERS = [("Ann", "leernetwerk", ("zingeving", "impact", "autonomie"), ("tijd", "kennisdeling", "samenwerking"), 5,
           "Eindelijk samen aan tafel met Resultaatgerichtheid als gedeeld doel"),
          ("Bert", "leernetwerk", ("impact", "kwaliteit", "teamontwikkeling"), ("tijd", "capaciteit", "middelen"), 4,
           "Goed gesprek"),
          ("Carla", "leernetwerk", ("zingeving", "saamhorigheid", "impact"), ("communicatie", "tijd", "structuur"), 4, ""),
          ("Max", "management", ("resultaat", "impact", "duurzaamheid"), ("middelen", "structuur", "capaciteit"), 4,
           "Nuttig, graag vervolg"),
          ("Noor", "management", ("resultaat", "kwaliteit", "duurzaamheid"), ("structuur", "tijd", "communicatie"), 3,
           "Wat kort"),
          ("Olaf", "management", ("impact", "resultaat", "autonomie"), ("capaciteit", "samenwerking", "middelen"), 5, "")]


async def closed_full_session(server) -> dict:
    """full_session, plus six people's dots and check-outs, then closed."""
    created = await full_session(server)
    for name, group, drijfveren, pijlers, rating, text in VOTERS:
        person = await api_join(server.http_url, created["join_code"], name, group)
        voter = await Client(server.ws_url).connect()
        await voter.hello(created["session"], token=person["token"])
        for section, options in (("drijfveren", drijfveren), ("pijlers", pijlers)):
            for option in options:
                reply = await voter.call({"type": "place_dot", "board": "samenspel", "section": section, "option": option})
                assert reply["type"] == "ok", reply
        reply = await voter.call({"type": "check_out", "rating": rating, "text": text})
        assert reply["type"] == "ok", reply
        await voter.close()
    fac = await Client(server.ws_url).connect()
    await fac.hello(created["session"], token=created["facilitator_secret"])
    assert (await fac.call({"type": "close_session"}))["type"] == "ok"
    await fac.close()
    return created


async def print_summary(page, pdf) -> list[str]:
    """Chromium's print of the summary page (what "Afdrukken / PDF" gives); the text of each page."""
    await page.emulate_media(media="print")
    await page.pdf(path=str(pdf), format="A4", print_background=True)
    await page.emulate_media(media="screen")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [p for p in text.split("\f") if p.strip()]


def pages_as_png(pdf, artifacts, name: str) -> None:
    for old in artifacts.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(artifacts / name)], check=True)


async def test_the_summary_pdf_flows_and_every_page_names_the_session_and_its_number(server, pages, artifacts):
    """A full session's summary prints on at most 4 A4 pages (it took 6, two of them two-thirds
    empty, a section per page), and each page shows the session's name and "pagina N van M"."""
    created = await closed_full_session(server)
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(f"{server.http_url}/s/{created['session']}#f={created['facilitator_secret']}")
    await expect(fac.get_by_test_id("sum-checkout")).to_contain_text("6 antwoorden")
    pdf = artifacts / "summary-full.pdf"
    pages_text = await print_summary(fac, pdf)
    text = "\n".join(pages_text)
    pages_as_png(pdf, artifacts, "summary-full-page")
    assert len(pages_text) <= 4, len(pages_text)
    for n, page in enumerate(pages_text, 1):
        assert TITLE in page, n
        assert re.search(rf"pagina {n} van {len(pages_text)}", page), n
    for expected in ("Impact", "Resultaatgerichtheid en samenwerking", "Samenwerkingsovereenkomst",
                     "Roosterruimte voor intervisie", "Goed gesprek"):
        assert expected in text, expected


async def test_the_stakeholder_summary_pdf_names_the_session_and_numbers_every_page(server, pages, artifacts):
    """A full stakeholder map's summary: every printed page carries the session's name and
    "pagina N van M"; the map and the matrix each stay whole on one page."""
    from tests.browser.test_stakeholders import populate, stakeholder_session

    created = await stakeholder_session(server)
    await populate(server, created)
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(f"{server.http_url}/s/{created['session']}#f={created['facilitator_secret']}")
    await expect(fac.get_by_test_id("summary")).to_contain_text("Zorgverzekeraar")
    pdf = artifacts / "summary-stakeholders.pdf"
    pages_text = await print_summary(fac, pdf)
    pages_as_png(pdf, artifacts, "summary-stakeholders-page")
    for n, page in enumerate(pages_text, 1):
        assert "Leernetwerk Jeugd Oost" in page and f"pagina {n} van {len(pages_text)}" in page, n
    assert len(pages_text) <= 3, len(pages_text)
