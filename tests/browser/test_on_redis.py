"""The browser client against two instances on a real Redis: one board, and an honest banner."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.browser.conftest import LAPTOP, PHONE, create_session, join, open_facilitator_board
from tests.support.processes import ServerProcess
from tests.support.redis_server import RedisServer


@pytest.fixture
def two_instances(tmp_path):
    """Two server instances on one redis-server (AOF on), each a separate origin for the browser."""
    redis = RedisServer(tmp_path / "redis", appendonly=True).start()
    env = {"SAMENSPEL_HEARTBEAT_EVERY": "0.5", "SAMENSPEL_PRESENCE_TTL": "3"}
    instances = [ServerProcess(tmp_path / f"app{i}", redis_url=redis.url, env=env).start() for i in range(2)]
    yield redis, instances
    for instance in instances:
        instance.stop()
    redis.kill()


async def test_pages_on_different_instances_share_one_board_and_show_when_the_store_is_gone(two_instances, pages):
    """A dot placed through instance B shows on A; while Redis is down both show 'Opnieuw verbinden…'."""
    redis, (a, b) = two_instances
    fac = await pages.open(LAPTOP, name="facilitator")
    created = await create_session(fac, a.http_url)
    await open_facilitator_board(fac)
    ann = await pages.open(PHONE, phone=True, name="ann")
    await join(ann, b.http_url, created["code"], "Ann", "management")
    await ann.get_by_test_id("option-drijfveren-impact").click()
    await expect(fac.get_by_test_id("count-drijfveren-impact-management")).to_have_text("1")

    redis.stop()
    await expect(fac.get_by_test_id("reconnect-banner")).to_be_visible()
    await expect(ann.get_by_test_id("reconnect-banner")).to_be_visible()
    redis.start()
    await expect(fac.get_by_test_id("reconnect-banner")).to_be_hidden(timeout=20_000)
    await expect(ann.get_by_test_id("reconnect-banner")).to_be_hidden(timeout=20_000)

    await ann.get_by_test_id("option-drijfveren-zingeving").click()
    await expect(fac.get_by_test_id("count-drijfveren-zingeving-management")).to_have_text("1")
    await expect(ann.get_by_test_id("remaining-drijfveren")).to_have_text("Nog 1 van 3 stickers")
