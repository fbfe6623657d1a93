"""One transaction per request: committed when the view answers, rolled back when it fails,
and mails sent only after the commit (jobsforyou/transactions.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, abort, flash
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from jobsforyou.extensions import db
from jobsforyou.mail import outbox, send_mail
from jobsforyou.regions.models import Region

PACKAGE = Path(__file__).resolve().parents[2] / "jobsforyou"


@pytest.fixture
def probe_app(app: Flask, database_url: str) -> Iterator[Flask]:
    """A second app on the test database with views that change a row and then end in
    different ways."""
    from jobsforyou import create_app

    probe = create_app({key: app.config[key] for key in ("TESTING", "SECRET_KEY", "MAIL_BACKEND",
                                                         "RATELIMIT_STORAGE_URI")}
                       | {"SQLALCHEMY_DATABASE_URI": database_url})
    def add_region(slug: str) -> None:
        db.session.add(Region(slug=slug, name=slug, ags="99999"))
        send_mail("someone@example.org", f"About {slug}", "body")
        db.session.flush()

    @probe.get("/probe/<outcome>")
    def run(outcome: str):  # type: ignore[no-untyped-def]
        add_region(f"probe-{outcome}")
        if outcome == "abort":
            abort(404)
        if outcome == "crash":
            raise RuntimeError("the view failed")
        if outcome == "conflict":
            return "refused, but the view answered", 409
        if outcome == "commit-fails":
            flash("Saved!", "success")
        return "ok"

    yield probe
    with probe.app_context():
        db.session.execute(Region.__table__.delete().where(Region.slug.like("probe-%")))
        db.session.commit()
        db.engine.dispose()


def regions_named(app: Flask, slug: str) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Region.id)).where(Region.slug == slug)) or 0


def test_a_view_that_answers_is_committed_and_its_mail_sent(probe_app: Flask) -> None:
    response = probe_app.test_client().get("/probe/ok")
    assert response.status_code == 200
    assert regions_named(probe_app, "probe-ok") == 1
    with probe_app.app_context():
        assert [mail.subject for mail in outbox()] == ["About probe-ok"]


def test_a_refusal_the_view_answers_keeps_what_the_service_did(probe_app: Flask) -> None:
    assert probe_app.test_client().get("/probe/conflict").status_code == 409
    assert regions_named(probe_app, "probe-conflict") == 1


@pytest.mark.parametrize(("outcome", "status"), [("abort", 404), ("crash", 500)])
def test_a_failed_request_saves_nothing_and_sends_nothing(
    probe_app: Flask, outcome: str, status: int
) -> None:
    probe_app.testing = False  # let the crash reach the error page instead of the test
    try:
        assert probe_app.test_client().get(f"/probe/{outcome}").status_code == status
    finally:
        probe_app.testing = True
    assert regions_named(probe_app, f"probe-{outcome}") == 0
    with probe_app.app_context():
        assert outbox() == []


def test_a_commit_that_fails_gives_503_without_mail_or_saved_message(
    probe_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    def timed_out() -> None:
        raise OperationalError("COMMIT", {}, Exception("database is locked"))

    client = probe_app.test_client()
    with monkeypatch.context() as patch:
        patch.setattr(db.session, "commit", timed_out)
        response = client.get("/probe/commit-fails")
    assert response.status_code == 503
    assert regions_named(probe_app, "probe-commit-fails") == 0
    with probe_app.app_context():
        assert outbox() == []
    with client.session_transaction() as session:
        assert "_flashes" not in session


def test_no_view_or_service_handles_the_transaction_itself() -> None:
    """commit() and rollback() belong to the request boundary (and the CLI's), nowhere else."""
    allowed = {"transactions.py"}
    calls = []
    for source in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in source.parts or source.name in allowed:
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr in ("commit", "rollback")
                    and isinstance(node.value, ast.Attribute) and node.value.attr == "session"):
                calls.append(f"{source.relative_to(PACKAGE)}:{node.lineno}")
    assert calls == []
