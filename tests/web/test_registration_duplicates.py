"""A registration form with a known phone or e-mail: no leak, no lost link, counted."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from jobsforyou.mail import outbox
from tests.conftest import post_form
from tests.factories import make_fair, registration_form_data


def visible(html: str, address: str) -> str:
    """A page's text without its CSRF token and with the address typed replaced."""
    return re.sub(r'name="csrf_token"[^>]*value="[^"]+"', "", html).replace(address, "ADDRESS")


def test_duplicates_never_end_the_seekers_link(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    data = registration_form_data(email="olena@example.org")
    post_form(client, f"/fairs/{fair_id}/register", data)
    with app.app_context():
        [confirmation] = outbox()
    link = confirmation.body.split("http://jobsforyou.test", 1)[1].split()[0]
    statuses = []
    for number in range(6):
        stranger = app.test_client()
        stranger.environ_base["REMOTE_ADDR"] = f"10.9.0.{number + 1}"
        statuses.append(post_form(stranger, f"/fairs/{fair_id}/register", data).status_code)
    assert client.get(link).status_code == 200
    assert statuses == [200] * 6
    with app.app_context():
        mails = outbox()
    # the seeker is told once that the form came again; repeats a moment later send nothing
    assert [m.recipient for m in mails] == ["olena@example.org"] * 2
    assert "Sie sind schon angemeldet" in mails[1].body  # in the seeker's language (German)


def test_known_and_new_contacts_get_the_same_answer(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    url = f"/fairs/{fair_id}/register"
    post_form(client, url, registration_form_data(phone="", email="known@example.org"))
    known = post_form(app.test_client(), url,
                      registration_form_data(phone="", email="known@example.org"))
    new = post_form(app.test_client(), url,
                    registration_form_data(phone="", email="new@example.org"))
    assert known.status_code == new.status_code == 200
    assert visible(known.get_data(as_text=True), "known@example.org") == visible(
        new.get_data(as_text=True), "new@example.org"
    )


def test_duplicates_count_towards_the_limit(app: Flask, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(app.config, "REGISTRATION_CONTACT_RATE_LIMIT", "3 per hour")
    with app.app_context():
        fair_id = make_fair().id
    url = f"/fairs/{fair_id}/register"
    data = registration_form_data(phone="", email="olena@example.org")
    statuses = []
    for number in range(4):  # one registration, then duplicates from other addresses
        device = app.test_client()
        device.environ_base["REMOTE_ADDR"] = f"10.8.0.{number + 1}"
        statuses.append(post_form(device, url, data).status_code)
    assert statuses == [200, 200, 200, 429]
