"""Personal links never reach a log: every logger's lines pass the redaction (issue 13, item 2)."""

from __future__ import annotations

import io
import logging

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import post_form
from tests.factories import make_fair, registration_form_data


def _crash(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("the matcher broke")


def test_a_crash_on_a_personal_page_logs_no_token(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    location = post_form(client, f"/fairs/{fair_id}/register",
                         registration_form_data()).headers["Location"]
    token = location.rsplit("/r/", 1)[1].split("/")[0]
    from jobsforyou.personal import views

    monkeypatch.setattr(views, "vacancies_for_registration", _crash)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # a real handler, as a server's would be
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        for path in (f"/r/{token}", f"/r/{token}?next=%2Fr%2F{token}"):
            assert client.get(path).status_code == 500
        logging.getLogger("werkzeug").info('127.0.0.1 - - "GET %s HTTP/1.1" 200 -', location)
        logging.getLogger("gunicorn.error").error("Error handling request %s", location)
    finally:
        root.removeHandler(handler)
    captured = stream.getvalue()
    caplog_text = caplog.text + "".join(
        logging.Formatter("%(message)s").format(record) for record in caplog.records
    )
    assert "Exception on /r/[redacted] [GET]" in captured
    assert "the matcher broke" in captured  # the traceback itself is kept
    for text in (captured, caplog_text):
        assert token not in text
        assert "[redacted]" in text


def test_exception_text_is_redacted(app: Flask) -> None:
    token = "s3cr3t-token-in-an-exception"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("jobsforyou.somewhere")
    logger.addHandler(handler)
    try:
        try:
            raise LookupError(f"no page at /r/{token}/edit")
        except LookupError:
            logger.exception("lookup failed for %r", {"path": f"/r/{token}"})
    finally:
        logger.removeHandler(handler)
    assert token not in stream.getvalue()
    assert "no page at /r/[redacted]/edit" in stream.getvalue()
