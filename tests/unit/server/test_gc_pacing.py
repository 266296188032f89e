"""server/gc_pacing.py: full collections walk only what is new, and garbage cycles still go."""

from __future__ import annotations

import asyncio
import gc
import weakref

import pytest

from server.gc_pacing import YOUNG_THRESHOLD, GcPacer


class Node:
    """An object the collector tracks; two of them referring to each other are a cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture
async def pacer():
    sockets = {"open": 0}
    pacer = GcPacer(full_every=3600, sockets=lambda: sockets["open"])
    pacer.sockets = sockets
    pacer.start()
    yield pacer
    await pacer.close()


async def test_survivors_of_a_full_collection_are_not_walked_by_the_next(pacer) -> None:
    kept = [Node() for _ in range(5000)]
    frozen_before = gc.get_freeze_count()
    gc.collect()
    await asyncio.sleep(0)  # the freeze is scheduled on the loop, after the collection
    assert gc.get_freeze_count() >= frozen_before + len(kept)
    walked = {id(o) for o in gc.get_objects()}  # what the next collection walks
    assert not any(id(n) in walked for n in kept)


async def test_a_complete_collection_frees_a_cycle_that_was_frozen(pacer) -> None:
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    gc.freeze()
    del a, b
    gc.collect()
    assert gone() is not None  # frozen: an ordinary collection does not see the cycle
    pacer.collect_all()
    assert gone() is None


async def test_a_complete_collection_is_due_once_half_the_sockets_have_left(pacer) -> None:
    for open_now in range(1, 41):  # forty people come in, between two looks of the pacer
        pacer.saw_sockets(open_now)
    pacer.sockets["open"] = 21
    assert not pacer._due()
    pacer.sockets["open"] = 20
    assert pacer._due()
    pacer.collect_all()
    assert not pacer._due()  # counted again from the sockets open now


async def test_the_young_generation_is_collected_rarely_while_the_pacer_runs(pacer) -> None:
    assert gc.get_threshold()[0] == YOUNG_THRESHOLD


async def test_closing_the_pacer_gives_the_collector_back_as_it_was(pacer) -> None:
    gc.freeze()
    assert gc.get_freeze_count() > 0
    await pacer.close()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold()[0] != YOUNG_THRESHOLD
