"""The public pages in a real browser: a phone registration in Arabic, and axe in every locale."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.i18n import LANGUAGE_CODES
from jobsforyou.registration.models import Registration, RegistrationStatus
from tests.browser.conftest import axe_violations, screenshot
from tests.conftest import post_form
from tests.factories import make_fair, registration_form_data, system

pytestmark = pytest.mark.browser


def test_register_in_arabic_on_a_phone(app: Flask, live_server: str, new_page: Any) -> None:
    with app.app_context():
        fair_id = make_fair(title="#JobsForYou Bramsche").id
    page = new_page("ar", width=360, height=740)
    page.goto(f"{live_server}/fairs/{fair_id}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.click(f"a[href='/fairs/{fair_id}/register']")
    page.wait_for_url(f"**/fairs/{fair_id}/register")

    # first attempt without consent: the error summary appears, entries are kept
    page.fill("#given_name", "محمد")
    page.fill("#family_name", "الأحمد")
    page.fill("#phone", "0176 9876543")
    page.select_option("#german_level", "A2")
    page.fill("#desired_occupations-0", "حلاق")
    page.click("main button[type=submit]")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.locator("a[href='#consent_processing']").count() == 1
    assert page.input_value("#given_name") == "محمد"
    assert page.input_value("#desired_occupations-0") == "حلاق"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "register-ar-360-errors")

    page.fill("#postcode", "49565")
    page.check("#consent_processing")
    page.click("main button[type=submit]")
    page.wait_for_url("**/r/**")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("img.qr").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "register-ar-360-personal")
    with app.app_context():
        registration = db.session.scalars(system(select(Registration))).one()
        assert registration.status == RegistrationStatus.CONFIRMED
        assert registration.language == "ar"
        assert registration.desired_occupations == ["حلاق"]


def test_keyboard_reaches_skip_link_first(live_server: str, new_page: Any) -> None:
    page = new_page("de")
    page.goto(f"{live_server}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_public_pages_have_no_accessibility_violations(
    app: Flask, live_server: str, new_page: Any, language: str
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    personal = post_form(
        app.test_client(),
        f"/fairs/{fair_id}/register",
        registration_form_data(),
        headers={"Accept-Language": language},
    ).headers["Location"]
    urls = [
        "/",
        f"/fairs/{fair_id}",
        f"/fairs/{fair_id}/register",
        f"/fairs/{fair_id}/lost-link",
        "/privacy",
        personal,
        f"{personal}/edit",
        f"{personal}/ticket",
        f"{personal}/consents",
        f"{personal}/delete",
        "/no-such-page",
    ]
    page = new_page(language, width=390, height=844)
    problems = {}
    for url in urls:
        page.goto(live_server + url)
        violations = axe_violations(page)
        if violations:
            problems[url] = violations
    # the registration form with errors (error summary, aria-invalid fields)
    page.goto(f"{live_server}/fairs/{fair_id}/register")
    page.click("main button[type=submit]")
    page.wait_for_selector(".error-summary")
    violations = axe_violations(page)
    if violations:
        problems["register (with errors)"] = violations
    if language in ("ar", "de"):
        screenshot(page, f"register-errors-{language}")
    assert problems == {}
