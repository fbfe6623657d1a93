"""SMS for job seekers who give only a phone number: the backends (a real HTTP gateway in a
thread, the console on /dev/outbox), the registration and lost-link messages in the seeker's
language, the limit per number, short texts in every language, and no number in the logs."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobsforyou import create_app
from jobsforyou.extensions import db
from jobsforyou.i18n import LANGUAGE_CODES
from jobsforyou.registration.models import Registration, RegistrationStatus
from jobsforyou.registration.notifications import (
    link_again_sms_text,
    promotion_sms_text,
    registration_sms_text,
)
from jobsforyou.security import new_token
from jobsforyou.sms import (
    OutgoingSms,
    SmsConfigurationError,
    SmsGatewayError,
    is_gsm_text,
    post_to_gateway,
    send_sms,
    sms_outbox,
    sms_segments,
)
from jobsforyou.transactions import commit
from tests.conftest import post_form
from tests.factories import make_fair, make_registration, registration_form_data, system
from tests.web.test_registration_idempotent import strip_csrf
from tests.workers import wait_for

PHONE = "+491761234567"  # "0176 1234567" of registration_form_data
UKRAINIAN = {"Accept-Language": "uk"}


class Gateway:
    """A local HTTP server standing in for the SMS gateway: keeps what it receives and answers
    with `status`."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.received: list[dict[str, Any]] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
                length = int(self.headers["Content-Length"])
                gateway.received.append({
                    "path": self.path,
                    "authorization": self.headers.get("Authorization"),
                    "content_type": self.headers.get("Content-Type"),
                    "json": json.loads(self.rfile.read(length).decode("utf-8")),
                })
                self.send_response(gateway.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/messages"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    server = Gateway()
    yield server
    server.close()




def messages(app: Flask) -> list[OutgoingSms]:
    with app.app_context():
        return list(sms_outbox())


def only_registration(fair_id: int) -> Registration:
    [registration] = db.session.scalars(system(
        db.select(Registration).where(Registration.fair_id == fair_id)))
    return registration


# --- the HTTP gateway ---------------------------------------------------------------------------

def test_the_gateway_receives_the_message_as_json_with_the_key(gateway: Gateway) -> None:
    post_to_gateway(gateway.url, "secret-key-1", OutgoingSms(PHONE, "Привіт: https://x/r/abc"),
                    timeout=5)
    [request] = gateway.received
    assert request["path"] == "/messages"
    assert request["authorization"] == "Bearer secret-key-1"
    assert request["content_type"].startswith("application/json")
    assert request["json"] == {"to": PHONE, "text": "Привіт: https://x/r/abc"}


@pytest.mark.parametrize("status", [401, 500])
def test_an_answer_other_than_2xx_is_an_error(status: int) -> None:
    server = Gateway(status)
    try:
        with pytest.raises(SmsGatewayError, match=str(status)):
            post_to_gateway(server.url, "k", OutgoingSms(PHONE, "text"), timeout=5)
    finally:
        server.close()


def test_a_phone_only_registration_reaches_the_gateway_through_the_queue(
        app: Flask, client: FlaskClient, gateway: Gateway, monkeypatch: pytest.MonkeyPatch,
        queue_worker: None) -> None:
    for key, value in {"SMS_BACKEND": "http", "SMS_GATEWAY_URL": gateway.url,
                       "SMS_GATEWAY_KEY": "gateway-key"}.items():
        monkeypatch.setitem(app.config, key, value)
    with app.app_context():
        fair_id = make_fair().id
    response = post_form(client, f"/fairs/{fair_id}/register", registration_form_data(),
                         headers=UKRAINIAN)
    assert response.status_code == 302
    assert wait_for(lambda: len(gateway.received) == 1)
    [request] = gateway.received
    assert request["authorization"] == "Bearer gateway-key"
    assert request["json"]["to"] == PHONE
    with app.app_context():
        ticket = only_registration(fair_id).ticket_code
    assert ticket in request["json"]["text"]
    assert "http://jobsforyou.test/r/" in request["json"]["text"]
    assert messages(app) == []  # nothing kept in memory: it went to the gateway


def test_a_gateway_that_is_down_is_tried_again(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch,
        queue_worker: None) -> None:
    failing = Gateway(503)
    for key, value in {"SMS_BACKEND": "http", "SMS_GATEWAY_URL": failing.url,
                       "SMS_GATEWAY_KEY": "gateway-key", "SMS_RETRY_DELAY_SECONDS": 1}.items():
        monkeypatch.setitem(app.config, key, value)
    try:
        with app.app_context():
            fair_id = make_fair().id
        response = post_form(client, f"/fairs/{fair_id}/register", registration_form_data())
        assert response.status_code == 302  # the registration does not wait for the gateway
        assert wait_for(lambda: len(failing.received) >= 2)  # refused, then asked again
    finally:
        failing.close()
    texts = {request["json"]["text"] for request in failing.received}
    assert len(texts) == 1  # the same message each time


# --- registration and lost link -----------------------------------------------------------------

def test_a_phone_only_registration_gets_one_sms_in_the_seekers_language(
        app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    response = post_form(client, f"/fairs/{fair_id}/register", registration_form_data(),
                         headers=UKRAINIAN)
    assert response.status_code == 302
    [sms] = messages(app)
    with app.app_context():
        registration = only_registration(fair_id)
        assert registration.language == "uk"
        ticket = registration.ticket_code
    assert sms.recipient == PHONE
    assert "Ви зареєстровані" in sms.text and "Квиток" in sms.text and ticket in sms.text
    link = re.search(r"http://jobsforyou\.test(/r/\S+)", sms.text)
    assert link is not None
    assert link.group(1) == response.headers["Location"].removeprefix("http://jobsforyou.test")
    assert client.get(link.group(1)).status_code == 200


def test_a_registration_with_an_e_mail_address_gets_a_mail_and_no_sms(
        app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    post_form(client, f"/fairs/{fair_id}/register",
              registration_form_data(email="olena@example.org"))
    assert messages(app) == []


def test_the_lost_link_page_sends_an_sms_and_answers_unknown_numbers_the_same(
        app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    post_form(client, f"/fairs/{fair_id}/register", registration_form_data(), headers=UKRAINIAN)
    [first] = messages(app)
    url = f"/fairs/{fair_id}/lost-link"
    known = post_form(app.test_client(), url, {"phone": "+49 176 1234567"}, headers=UKRAINIAN)
    unknown = post_form(app.test_client(), url, {"phone": "+49 176 7654321"}, headers=UKRAINIAN)
    assert known.status_code == unknown.status_code == 200
    _, again = messages(app)  # one more, to the known number only
    assert again.recipient == PHONE
    assert "Ось ваше особисте посилання" in again.text
    new_link = re.search(r"http://jobsforyou\.test(/r/\S+)", again.text)
    old_link = re.search(r"http://jobsforyou\.test(/r/\S+)", first.text)
    assert new_link and old_link and new_link.group(1) != old_link.group(1)
    assert client.get(new_link.group(1)).status_code == 200
    assert client.get(old_link.group(1)).status_code == 200
    known_text = known.get_data(as_text=True).replace("+49 176 1234567", "NUMBER")
    unknown_text = unknown.get_data(as_text=True).replace("+49 176 7654321", "NUMBER")
    assert strip_csrf(known_text) == strip_csrf(unknown_text)


def test_the_lost_link_form_needs_an_address_or_a_number(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    response = post_form(client, f"/fairs/{fair_id}/lost-link", {},
                         headers={"Accept-Language": "en"})
    assert "Enter the e-mail address or the phone number of your registration." in \
        response.get_data(as_text=True)
    assert messages(app) == []


def test_the_form_sent_again_with_a_known_number_tells_that_number_by_sms(
        app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    post_form(client, f"/fairs/{fair_id}/register", registration_form_data(), headers=UKRAINIAN)
    again = post_form(app.test_client(), f"/fairs/{fair_id}/register",
                      registration_form_data(given_name="Someone"),
                      headers={"Accept-Language": "en"})
    assert again.status_code == 409
    _, told = messages(app)
    assert told.recipient == PHONE
    assert "з вашим номером" in told.text  # in the seeker's language, not the sender's


def test_moving_up_from_the_waiting_list_is_told_by_sms(app: Flask) -> None:
    from jobsforyou.registration.notifications import notify_promoted

    with app.test_request_context():
        fair = make_fair(capacity=1)
        waiting = make_registration(fair, phone="0176 1111111", language="ar",
                                    status=RegistrationStatus.WAITLISTED)
        notify_promoted(waiting)
        commit()
        [sms] = sms_outbox()
        assert sms.recipient == "+491761111111"
        assert waiting.ticket_code in sms.text and "مكان" in sms.text


# --- the limit per number -----------------------------------------------------------------------

def test_no_number_gets_a_fourth_sms_within_the_hour(app: Flask, client: FlaskClient,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    with app.app_context():
        fair_ids = [make_fair(title=f"#JobsForYou {n}").id for n in range(4)]
    caplog.set_level(logging.INFO)
    for fair_id in fair_ids:  # the same number registers for four fairs
        response = post_form(app.test_client(), f"/fairs/{fair_id}/register",
                             registration_form_data())
        assert response.status_code == 302  # the registration itself is not refused
    sent = messages(app)
    assert [sms.recipient for sms in sent] == [PHONE] * 3
    assert "#JobsForYou 3" not in " ".join(sms.text for sms in sent)
    limited = [r for r in caplog.records if "not sent" in r.getMessage()]
    assert len(limited) == 1 and "+49********67" in limited[0].getMessage()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "1761234567" not in logged and "1234567" not in logged


def test_the_limit_is_per_number(app: Flask) -> None:
    with app.test_request_context():
        results = [send_sms(PHONE, f"message {n}") for n in range(4)]
        results.append(send_sms("+491769999999", "another number"))
        commit()
        assert results == [True, True, True, False, True]
        assert [sms.text for sms in sms_outbox()] == [
            "message 0", "message 1", "message 2", "another number"]


# --- development: the console and /dev/outbox ---------------------------------------------------

def test_development_prints_sms_and_lists_them_beside_the_mails(
        capsys: pytest.CaptureFixture[str]) -> None:
    app = create_app({"ENV_NAME": "development", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                      "TASK_WORKER_IN_PROCESS": False})
    assert app.config["SMS_BACKEND"] == "console"
    with app.test_request_context():
        db.create_all()
        send_sms(PHONE, "Ваш квиток: https://jobs.example/r/abc")
        commit()
    printed = capsys.readouterr().err
    assert "Ваш квиток: https://jobs.example/r/abc" in printed
    assert PHONE not in printed and "+49********67" in printed
    page = app.test_client().get("/dev/outbox", headers={"Accept-Language": "en"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "SMS to " + PHONE in html
    assert '<a href="https://jobs.example/r/abc"' in html


# --- short in every language --------------------------------------------------------------------

def test_every_sms_fits_in_three_segments_in_every_language(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://jobs.landkreis-osnabrueck.de")
    with app.test_request_context():
        fair = make_fair(title="#JobsForYou Jobmesse für Zugewanderte im Landkreis Osnabrück")
        english: dict[str, str] = {}
        for language in ("en", *[code for code in LANGUAGE_CODES if code != "en"]):
            registration = make_registration(fair, language=language)
            token = new_token()
            texts = {
                "registered": registration_sms_text(registration, token),
                "link again": link_again_sms_text(registration, token, form_sent_again=False),
                "form again": link_again_sms_text(registration, token, form_sent_again=True),
                "promoted": promotion_sms_text(registration),
            }
            registration.status = RegistrationStatus.WAITLISTED
            texts["waiting"] = registration_sms_text(registration, token)
            for name, text in texts.items():
                assert sms_segments(text) <= 3, (language, name, len(text), text)
                assert text.count("%(") == 0
                if language == "en":
                    english[name] = text
                else:  # translated: not the English text
                    assert text != english[name], (language, name)
            if language in ("en", "de"):  # Latin text in the GSM alphabet: 160 per SMS
                assert all(is_gsm_text(text) for text in texts.values()), language
            elif language in ("uk", "ru", "ar", "fa"):
                assert not any(is_gsm_text(text) for text in texts.values()), language


def test_segments_are_counted_as_phones_count_them() -> None:
    assert sms_segments("a" * 160) == 1 and sms_segments("a" * 161) == 2
    assert sms_segments("a" * 306) == 2 and sms_segments("a" * 307) == 3
    assert sms_segments("€" * 80) == 1 and sms_segments("€" * 81) == 2  # two units each
    assert sms_segments("Ä ö ü ß") == 1 and is_gsm_text("Grüße")
    assert sms_segments("ї" * 70) == 1 and sms_segments("ї" * 71) == 2
    assert sms_segments("ї" * 134) == 2 and sms_segments("ї" * 135) == 3
    assert not is_gsm_text("ş") and not is_gsm_text("\u2068")


# --- configuration and logs ---------------------------------------------------------------------

def test_the_gateway_needs_an_address_and_a_key() -> None:
    with pytest.raises(SmsConfigurationError, match="JOBSFORYOU_SMS_GATEWAY_URL"):
        create_app({"TESTING": True, "SMS_BACKEND": "http", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with pytest.raises(SmsConfigurationError, match="JOBSFORYOU_SMS_GATEWAY_KEY"):
        create_app({"TESTING": True, "SMS_BACKEND": "http", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                    "SMS_GATEWAY_URL": "https://sms.example/send"})


def test_production_without_a_gateway_warns_and_a_numeric_key_stays_text(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", "x" * 40)
    production = {"ENV_NAME": "production", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                  "PUBLIC_BASE_URL": "https://jobs.example"}
    with caplog.at_level(logging.WARNING):
        app = create_app(production)
    assert app.config["SMS_BACKEND"] == "memory"
    assert any("No SMS gateway is configured" in r.getMessage() for r in caplog.records)
    monkeypatch.setenv("JOBSFORYOU_SMS_GATEWAY_URL", "https://sms.example/send")
    monkeypatch.setenv("JOBSFORYOU_SMS_GATEWAY_KEY", "12345")
    app = create_app(production)
    assert app.config["SMS_BACKEND"] == "http"
    assert app.config["SMS_GATEWAY_KEY"] == "12345"


def test_phone_numbers_in_any_log_line_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        logging.getLogger("some.library").info("sending to %s and +49 176 7654321", PHONE)
    message = caplog.records[-1].getMessage()
    assert "1234567" not in message and "7654321" not in message
    assert message.count("[redacted phone]") == 2
