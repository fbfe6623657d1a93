"""POST /api/vacancies with a bearer token: created on a page, shown once, revocable."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.imports.models import ApiToken
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.vacancies.models import Vacancy
from tests.conftest import csrf_token_from, post_form, sign_in
from tests.factories import make_account

VACANCY = {"id": "API-1", "employer": "Muster Metallbau GmbH", "title": "Schweißer (m/w/d)",
           "required_skills": ["MAG-Schweißen"], "german_level_min": "A2", "postcode": "49124",
           "municipality": "Georgsmarienhütte", "employment_type": "full_time", "openings": 2,
           "start_date": "2027-01-01", "driving_licences_required": ["B"]}


def create_token(app: Flask, client: FlaskClient) -> str:
    with app.app_context():
        sign_in(client, make_account("business_development").id)
    page = post_form(client, "/imports/api-tokens", {"name": "Stellenbörse"})
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    secret = re.search(r'id="new-token"[^>]*value="([^"]+)"', page.get_data(as_text=True))
    assert secret
    assert "new-token" not in client.get("/imports/api-tokens").get_data(as_text=True)
    with app.app_context():
        stored = db.session.scalar(scoped(select(ApiToken), SYSTEM))
        assert secret.group(1) not in stored.digest
    return secret.group(1)


def push(client: FlaskClient, body: object, token: str | None):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/api/vacancies", json=body, headers={**headers, "Accept-Language": "en"})


def test_push_with_token_creates_then_reports_unchanged(app: Flask, client: FlaskClient) -> None:
    token = create_token(app, client)
    first = push(client, {"vacancies": [VACANCY]}, token)
    assert first.status_code == 200, first.json
    assert first.json["items"] == [{"index": 0, "id": "API-1", "outcome": "new", "errors": []}]
    again = push(client, [VACANCY], token)
    assert again.json["counts"]["unchanged"] == 1
    with app.app_context():
        vacancy = db.session.scalar(scoped(select(Vacancy), SYSTEM))
        assert vacancy.municipality.name == "Georgsmarienhütte" and vacancy.openings == 2
    mixed = push(client, [{**VACANCY, "id": "API-2", "start_date": "31.02.2027"},
                          {**VACANCY, "title": "Schweißer/in"}, {"title": "ohne id", "x": 1}],
                 token)
    assert mixed.status_code == 207
    items = mixed.json["items"]
    assert [item["outcome"] for item in items] == ["error", "update", "error"]
    assert items[0]["errors"][0]["field"] == "start_date"
    assert {error["field"] for error in items[2]["errors"]} == {"x", "id", "employer"}
    none_valid = push(client, [{"id": "API-3"}], token)
    assert none_valid.status_code == 400
    assert push(client, {"nothing": True}, token).status_code == 400


def test_push_without_or_with_revoked_token_is_refused(app: Flask, client: FlaskClient) -> None:
    assert push(client, [VACANCY], None).status_code == 401
    assert push(client, [VACANCY], "jfy_guessed").status_code == 401
    token = create_token(app, client)
    with app.app_context():
        token_id = db.session.scalar(scoped(select(ApiToken.id), SYSTEM))
    csrf = csrf_token_from(client.get("/imports/api-tokens").get_data(as_text=True))
    assert client.post(f"/imports/api-tokens/{token_id}/revoke",
                       data={"csrf_token": csrf}).status_code == 302
    refused = push(client, [VACANCY], token)
    assert refused.status_code == 401 and "WWW-Authenticate" in refused.headers
    with app.app_context():
        assert db.session.scalars(scoped(select(Vacancy), SYSTEM)).all() == []


def test_values_that_are_not_text_are_field_errors(app: Flask, client: FlaskClient) -> None:
    token = create_token(app, client)
    body = ('[{"id": "API-7", "employer": {"a": 1}, "title": "Helfer", "postcode": Infinity},'
            ' {"id": "API-8", "employer": "Firma", "title": ["x"], "postcode": NaN,'
            '  "openings": -Infinity, "required_skills": [{"a": 1}]},'
            ' {"id": "API-9", "employer": "Firma", "title": "Helfer", "postcode": 49124.0}]')
    response = client.post("/api/vacancies", data=body, content_type="application/json",
                           headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"})
    assert response.status_code == 207, response.json
    items = response.json["items"]
    assert [item["outcome"] for item in items] == ["error", "error", "new"]
    assert {error["field"] for error in items[0]["errors"]} == {"employer", "postcode"}
    assert {error["field"] for error in items[1]["errors"]} == {
        "title", "postcode", "openings", "required_skills"}
    assert all(error["message"] == "This value cannot be read. Enter a text or a number."
               for item in items[:2] for error in item["errors"])
    with app.app_context():
        vacancy = db.session.scalar(scoped(select(Vacancy), SYSTEM))
        assert vacancy.external_ref == "API-9" and vacancy.postcode == "49124"


def test_revoking_a_token_id_too_large_for_the_database_is_not_found(
        app: Flask, client: FlaskClient) -> None:
    create_token(app, client)
    csrf = csrf_token_from(client.get("/imports/api-tokens").get_data(as_text=True))
    for token_id in (2**31, 10**30):
        response = client.post(f"/imports/api-tokens/{token_id}/revoke", data={"csrf_token": csrf})
        assert response.status_code == 404
