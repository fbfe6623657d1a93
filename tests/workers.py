"""A real task-queue worker for tests, and waiting for what it does."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # loaded for every test: the matching library's tests run without Flask
    from flask import Flask


def wait_for(condition: Callable[[], bool], seconds: float = 20) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` have passed; its last value."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.fixture
def queue_worker(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The Huey worker of the app running in this process for the test (queue emptied before
    and after)."""
    from jobsforyou import background

    monkeypatch.setattr(background, "_app", app)  # tasks of this test run in the test's app
    background.huey.flush()
    background.start_worker()
    yield
    background.stop_worker()
    background.huey.flush()
