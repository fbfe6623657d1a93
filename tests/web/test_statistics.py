"""Statistics: figures on a small world, suppression below 5, scope, exports, and figures that
stay the same when every seeker's personal data is deleted."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.outcomes.models import Outcome, OutcomeStatus
from jobsforyou.registration.models import Registration
from jobsforyou.registration.retained import RetainedFigure
from jobsforyou.registration.services import delete_registration
from jobsforyou.retention.policy import RetentionPolicy
from jobsforyou.retention.services import run_retention
from jobsforyou.statistics.figures import figures_for, suppress
from jobsforyou.times import site_zone
from tests.conftest import sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
    municipality,
    system,
)

EN = {"Accept-Language": "en"}


def _today() -> dt.date:
    return dt.datetime.now(site_zone()).date()


def _world(app: Flask) -> dict[str, Any]:
    """A fair in Bramsche held two weeks ago with 11 seekers, one in Melle, and organisers.

    Seekers: all speak Ukrainian, 3 also Russian; 8 have German A2, 3 B1; 6 checked in, 5 did
    not come; 5 asked for a Ukrainian interpreter; all want to work as a cook (ISCO 5120).
    Five talks at one employer: 5 trial days. The employer offers one vacancy as a cook.
    """
    with app.app_context():
        fair = make_fair(title="=HYPERLINK(\"http://x\")", interpreter_languages=["uk", "ar"])
        employer = make_employer("Hasetal Küchen GmbH")
        make_attending(fair, employer, booth_number=3)
        make_vacancy(employer, "Koch (m/w/d)", occupation_id="cook")
        seekers = []
        for number in range(11):
            seekers.append(make_registration(
                fair, "Олена", f"Коваленко{number}", language="uk",
                languages=("uk", "ru") if number < 3 else ("uk",),
                german_level="A2" if number < 8 else "B1",
                desired_occupations=("кухар",),
                interpreter_language="uk" if number < 5 else None,
            ))
        now = dt.datetime.now(dt.UTC)
        for number, seeker in enumerate(seekers):
            if number < 6:
                seeker.checked_in_at = now - dt.timedelta(days=14)
            if number < 5:
                db.session.add(Outcome(fair_id=fair.id, registration_id=seeker.id,
                                       employer_id=employer.id, status=OutcomeStatus.TRIAL_DAY))
        fair.date = _today() - dt.timedelta(days=14)
        other = make_fair(town="Melle", title="#JobsForYou Melle")
        make_registration(other, "Ahmad", "Karimi", language="ar")
        db.session.commit()
        return {
            "fair": fair.id, "other": other.id,
            "organiser_a": make_account("organiser",
                                        municipality_id=municipality("Bramsche").id).id,
            "organiser_b": make_account("organiser", municipality_id=municipality("Melle").id).id,
            "county": make_account("organiser").id,
        }


def _values(app: Flask, fair_id: int) -> dict[str, dict[str, tuple[int | None, ...]]]:
    with app.test_request_context(headers=EN):
        fair = db.session.get(Fair, fair_id)
        return {figure.id: {row.key: row.values for row in figure.rows}
                for figure in figures_for([fair], _today())}


def test_figures_of_a_small_fair_are_counted_and_small_cells_suppressed(app: Flask) -> None:
    world = _world(app)
    values = _values(app, world["fair"])
    assert values["attendance"] == {"registered": (11,), "checked_in": (6,), "no_show": (5,),
                                    "walk_in": (None,)}
    assert values["language"] == {"uk": (11,), "ru": (None,)}  # 3 speak Russian: not shown
    # 3 with B1 are suppressed, and A2 too: 11 registered minus A2 would give B1 away
    assert values["german_level"] == {"A2": (None,), "B1": (None,)}
    assert values["occupations"] == {"5": (11, 1)}  # 11 seekers want, 1 vacancy offers: cook
    assert values["outcomes"] == {"talks": (5,), "interview_planned": (None,),
                                  "trial_day": (5,), "contract_offered": (None,),
                                  "hired": (None,)}
    assert values["interpreters"] == {"uk": (5, 1), "ar": (None, 1)}


def test_secondary_suppression_hides_the_next_smallest_cell_of_a_partition() -> None:
    assert suppress({"a": 10, "b": 7, "c": 2}, partition=True) == {"a": 10, "b": None, "c": None}
    assert suppress({"a": 10, "b": 2, "c": 3}, partition=True) == {"a": 10, "b": None, "c": None}
    assert suppress({"a": 10, "b": 7, "c": 2}) == {"a": 10, "b": 7, "c": None}
    assert suppress({"a": 10, "b": 7}, partition=True) == {"a": 10, "b": 7}


def test_figures_survive_deleting_every_registration_of_the_fair(app: Flask) -> None:
    world = _world(app)
    before = _values(app, world["fair"])
    with app.test_request_context():
        registrations = list(db.session.scalars(system(
            select(Registration).where(Registration.fair_id == world["fair"]))))
        assert len(registrations) == 11
        for registration in registrations:
            delete_registration(registration)
        db.session.commit()
        assert db.session.scalars(system(select(Registration).where(
            Registration.fair_id == world["fair"]))).all() == []
        assert db.session.scalars(system(select(Outcome))).all() == []
        kept = db.session.scalars(select(RetainedFigure)).all()
        assert {(row.figure, row.key, row.count) for row in kept} >= {
            ("attendance", "registered", 11), ("german_level", "B1", 3),
            ("outcome", "trial_day", 5), ("occupation_sought", "5", 11)}
        # nothing in the kept counts could name a person
        assert not [row for row in kept if "Коваленко" in row.key]
    assert _values(app, world["fair"]) == before


def test_deleting_before_the_fair_keeps_nothing(app: Flask) -> None:
    world = _world(app)
    with app.test_request_context():
        registration = db.session.scalars(system(select(Registration).where(
            Registration.fair_id == world["other"]))).one()
        delete_registration(registration)
        db.session.commit()
        assert db.session.scalars(select(RetainedFigure).where(
            RetainedFigure.fair_id == world["other"])).all() == []


def test_the_statistics_page_shows_charts_with_a_table_alternative(app: Flask) -> None:
    world = _world(app)
    client = app.test_client()
    sign_in(client, world["organiser_a"])
    page = client.get(f"/organiser/fairs/{world['fair']}/statistics", headers=EN)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count('role="img"') == 6
    assert '<title id="chart-attendance-title">Registrations and attendance</title>' in html
    assert "Registered: 11; Checked in: 6; Walk-ins registered at the desk: fewer than 5" in html
    assert "<details>" in html and "<caption>German levels</caption>" in html
    assert "Craft and related trades workers" not in html
    assert "Service and sales workers" in html
    assert "Коваленко" not in html and 'direction="rtl"' not in html
    reader = app.test_client()  # a new session: the page language is kept per session
    sign_in(reader, world["organiser_a"])
    arabic = reader.get(f"/organiser/fairs/{world['fair']}/statistics",
                        headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert 'direction="rtl"' in arabic and 'direction="ltr"' in arabic  # mirrored labels


def test_a_town_organiser_sees_none_of_another_towns_fairs(app: Flask) -> None:
    world = _world(app)
    client = app.test_client()
    sign_in(client, world["organiser_b"])
    overview = client.get("/organiser/statistics", headers=EN).get_data(as_text=True)
    assert "HYPERLINK" not in overview and "#JobsForYou Melle" in overview
    assert client.get(f"/organiser/fairs/{world['fair']}/statistics").status_code == 404
    assert client.get(f"/organiser/fairs/{world['fair']}/statistics.csv").status_code == 404
    bramsche = municipality_id(app, "Bramsche")
    assert client.get(f"/organiser/statistics?municipality={bramsche}").status_code == 404
    exported = client.get("/organiser/statistics/figures.csv", headers=EN).get_data(as_text=True)
    assert "HYPERLINK" not in exported and "#JobsForYou Melle" in exported
    county = app.test_client()
    sign_in(county, world["county"])
    both = county.get("/organiser/statistics", headers=EN).get_data(as_text=True)
    assert "HYPERLINK" in both and "#JobsForYou Melle" in both
    one_town = county.get(f"/organiser/statistics?municipality={bramsche}",
                          headers=EN).get_data(as_text=True)
    assert "HYPERLINK" in one_town and "#JobsForYou Melle" not in one_town


def municipality_id(app: Flask, name: str) -> int:
    with app.app_context():
        return municipality(name).id


def test_exports_are_suppressed_and_formula_safe(app: Flask) -> None:
    world = _world(app)
    client = app.test_client()
    sign_in(client, world["organiser_a"])
    response = client.get(f"/organiser/fairs/{world['fair']}/statistics.csv", headers=EN)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Fair", "Date", "Municipality", "Figure", "Category", "Series", "Number"]
    assert all(row[0].startswith("'=HYPERLINK") for row in rows[1:])
    by_key = {(row[3], row[4], row[5]): row[6] for row in rows[1:]}
    assert by_key[("German levels", "B1", "People")] == "fewer than 5"
    assert by_key[("Languages spoken", "Russian", "People")] == "fewer than 5"
    assert by_key[("Registrations and attendance", "Registered", "People")] == "11"
    numbers = {int(value) for value in by_key.values() if value.isdigit()}
    assert not numbers & {2, 3, 4} and numbers <= {1, 5, 6, 11}  # 1: vacancies and fairs
    workbook = load_workbook(io.BytesIO(client.get(
        f"/organiser/fairs/{world['fair']}/statistics.xlsx", headers=EN).get_data()))
    cells = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert cells[1][0].startswith("'=") and ["fewer than 5"] == [
        row[6] for row in cells if row[3] == "German levels" and row[4] == "B1"]
    overview = client.get("/organiser/statistics/figures.csv", headers=EN)
    text = overview.get_data().decode("utf-8-sig")
    assert "All fairs in this selection" in text and "'=HYPERLINK" in text


def test_figures_survive_the_retention_purge(app: Flask) -> None:
    world = _world(app)
    before = _values(app, world["fair"])
    policy = RetentionPolicy(days=1, kept_profile_days=2, reminder_days=1)
    with app.test_request_context():
        later = _today() + dt.timedelta(days=400)  # past every period, kept profiles too
        report = run_retention(later, policy, dt.datetime.now(dt.UTC))
        assert world["fair"] in report.fairs and report.deleted + report.deleted_kept >= 11
        db.session.commit()
    assert _values(app, world["fair"]) == before
