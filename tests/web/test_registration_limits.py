"""Registration limits that fit a shared address: per address (high), per fair, per contact."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import post_form
from tests.factories import make_fair, registration_form_data


def test_thirty_one_people_on_one_wifi_can_register(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair(capacity=100).id
    url = f"/fairs/{fair_id}/register"
    statuses = [
        post_form(app.test_client(), url,
                  registration_form_data(phone=f"0176 77{number:05d}")).status_code
        for number in range(31)
    ]
    assert statuses == [302] * 31  # all from 127.0.0.1, the venue's one address


def test_the_same_contact_is_limited(app: Flask) -> None:
    with app.app_context():
        fair_id = make_fair().id
    limit = int(app.config["REGISTRATION_CONTACT_RATE_LIMIT"].split()[0])
    url = f"/fairs/{fair_id}/register"
    statuses = []
    for number in range(limit + 1):
        device = app.test_client()
        device.environ_base["REMOTE_ADDR"] = f"10.7.0.{number + 1}"
        statuses.append(post_form(device, url, registration_form_data()).status_code)
    assert statuses[0] == 302  # registered; then told "already registered" until the limit
    assert statuses[1:limit] == [409] * (limit - 1)
    assert statuses[limit] == 429


def test_the_fair_is_limited_from_all_addresses(app: Flask, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(app.config, "REGISTRATION_FAIR_RATE_LIMIT", "3 per hour")
    with app.app_context():
        fair_id = make_fair().id
        other_fair_id = make_fair().id
    statuses = []
    for number in range(4):
        device = app.test_client()
        device.environ_base["REMOTE_ADDR"] = f"10.6.0.{number + 1}"
        statuses.append(post_form(device, f"/fairs/{fair_id}/register",
                                  registration_form_data(phone=f"0176 66{number:05d}")).status_code)
    assert statuses == [302, 302, 302, 429]
    other = post_form(app.test_client(), f"/fairs/{other_fair_id}/register",
                      registration_form_data(phone="0176 6600009"))
    assert other.status_code == 302
