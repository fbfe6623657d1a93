"""No signed-in, personal or downloaded page is cached; HSTS on https (issue 13, item 12)."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import post_form, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_vacancy,
    registration_form_data,
)

HSTS = "max-age=31536000; includeSubDomains"


def _data(app: Flask) -> dict[str, int]:
    with app.app_context():
        fair = make_fair()
        employer = make_employer()
        make_attending(fair, employer)
        vacancy = make_vacancy(employer)
        return {
            "fair": fair.id, "employer": employer.id, "vacancy": vacancy.id,
            "employer_user": make_account("employer", employer_id=employer.id).id,
            "staff": make_account("business_development").id,
        }


def _assert_no_store(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.headers.get("Cache-Control") == "no-store", path


def test_pages_of_signed_in_users_and_downloads_are_not_stored(
    app: Flask, client: FlaskClient
) -> None:
    ids = _data(app)
    sign_in(client, ids["employer_user"])
    for path in (f"/employers/{ids['employer']}", "/vacancies",
                 f"/vacancies/{ids['vacancy']}", f"/vacancies/{ids['vacancy']}/candidates", "/"):
        _assert_no_store(client, path)
    staff = app.test_client()
    sign_in(staff, ids["staff"])
    for path in ("/employers", f"/employers/{ids['employer']}",
                 f"/vacancies/{ids['vacancy']}/candidates", "/imports/vacancies",
                 "/imports/exports/vacancies.csv", "/imports/exports/vacancies.xlsx",
                 "/imports/exports/employers.csv", "/imports/exports/employers.xlsx",
                 "/imports/template.csv"):
        _assert_no_store(staff, path)
    with staff.get("/static/css/site.css") as static:
        assert static.status_code == 200
        assert "no-store" not in static.headers.get("Cache-Control", "")


def test_personal_pages_are_not_stored_public_pages_may_be(
    app: Flask, client: FlaskClient
) -> None:
    ids = _data(app)
    public = client.get(f"/fairs/{ids['fair']}")
    assert public.status_code == 200
    assert "no-store" not in public.headers.get("Cache-Control", "")
    location = post_form(client, f"/fairs/{ids['fair']}/register",
                         registration_form_data()).headers["Location"]
    for path in (location, f"{location}/ticket", f"{location}/export.json"):
        _assert_no_store(client, path)


def test_hsts_on_https_only(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert client.get("/", base_url="https://jobsforyou.test").headers[
        "Strict-Transport-Security"] == HSTS
    assert "Strict-Transport-Security" not in client.get("/").headers
    monkeypatch.setitem(app.config, "HSTS_SECONDS", 0)
    response = client.get("/", base_url="https://jobsforyou.test")
    assert "Strict-Transport-Security" not in response.headers
