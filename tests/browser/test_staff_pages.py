"""Employer and staff screens in a real browser: signed in by the login form, axe per locale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from jobsforyou.extensions import db
from jobsforyou.i18n import LANGUAGE_CODES
from jobsforyou.printing.models import (
    Decision,
    MatchDecision,
    PrintJob,
    PrintJobKind,
    PrintJobStatus,
)
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
    municipality,
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
        removed = make_registration(fair, "Samir", "Haddad", language="ar",
                                    desired_occupations=("Lagerist",))
        # the organisers' decisions: one pair pinned, one removed (buttons, notes, restore)
        db.session.add_all([
            MatchDecision(fair_id=fair.id, employer_id=employer.id, registration_id=seeker.id,
                          decision=Decision.PINNED),
            MatchDecision(fair_id=fair.id, employer_id=employer.id, registration_id=removed.id,
                          decision=Decision.REMOVED),
        ])
        db.session.commit()
        held = _held_fair_with_figures()
        talk = _talk(fair, employer, seeker)
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
                "seeker": seeker.id, "held": held, "talk": talk,
                "melle": municipality("Melle").id,
                "running_job": jobs[PrintJobStatus.RUNNING].id,
                "failed_job": jobs[PrintJobStatus.FAILED].id,
                "request": request.id, "users": users}


def _held_fair_with_figures() -> int:
    """A fair in Melle held last week: 6 seekers came (Arabic, Ukrainian), 2 did not."""
    fair = make_fair(town="Melle", title="#JobsForYou Melle", interpreter_languages=["ar"])
    for number in range(8):
        make_registration(fair, "Ahmad", f"Karimi{number}", language="ar",
                          languages=("ar", "uk") if number < 5 else ("ar",),
                          german_level="A2" if number < 6 else "B1",
                          desired_occupations=("طباخ",), interpreter_language="ar",
                          checked_in_at=dt.datetime.now(dt.UTC) if number < 6 else None)
    fair.date = dt.date.today() - dt.timedelta(days=7)
    db.session.commit()
    return fair.id


def _talk(fair: Any, employer: Any, seeker: Any) -> int:
    """Talk slots at the fair (10 minutes, a break) and one planned talk; its id."""
    import datetime as dt

    from jobsforyou.extensions import db
    from jobsforyou.talks.allocation import Break, SlotPlan, TalkWish
    from jobsforyou.talks.services import plan_talks, save_schedule

    save_schedule(fair, SlotPlan(10, dt.time(10, 0), dt.time(12, 0),
                                 (Break(dt.time(11, 0), dt.time(11, 15)),)))
    (talk,) = plan_talks(fair, [TalkWish(seeker.id, employer.id, 0.8)])
    db.session.commit()
    return int(talk.id)


def _pages(world: dict[str, Any], language: str) -> dict[str, list[str]]:
    fair, employer, vacancy = world["fair"], world["employer"], world["vacancy"]
    return {
        "anonymous": ["/login", "/signup", "/password/forgot", f"/fairs/{fair}/vacancies"],
        "employer": ["/employers/mine", f"/employers/{employer}/edit", "/vacancies",
                     "/vacancies/new", f"/vacancies/{vacancy}", f"/vacancies/{vacancy}/edit",
                     f"/vacancies/{vacancy}/candidates", "/account/colleagues",
                     "/employer/booths", f"/employer/fairs/{fair}/booth", "/booth/outcome",
                     f"/employer/fairs/{fair}/candidates"],
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
                      f"/organiser/fairs/{fair}/outcomes/scan", f"/fairs/{fair}/matches",
                      f"/organiser/fairs/{world['held']}/statistics", "/organiser/statistics",
                      f"/organiser/statistics?municipality={world['melle']}",
                      f"/organiser/fairs/{fair}/follow-up",
                      f"/organiser/fairs/{fair}/invite-visitors",
                      f"/fairs/{fair}/talks", f"/fairs/{fair}/talks/{world['talk']}/move",
                      f"/fairs/{fair}/print/batch",
                      f"/fairs/{fair}/print/batch/{world['running_job']}?refresh=off",
                      f"/fairs/{fair}/print/batch/{world['failed_job']}"],
        # the walk-in form is in the visitor's language (here: the page's locale)
        "checkin": [f"/fairs/{fair}/check-in", f"/fairs/{fair}/check-in?q=Olena",
                    f"/fairs/{fair}/check-in/walk-in",
                    f"/fairs/{fair}/check-in/walk-in/{language}"],
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
    for role, urls in _pages(world, language).items():
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
        if language in ("ar", "de") and role == "organiser":
            page.goto(f"{live_server}/organiser/fairs/{world['held']}/statistics")
            screenshot(page, f"statistics-{language}")
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


def test_walk_in_on_a_tablet_in_arabic(app: Flask, live_server: str, new_page: Any) -> None:
    """A German-speaking helper registers an Arabic-speaking visitor on a tablet (820×1180):
    the form right to left in Arabic, the consent required, then the ticket at once."""
    world = _staff_world(app)
    page = new_page("de", width=820, height=1180)
    _sign_in(page, live_server, world["users"]["checkin"])
    page.click("#walk-in-start")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "de"
    page.click("main a[lang=ar]")
    page.wait_for_load_state()
    assert page.url.endswith(f"/fairs/{world['fair']}/check-in/walk-in/ar"), page.url
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator(".staff-note").get_attribute("lang") == "de"  # the helper's links
    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    assert axe_violations(page) == []

    page.fill("#given_name", "أحمد")
    page.fill("#family_name", "حداد")
    page.fill("#phone", "0151 2345678")
    page.fill("#postcode", "49565")
    page.select_option("#german_level", "A1")
    page.click("#walk-in-form button[type=submit]")
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "لا يمكننا تسجيلك بدون هذه الموافقة." in summary.inner_text()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []

    page.check("#consent_processing")
    page.click("#walk-in-form button[type=submit]")
    page.wait_for_load_state()
    code = page.locator("#walk-in-ticket-code").inner_text()
    assert len(code) == 10
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("img.qr").is_visible()
    assert page.locator("#walk-in-route-card").get_attribute("href").endswith("/route-card.pdf")
    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    assert axe_violations(page) == []
    screenshot(page, "walk-in-ticket-ar-820")
    page.click(".staff-note a.button")  # the next visitor: back to the language choice
    page.wait_for_load_state()
    assert page.url.endswith(f"/fairs/{world['fair']}/check-in/walk-in"), page.url
    assert page.locator("html").get_attribute("lang") == "de"
    page.context.close()
