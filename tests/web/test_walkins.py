"""Walk-ins at the check-in desk: the visitor's language, the form in it, consent required,
stored as registered at the desk and checked in at once, the ticket shown, the counts, and who
may register walk-ins for which fair."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.checkin.models import FairDayCode
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.mail import outbox
from jobsforyou.registration.models import (
    ConsentPurpose,
    Registration,
    RegistrationChannel,
    RegistrationStatus,
)
from tests.conftest import csrf_token_from, post_form, sign_in
from tests.factories import (
    make_account,
    make_fair,
    make_registration,
    registration_form_data,
    system,
)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Desk staff whose browser reads English (the staff's texts asserted here)."""
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return browser


def _world(app: Flask, **fair_overrides: Any) -> dict[str, Any]:
    """Fair A (full online, registration closed) and fair B, check-in staff of each, organisers."""
    with app.app_context():
        fair_a = make_fair(**fair_overrides)
        fair_b = make_fair(title="#JobsForYou Melle", town="Melle")
        return {
            "fair_a": fair_a.id, "fair_b": fair_b.id,
            "checkin_a": make_account("checkin", fair_id=fair_a.id).id,
            "checkin_b": make_account("checkin", fair_id=fair_b.id).id,
            "organiser": make_account("organiser").id,
        }


def _registrations(fair_id: int) -> list[Registration]:
    return list(db.session.scalars(system(
        select(Registration).where(Registration.fair_id == fair_id).order_by(Registration.id))))


def _walk_in(client: FlaskClient, fair_id: int, language: str = "ar", **overrides: Any):  # type: ignore[no-untyped-def]
    data = registration_form_data(**{"given_name": "Ahmad", "family_name": "Haddad",
                                     "phone": "0151 2345678", **overrides})
    return post_form(client, f"/fairs/{fair_id}/check-in/walk-in/{language}", data)


def test_walk_in_is_stored_as_assisted_checked_in_and_gets_the_ticket(
    app: Flask, client: FlaskClient
) -> None:
    # online the fair is full and closed: the desk registers walk-ins anyway
    world = _world(app, capacity=1)
    with app.app_context():
        fair = db.session.get(Fair, world["fair_a"])
        make_registration(fair, "Олена", "Коваленко")  # takes the one online place
        fair.registration_closes = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        db.session.commit()
    sign_in(client, world["checkin_a"])

    desk = client.get(f"/fairs/{world['fair_a']}/check-in").get_data(as_text=True)
    assert f'href="/fairs/{world["fair_a"]}/check-in/walk-in"' in desk
    response = _walk_in(client, world["fair_a"], language="en")
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html
    assert "You are checked in" in html

    with app.app_context():
        walk_in = _registrations(world["fair_a"])[-1]
        assert (walk_in.given_name, walk_in.family_name) == ("Ahmad", "Haddad")
        assert walk_in.channel == RegistrationChannel.DESK and walk_in.registered_at_desk
        assert walk_in.assisted_by_id == world["checkin_a"]
        assert walk_in.status == RegistrationStatus.CONFIRMED  # not put on the waiting list
        assert walk_in.checked_in_at is not None
        assert walk_in.checked_in_by_id == world["checkin_a"]
        assert walk_in.language == "en"
        consents = {c.purpose: c for c in walk_in.consents}
        assert ConsentPurpose.PROCESSING in consents
        assert consents[ConsentPurpose.PROCESSING].language == "en"
        ticket = walk_in.ticket_code

    # the ticket at once: code, QR, route card behind the personal link, the next visitor
    assert f'id="walk-in-ticket-code">{ticket}<' in html
    assert 'src="data:image/svg+xml' in html
    card = re.search(r'href="(/r/[^"]+/route-card\.pdf)"', html)
    assert card, "a link to print the route card"
    pdf = client.get(card.group(1))
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert f'href="/fairs/{world["fair_a"]}/check-in/walk-in">Register the next visitor' in html


