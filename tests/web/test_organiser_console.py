"""The organiser console: fairs created and changed, registration closed and reopened, the
registrations searched across scripts, filtered, exported, and a person's data on request."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.fairs.services import registration_is_open
from jobsforyou.mail import outbox
from jobsforyou.registration.models import Registration, RegistrationStatus
from jobsforyou.scoping import SYSTEM, scoped
from tests.conftest import csrf_token_from, post_form, sign_in
from tests.factories import make_account, make_fair, make_registration, municipality

NEXT_YEAR = dt.date.today().year + 1


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser that reads English (the texts asserted here)."""
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return browser


def fair_form(**overrides: Any) -> dict[str, Any]:
    """A complete fair form for Bramsche on 10 December next year (winter time: UTC+1)."""
    data: dict[str, Any] = {
        "title": "#JobsForYou Bramsche", "municipality": str(municipality("Bramsche").id),
        "venue": "Tuchmacher Museum", "address": "Mühlenort 6, 49565 Bramsche",
        "date": f"{NEXT_YEAR}-12-10", "starts_at": "10:00", "ends_at": "14:00",
        "registration_opens": f"{NEXT_YEAR}-11-01T08:00",
        "registration_closes": f"{NEXT_YEAR}-12-09T18:00",
        "capacity": "150", "interpreter_languages": ["uk", "ar"],
        "description": "Arbeitgeber aus der Region.", "directions": "Bus 582 bis Markt.",
    }
    data.update(overrides)
    return data


def form_for(fair: Fair, **overrides: Any) -> dict[str, Any]:
    """The fair form for an existing fair (its date, registration open from today)."""
    closes = fair.date - dt.timedelta(days=1)
    return fair_form(date=fair.date.isoformat(), **{
        "registration_opens": f"{dt.date.today().isoformat()}T00:00",
        "registration_closes": f"{closes.isoformat()}T18:00", **overrides})


def organiser(app: Flask, town: str = "Bramsche") -> int:
    with app.app_context():
        return int(make_account("organiser", municipality_id=municipality(town).id).id)


def status_of(registration_id: int) -> RegistrationStatus | None:
    return db.session.scalar(scoped(
        select(Registration.status).where(Registration.id == registration_id), SYSTEM))


def all_fairs() -> list[Fair]:
    return list(db.session.scalars(select(Fair).order_by(Fair.id)))


def test_an_organiser_creates_a_draft_in_local_time_then_publishes_it(
        app: Flask, client: FlaskClient) -> None:
    sign_in(client, organiser(app))
    with app.app_context():
        response = post_form(client, "/organiser/fairs/new", fair_form())
        assert response.status_code == 302
        fair = all_fairs()[-1]
        assert fair.status == FairStatus.DRAFT and fair.capacity == 150
        assert fair.interpreter_languages == ["uk", "ar"]
        opens = fair.registration_opens.replace(tzinfo=dt.UTC) if \
            fair.registration_opens.tzinfo is None else fair.registration_opens
        assert opens == dt.datetime(NEXT_YEAR, 11, 1, 7, 0, tzinfo=dt.UTC)  # 08:00 in Berlin
        fair_id = fair.id
    assert client.get(f"/fairs/{fair_id}").status_code == 404  # a draft is not public
    page = client.get(f"/organiser/fairs/{fair_id}").get_data(as_text=True)
    assert "Draft: not public yet" in page
    client.post(f"/organiser/fairs/{fair_id}/publish", data={"csrf_token": csrf_token_from(page)})
    assert client.get(f"/fairs/{fair_id}").status_code == 200


@pytest.mark.parametrize(("change", "message"), [
    ({"ends_at": "09:00"}, "The fair must close after it opens."),
    ({"registration_closes": f"{NEXT_YEAR}-12-10T15:00"},
     "no later than the end of the fair"),
    ({"capacity": "0"}, "Enter a number from 1 to 5000."),
    ({"title": ""}, "Enter the title of the fair."),
])
def test_a_wrong_entry_is_explained_and_nothing_is_saved(
        app: Flask, client: FlaskClient, change: dict[str, str], message: str) -> None:
    sign_in(client, organiser(app))
    with app.app_context():
        before = len(all_fairs())
        response = post_form(client, "/organiser/fairs/new", fair_form(**change))
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert "Please check your entries" in html and message in html
        assert len(all_fairs()) == before


