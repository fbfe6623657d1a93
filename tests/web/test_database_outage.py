"""The database goes away during use: a clear 503 page and /healthz 503, then recovery without a
restart once it is back (PostgreSQL through a forwarder that the test cuts)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy.engine import make_url

from jobsforyou import create_app
from jobsforyou.extensions import db
from tests.conftest import temporary_database
from tests.outage import Forwarder

pytestmark = pytest.mark.skipif(
    not os.environ.get("JOBSFORYOU_TEST_DATABASE_URL"),
    reason="needs a database server to cut off: runs in the PostgreSQL pass of the suite",
)


@pytest.fixture
def cut_off(tmp_path: object) -> Iterator[tuple[Flask, Forwarder]]:
    with temporary_database(tmp_path) as url:  # type: ignore[arg-type]
        real = make_url(url)
        forwarder = Forwarder((real.host or "127.0.0.1", real.port or 5432))
        forwarder.start()
        app = create_app({
            "TESTING": True, "SECRET_KEY": "test-secret-key", "MAIL_BACKEND": "outbox",
            "RATELIMIT_STORAGE_URI": "memory://",
            "SQLALCHEMY_DATABASE_URI": real.set(host="127.0.0.1", port=forwarder.port)
            .render_as_string(hide_password=False),
        })
        with app.app_context():
            db.create_all()
            db.session.commit()
        try:
            yield app, forwarder
        finally:
            forwarder.cut()
            with app.app_context():
                db.engine.dispose()


def test_database_outage_gives_503_and_recovers_without_restart(
        cut_off: tuple[Flask, Forwarder]) -> None:
    app, forwarder = cut_off
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/", headers={"Accept-Language": "en"}).status_code == 200
    forwarder.cut()
    down = client.get("/", headers={"Accept-Language": "en"})
    assert down.status_code == 503 and down.headers["Retry-After"] == "30"
    assert "The site is briefly unavailable" in down.get_data(as_text=True)
    arabic = client.get("/", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic
    assert client.get("/healthz").status_code == 503
    forwarder.start()
    assert client.get("/healthz").status_code == 200
    back = client.get("/", headers={"Accept-Language": "en"})
    assert back.status_code == 200
