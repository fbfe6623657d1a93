"""The personal token never goes into the session cookie; a kiosk forgets each visitor."""

from __future__ import annotations

import json

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import NONCE_PATTERN, csrf_token_from, post_form
from tests.factories import make_fair, registration_form_data


def session_text(app: Flask, client: FlaskClient) -> str:
    """Everything the signed session cookie holds, as JSON text."""
    cookie = client.get_cookie("session", domain="jobsforyou.test")
    if cookie is None:
        return "{}"
    serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    return json.dumps(serializer.loads(cookie.value))


def test_no_personal_token_in_the_session_cookie(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    response = post_form(client, f"/fairs/{fair_id}/register", registration_form_data())
    token = response.headers["Location"].removeprefix("/r/")
    assert client.get(response.headers["Location"]).status_code == 200
    assert token not in session_text(app, client)


def test_kiosk_forgets_the_visitor_after_the_next_visitor_step(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    url = f"/fairs/{fair_id}/register"
    html = client.get(url + "?kiosk=1", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    form = {"csrf_token": csrf_token_from(html),
            "form_nonce": NONCE_PATTERN.search(html).group(1),  # type: ignore[union-attr]
            **registration_form_data()}
    shown = client.post(url, data=form)
    page = shown.get_data(as_text=True)
    assert shown.status_code == 200  # the ticket is in the answer itself, no personal URL
    assert 'src="data:image/svg+xml' in page  # the QR code inline
    assert 'href="/r/' not in page and 'src="/r/' not in page  # no personal URL to go back to
    link = page.split('id="personal-link"', 1)[1].split('value="', 1)[1].split('"', 1)[0]
    token = link.rsplit("/r/", 1)[1]
    assert token not in session_text(app, client)
    next_form = csrf_token_from(page.split("next-visitor", 1)[1])
    client.post(f"{url}/next-visitor", data={"csrf_token": next_form})
    assert json.loads(session_text(app, client)).keys() <= {"kiosk", "lang"}
    # the previous visitor's ticket is not reachable again from this browser session
    again = client.post(url, data=form)
    assert again.status_code == 400
    assert token not in again.get_data(as_text=True)
    assert registration_form_data()["family_name"] not in again.get_data(as_text=True)
    # the kiosk stays a kiosk: the next visitor gets an empty form
    fresh = client.get(url).get_data(as_text=True)
    assert 'value="Олена"' not in fresh
    assert json.loads(session_text(app, client)).get("kiosk") is True
