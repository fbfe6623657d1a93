"""Employers and business-development staff manage vacancies; seekers see them per fair."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.vacancies.models import Vacancy, VacancyStatus
from tests.conftest import csrf_token_from, post_form, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_vacancy,
    municipality,
)

VACANCY_FORM = {
    "title": "Koch/Köchin (m/w/d)", "occupation": "", "description": "Frische Küche.",
    "required_skills": "HACCP\nAbschmecken, Mise en place", "optional_skills": "",
    "german_level_min": "A2", "languages_helpful": ["uk", "ar"], "municipality": "0",
    "postcode": "49565", "employment_type": "part_time", "hours": "Mo–Fr 10–15 Uhr",
    "start_date": "2027-02-01", "openings": "2", "driving_licences_required": ["B"],
    "career_changers_welcome": "y", "status": "open",
}


def vacancy_rows() -> list[Vacancy]:
    return list(db.session.scalars(scoped(select(Vacancy).order_by(Vacancy.id), SYSTEM)))


def test_employer_enters_a_vacancy_and_chooses_the_suggested_occupation(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        user_id = make_account(employer_id=make_employer().id).id
    sign_in(client, user_id)
    created = post_form(client, "/vacancies/new", VACANCY_FORM)
    assert created.status_code == 302
    edit_url = created.headers["Location"]
    assert edit_url.endswith("/edit")  # no occupation chosen yet: the form offers suggestions
    form = client.get(edit_url).get_data(as_text=True)
    selected = re.search(r'<option selected value="([^"]+)">([^<]+)</option>', form)
    assert selected and selected.group(1) == "cook" and "KldB 29302" in selected.group(2)
    saved = post_form(client, edit_url, {**VACANCY_FORM, "occupation": "cook"})
    assert saved.status_code == 302
    with app.app_context():
        [vacancy] = vacancy_rows()
        assert vacancy.occupation_id == "cook"
        assert vacancy.required_skills == ["HACCP", "Abschmecken", "Mise en place"]
        assert vacancy.languages_helpful == ["uk", "ar"]
        assert vacancy.employment_type == "part_time" and vacancy.openings == 2
        assert vacancy.status == VacancyStatus.OPEN and vacancy.career_changers_welcome
        vacancy_id = vacancy.id
    detail = client.get(f"/vacancies/{vacancy_id}").get_data(as_text=True)
    assert 'lang="de" dir="ltr">Koch/Köchin (m/w/d)' in detail and "29302" in detail
    closed = client.post(f"/vacancies/{vacancy_id}/status",
                         data={"csrf_token": csrf_token_from(detail), "status": "closed"})
    assert closed.status_code == 302
    with app.app_context():
        assert vacancy_rows()[0].status == VacancyStatus.CLOSED


def test_invalid_vacancy_keeps_the_entries(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        user_id = make_account(employer_id=make_employer().id).id
    sign_in(client, user_id)
    page = post_form(client, "/vacancies/new", {**VACANCY_FORM, "title": "", "openings": "0"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'href="#title"' in html and 'href="#openings"' in html
    assert "Frische Küche." in html


def test_business_development_manages_the_county(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        staff_id = make_account("business_development").id
        employer_id = make_employer("Hasetal Pflege gGmbH").id
        quakenbrueck = municipality("Quakenbrück").id
    sign_in(client, staff_id)
    assert "Hasetal Pflege" in client.get("/employers?q=hasetal").get_data(as_text=True)
    assert "Hasetal Pflege" not in client.get("/employers?q=logistik").get_data(as_text=True)
    new = post_form(client, "/employers/new", {
        "name": "Artland Backwaren KG", "postcode": "49610",
        "municipality": str(quakenbrueck), "sector": "Bäckerei",
        "size": "50-249", "website": "https://backwaren.example", "booth_languages": ["de", "ru"],
    })
    assert new.status_code == 302
    edited = post_form(client, f"/employers/{employer_id}/edit",
                       {"name": "Hasetal Pflege gGmbH", "contact_name": "Herr Kruse", "size": ""})
    assert edited.status_code == 302
    created = post_form(client, f"/vacancies/new?employer={employer_id}",
                        {**VACANCY_FORM, "employer": str(employer_id), "occupation": "cook"})
    assert created.status_code == 302 and not created.headers["Location"].endswith("/edit")
    missing = post_form(client, "/vacancies/new", {**VACANCY_FORM, "employer": "0"})
    assert 'href="#employer"' in missing.get_data(as_text=True)
    with app.app_context():
        [vacancy] = vacancy_rows()
        assert vacancy.employer_id == employer_id
        assert vacancy.employer.contact_name == "Herr Kruse"


def test_employer_edits_own_profile(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        employer_id = make_employer().id
        user_id = make_account(employer_id=employer_id).id
    sign_in(client, user_id)
    assert client.get("/employers/mine").headers["Location"] == f"/employers/{employer_id}"
    bad = post_form(client, f"/employers/{employer_id}/edit",
                    {"name": "Muster", "postcode": "123", "website": "kein link"})
    assert 'href="#postcode"' in bad.get_data(as_text=True)
    post_form(client, f"/employers/{employer_id}/edit",
              {"name": "Muster Metallbau GmbH & Co. KG", "booth_languages": ["tr", "ar"]})
    page = client.get(f"/employers/{employer_id}", headers={"Accept-Language": "en"})
    html = page.get_data(as_text=True)
    assert "Muster Metallbau GmbH &amp; Co. KG" in html and "Turkish" in html
    assert client.get("/employers").status_code == 403  # the county list is for staff


def test_occupation_api_suggests_in_the_readers_language(client: FlaskClient) -> None:
    data = client.get("/api/occupations?q=Koch&lang=uk").get_json()
    first = data["suggestions"][0]
    assert set(first) == {"id", "label", "code"}
    assert any(s["id"] == "cook" and s["label"] == "кухар" and s["code"] == "29302"
               for s in data["suggestions"])
    assert client.get("/api/occupations?q=K").get_json() == {"suggestions": []}


def test_fair_page_lists_open_vacancies_of_attending_employers(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        fair_id = make_fair().id
        there = make_employer("Dabei GmbH")
        away = make_employer("Nicht dabei GmbH")
        make_vacancy(there, title="Koch (m/w/d)", occupation_id="cook")
        make_vacancy(there, title="Entwurf Stelle", status=VacancyStatus.DRAFT)
        make_vacancy(away, title="Andere Stelle")
        make_attending(db.session.get(Fair, fair_id), there)  # an approved booth
    empty = client.get(f"/fairs/{fair_id}/vacancies").get_data(as_text=True)
    assert "Koch (m/w/d)" in empty  # employer attends
    html = client.get(f"/fairs/{fair_id}/vacancies", headers={"Accept-Language": "uk"}).get_data(
        as_text=True)
    assert '<summary><span lang="de" dir="ltr">Koch (m/w/d)</span>' in html
    assert "кухар" in html  # the occupation in the reader's language
    assert "Entwurf Stelle" not in html and "Andere Stelle" not in html
    fair_page = client.get(f"/fairs/{fair_id}").get_data(as_text=True)
    assert f"/fairs/{fair_id}/vacancies" in fair_page
    assert client.get("/fairs/999999/vacancies").status_code == 404


def test_huge_employer_id_in_the_query_finds_nothing(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        employer = make_employer()
        make_vacancy(employer, title="Lagerist (m/w/d)")
        sign_in(client, make_account("business_development").id)
    assert "Lagerist" in client.get("/vacancies").get_data(as_text=True)
    for value in ("99999999999999999999", "2147483648", "-99999999999999999999"):
        response = client.get(f"/vacancies?employer={value}")
        assert response.status_code == 200, value
        assert "Lagerist" not in response.get_data(as_text=True), value
    assert client.get("/vacancies/new?employer=99999999999999999999").status_code == 200
