"""Employer, vacancy, team and admin URLs refuse other employers, strangers, other counties."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.vacancies.models import Vacancy, VacancyStatus
from tests.conftest import csrf_token_from, sign_in
from tests.factories import make_account, make_employer, make_vacancy, other_region

BLUEPRINTS = {"employers", "vacancies", "team", "admin"}
SECRET_EMPLOYER = "Geheimfirma Wallenhorst GmbH"
SECRET_TITLE = "Geheime Stelle Lagerlogistik"


@dataclass(frozen=True)
class World:
    """Two employers with a user each, the secret vacancy of the second, staff of another county."""

    own_user: int
    secret_employer: int
    secret_vacancy: int
    secret_user: int
    foreign_staff: int


@pytest.fixture
def world(app: Flask) -> World:
    with app.app_context():
        own = make_employer("Eigene Firma GmbH")
        secret = make_employer(SECRET_EMPLOYER)
        vacancy = make_vacancy(secret, title=SECRET_TITLE)
        return World(
            own_user=make_account(employer_id=own.id).id,
            secret_employer=secret.id,
            secret_vacancy=vacancy.id,
            secret_user=make_account(employer_id=secret.id).id,
            foreign_staff=make_account("business_development", region_id=other_region().id).id,
        )


def urls(app: Flask, world: World) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) of every route of the blueprints, filled with the secret ids."""
    values = {"employer_id": world.secret_employer, "vacancy_id": world.secret_vacancy,
              "user_id": world.secret_user}
    found = []
    with app.test_request_context():
        from flask import url_for

        for rule in app.url_map.iter_rules():
            if rule.endpoint.split(".")[0] not in BLUEPRINTS:
                continue
            url = url_for(rule.endpoint, **{name: values[name] for name in rule.arguments})
            for method in sorted((rule.methods or set()) & {"GET", "POST"}):
                found.append((rule.endpoint, method, url.replace("http://jobsforyou.test", "")))
    assert len(found) == 19  # every (route, method) of the four blueprints
    return found


def request(client: FlaskClient, method: str, url: str, token: str):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(url)
    return client.post(url, data={"csrf_token": token, "name": "Übernommen", "title": "Übernommen",
                                  "status": "closed", "email": "x@example.org", "openings": "1",
                                  "employment_type": "full_time", "employer": "0"})


def assert_secret_unchanged(app: Flask, world: World) -> None:
    from jobsforyou.employers.models import Employer
    from jobsforyou.scoping import SYSTEM, scoped

    with app.app_context():
        vacancy = db.session.scalar(scoped(
            select(Vacancy).where(Vacancy.id == world.secret_vacancy), SYSTEM))
        employer = db.session.scalar(scoped(
            select(Employer).where(Employer.id == world.secret_employer), SYSTEM))
        assert vacancy.title == SECRET_TITLE and vacancy.status == VacancyStatus.OPEN
        assert employer.name == SECRET_EMPLOYER
        taken_over = select(Vacancy.id).where(Vacancy.title == "Übernommen",
                                              Vacancy.employer_id == world.secret_employer)
        assert db.session.scalar(scoped(taken_over, SYSTEM)) is None


@pytest.mark.parametrize("who", ["own_user", "foreign_staff"])
def test_other_users_never_see_or_change_the_secret(app: Flask, client: FlaskClient,
                                                     world: World, who: str) -> None:
    sign_in(client, getattr(world, who))
    token = csrf_token_from(client.get("/privacy").get_data(as_text=True))
    for endpoint, method, url in urls(app, world):
        response = request(client, method, url, token)
        html = response.get_data(as_text=True)
        assert SECRET_EMPLOYER not in html and SECRET_TITLE not in html, (endpoint, method)
        has_id = any(str(n) in url for n in (world.secret_employer, world.secret_vacancy,
                                               world.secret_user))
        if has_id and "/new" not in url:
            assert response.status_code in (403, 404), (endpoint, method, response.status_code)
        else:
            assert response.status_code in (200, 302, 403), (endpoint, method, response.status_code)
    assert_secret_unchanged(app, world)


def test_anonymous_visitors_are_sent_to_the_login(app: Flask, client: FlaskClient,
                                                  world: World) -> None:
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    for endpoint, method, url in urls(app, world):
        response = request(client, method, url, token)
        assert response.status_code == 302, (endpoint, method)
        assert response.headers["Location"].startswith("/login?next="), endpoint
        assert SECRET_TITLE not in response.get_data(as_text=True)
    assert_secret_unchanged(app, world)


def test_the_owner_and_county_staff_do_see_it(app: Flask, client: FlaskClient,
                                              world: World) -> None:
    sign_in(client, world.secret_user)
    assert SECRET_TITLE in client.get(f"/vacancies/{world.secret_vacancy}").get_data(as_text=True)
    with app.app_context():
        staff_id = make_account("business_development").id
    staff_client = app.test_client()
    sign_in(staff_client, staff_id)
    assert SECRET_EMPLOYER in staff_client.get("/employers").get_data(as_text=True)
    assert SECRET_TITLE in staff_client.get("/vacancies").get_data(as_text=True)
