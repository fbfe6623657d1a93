"""Business-development staff see only their own county (issue 13, item 13)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import delete, select

from jobsforyou.extensions import db
from jobsforyou.regions.models import Municipality
from jobsforyou.scoping import Scope, scoped
from tests.conftest import STATIC_TABLES, post_form, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_vacancy,
    other_region,
    registration_form_data,
)

OTHER_TOWN_AGS = "09999001"


@pytest.fixture(autouse=True)
def _remove_the_other_town(app: Flask) -> Iterator[None]:
    """The region tables are kept between tests: take the second county's town away again."""
    yield
    with app.app_context():
        db.session.rollback()
        for table in reversed(db.metadata.sorted_tables):
            if table.name not in STATIC_TABLES:
                db.session.execute(table.delete())
        db.session.execute(delete(Municipality).where(Municipality.ags == OTHER_TOWN_AGS))
        db.session.commit()


def _other_county_municipality() -> Municipality:
    region = other_region()
    town = Municipality(region_id=region.id, ags=OTHER_TOWN_AGS, name="Anderstadt",
                        postcodes=["99991"], latitude=50.0, longitude=10.0)
    db.session.add(town)
    db.session.commit()
    return town


def _two_counties(app: Flask) -> dict[str, int]:
    """County A (the default) and county B, each with a fair, an employer and a vacancy.

    A's employer also has a booth at B's fair (neighbouring counties share employers).
    """
    with app.app_context():
        fair_a = make_fair(title="Messe Alpha")
        employer_a = make_employer("Alpha Küchen GmbH")
        make_attending(fair_a, employer_a, booth_number=1)
        vacancy_a = make_vacancy(employer_a, "Alpha-Koch (m/w/d)", occupation_id=None,
                                 required_skills=[])
        town_b = _other_county_municipality()
        fair_b = make_fair(title="Messe Beta", municipality_id=town_b.id)
        employer_b = make_employer("Beta Gastro KG", region_id=town_b.region_id,
                                   municipality_id=town_b.id, postcode="99991")
        make_attending(fair_b, employer_b, booth_number=1)
        make_attending(fair_b, employer_a, booth_number=2)
        vacancy_b = make_vacancy(employer_b, "Beta-Koch (m/w/d)", occupation_id=None,
                                 required_skills=[])
        return {
            "fair_a": fair_a.id, "fair_b": fair_b.id,
            "employer_a": employer_a.id, "employer_b": employer_b.id,
            "vacancy_a": vacancy_a.id, "vacancy_b": vacancy_b.id,
            "region_b": town_b.region_id,
            "staff_a": make_account("business_development").id,
            "staff_b": make_account("business_development", region_id=town_b.region_id).id,
        }


def _register(app: Flask, fair_id: int, given_name: str, phone: str) -> None:
    seeker = app.test_client()
    response = post_form(seeker, f"/fairs/{fair_id}/register",
                         registration_form_data(given_name=given_name, phone=phone))
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]


def test_business_development_staff_see_only_their_county(
    app: Flask, client: FlaskClient
) -> None:
    ids = _two_counties(app)
    _register(app, ids["fair_a"], "Annaseekerin", "0176 1111111")
    _register(app, ids["fair_b"], "Bertaseekerin", "0176 2222222")
    sign_in(client, ids["staff_a"])

    own = client.get(f"/vacancies/{ids['vacancy_a']}/candidates")
    assert own.status_code == 200
    html = own.get_data(as_text=True)
    assert "Annaseekerin" in html
    assert "Bertaseekerin" not in html  # B's seeker, at B's fair where A's employer has a booth

    for path in (f"/vacancies/{ids['vacancy_b']}/candidates", f"/vacancies/{ids['vacancy_b']}",
                 f"/vacancies/{ids['vacancy_b']}/edit", f"/employers/{ids['employer_b']}",
                 f"/employers/{ids['employer_b']}/edit",
                 f"/organisers/fairs/{ids['fair_b']}/booth-requests"):
        assert client.get(path).status_code in (403, 404), path

    for path in ("/employers", "/vacancies", f"/employers/{ids['employer_a']}",
                 f"/vacancies/{ids['vacancy_a']}", "/imports/exports/vacancies.csv",
                 "/imports/exports/employers.csv", "/imports/vacancies"):
        page = client.get(path)
        assert page.status_code == 200, path
        text = page.get_data(as_text=True)
        for name in ("Beta Gastro", "Beta-Koch", "Bertaseekerin"):
            assert name not in text, (path, name)
    assert "Alpha Küchen" in client.get("/employers").get_data(as_text=True)

    other = app.test_client()
    sign_in(other, ids["staff_b"])
    html = other.get(f"/vacancies/{ids['vacancy_b']}/candidates").get_data(as_text=True)
    assert "Bertaseekerin" in html and "Annaseekerin" not in html
    assert other.get(f"/vacancies/{ids['vacancy_a']}/candidates").status_code == 404


def test_registration_rule_limits_business_development_to_their_county(app: Flask) -> None:
    from jobsforyou.registration.models import Registration

    ids = _two_counties(app)
    _register(app, ids["fair_a"], "Annaseekerin", "0176 1111111")
    _register(app, ids["fair_b"], "Bertaseekerin", "0176 2222222")
    with app.app_context():
        from jobsforyou.accounts.models import User

        staff_a = db.session.get(User, ids["staff_a"])

        def names(scope: Scope) -> list[str]:
            return sorted(db.session.scalars(scoped(select(Registration.given_name), scope)))

        assert names(Scope(role="business_development", region_id=staff_a.region_id)) == [
            "Annaseekerin"]
        assert names(Scope(role="business_development", region_id=ids["region_b"])) == [
            "Bertaseekerin"]
        assert names(Scope(role="business_development")) == []  # no county: nothing
