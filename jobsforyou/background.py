"""Background work on the project's one task queue (Huey): long jobs such as batch printing,
and mails that are retried while the mail server is down.

The queue's storage is named by the environment variable ``JOBSFORYOU_TASK_QUEUE_URL``, read
by web workers and queue workers alike:

- ``sqlite:///path/tasks.sqlite`` (the default, ``instance/tasks.sqlite``): embedded, nothing else
  to start. In development a worker thread runs inside the web process
  (``TASK_WORKER_IN_PROCESS``), so ``scripts/demo.sh`` needs nothing more.
- ``redis://host:6379/1`` in production: start one or more workers on any machine with
  ``huey_consumer jobsforyou.background.huey -w 2`` (see README.md).

Tasks run inside an application context; what they change is committed when they succeed and
rolled back when they fail (and Huey retries them where the task says so).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from flask import Flask
from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey
from huey.consumer import Consumer

from jobsforyou import transactions

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUEUE_URL = f"sqlite:///{PROJECT_ROOT / 'instance' / 'tasks.sqlite'}"
QUEUE_NAME = "jobsforyou"
ResultT = TypeVar("ResultT")


def queue_from_url(url: str) -> Huey:
    """A Huey instance for a storage URL (sqlite:///…, redis://…, memory://)."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(QUEUE_NAME, url=url)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(QUEUE_NAME, filename=str(path))
    if url == "memory://":
        return MemoryHuey(QUEUE_NAME)
    raise ValueError(f"JOBSFORYOU_TASK_QUEUE_URL must start with sqlite:///, redis:// or be "
                     f"memory://, not {url!r}")


QUEUE_URL = os.environ.get("JOBSFORYOU_TASK_QUEUE_URL") or DEFAULT_QUEUE_URL
huey = queue_from_url(QUEUE_URL)

_app: Flask | None = None
_worker: Consumer | None = None
_worker_lock = threading.Lock()


def app_for_tasks() -> Flask:
    """The application tasks run in: the one that was set up here, or a new one (a separate
    queue worker process builds its own from the same configuration)."""
    global _app
    if _app is None:
        from jobsforyou import create_app

        _app = create_app()
    return _app


def task(**options: Any) -> Callable[[Callable[..., ResultT]], Any]:
    """Declare a background task: runs in an app context, commits on success, rolls back on
    failure. ``options`` go to Huey (e.g. ``retries=5, retry_delay=60``)."""

    def declare(function: Callable[..., ResultT]) -> Any:
        def run(*args: Any, **kwargs: Any) -> ResultT:
            with app_for_tasks().app_context():
                try:
                    result = function(*args, **kwargs)
                except BaseException:
                    transactions.rollback()
                    raise
                transactions.commit()
                return result

        run.__name__ = function.__name__
        run.__qualname__ = function.__qualname__
        run.__module__ = function.__module__
        run.__doc__ = function.__doc__
        return huey.task(name=f"{function.__module__}.{function.__qualname__}", **options)(run)

    return declare


def start_worker(workers: int = 1) -> Consumer:
    """Start a queue worker in threads of this process (development, tests); once."""
    global _worker
    with _worker_lock:
        if _worker is None:
            consumer = huey.create_consumer(workers=workers, worker_type="thread",
                                            periodic=False, initial_delay=0.05, max_delay=0.5)
            consumer.scheduler.start()
            for _, thread in consumer.worker_threads:
                thread.start()
            _worker = consumer
        return _worker


def stop_worker() -> None:
    """Stop the in-process worker (waits for the task it is running)."""
    global _worker
    with _worker_lock:
        if _worker is not None:
            _worker.stop(graceful=True)
            _worker = None


def init_app(app: Flask) -> None:
    """Let tasks run in this app; in development, start the in-process worker."""
    global _app
    _app = app
    app.config["TASK_QUEUE_URL"] = QUEUE_URL
    in_process = app.config.get("TASK_WORKER_IN_PROCESS")
    if in_process is None:
        in_process = app.config.get("ENV_NAME") == "development"
    if in_process and not app.testing:
        # with the reloader of `flask run`, only the serving child process starts one
        if os.environ.get("WERKZEUG_RUN_MAIN", "true") == "true":
            start_worker()