def test_missing_consent_shows_the_error_summary_and_stores_nothing(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    response = _walk_in(client, world["fair_a"], language="en", consent_processing=None)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'class="error-summary"' in html
    assert 'href="#consent_processing">Without this consent we cannot register you.' in html
    with app.app_context():
        assert _registrations(world["fair_a"]) == []


def test_the_form_is_in_the_visitors_language_and_right_to_left(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    chooser = client.get(f"/fairs/{world['fair_a']}/check-in/walk-in")
    html = chooser.get_data(as_text=True)
    assert chooser.status_code == 200
    for code, name in [("ar", "العربية"), ("fa", "فارسی / دری"), ("uk", "Українська"),
                       ("tr", "Türkçe"), ("ku", "Kurdî (Kurmancî)"), ("de", "Deutsch")]:
        link = re.search(rf'<a href="/fairs/{world["fair_a"]}/check-in/walk-in/{code}"[^>]*>',
                         html)
        assert link and f'lang="{code}"' in link.group(0), code
        assert name in html

    arabic = client.get(f"/fairs/{world['fair_a']}/check-in/walk-in/ar")
    page = arabic.get_data(as_text=True)
    assert arabic.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert "الاسم الأول" in page  # "Given name"
    assert "أوافق على معالجة بياناتي لتسجيلي في هذا المعرض." in page  # the consent statement
    assert "Given name" not in page
    # the staff's own links stay in the staff's language, marked as such
    assert '<div class="staff-note" lang="en" dir="ltr">' in page
    assert "Back to the check-in desk" in page

    # a missing consent in Persian: the error in Persian, the page right to left
    refused = _walk_in(client, world["fair_a"], language="fa", consent_processing=None)
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert '<html lang="fa" dir="rtl">' in body
    assert "بدون این رضایت نمی‌توانیم شما را ثبت‌نام کنیم." in body
    assert "Without this consent we cannot register you." not in body
    assert client.get(f"/fairs/{world['fair_a']}/check-in/walk-in/xx").status_code == 404


def test_the_arabic_walk_in_stores_the_consent_in_arabic(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    response = _walk_in(client, world["fair_a"], language="ar")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.get_data(as_text=True)
    with app.app_context():
        (walk_in,) = _registrations(world["fair_a"])
        assert walk_in.language == "ar"
        assert {c.language for c in walk_in.consents} == {"ar"}


def test_checkin_staff_of_another_fair_cannot_register_walk_ins(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    sign_in(client, world["checkin_b"])
    fair_a = world["fair_a"]
    assert client.get(f"/fairs/{fair_a}/check-in/walk-in").status_code == 404
    assert client.get(f"/fairs/{fair_a}/check-in/walk-in/de").status_code == 404
    token = csrf_token_from(client.get(f"/fairs/{world['fair_b']}/check-in/walk-in/de")
                            .get_data(as_text=True))
    posted = client.post(f"/fairs/{fair_a}/check-in/walk-in/de",
                         data={"csrf_token": token, **registration_form_data()})
    assert posted.status_code == 404
    anonymous = FlaskClient(app)
    assert anonymous.get(f"/fairs/{fair_a}/check-in/walk-in").status_code in (302, 401)
    with app.app_context():
        staff = make_account("business_development").id
    business = app.test_client()
    sign_in(business, staff)
    assert business.get(f"/fairs/{fair_a}/check-in/walk-in/de").status_code == 404
    with app.app_context():
        assert _registrations(fair_a) == []


def test_organiser_registers_a_walk_in_and_finds_it_with_the_filter(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    with app.app_context():
        fair = db.session.get(Fair, world["fair_a"])
        make_registration(fair, "Олена", "Коваленко")
    sign_in(client, world["organiser"])
    assert _walk_in(client, world["fair_a"], language="de").status_code == 200
    url = f"/organiser/fairs/{world['fair_a']}/registrations"
    everyone = client.get(url).get_data(as_text=True)
    assert "Haddad" in everyone and "Коваленко" in everyone
    assert "1 person registered at the desk (walk-in)" in everyone
    at_desk = client.get(url, query_string={"channel": "desk"}).get_data(as_text=True)
    assert "Haddad" in at_desk and "Коваленко" not in at_desk
    assert '<option selected value="desk">Registered at the desk</option>' in at_desk
    online = client.get(url, query_string={"channel": "online"}).get_data(as_text=True)
    assert "Haddad" not in online and "Коваленко" in online
    with app.app_context():
        walk_in = _registrations(world["fair_a"])[-1]
        assert walk_in.assisted_by_id == world["organiser"]
    person = client.get(f"{url}/{walk_in.id}").get_data(as_text=True)
    assert "– at the check-in desk, with the staff's help" in person
    csv = client.get(f"/organiser/fairs/{world['fair_a']}/registrations.csv",
                     query_string={"channel": "desk"}).get_data(as_text=True)
    assert "Vor Ort angemeldet" in csv and "Haddad" in csv and "Коваленко" not in csv


def test_desk_counts_walk_ins(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    counts_url = f"/fairs/{world['fair_a']}/check-in/counts"
    assert client.get(counts_url).get_json()["walk_ins"] == 0
    _walk_in(client, world["fair_a"])
    _walk_in(client, world["fair_a"], given_name="Sara", family_name="Nouri",
             phone="0160 9876543")
    assert client.get(counts_url).get_json() == {"registered": 2, "checked_in": 2,
                                                 "waitlisted": 0, "walk_ins": 2}
    desk = client.get(f"/fairs/{world['fair_a']}/check-in").get_data(as_text=True)
    assert '<dt>Walk-ins</dt><dd data-count="walk_ins">2</dd>' in desk


def test_the_same_form_sent_twice_registers_once(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    url = f"/fairs/{world['fair_a']}/check-in/walk-in/en"
    html = client.get(url).get_data(as_text=True)
    nonce = re.search(r'name="form_nonce"[^>]*value="([^"]+)"', html)
    assert nonce
    data = {"csrf_token": csrf_token_from(html), "form_nonce": nonce.group(1),
            **registration_form_data()}
    first = client.post(url, data=data)
    second = client.post(url, data=data)
    assert first.status_code == second.status_code == 200
    code = re.search(r'id="walk-in-ticket-code">([A-Z0-9]+)<', first.get_data(as_text=True))
    assert code and code.group(1) in second.get_data(as_text=True)
    with app.app_context():
        assert len(_registrations(world["fair_a"])) == 1


def test_an_already_registered_phone_number_points_to_the_desk(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    with app.app_context():
        fair = db.session.get(Fair, world["fair_a"])
        known = make_registration(fair, "Олена", "Коваленко", phone="0176 1234567")
        known_code = known.ticket_code
    sign_in(client, world["checkin_a"])
    response = _walk_in(client, world["fair_a"], language="uk", phone="0176 1234567")
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "is already registered for this fair" in html and known_code in html
    assert f"/fairs/{world['fair_a']}/check-in?q={known_code}" in html
    with app.app_context():
        assert len(_registrations(world["fair_a"])) == 1


def test_walk_ins_are_audited_by_id(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    world = _world(app)
    caplog.set_level(logging.INFO, logger="jobsforyou.audit")
    sign_in(client, world["checkin_a"])
    _walk_in(client, world["fair_a"])
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "jobsforyou.audit"]
    registered = [e for e in events if e["event"] == "walk_in_registered"]
    with app.app_context():
        (walk_in,) = _registrations(world["fair_a"])
    assert registered and registered[0]["registration"] == walk_in.id
    assert registered[0]["user"] == world["checkin_a"]
    assert "Haddad" not in "\n".join(r.getMessage() for r in caplog.records)


def test_a_walk_in_with_an_e_mail_address_gets_the_link_by_mail_in_their_language(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    response = _walk_in(client, world["fair_a"], language="uk", email="ahmad@example.org")
    assert response.status_code == 200
    with app.app_context():
        [mail] = outbox()
        (walk_in,) = _registrations(world["fair_a"])
    assert mail.recipient == "ahmad@example.org"
    assert walk_in.ticket_code in mail.body and "#JobsForYou Bramsche" in mail.subject
    assert mail.subject.startswith("Ваша реєстрація")  # Ukrainian, as chosen at the desk


def test_a_fair_day_code_holder_registers_walk_ins_of_that_fair_only(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    today = dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=1))).date()
    world = _world(app, date=today)
    organiser = app.test_client()
    sign_in(organiser, world["organiser"])
    created = post_form(organiser, f"/fairs/{world['fair_a']}/check-in/codes", {})
    code = re.search(r'<strong class="code" dir="ltr">([A-Z0-9]{8})</strong>',
                     created.get_data(as_text=True))
    assert code
    assert post_form(client, "/check-in/code", {"code": code.group(1)}).status_code == 302
    caplog.set_level(logging.INFO, logger="jobsforyou.audit")
    assert _walk_in(client, world["fair_a"], language="tr").status_code == 200
    assert client.get(f"/fairs/{world['fair_b']}/check-in/walk-in/tr").status_code in (
        302, 401, 404)
    with app.app_context():
        (walk_in,) = _registrations(world["fair_a"])
        assert walk_in.registered_at_desk and walk_in.assisted_by_id is None
        assert walk_in.checked_in_at is not None
        code_id = db.session.scalar(select(FairDayCode.id))
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "jobsforyou.audit"]
    registered = [e for e in events if e["event"] == "walk_in_registered"]
    assert registered and registered[0]["fair_day_code"] == code_id
