"""Control characters in URL paths, repeated query fields and upload file names: 400, once."""

from __future__ import annotations

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from jobsforyou.extensions import db
from jobsforyou.imports.models import ImportUpload
from jobsforyou.scoping import SYSTEM, scoped
from tests.conftest import csrf_token_from, sign_in
from tests.factories import make_account

CSV = (b"Referenznummer;Arbeitgeber;Stellentitel\r\n"
       b"PF-1;Muster Metallbau GmbH;Schwei\xc3\x9fer (m/w/d)\r\n")
PLAIN_ERROR = "The request could not be processed"


@pytest.fixture
def staff(app: Flask, client: FlaskClient) -> FlaskClient:
    with app.app_context():
        sign_in(client, make_account("business_development").id)
    return client


def upload(client: FlaskClient, filename: str):  # type: ignore[no-untyped-def]
    page = client.get("/imports/vacancies")
    data = {"csrf_token": csrf_token_from(page.get_data(as_text=True)),
            "file": (io.BytesIO(CSV), filename)}
    return client.post("/imports/vacancies", data=data, content_type="multipart/form-data",
                       headers={"Accept-Language": "en"})


def uploads(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(scoped(select(func.count(ImportUpload.id)), SYSTEM))


@pytest.mark.parametrize("path", [
    "/imports/vacancies/abc%00def", "/imports/vacancies/a%01b/confirm",
    "/fairs%1b", "/r/abc%00", "/no-such-page%00"])
def test_control_characters_in_the_path_are_a_plain_400(staff: FlaskClient, path: str) -> None:
    response = staff.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert PLAIN_ERROR in response.get_data(as_text=True)


def test_a_control_character_in_any_repeated_query_value_is_refused(staff: FlaskClient) -> None:
    assert staff.get("/imports/vacancies?x=1").status_code == 200
    assert staff.get("/imports/vacancies?x=1&x=%00").status_code == 400


def test_an_upload_whose_file_name_has_a_nul_is_refused(app: Flask, staff: FlaskClient) -> None:
    response = upload(staff, "stellen\x00.csv")
    assert response.status_code == 400
    assert PLAIN_ERROR in response.get_data(as_text=True)
    assert upload(staff, "stellen\x1b[31m.csv").status_code == 400
    assert uploads(app) == 0


def test_a_normal_upload_still_works(app: Flask, staff: FlaskClient) -> None:
    response = upload(staff, "Stellen März.csv")
    assert response.status_code == 302
    preview = staff.get(response.headers["Location"], headers={"Accept-Language": "en"})
    assert preview.status_code == 200 and "Stellen März.csv" in preview.get_data(as_text=True)
    assert uploads(app) == 1
