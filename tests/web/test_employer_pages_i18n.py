"""Every account, employer and vacancy page renders in every locale with the right lang and dir."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from flask import Flask

from jobsforyou.accounts import services
from jobsforyou.accounts.models import Role
from jobsforyou.extensions import db
from jobsforyou.i18n import LANGUAGES
from tests.conftest import sign_in
from tests.factories import make_account, make_employer, make_fair, make_vacancy

HTML_TAG = re.compile(r"<html[^>]*>")


def pages(app: Flask, language: str) -> dict[str, list[str]]:
    """URLs per kind of visitor: anonymous, employer user, business development, admin."""
    now = dt.datetime.now(dt.UTC)
    with app.app_context():
        fair_id = make_fair().id
        employer = make_employer()
        vacancy_id = make_vacancy(employer).id
        make_vacancy(employer, title="Ohne Beruf", occupation_id=None)
        users = {
            "employer": make_account(employer_id=employer.id, email="boss@example.org").id,
            "business_development": make_account("business_development").id,
            "admin": make_account("admin").id,
        }
        _user, reset = services.request_password_reset("boss@example.org", now)  # type: ignore[misc]
        _invited, invitation = services.invite_user("neu@example.org", Role.EMPLOYER, "Neu",
                                                    language, now, employer_id=employer.id)
        db.session.commit()
        employer_id = employer.id
    return {
        "anonymous": ["/login", "/signup", "/password/forgot", f"/password/reset/{reset}",
                      f"/invitation/{invitation}", f"/fairs/{fair_id}/vacancies"],
        "employer": ["/vacancies", "/vacancies/new", f"/vacancies/{vacancy_id}",
                     f"/vacancies/{vacancy_id}/edit", f"/vacancies/{vacancy_id + 1}/edit",
                     f"/employers/{employer_id}", f"/employers/{employer_id}/edit",
                     "/account/colleagues"],
        "business_development": ["/employers", "/employers/new", "/vacancies/new",
                                 f"/vacancies?employer={employer_id}"],
        "admin": ["/admin/users"],
        "ids": [str(users["employer"]), str(users["business_development"]), str(users["admin"])],
    }


@pytest.mark.parametrize("language", [language.code for language in LANGUAGES])
def test_every_new_page_renders_in_every_locale(app: Flask, language: str) -> None:
    expected = next(lang for lang in LANGUAGES if lang.code == language)
    urls = pages(app, language)
    kinds = ("employer", "business_development", "admin")
    user_ids = dict(zip(kinds, urls.pop("ids"), strict=True))
    for kind, kind_urls in urls.items():
        visitor = app.test_client()
        if kind != "anonymous":
            sign_in(visitor, int(user_ids[kind]))
        for url in kind_urls:
            response = visitor.get(url, headers={"Accept-Language": language})
            assert response.status_code == 200, (kind, url, response.status_code)
            html = response.get_data(as_text=True)
            tag = HTML_TAG.search(html)
            assert tag and tag.group(0) == (
                f'<html lang="{language}" dir="{expected.direction}">'
            ), (kind, url)
