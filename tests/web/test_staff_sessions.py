"""Staff sessions: 30 minutes idle, 12 hours at most, and a copied cookie dies at sign-out."""

from __future__ import annotations

import time

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import csrf_token_from, post_form
from tests.factories import PASSWORD, make_account


def signed_in(app: Flask, client: FlaskClient) -> str:
    with app.app_context():
        email = make_account("business_development").email
    response = post_form(client, "/login", {"email": email, "password": PASSWORD})
    assert response.status_code == 302
    return str(response.headers["Location"])


def age_session(client: FlaskClient, *, idle: float = 0, since_sign_in: float = 0) -> None:
    with client.session_transaction() as session:
        session["last_seen"] = int(time.time() - idle)
        session["signed_in_at"] = int(time.time() - since_sign_in)


def test_activity_keeps_the_session(app: Flask, client: FlaskClient) -> None:
    home = signed_in(app, client)
    age_session(client, idle=29 * 60, since_sign_in=11 * 3600)
    assert client.get(home).status_code == 200


@pytest.mark.parametrize(("idle", "since"), [(31 * 60, 31 * 60), (60, 12 * 3600 + 60)])
def test_idle_and_long_sessions_end(app: Flask, client: FlaskClient, idle: int,
                                    since: int) -> None:
    home = signed_in(app, client)
    age_session(client, idle=idle, since_sign_in=since)
    response = client.get(home, headers={"Accept-Language": "en"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    page = client.get(response.headers["Location"], headers={"Accept-Language": "en"})
    assert "you have been signed out" in page.get_data(as_text=True)
    assert client.get(home).status_code == 302  # still signed out


def test_a_copied_cookie_is_refused_after_sign_out(app: Flask, client: FlaskClient) -> None:
    home = signed_in(app, client)
    cookie = client.get_cookie("session", domain="jobsforyou.test")
    assert cookie is not None
    stolen = app.test_client()
    stolen.set_cookie("session", cookie.value, domain="jobsforyou.test")
    assert stolen.get(home).status_code == 200
    token = csrf_token_from(client.get(home).get_data(as_text=True))
    client.post("/logout", data={"csrf_token": token})
    replay = app.test_client()
    replay.set_cookie("session", cookie.value, domain="jobsforyou.test")
    assert replay.get(home).status_code == 302
