"""Every URL of the booth, organiser and import blueprints: who may open it, in every locale."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobsforyou.extensions import db
from jobsforyou.i18n import LANGUAGES
from jobsforyou.imports.storage import create_api_token, store_upload
from tests.conftest import csrf_token_from, sign_in
from tests.factories import (
    make_account,
    make_booth,
    make_booth_request,
    make_employer,
    make_fair,
    make_registration,
    municipality,
)

# The routes of each blueprint walked here: a renamed blueprint or a new route must be noticed.
ROUTES = {"booths": 3, "organisers": 5, "organiser_fairs": 4, "organiser_registrations": 6,
          "imports": 10, "imports_api": 1}
ORGANISER_BLUEPRINTS = ("organisers", "organiser_fairs", "organiser_registrations")
BLUEPRINTS = tuple(ROUTES)
RTL = {"ar", "fa"}


def world(app: Flask) -> dict[str, Any]:
    """A fair in Bramsche with a booth and a request, an upload and a token, and their owners."""
    with app.app_context():
        fair = make_fair()
        employer = make_employer()
        booth = make_booth(fair, 1)
        booth_request = make_booth_request(fair, employer)
        staff = make_account("business_development")
        upload = store_upload(staff.id, staff.region_id, "a.csv", b"Referenznummer\n",
                              dt.datetime.now(dt.UTC))
        token, _secret = create_api_token(staff.region_id, "Test", staff.id)
        db.session.commit()
        registration_id = make_registration(fair, "Myroslava", "Kovalenko").id
        return {
            "registration_id": registration_id, "action": "close",
            "fair_id": fair.id, "booth_id": booth.id, "request_id": booth_request.id,
            "upload_id": upload.id, "token_id": token.id, "kind": "csv",
            "employer_user": make_account(employer_id=employer.id).id,
            "other_employer_user": make_account(employer_id=make_employer("Andere").id).id,
            "organiser": make_account("organiser", municipality_id=municipality("Bramsche").id).id,
            "other_organiser": make_account("organiser",
                                            municipality_id=municipality("Melle").id).id,
            "staff": staff.id,
            "other_staff": make_account("business_development").id,
        }


def urls(app: Flask, ids: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(blueprint, method, URL) for every rule of our blueprints, filled with real ids."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            blueprint = rule.endpoint.split(".")[0]
            if blueprint not in BLUEPRINTS:
                continue
            values = {name: ids[name] for name in rule.arguments}
            path = app.url_map.bind("jobsforyou.test").build(rule.endpoint, values)
            method = "GET" if "GET" in rule.methods else "POST"
            found.append((blueprint, method, path))
    walked = {name: sum(1 for entry in found if entry[0] == name) for name in BLUEPRINTS}
    assert walked == ROUTES
    return found


def call(client: FlaskClient, method: str, path: str):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(path)
    token = csrf_token_from(client.get("/privacy").get_data(as_text=True))
    if path.startswith("/api/"):
        return client.post(path, json=[])
    return client.post(path, data={"csrf_token": token})


def test_anonymous_visitors_are_sent_to_sign_in(app: Flask, client: FlaskClient) -> None:
    walked = 0
    for _blueprint, method, path in urls(app, world(app)):
        walked += 1
        response = call(client, method, path)
        if path.startswith("/api/"):
            assert response.status_code == 401, path
        else:
            assert response.status_code in (302, 401), (path, response.status_code)
            if response.status_code == 302:
                assert "login" in response.headers["Location"], path
    assert walked == sum(ROUTES.values())


def test_other_employers_and_organisers_and_roles_are_refused(app: Flask) -> None:
    ids = world(app)
    own = {"booths": "employer_user", "imports": "staff"}
    own.update({name: "organiser" for name in ORGANISER_BLUEPRINTS})
    outsiders = {
        "booths": ("other_employer_user", "organiser", "staff"),
        "imports": ("employer_user", "organiser"),
    }
    outsiders.update({name: ("other_organiser", "employer_user", "staff")
                      for name in ORGANISER_BLUEPRINTS})
    refused = 0
    for blueprint, method, path in urls(app, ids):
        if blueprint == "imports_api":
            continue
        refused += 1
        for outsider in outsiders[blueprint]:
            client = app.test_client()
            sign_in(client, ids[outsider])
            response = call(client, method, path)
            same_role = outsider.startswith("other_")
            if same_role and path == "/organiser/fairs/new":
                assert response.status_code == 200  # a new fair in their own municipality
                assert "Bramsche" not in response.get_data(as_text=True)
                continue
            if same_role and path in ("/organiser/fairs", "/employer/booths"):
                assert response.status_code == 200  # their own list, without our rows
                assert "Bramsche" not in response.get_data(as_text=True) or blueprint == "booths"
                continue
            if outsider == "other_employer_user" and method == "GET":
                continue  # another employer may request its own booth: checked below
            assert response.status_code in (403, 404), (outsider, path, response.status_code)
        if blueprint == "imports" and "upload_id" in path:
            client = app.test_client()
            sign_in(client, ids["other_staff"])
            assert call(client, method, path).status_code == 404, path
        assert own[blueprint]
    assert refused == sum(ROUTES.values()) - ROUTES["imports_api"]
    client = app.test_client()
    sign_in(client, ids["other_employer_user"])
    page = client.get(f"/employer/fairs/{ids['fair_id']}/booth").get_data(as_text=True)
    assert "Cancel the booth request" not in page  # the first employer's request is not shown
    assert client.post(f"/employer/fairs/{ids['fair_id']}/booth/cancel",
                       data={"csrf_token": csrf_token_from(page)}).status_code == 404


@pytest.mark.parametrize("language", [language.code for language in LANGUAGES])
def test_every_page_renders_in_every_locale(app: Flask, language: str) -> None:
    ids = world(app)
    owners = {"booths": "employer_user", "imports": "staff"}
    owners.update({name: "organiser" for name in ORGANISER_BLUEPRINTS})
    direction = "rtl" if language in RTL else "ltr"
    rendered = 0
    for blueprint, method, path in urls(app, ids):
        if method != "GET" or blueprint == "imports_api" or path.endswith((".csv", ".xlsx")):
            continue
        rendered += 1
        client = app.test_client()
        sign_in(client, ids[owners[blueprint]])
        response = client.get(path, headers={"Accept-Language": language})
        assert response.status_code == 200, (path, response.status_code)
        html = response.get_data(as_text=True)
        assert f'<html lang="{language}" dir="{direction}">' in html, path
    # booths 2, organisers 4 + fairs 3 + registrations 3, imports 3 (other GETs are downloads)
    assert rendered == 15
    client = app.test_client()
    sign_in(client, ids["staff"])
    preview = client.get(f"/imports/vacancies/{ids['upload_id']}",
                         headers={"Accept-Language": language})
    assert preview.status_code == 200
    assert io.BytesIO(client.get("/imports/template.csv").data).read(3) == b"\xef\xbb\xbf"
