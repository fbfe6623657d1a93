"""The check-in desk: tickets scanned or typed, name search, counts, undo, who may use it, and
fair-day codes for helpers without an account."""

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
from jobsforyou.registration.models import Registration, RegistrationStatus
from tests.conftest import csrf_token_from, post_form, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_registration,
    other_region,
    system,
)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser that reads English (the texts asserted here)."""
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return browser


def _registration(registration_id: int) -> Registration:
    found = db.session.scalar(system(
        select(Registration).where(Registration.id == registration_id)))
    assert found is not None
    return found


def _world(app: Flask, **fair_overrides: Any) -> dict[str, Any]:
    """Two fairs with a registration each, check-in staff of fair A and an organiser."""
    with app.app_context():
        fair_a = make_fair(**fair_overrides)
        fair_b = make_fair(title="#JobsForYou Bersenbrück", town="Bersenbrück")
        olena = make_registration(fair_a, "Олена", "Коваленко", needs_childcare=True,
                                  interpreter_language="uk", language="uk")
        other = make_registration(fair_b, "Myroslava", "Bondar")
        return {
            "fair_a": fair_a.id, "fair_b": fair_b.id,
            "olena": olena.id, "olena_code": olena.ticket_code,
            "other": other.id, "other_code": other.ticket_code,
            "checkin_a": make_account("checkin", fair_id=fair_a.id).id,
            "checkin_b": make_account("checkin", fair_id=fair_b.id).id,
            "organiser": make_account("organiser").id,
        }


def _scan(client: FlaskClient, fair_id: int, text: str):  # type: ignore[no-untyped-def]
    return post_form(client, f"/fairs/{fair_id}/check-in", {"code": text})


def test_scanner_input_checks_in_and_a_second_scan_says_already(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    page = client.get(f"/fairs/{world['fair_a']}/check-in")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    field = re.search(r'<input[^>]*name="code"[^>]*>', html)
    assert field and " autofocus" in field.group(0)
    assert 'for="code"' in html  # a label on the field
    assert 'src="/static/js/checkin.js' in html and "<script>" not in html

    scanned = _scan(client, world["fair_a"], f"JFY:{world['olena_code']}")  # what the QR holds
    body = scanned.get_data(as_text=True)
    assert scanned.status_code == 200
    assert "Checked in: Олена Коваленко" in body
    assert "Ukrainian" in body and "needed" in body  # language, interpreter, childcare
    with app.app_context():
        registration = _registration(world["olena"])
        assert registration.checked_in_at is not None
        assert registration.checked_in_by_id == world["checkin_a"]
    again = _scan(client, world["fair_a"], world["olena_code"])
    assert again.status_code == 200
    assert "was already checked in at" in again.get_data(as_text=True)


def test_typed_code_ignores_case_spaces_and_dashes_and_shows_berlin_time(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    with app.app_context():
        _registration(world["olena"]).checked_in_at = dt.datetime(2026, 12, 4, 9, 42,
                                                                  tzinfo=dt.UTC)
        db.session.commit()
    sign_in(client, world["checkin_a"])
    code = world["olena_code"].lower()
    typed = " " + "-".join([code[:3], code[3:]]) + " "
    response = _scan(client, world["fair_a"], typed)
    assert response.status_code == 200
    assert "was already checked in at 10:42" in response.get_data(as_text=True)  # UTC+1


@pytest.mark.parametrize(("status", "text"), [
    (RegistrationStatus.WITHDRAWN, "This registration was withdrawn"),
    (RegistrationStatus.WAITLISTED, "on the waiting list"),
])
def test_withdrawn_and_waiting_list_tickets_are_refused(
    app: Flask, client: FlaskClient, status: RegistrationStatus, text: str
) -> None:
    world = _world(app)
    with app.app_context():
        _registration(world["olena"]).status = status
        db.session.commit()
    sign_in(client, world["checkin_a"])
    response = _scan(client, world["fair_a"], world["olena_code"])
    assert response.status_code == 409
    assert text in response.get_data(as_text=True)
    with app.app_context():
        assert _registration(world["olena"]).checked_in_at is None


def test_other_fairs_ticket_and_unknown_code_are_refused(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    other = _scan(client, world["fair_a"], f"JFY:{world['other_code']}")
    assert other.status_code == 409
    assert "This ticket is for another fair." in other.get_data(as_text=True)
    unknown = _scan(client, world["fair_a"], "JFY:ZZZZZZZZ")
    assert unknown.status_code == 409
    assert "No ticket with this code for this fair." in unknown.get_data(as_text=True)
    empty = _scan(client, world["fair_a"], "   ")
    assert empty.status_code in (409, 422)
    with app.app_context():
        assert _registration(world["other"]).checked_in_at is None


def test_checkin_staff_of_fair_a_cannot_use_fair_bs_desk(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    fair_b = world["fair_b"]
    assert client.get(f"/fairs/{fair_b}/check-in").status_code == 404
    assert client.get(f"/fairs/{fair_b}/check-in/counts").status_code == 404
    token = csrf_token_from(client.get(f"/fairs/{world['fair_a']}/check-in").get_data(as_text=True))
    scan = client.post(f"/fairs/{fair_b}/check-in",
                       data={"csrf_token": token, "code": world["other_code"]})
    assert scan.status_code == 404
    button = client.post(f"/fairs/{fair_b}/check-in/{world['other']}",
                         data={"csrf_token": token})
    assert button.status_code == 404
    # nor by the button on their own desk with a registration id of fair B
    sideways = client.post(f"/fairs/{world['fair_a']}/check-in/{world['other']}",
                           data={"csrf_token": token})
    assert sideways.status_code == 409
    assert client.get(f"/fairs/{world['fair_a']}/check-in/codes").status_code == 404
    with app.app_context():
        assert _registration(world["other"]).checked_in_at is None


def test_employer_business_development_and_anonymous_have_no_access(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    fair_a = world["fair_a"]
    anonymous = client.get(f"/fairs/{fair_a}/check-in")
    assert anonymous.status_code in (302, 401)
    assert client.get(f"/fairs/{fair_a}/check-in/counts").status_code in (302, 401)
    with app.app_context():
        employer = make_employer()
        make_attending(_registration(world["olena"]).fair, employer)
        employer_user = make_account("employer", employer_id=employer.id).id
        staff = make_account("business_development").id
    for user_id in (employer_user, staff):
        browser = app.test_client()
        sign_in(browser, user_id)
        assert browser.get(f"/fairs/{fair_a}/check-in").status_code == 404
        assert browser.get(f"/fairs/{fair_a}/check-in/counts").status_code == 404


def test_organiser_of_another_county_has_no_access(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    with app.app_context():
        stranger = make_account("organiser", region_id=other_region().id).id
    sign_in(client, stranger)
    assert client.get(f"/fairs/{world['fair_a']}/check-in").status_code == 404


def test_name_search_across_scripts_and_check_in_button(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    with app.app_context():
        fair = _registration(world["olena"]).fair
        myroslava = make_registration(fair, "Мирослава", "Шевченко").id
    sign_in(client, world["checkin_a"])
    url = f"/fairs/{world['fair_a']}/check-in"
    found = client.get(url, query_string={"q": "Myroslava"})
    html = found.get_data(as_text=True)
    assert found.status_code == 200
    assert "Мирослава Шевченко" in html and "Коваленко" not in html.split("Find a visitor")[1]
    assert f"/check-in/{myroslava}" in html
    token = csrf_token_from(html)
    response = client.post(f"{url}/{myroslava}", data={"csrf_token": token})
    assert response.status_code == 200
    assert "Checked in: Мирослава Шевченко" in response.get_data(as_text=True)
    without_token = client.post(f"{url}/{world['olena']}")
    assert without_token.status_code == 400
    with app.app_context():
        assert _registration(myroslava).checked_in_at is not None
        assert _registration(world["olena"]).checked_in_at is None


def test_counts_endpoint_and_page_counts(app: Flask, client: FlaskClient) -> None:
    world = _world(app, capacity=1)  # Olena has the one place: the next ones wait
    with app.app_context():
        fair = _registration(world["olena"]).fair
        waiting = make_registration(fair, "Ahmad", "Haddad")
        assert waiting.status == RegistrationStatus.WAITLISTED
        make_registration(fair, "Sara", "Nouri", status=RegistrationStatus.WITHDRAWN)
    sign_in(client, world["checkin_a"])
    url = f"/fairs/{world['fair_a']}/check-in/counts"
    assert client.get(url).get_json() == {"registered": 1, "checked_in": 0, "waitlisted": 1,
                                          "walk_ins": 0}
    _scan(client, world["fair_a"], world["olena_code"])
    assert client.get(url).get_json() == {"registered": 1, "checked_in": 1, "waitlisted": 1,
                                          "walk_ins": 0}


def test_organiser_opens_the_desk_and_undoes_a_check_in(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    staff = app.test_client()
    staff.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    sign_in(staff, world["checkin_a"])
    _scan(staff, world["fair_a"], world["olena_code"])
    token = csrf_token_from(staff.get(f"/fairs/{world['fair_a']}/check-in").get_data(as_text=True))
    refused = staff.post(f"/fairs/{world['fair_a']}/check-in/{world['olena']}/undo",
                         data={"csrf_token": token})
    assert refused.status_code == 403

    sign_in(client, world["organiser"])
    desk = client.get(f"/fairs/{world['fair_a']}/check-in", query_string={"q": "Olena"})
    html = desk.get_data(as_text=True)
    assert desk.status_code == 200 and "Undo the check-in of Олена" in html
    undone = client.post(f"/fairs/{world['fair_a']}/check-in/{world['olena']}/undo",
                         data={"csrf_token": csrf_token_from(html)})
    assert undone.status_code == 302
    with app.app_context():
        registration = _registration(world["olena"])
        assert registration.checked_in_at is None and registration.checked_in_by_id is None
    again = _scan(client, world["fair_a"], world["olena_code"])
    assert "Checked in: Олена Коваленко" in again.get_data(as_text=True)


def test_checkin_account_lands_on_its_desk_and_sees_only_that(
    app: Flask, client: FlaskClient
) -> None:
    world = _world(app)
    with app.app_context():
        email = make_account("checkin", fair_id=world["fair_a"]).email
    login = post_form(client, "/login", {"email": email, "password": "correct horse battery"})
    assert login.status_code == 302
    assert login.headers["Location"].endswith(f"/fairs/{world['fair_a']}/check-in")
    html = client.get(login.headers["Location"]).get_data(as_text=True)
    navigation = html.split('class="site-nav"')[1].split("</nav>")[0]
    links = re.findall(r'<a href="([^"]+)"', navigation)
    assert links == [f"/fairs/{world['fair_a']}/check-in"]
    assert "organiser/fairs" not in html  # no organiser sub-navigation for check-in staff


# --- fair-day codes --------------------------------------------------------------------------


def _new_code(client: FlaskClient, fair_id: int) -> str:
    response = post_form(client, f"/fairs/{fair_id}/check-in/codes", {})
    assert response.status_code == 200
    match = re.search(r'<strong class="code" dir="ltr">([A-Z0-9]{8})</strong>',
                      response.get_data(as_text=True))
    assert match, "the new code is shown once"
    return match.group(1)


def test_fair_day_code_opens_todays_desk_until_revoked(app: Flask, client: FlaskClient) -> None:
    world = _world(app, date=dt.datetime.now(dt.UTC).astimezone(
        dt.timezone(dt.timedelta(hours=1))).date())
    organiser = app.test_client()
    organiser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    sign_in(organiser, world["organiser"])
    code = _new_code(organiser, world["fair_a"])
    with app.app_context():
        stored = db.session.scalars(select(FairDayCode)).all()
        assert len(stored) == 1 and code not in stored[0].digest and len(stored[0].digest) == 64

    entered = post_form(client, "/check-in/code", {"code": f"{code[:4].lower()} {code[4:]}"})
    assert entered.status_code == 302
    assert entered.headers["Location"].endswith(f"/fairs/{world['fair_a']}/check-in")
    with client.session_transaction() as session:
        assert set(session) <= {"checkin_code_id", "csrf_token", "lang", "_permanent", "_fresh"}
    assert client.get(f"/fairs/{world['fair_b']}/check-in").status_code in (302, 401, 404)
    scanned = _scan(client, world["fair_a"], f"JFY:{world['olena_code']}")
    assert "Checked in: Олена Коваленко" in scanned.get_data(as_text=True)
    with app.app_context():
        assert _registration(world["olena"]).checked_in_by_id is None

    codes_page = organiser.get(f"/fairs/{world['fair_a']}/check-in/codes")
    with app.app_context():
        code_id = db.session.scalar(select(FairDayCode.id))
    token = csrf_token_from(codes_page.get_data(as_text=True))
    revoked = organiser.post(f"/fairs/{world['fair_a']}/check-in/codes/{code_id}/revoke",
                             data={"csrf_token": token})
    assert revoked.status_code == 302
    assert client.get(f"/fairs/{world['fair_a']}/check-in").status_code in (302, 401)
    again = post_form(client, "/check-in/code", {"code": code})
    assert again.status_code == 422
    assert "This code is not valid" in again.get_data(as_text=True)


def test_fair_day_code_of_a_fair_tomorrow_is_refused(app: Flask, client: FlaskClient) -> None:
    today = dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=1))).date()
    world = _world(app, date=today + dt.timedelta(days=1))
    organiser = app.test_client()
    sign_in(organiser, world["organiser"])
    code = _new_code(organiser, world["fair_a"])
    refused = post_form(client, "/check-in/code", {"code": code})
    assert refused.status_code == 422
    assert "valid only on the day of its fair" in refused.get_data(as_text=True)
    assert client.get(f"/fairs/{world['fair_a']}/check-in").status_code in (302, 401)


def test_checkin_staff_cannot_create_codes(app: Flask, client: FlaskClient) -> None:
    world = _world(app)
    sign_in(client, world["checkin_a"])
    assert client.get(f"/fairs/{world['fair_a']}/check-in/codes").status_code == 404


def test_wrong_codes_are_rate_limited(app: Flask, client: FlaskClient) -> None:
    token = csrf_token_from(client.get("/check-in/code").get_data(as_text=True))
    statuses = [client.post("/check-in/code", data={"csrf_token": token, "code": "WRONG234"})
                .status_code for _ in range(11)]
    assert statuses[:10] == [422] * 10 and statuses[10] == 429


def test_check_ins_and_searches_are_audited_by_id(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    world = _world(app)
    caplog.set_level(logging.INFO, logger="jobsforyou.audit")
    sign_in(client, world["checkin_a"])
    _scan(client, world["fair_a"], world["olena_code"])
    client.get(f"/fairs/{world['fair_a']}/check-in", query_string={"q": "Olena"})
    lines = [r.getMessage() for r in caplog.records if r.name == "jobsforyou.audit"]
    events = [json.loads(line) for line in lines]
    checked = [e for e in events if e["event"] == "checked_in"]
    assert checked and checked[0]["registration"] == world["olena"]
    assert checked[0]["user"] == world["checkin_a"] and checked[0]["already"] is False
    searched = [e for e in events if e["event"] == "checkin_search"]
    assert searched and searched[0]["registrations"] == [world["olena"]]
    assert "Коваленко" not in "\n".join(lines) and world["olena_code"] not in "\n".join(lines)
