"""Behind a proxy: the board's join link and QR code carry the public address, not the page's own."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.browser.conftest import LAPTOP, PROJECTOR, create_session, open_facilitator_board
from tests.support.processes import ServerProcess

PUBLIC = "https://samenspel.example.org"


@pytest.fixture
def proxied(tmp_path):
    proc = ServerProcess(tmp_path / "data", env={"SAMENSPEL_PUBLIC_URL": PUBLIC}).start()
    yield proc
    proc.stop()


async def test_join_links_and_qr_codes_use_the_public_address(proxied, pages):
    """Opened on 127.0.0.1 (as an operator behind the proxy would), every link and QR names the public address."""
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, proxied.http_url)
    join_url = f"{PUBLIC}/j/{created['code']}"
    assert await fac.get_by_test_id("created-qr").get_attribute("data-qr-text") == join_url
    await expect(fac.get_by_test_id("created-join-link")).to_have_attribute("href", join_url)
    await open_facilitator_board(fac)
    assert await fac.get_by_test_id("share-qr").get_attribute("data-qr-text") == join_url
    await expect(fac.get_by_test_id("join-link")).to_have_attribute("href", join_url)
    await expect(fac.get_by_test_id("join-link")).to_have_text(f"samenspel.example.org/j/{created['code']}")
    projector = await pages.open(PROJECTOR, name="projector")
    await projector.goto(f"{proxied.http_url}/p/{created['session']}#c={created['code']}")
    await expect(projector.get_by_test_id("projector-join-url")).to_have_text("samenspel.example.org/j")
    assert await projector.get_by_test_id("qr").get_attribute("data-qr-text") == join_url
