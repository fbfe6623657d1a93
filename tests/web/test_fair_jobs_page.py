"""A fair's jobs for visitors: grouped by employer with the booth, filtered by occupation."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.factories import make_attending, make_employer, make_fair, make_vacancy


def world(app: Flask) -> int:
    with app.app_context():
        fair = make_fair()
        hotel = make_employer("Hotel Haus Ravensberg", town="Bad Iburg")
        metal = make_employer("Teuto Metallbau KG", town="Georgsmarienhütte")
        make_attending(fair, hotel, booth_number=7)
        make_attending(fair, metal, booth_number=12)
        make_vacancy(hotel, "Koch/Köchin (m/w/d)")
        make_vacancy(hotel, "Beikoch (m/w/d)", employment_type="part_time")
        make_vacancy(metal, "Schweißer MAG (m/w/d)")
        return int(fair.id)


def test_jobs_are_grouped_by_employer_with_the_booth(app: Flask, client: FlaskClient) -> None:
    fair_id = world(app)
    html = client.get(f"/fairs/{fair_id}/vacancies",
                      headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "3 jobs" in html
    hotel, metal = html.index("Hotel Haus Ravensberg"), html.index("Teuto Metallbau KG")
    assert hotel < html.index("Beikoch") < html.index("Koch/Köchin") < metal
    assert "Booth 7" in html[hotel:metal] and "Booth 12" in html[metal:]
    assert html.count("<details") == 3  # compact: one line per job until opened


def test_jobs_are_filtered_by_kind_of_employment(app: Flask, client: FlaskClient) -> None:
    fair_id = world(app)
    html = client.get(f"/fairs/{fair_id}/vacancies", query_string={"kind": "part_time"},
                      headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "1 of 3 jobs" in html and "Beikoch" in html and "Schweißer" not in html
    unknown = client.get(f"/fairs/{fair_id}/vacancies", query_string={"kind": "<b>x</b>"},
                         headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "3 jobs" in unknown and "<b>x</b>" not in unknown
