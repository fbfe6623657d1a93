"""Start-up and request hardening: trusted hosts and the secret key (issue 13, items 5 and 8)."""

from __future__ import annotations

import logging

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobsforyou import ConfigurationError, create_app


def test_an_untrusted_host_gets_a_plain_400_and_one_log_line(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setitem(app.config, "TRUSTED_HOSTS", ["jobsforyou.test"])
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    caplog.set_level(logging.INFO)
    for path in ("/", "/fairs/1", "/static/css/site.css", "/no-such-page"):
        caplog.clear()
        response = client.get(path, headers={"Host": "evil.example"})
        assert response.status_code == 400, path
        assert response.mimetype == "text/plain"
        assert "Traceback" not in response.get_data(as_text=True)
        lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(lines) == 1, [r.getMessage() for r in lines]
        assert "evil.example" in lines[0].getMessage()
        assert lines[0].exc_info is None
    assert client.get("/", headers={"Host": "jobsforyou.test"}).status_code == 200


def test_all_hosts_are_trusted_by_default(app: Flask, client: FlaskClient) -> None:
    assert app.config["TRUSTED_HOSTS"] is None
    assert client.get("/", headers={"Host": "localhost:5000"}).status_code == 200


def _clear_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("JOBSFORYOU_ENV_NAME", "JOBSFORYOU_PUBLIC_BASE_URL", "JOBSFORYOU_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def test_a_numeric_secret_key_stays_a_string(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear_environment(monkeypatch)
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", "12345")
    application = create_app({"ENV_NAME": "development", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert application.config["SECRET_KEY"] == "12345"
    with application.test_request_context("/"):
        from flask import session

        session["probe"] = 1  # signing works with the key
        response = application.make_response("ok")
        application.session_interface.save_session(application, session, response)
        assert "session=" in response.headers["Set-Cookie"]


def test_production_refuses_a_short_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear_environment(monkeypatch)
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", "x" * 31)
    with pytest.raises(ConfigurationError, match="at least 32 characters"):
        create_app({"ENV_NAME": "production", "PUBLIC_BASE_URL": "https://jobs.example.org",
                    "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", "12345")
    with pytest.raises(ConfigurationError, match="JOBSFORYOU_SECRET_KEY"):
        create_app({"ENV_NAME": "production", "PUBLIC_BASE_URL": "https://jobs.example.org",
                    "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_starts_with_a_long_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear_environment(monkeypatch)
    key = "k" * 32
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", key)
    application = create_app({"ENV_NAME": "production",
                              "PUBLIC_BASE_URL": "https://jobs.example.org",
                              "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert application.config["SECRET_KEY"] == key
