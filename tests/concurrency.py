"""Firing many requests at the same moment, for the race tests (row locks on both databases)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def run_together(count: int, action: Callable[[int], T], timeout: float = 120) -> list[T]:
    """Run action(0) … action(count - 1) in threads released at once; results in index order.

    Any exception in a thread fails the calling test with all failures listed.
    """
    barrier = threading.Barrier(count)
    results: list[T | None] = [None] * count
    failures: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = action(index)
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not failures, failures
    assert not any(thread.is_alive() for thread in threads), "a request did not finish in time"
    return results  # type: ignore[return-value]