def test_an_organiser_cannot_create_a_fair_in_another_town(app: Flask, client: FlaskClient) -> None:
    sign_in(client, organiser(app, "Bramsche"))
    with app.app_context():
        before = len(all_fairs())
        response = post_form(client, "/organiser/fairs/new",
                             fair_form(municipality=str(municipality("Melle").id)))
        assert response.status_code == 422
        assert len(all_fairs()) == before


def test_capacity_cannot_drop_below_the_confirmed_and_a_rise_moves_people_up(
        app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair = make_fair(capacity=1)
        make_registration(fair, "Olena", "Bondar", email="olena@example.org")
        waiting = make_registration(fair, "Taras", "Melnyk", email="taras@example.org")
        assert waiting.status == RegistrationStatus.WAITLISTED
        fair_id, waiting_id = fair.id, waiting.id
        values = form_for(fair)
    sign_in(client, organiser(app))
    with app.app_context():
        refused = post_form(client, f"/organiser/fairs/{fair_id}/edit", {**values, "capacity": "0"})
        assert refused.status_code == 422
        mails_before = len(outbox())
        raised = post_form(client, f"/organiser/fairs/{fair_id}/edit", {**values, "capacity": "2"})
        assert raised.status_code == 302
        db.session.expire_all()
        assert status_of(waiting_id) == RegistrationStatus.CONFIRMED
        assert [m.recipient for m in outbox()[mails_before:]] == ["taras@example.org"]


def test_fewer_places_than_confirmed_are_refused_with_the_number(
        app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair = make_fair(capacity=5)
        for name in ("Anna", "Boris"):
            make_registration(fair, name, "Test")
        values = form_for(fair, capacity="1")
        fair_id = fair.id
    sign_in(client, organiser(app))
    with app.app_context():
        response = post_form(client, f"/organiser/fairs/{fair_id}/edit", values)
        assert response.status_code == 422
        assert "2 people are already confirmed" in response.get_data(as_text=True)
        db.session.expire_all()
        assert db.session.get(Fair, fair_id).capacity == 5


def test_registration_is_closed_and_reopened(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    sign_in(client, organiser(app))
    now = dt.datetime.now(dt.UTC)
    with app.app_context():
        token = csrf_token_from(client.get(f"/organiser/fairs/{fair_id}").get_data(as_text=True))
        client.post(f"/organiser/fairs/{fair_id}/close", data={"csrf_token": token})
        db.session.expire_all()
        assert not registration_is_open(db.session.get(Fair, fair_id), now)
        client.post(f"/organiser/fairs/{fair_id}/reopen", data={"csrf_token": token})
        db.session.expire_all()
        assert registration_is_open(db.session.get(Fair, fair_id), now)


def world(app: Flask) -> dict[str, Any]:
    with app.app_context():
        fair = make_fair()
        people = {
            "cyrillic": make_registration(fair, "Мирослава", "Коваленко", phone="0176 5550101",
                                          languages=("uk", "ru"), interpreter_language="uk"),
            "latin": make_registration(fair, "Myroslava", "Shevchenko", languages=("uk",),
                                       desired_occupations=("Köchin",)),
            "arabic": make_registration(fair, "محمد", "الأحمد", language="ar", languages=("ar",),
                                        needs_childcare=True,
                                        checked_in_at=dt.datetime.now(dt.UTC)),
            "formula": make_registration(fair, "=HYPERLINK(\"http://x\")", "Test"),
        }
        return {"fair_id": fair.id, **{k: (v.id, v.ticket_code) for k, v in people.items()}}


def found(client: FlaskClient, fair_id: int, **query: str) -> str:
    response = client.get(f"/organiser/fairs/{fair_id}/registrations", query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_names_are_found_across_scripts_and_spellings(app: Flask, client: FlaskClient) -> None:
    ids = world(app)
    sign_in(client, organiser(app))
    fair = ids["fair_id"]
    for query in ("Miroslava", "Мирослава", "myroslava"):
        page = found(client, fair, q=query)
        assert "Коваленко" in page and "Shevchenko" in page and "الأحمد" not in page, query
    page = found(client, fair, q="مُحَمَّد")  # with vowel marks
    assert "الأحمد" in page and "Коваленко" not in page
    ticket = ids["latin"][1]
    page = found(client, fair, q=f" {ticket[:4].lower()}-{ticket[4:].lower()} ")
    assert "Shevchenko" in page and "Коваленко" not in page
    assert "Коваленко" in found(client, fair, q="555 0101")
    assert "1 registration found." in found(client, fair, q="Kovalenko Myroslava")


def test_filters(app: Flask, client: FlaskClient) -> None:
    ids = world(app)
    sign_in(client, organiser(app))
    fair = ids["fair_id"]
    checked = found(client, fair, checked_in="yes")
    assert "الأحمد" in checked and "Коваленко" not in checked
    assert "4 registrations found." in found(client, fair)
    assert "1 registration found." in found(client, fair, interpreter="yes")
    assert "1 registration found." in found(client, fair, childcare="yes")
    assert "2 registrations found." in found(client, fair, language="uk")
    assert "Shevchenko" in found(client, fair, occupation="koechin")
    assert "0 registrations found." in found(client, fair, status="waitlisted")
    # a value that is not a choice filters nothing instead of failing
    assert "4 registrations found." in found(client, fair, german_level="<script>")


def test_export_is_formula_safe_and_follows_the_filter(app: Flask, client: FlaskClient) -> None:
    ids = world(app)
    sign_in(client, organiser(app))
    fair = ids["fair_id"]
    csv = client.get(f"/organiser/fairs/{fair}/registrations.csv")
    assert csv.headers["Cache-Control"] == "no-store"
    assert "attachment" in csv.headers["Content-Disposition"]
    text = csv.get_data().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Ticket;Nachname;Vorname")
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text
    assert "Мирослава" in text and "محمد" in text
    xlsx = client.get(f"/organiser/fairs/{fair}/registrations.xlsx", query_string={"q": "محمد"})
    rows = list(load_workbook(io.BytesIO(xlsx.data)).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][1] == "الأحمد"
    other = app.test_client()
    sign_in(other, organiser(app, "Melle"))  # another town's organiser
    assert other.get(f"/organiser/fairs/{fair}/registrations.csv").status_code == 404


def test_interpreter_plan(app: Flask, client: FlaskClient) -> None:
    ids = world(app)
    sign_in(client, organiser(app))
    page = client.get(f"/organiser/fairs/{ids['fair_id']}/interpreters").get_data(as_text=True)
    rows = page.split("<tbody>")[1].split("</tbody>")[0]
    # one visitor needs Ukrainian; the fair plans Ukrainian and Arabic interpreters
    assert rows.count("<tr>") == 2
    assert "<td>1</td>" in rows and "<td>0</td>" in rows


def test_a_persons_data_is_exported_and_deleted_on_request_and_logged(
        app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    ids = world(app)
    organiser_id = organiser(app)
    sign_in(client, organiser_id)
    fair, (person_id, _ticket) = ids["fair_id"], ids["cyrillic"]
    url = f"/organiser/fairs/{fair}/registrations/{person_id}"
    caplog.set_level(logging.INFO, logger="jobsforyou.audit")
    page = client.get(url).get_data(as_text=True)
    assert "Коваленко" in page
    exported = client.post(f"{url}/export", data={"csrf_token": csrf_token_from(page)})
    assert json.loads(exported.data)["profile"]["family_name"] == "Коваленко"
    deleted = client.post(f"{url}/delete", data={"csrf_token": csrf_token_from(page)})
    assert deleted.status_code == 302
    with app.app_context():
        assert status_of(person_id) is None
        assert status_of(ids["latin"][0]) == RegistrationStatus.CONFIRMED
    lines = [r.getMessage() for r in caplog.records if r.name == "jobsforyou.audit"]
    events = [json.loads(line) for line in lines]
    assert [(e["event"], e["user"], e["role"], e["registration"]) for e in events] == [
        (event, organiser_id, "organiser", person_id) for event in (
            "registration_viewed", "registration_data_exported",
            "registration_deleted_on_request")]
    assert all("Коваленко" not in line and "Kovalenko" not in line for line in lines)
    assert client.get(url).status_code == 404
