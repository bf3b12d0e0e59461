"""The bulk engine pauses the cyclic garbage collector while chunks run (app/ingest/bulk/engine.py)
and leaves it as it found it; chunks on several threads share the pause."""

import gc
import threading
from typing import Any

from app.ingest.bulk.engine import FULL_EVERY
from app.ingest.bulk.engine import collector_paused


def test_the_collector_is_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a second chunk at once (another thread, or nested)
            assert not gc.isenabled()
        assert not gc.isenabled()  # the first is still running
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_chunks_on_two_threads_share_one_pause() -> None:
    inside = threading.Barrier(3)  # the two chunks and this test
    leave = [threading.Event(), threading.Event()]

    def chunk(which: int) -> None:
        with collector_paused():
            inside.wait(timeout=5)
            leave[which].wait(timeout=5)

    threads = [threading.Thread(target=chunk, args=(which,)) for which in (0, 1)]
    for thread in threads:
        thread.start()
    inside.wait(timeout=5)
    assert not gc.isenabled()
    leave[0].set()
    threads[0].join(timeout=5)
    assert not gc.isenabled()  # the other chunk still runs
    leave[1].set()
    threads[1].join(timeout=5)
    assert gc.isenabled()


def test_each_chunk_collects_the_young_and_overlapping_chunks_now_and_then_all() -> None:
    """A chunk collects the young generations as it ends; while the pause never lifts (chunks
    on several threads overlapping), every FULL_EVERY-th one collects them all, so cyclic
    garbage that aged meanwhile is not kept for as long as the overlap lasts."""
    generations: list[int] = []

    def seen(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        with collector_paused():  # a long chunk on another thread
            for _ in range(FULL_EVERY * 2):
                with collector_paused():
                    pass
        assert generations.count(2) == 2, generations
        assert generations.count(1) == FULL_EVERY * 2 + 1 - 2, generations
    finally:
        gc.callbacks.remove(seen)
    assert gc.isenabled()
