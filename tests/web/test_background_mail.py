"""Mails through SMTP go out from the task queue: a registration succeeds while the mail server
is down, and a real queue worker delivers the mail once the server is back."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobsforyou import background
from tests.conftest import post_form
from tests.factories import make_fair, registration_form_data
from tests.outage import TinySmtpServer, free_port
from tests.workers import wait_for


def test_a_mail_waits_for_the_server_and_is_delivered_by_the_worker(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch,
        queue_worker: None) -> None:
    port = free_port()
    for key, value in {"MAIL_BACKEND": "smtp", "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": port,
                       "MAIL_USE_TLS": False, "MAIL_USERNAME": None,
                       "MAIL_RETRY_DELAY_SECONDS": 1}.items():
        monkeypatch.setitem(app.config, key, value)
    with app.app_context():
        fair_id = make_fair().id
    response = post_form(client, f"/fairs/{fair_id}/register",
                         registration_form_data(email="olena@example.org"))
    assert response.status_code == 200  # the registration does not wait for the mail server
    # the first attempt fails (nothing listens): the worker schedules the next one
    assert wait_for(lambda: background.huey.scheduled_count() >= 1)
    server = TinySmtpServer(port)
    try:
        assert wait_for(lambda: len(server.messages) == 1)
    finally:
        server.close()
    recipients, message = server.messages[0]
    assert recipients == ["olena@example.org"]
    assert "/r/" in message  # the personal link, in the mail only
