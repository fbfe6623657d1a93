"""Hostile bodies on POST /api/vacancies: never a 5xx; good items applied, bad ones reported."""

from __future__ import annotations

import json

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.vacancies.models import Vacancy
from tests.web.test_api_vacancies import VACANCY, create_token

UNREADABLE = "The text contains control characters or broken characters. Remove them."
TOO_DEEP = "Send valid JSON, nested at most 32 levels deep."


def post_raw(client: FlaskClient, token: str, body: str | bytes):  # type: ignore[no-untyped-def]
    return client.post("/api/vacancies", data=body, content_type="application/json",
                       headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"})


def stored_refs(app: Flask) -> set[str]:
    with app.app_context():
        return set(db.session.scalars(scoped(select(Vacancy.external_ref), SYSTEM)))


@pytest.mark.parametrize("field", ["title", "employer", "id", "description", "hours",
                                   "municipality", "employer_ref", "required_skills"])
@pytest.mark.parametrize("hostile", ["\\u0000", "\\ud800", "\\udfff", "\\u001b[31m", "\\u0007"])
def test_hostile_text_in_one_item_is_an_item_error(app: Flask, client: FlaskClient, field: str,
                                                   hostile: str) -> None:
    token = create_token(app, client)
    value = f'["a{hostile}b"]' if field == "required_skills" else f'"a{hostile}b"'
    body = (f'[{{"id": "BAD-1", "employer": "Firma", "title": "Helfer", "{field}": {value}}},'
            ' {"id": "GOOD-1", "employer": "Muster Metallbau GmbH", "title": "Schweißer"}]')
    response = post_raw(client, token, body)
    assert response.status_code == 207, response.json
    bad, good = response.json["items"]
    assert bad["index"] == 0 and bad["outcome"] == "error"
    assert {"field": field, "message": UNREADABLE} in bad["errors"]
    assert good == {"index": 1, "id": "GOOD-1", "outcome": "new", "errors": []}
    assert response.json["counts"] == {"new": 1, "update": 0, "unchanged": 0, "error": 1}
    assert stored_refs(app) == {"GOOD-1"}
    with app.app_context():
        names = set(db.session.scalars(scoped(select(Employer.name), SYSTEM)))
        assert names == {"Muster Metallbau GmbH"}


def test_one_bad_item_in_a_batch_applies_the_others(app: Flask, client: FlaskClient) -> None:
    token = create_token(app, client)
    body = ('[{"id": "B-1", "employer": "A", "title": "Helfer"},'
            ' {"id": "B-2", "employer": "A\\u0000", "title": "Helfer"},'
            ' {"id": "B-3", "employer": "A", "title": "Helfer", "hours": "\\ud83d"},'
            ' {"id": "B-4", "employer": "A", "title": "Lagerist \\ud83d\\udce6"}]')
    response = post_raw(client, token, body)
    assert response.status_code == 207, response.json
    assert [item["outcome"] for item in response.json["items"]] == ["new", "error", "error", "new"]
    assert response.json["items"][2]["errors"] == [{"field": "hours", "message": UNREADABLE}]
    assert stored_refs(app) == {"B-1", "B-4"}
    with app.app_context():
        titles = set(db.session.scalars(scoped(select(Vacancy.title), SYSTEM)))
        assert titles == {"Helfer", "Lagerist \U0001f4e6"}


def test_a_hostile_field_name_is_an_unknown_field(app: Flask, client: FlaskClient) -> None:
    token = create_token(app, client)
    response = post_raw(client, token, '[{"id": "K-1", "employer": "A", "title": "B",'
                                       ' "x\\u0000\\ud800": 1}]')
    assert response.status_code == 400, response.json
    assert response.json["items"][0]["errors"][0]["message"] == "Unknown field."
    assert stored_refs(app) == set()


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_deeply_nested_json_is_refused(app: Flask, client: FlaskClient, depth: int) -> None:
    token = create_token(app, client)
    for body in ("[" * depth + "]" * depth, "[" * depth,
                 '{"vacancies": [' + '{"a": ' * depth + "1" + "}" * depth + "]}"):
        response = post_raw(client, token, body)
        assert response.status_code == 400, response.json
        assert response.json["error"] == TOO_DEEP


def test_nesting_within_the_bound_and_brackets_in_texts_are_fine(app: Flask,
                                                                 client: FlaskClient) -> None:
    token = create_token(app, client)
    title = "[[[[" * 20 + '{"\\"'
    nested = "[" * 29 + '"x"' + "]" * 29
    body = ('{"vacancies": [' + json.dumps({"id": "N-1", "employer": "A", "title": title})
            + ', {"id": "N-2", "employer": "A", "title": "B", "description": ' + nested + "}]}")
    response = post_raw(client, token, body)
    assert response.status_code == 207, response.json
    assert [item["outcome"] for item in response.json["items"]] == ["new", "error"]
    with app.app_context():
        assert db.session.scalar(scoped(select(Vacancy.title), SYSTEM)) == title


@pytest.mark.parametrize("body", [b'[{"id": "\xed\xa0\x80", "employer": "A", "title": "B"}]',
                                  b"[\xff]", b'[{"openings": 1' + b"0" * 5000 + b"}]",
                                  b"\x00", b"[" + b"\x00" * 10, b'"\\ud800"', b"[1e999999]",
                                  b'{"vacancies": "\\u0000"}', b"[[]]", b'[{"id": [[["x"]]]}]',
                                  b'["' + b'\\"' * 100_000, b"[{]}" * 1000])
def test_malformed_bodies_are_refused(app: Flask, client: FlaskClient, body: bytes) -> None:
    token = create_token(app, client)
    response = post_raw(client, token, body)
    assert response.status_code == 400, response.json
    assert stored_refs(app) == set()


def test_the_usual_push_still_works(app: Flask, client: FlaskClient) -> None:
    token = create_token(app, client)
    response = post_raw(client, token, json.dumps({"vacancies": [VACANCY]}))
    assert response.status_code == 200, response.json
    assert stored_refs(app) == {"API-1"}
