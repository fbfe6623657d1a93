"""Employer and staff screens in a real browser: signed in by the login form, axe per locale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from jobsforyou.extensions import db
from jobsforyou.i18n import LANGUAGE_CODES
from jobsforyou.printing.models import PrintJob, PrintJobKind, PrintJobStatus
from tests.browser.conftest import axe_violations, screenshot
from tests.factories import (
    PASSWORD,
    make_account,
    make_attending,
    make_booth,
    make_booth_request,
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
)

pytestmark = pytest.mark.browser
IMPORT_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "imports" / "bad_dates.csv"


def _staff_world(app: Flask) -> dict[str, Any]:
    """A fair with a booth plan, an attending employer with a vacancy, a pending request, users."""
    with app.app_context():
        fair = make_fair()
        employer = make_employer("Hasetal Logistik GmbH")
        make_attending(fair, employer, booth_number=3)
        make_booth(fair, number=4)
        waiting = make_employer("Wiehengebirge Bau GmbH", town="Ostercappeln")
        request = make_booth_request(fair, waiting)
        vacancy = make_vacancy(employer, "Fachkraft für Lagerlogistik (m/w/d)", occupation_id=None)
        seeker = make_registration(fair, "Мирослава", "Коваленко", interpreter_language="uk",
                                   desired_occupations=("комірник",))
        users = {role: make_account(role).email for role in
                 ("business_development", "organiser", "admin")}
        users["employer"] = make_account("employer", employer_id=employer.id).email
        users["checkin"] = make_account("checkin", fair_id=fair.id).email
        jobs = {status: PrintJob(fair_id=fair.id, kind=PrintJobKind.ROUTE_CARDS, layout="a6",
                                 status=status, done=40, total=80, error="OSError: disk full")
                for status in (PrintJobStatus.RUNNING, PrintJobStatus.FAILED)}
        db.session.add_all(jobs.values())
        db.session.commit()
        return {"fair": fair.id, "employer": employer.id, "vacancy": vacancy.id,
                "seeker": seeker.id, "running_job": jobs[PrintJobStatus.RUNNING].id,
                "failed_job": jobs[PrintJobStatus.FAILED].id,
                "request": request.id, "users": users}


def _pages(world: dict[str, Any]) -> dict[str, list[str]]:
    fair, employer, vacancy = world["fair"], world["employer"], world["vacancy"]
    return {
        "anonymous": ["/login", "/signup", "/password/forgot", f"/fairs/{fair}/vacancies"],
        "employer": ["/employers/mine", f"/employers/{employer}/edit", "/vacancies",
                     "/vacancies/new", f"/vacancies/{vacancy}", f"/vacancies/{vacancy}/edit",
                     f"/vacancies/{vacancy}/candidates", "/account/colleagues",
                     "/employer/booths", f"/employer/fairs/{fair}/booth", "/booth/outcome"],
        "business_development": ["/employers", "/employers/new", "/imports/vacancies",
                                 "/imports/api-tokens"],
        "organiser": ["/organiser/fairs", f"/organiser/fairs/{fair}/booths",
                      f"/organiser/fairs/{fair}/booth-requests",
                      f"/organiser/booth-requests/{world['request']}",
                      "/organiser/fairs/new", f"/organiser/fairs/{fair}",
                      f"/organiser/fairs/{fair}/edit", f"/organiser/fairs/{fair}/registrations",
                      f"/organiser/fairs/{fair}/interpreters",
                      f"/organiser/fairs/{fair}/registrations/{world['seeker']}",
                      f"/fairs/{fair}/check-in", f"/fairs/{fair}/check-in/codes",
                      f"/organiser/fairs/{fair}/outcomes",
                      f"/organiser/fairs/{fair}/outcomes/scan",
                      f"/fairs/{fair}/print/batch",
                      f"/fairs/{fair}/print/batch/{world['running_job']}?refresh=off",
                      f"/fairs/{fair}/print/batch/{world['failed_job']}"],
        "checkin": [f"/fairs/{fair}/check-in", f"/fairs/{fair}/check-in?q=Olena"],
        "admin": ["/admin/users"],
    }


def _sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "/login" not in page.url, f"sign-in failed for {email}"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_staff_and_employer_pages_have_no_accessibility_violations(
    app: Flask, live_server: str, new_page: Any, language: str
) -> None:
    world = _staff_world(app)
    problems: dict[str, Any] = {}
    for role, urls in _pages(world).items():
        page = new_page(language, width=1280, height=900)
        if role != "anonymous":
            _sign_in(page, live_server, world["users"][role])
        if role == "business_development":
            # the import preview, with valid rows and errors (a real upload through the form)
            page.goto(f"{live_server}/imports/vacancies")
            page.set_input_files("#file", str(IMPORT_SAMPLE))
            page.click("main form[enctype] button[type=submit]")
            page.wait_for_load_state()
            urls = [*urls, page.url.removeprefix(live_server)]
        for url in urls:
            response = page.goto(live_server + url)
            assert response is not None and response.status == 200, (role, url, response.status)
            assert page.locator("html").get_attribute("lang") == language, (role, url)
            violations = axe_violations(page)
            if violations:
                problems[f"{role} {url}"] = violations
        if language in ("ar", "de") and role == "employer":
            screenshot(page, f"employer-{language}")
        if language in ("ar", "uk") and role == "organiser":
            page.goto(f"{live_server}/organiser/fairs/{world['fair']}/registrations?q=Miroslava")
            assert "Коваленко" in page.content()  # found across scripts, in a real browser
            screenshot(page, f"organiser-registrations-{language}")
        page.context.close()
    assert problems == {}


def test_check_in_desk_on_a_phone_in_arabic(app: Flask, live_server: str, new_page: Any) -> None:
    """The desk at 390×844 in Arabic: right to left, no sideways scrolling, the field usable."""
    world = _staff_world(app)
    page = new_page("ar", width=390, height=844)
    _sign_in(page, live_server, world["users"]["checkin"])
    assert page.url.endswith(f"/fairs/{world['fair']}/check-in"), page.url
    assert page.locator("html").get_attribute("dir") == "rtl"
    field = page.locator("#code")
    assert field.is_visible() and field.evaluate("element => element === document.activeElement")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
    screenshot(page, "checkin-desk-ar-390")
    page.context.close()
