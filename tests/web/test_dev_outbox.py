"""Development: mails are printed and listed on a page; in production that page does not exist."""

from __future__ import annotations

import pytest

from jobsforyou import create_app
from jobsforyou.extensions import db
from jobsforyou.mail import send_mail
from jobsforyou.transactions import commit


def test_development_prints_mails_and_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    app = create_app({"ENV_NAME": "development", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.test_request_context():
        db.create_all()
        send_mail("anna@example.org", "Bitte bestätigen", "https://jobs.example/confirm/abc")
        commit()
    assert "https://jobs.example/confirm/abc" in capsys.readouterr().err
    page = app.test_client().get("/dev/outbox", headers={"Accept-Language": "en"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Bitte bestätigen" in html and "anna@example.org" in html
    assert '<a href="https://jobs.example/confirm/abc"' in html


def test_no_outbox_page_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", "x" * 40)
    app = create_app({"ENV_NAME": "production", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                      "PUBLIC_BASE_URL": "https://jobs.example"})
    assert app.test_client().get("/dev/outbox").status_code == 404
