"""The same registration form sent many times at once registers once; a lost link comes back."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from jobsforyou.extensions import db
from jobsforyou.mail import outbox
from jobsforyou.registration.models import Registration
from tests.concurrency import run_together
from tests.conftest import NONCE_PATTERN, csrf_token_from, post_form
from tests.factories import make_fair, registration_form_data, system

TAPS = 12


def test_twelve_taps_on_one_form_make_one_registration(app: Flask) -> None:
    with app.app_context():
        fair_id = make_fair().id
    url = f"/fairs/{fair_id}/register"
    browser = app.test_client()
    html = browser.get(url).get_data(as_text=True)
    form = {"csrf_token": csrf_token_from(html),
            "form_nonce": NONCE_PATTERN.search(html).group(1),  # type: ignore[union-attr]
            **registration_form_data()}
    session_cookie = browser.get_cookie("session", domain="jobsforyou.test")
    assert session_cookie is not None
    # one browser: the same session cookie and address in every request, sent at one moment
    tabs = [app.test_client() for _ in range(TAPS)]
    for tab in tabs:
        tab.set_cookie("session", session_cookie.value, domain="jobsforyou.test")

    def tap(index: int) -> tuple[int, str | None]:
        response = tabs[index].post(url, data=form)
        return response.status_code, response.headers.get("Location")

    answers = run_together(TAPS, tap)
    assert {status for status, _ in answers} == {302}  # every answer a success, no 409, no 500
    [location] = {location for _, location in answers}  # all point to the same ticket
    assert location is not None and location.startswith("/r/")
    assert browser.get(location).status_code == 200
    with app.app_context():
        count = db.session.scalar(system(select(func.count(Registration.id))))
    assert count == 1


def test_a_form_sent_again_later_opens_the_same_registration(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    url = f"/fairs/{fair_id}/register"
    html = client.get(url).get_data(as_text=True)
    form = {"csrf_token": csrf_token_from(html),
            "form_nonce": NONCE_PATTERN.search(html).group(1),  # type: ignore[union-attr]
            **registration_form_data(email="olena@example.org")}
    first = client.post(url, data=form)
    again = client.post(url, data=form)
    assert first.status_code == again.status_code == 200
    with app.app_context():
        assert len(outbox()) == 1  # the repeated form made and mailed nothing new
        assert db.session.scalar(system(select(func.count(Registration.id)))) == 1


def test_lost_link_is_mailed_again_and_unknown_addresses_get_the_same_answer(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    post_form(client, f"/fairs/{fair_id}/register",
              registration_form_data(email="olena@example.org"))
    with app.app_context():
        [confirmation] = outbox()
    old_link = confirmation.body.split("http://jobsforyou.test", 1)[1].split()[0]
    url = f"/fairs/{fair_id}/lost-link"
    known = post_form(app.test_client(), url, {"email": "Olena@example.org"})
    unknown = post_form(app.test_client(), url, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    with app.app_context():
        _, again = outbox()
    assert again.recipient == "olena@example.org"
    new_link = again.body.split("http://jobsforyou.test", 1)[1].split()[0]
    assert new_link != old_link
    assert client.get(new_link).status_code == 200
    assert client.get(old_link).status_code == 200  # the first link keeps working
    known_text = known.get_data(as_text=True).replace("Olena@example.org", "ADDRESS")
    unknown_text = unknown.get_data(as_text=True).replace("nobody@example.org", "ADDRESS")
    assert strip_csrf(known_text) == strip_csrf(unknown_text)


def test_lost_link_requests_are_rate_limited(app: Flask, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(app.config, "REGISTRATION_CONTACT_RATE_LIMIT", "3 per hour")
    with app.app_context():
        fair_id = make_fair().id
    url = f"/fairs/{fair_id}/lost-link"
    statuses = [post_form(app.test_client(), url, {"email": "olena@example.org"}).status_code
                for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def strip_csrf(html: str) -> str:
    """A page without its CSRF token (different in every answer)."""
    import re

    return re.sub(r'name="csrf_token"[^>]*value="[^"]+"', "", html)
