"""Test fixtures: a real database per test session (SQLite file, or PostgreSQL when asked).

Set JOBSFORYOU_TEST_DATABASE_URL=postgresql://127.0.0.1:5432/test to run the suite on PostgreSQL:
a fresh database is created on that server for the session and dropped afterwards, so parallel
runs do not disturb each other.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# the `queue_worker` fixture (a real task-queue worker) for the tests that need one
pytest_plugins = ["tests.workers"]

if TYPE_CHECKING:  # the matching library's tests must run without the web app (no Flask import)
    from flask import Flask
    from flask.testing import FlaskClient

MATCHING_TESTS = Path(__file__).resolve().parent / "matching"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STATIC_TABLES = {"regions", "municipalities"}
# The task queue of this test process: a SQLite file of its own (read when jobsforyou is first
# imported, which happens after this file is loaded).
os.environ.setdefault("JOBSFORYOU_TASK_QUEUE_URL", "sqlite:///" + str(
    Path(tempfile.gettempdir()) / f"jobsforyou-tasks-{uuid.uuid4().hex[:12]}.sqlite"))


def compile_catalogs() -> None:
    """Compile the .po catalogs so that the tests see the current translations."""
    if any(PROJECT_ROOT.glob("translations/*/LC_MESSAGES/messages.po")):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "babel.messages.frontend",
                "compile",
                "-d",
                "translations",
                "--statistics",
            ],
            cwd=PROJECT_ROOT,
            check=True,
            capture_output=True,
        )


@contextmanager
def temporary_database(sqlite_directory: Path) -> Iterator[str]:
    """A new empty database: a SQLite file, or a PostgreSQL database on the configured server."""
    server_url = os.environ.get("JOBSFORYOU_TEST_DATABASE_URL")
    if not server_url:
        yield f"sqlite:///{sqlite_directory / f'{uuid.uuid4().hex[:8]}.sqlite'}"
        return
    url = make_url(server_url).set(drivername="postgresql+psycopg")
    name = f"jfy_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"
                ),
                {"name": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty database for this test session."""
    with temporary_database(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
def app(database_url: str) -> Iterator[Flask]:
    """The application on the session's database, with the schema and the region files loaded."""
    compile_catalogs()
    from flask_migrate import stamp

    from jobsforyou import create_app
    from jobsforyou.extensions import db

    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SERVER_NAME": "jobsforyou.test",
            "MAIL_BACKEND": "outbox",
            "SMS_BACKEND": "memory",
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with application.app_context():
        db.create_all()
        stamp()  # the schema is the models' own; the migrations are checked in test_migrations
        from jobsforyou.regions.services import sync_regions

        sync_regions(application.config["REGION_DIRECTORY"])
        db.session.commit()
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def clean_state(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every web test starts with empty feature tables, an empty outbox and fresh rate limits.

    The matching library's own tests are left alone: they never start the web app.
    """
    if MATCHING_TESTS in Path(str(request.node.path)).parents:
        yield
        return
    app = request.getfixturevalue("app")
    yield
    from jobsforyou.extensions import db, limiter

    with app.app_context():
        db.session.rollback()
        for table in reversed(db.metadata.sorted_tables):
            if table.name not in STATIC_TABLES:
                db.session.execute(table.delete())
        db.session.commit()
        app.extensions.get("jobsforyou_outbox", []).clear()
        app.extensions.get("jobsforyou_sms_outbox", []).clear()
        limiter.reset()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client (cookies kept across requests)."""
    return app.test_client()


@pytest.fixture
def app_context(app: Flask) -> Iterator[None]:
    """An application context for service tests."""
    with app.app_context():
        yield


CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
NONCE_PATTERN = re.compile(r'name="form_nonce"[^>]*value="([^"]+)"')


def csrf_token_from(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = CSRF_PATTERN.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def post_form(client: FlaskClient, url: str, data: dict[str, object], **kwargs: object):  # type: ignore[no-untyped-def]
    """GET the page, take its CSRF token (and one-time form nonce), and POST the form as a
    browser would."""
    html = client.get(url, **kwargs).get_data(as_text=True)
    nonce = NONCE_PATTERN.search(html)
    payload = {"csrf_token": csrf_token_from(html),
               **({"form_nonce": nonce.group(1)} if nonce else {}), **data}
    return client.post(url, data=payload, **kwargs)


def sign_in(client: FlaskClient, user_id: int) -> None:
    """Sign a user in for the test client without going through the login form."""
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)
        session["_fresh"] = True
        session["signed_in_at"] = session["last_seen"] = int(time.time())  # as a login does
