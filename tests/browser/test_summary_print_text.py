"""Every template's summary prints its text as text: an empty field's "(nog leeg)" printed one
letter per line on card 1's PDF (the fields' grid gave the text a column of no width in print)."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import expect

from tests.browser.conftest import LAPTOP
from tests.browser.test_summary_pdf import pages_as_png, print_summary
from tests.support.client import Client, create_session

# every printed line that is a single letter (a word broken letter by letter) is a fault
SINGLE_LETTERS = r"^\s*\S\s*$"


def letter_lines(pages_text: list[str]) -> list[str]:
    return [line for page in pages_text for line in page.splitlines() if re.match(SINGLE_LETTERS, line)]


TEXT = ("Wij willen dat elk kind in Oost binnen vier weken passende jeugdhulp krijgt, dichtbij huis, "
        "met Ervaringsdeskundigen en Resultaatgerichtheid als gedeelde taal van het leernetwerk.")


@pytest.mark.parametrize("full", [False, True], ids=["empty", "full"])
@pytest.mark.parametrize("board", ["ambitie", "juiste_weg", "rollen", "kickoff"])
async def test_a_summary_prints_its_texts_in_lines(server, pages, artifacts, board, full):
    """Empty fields ("(nog leeg)") and full ones print in lines, on every template's summary."""
    from boards.templates import TEMPLATES

    created = await create_session(server.http_url, title="Leernetwerk Jeugd Oost – leeg", boards=[board])
    api = await Client(server.ws_url).connect()
    await api.hello(created["session"], token=created["facilitator_secret"])
    for section in TEMPLATES[board].sections if full else ():
        for field in getattr(section, "fields", None) or ():
            reply = await api.call({"type": "set_text", "board": board, "section": section.id, "field": field.id, "text": TEXT})
            assert reply["type"] == "ok", reply
    assert (await api.call({"type": "close_session"}))["type"] == "ok"
    await api.close()
    fac = await pages.open(LAPTOP, name="facilitator")
    await fac.goto(f"{server.http_url}/s/{created['session']}#f={created['facilitator_secret']}")
    await expect(fac.get_by_test_id("summary")).to_be_visible()
    name = f"summary-{'full' if full else 'empty'}-{board}"
    pdf = artifacts / f"{name}.pdf"
    pages_text = await print_summary(fac, pdf)
    pages_as_png(pdf, artifacts, f"{name}-page")
    assert letter_lines(pages_text) == [], "\n".join(pages_text)
