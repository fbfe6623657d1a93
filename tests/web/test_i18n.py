"""Locale selection, the switcher, and every public page in every shipped language."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobsforyou.i18n import LANGUAGES
from tests.conftest import post_form
from tests.factories import make_fair, registration_form_data

RTL = {"ar", "fa"}


def html_tag(html: str) -> str:
    match = re.search(r"<html[^>]*>", html)
    assert match
    return match.group(0)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("uk-UA,uk;q=0.9,en;q=0.5", "uk"),
        ("prs", "fa"),
        ("fa-AF,fa;q=0.8", "fa"),
        ("kmr", "ku"),
        ("sv,no;q=0.8", "de"),
        ("ar-SY,ar;q=0.9", "ar"),
        ("fr;q=0.9,tr;q=0.8", "tr"),
        ("", "de"),
    ],
)
def test_accept_language_picks_a_shipped_locale(
    client: FlaskClient, accept: str, expected: str
) -> None:
    html = client.get("/", headers={"Accept-Language": accept}).get_data(as_text=True)
    direction = "rtl" if expected in RTL else "ltr"
    assert html_tag(html) == f'<html lang="{expected}" dir="{direction}">'


def test_explicit_choice_beats_accept_language_and_returns(client: FlaskClient) -> None:
    page = client.get("/privacy", headers={"Accept-Language": "uk"}).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    switched = client.post(
        "/language",
        data={"csrf_token": token, "lang": "ar", "next": "/privacy"},
        headers={"Accept-Language": "uk"},
    )
    assert switched.status_code == 302
    assert switched.headers["Location"] == "/privacy"
    html = client.get("/privacy", headers={"Accept-Language": "uk"}).get_data(as_text=True)
    assert html_tag(html) == '<html lang="ar" dir="rtl">'


def test_switcher_refuses_foreign_redirects(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    response = client.post(
        "/language", data={"csrf_token": token, "lang": "tr", "next": "https://evil.example/"}
    )
    assert response.headers["Location"] == "/"


def test_switcher_names_each_language_in_itself(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    for language in LANGUAGES:
        assert f'lang="{language.code}"' in html
        assert language.native_name in html


def test_registration_remembers_the_seekers_language(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    url = post_form(
        client,
        f"/fairs/{fair_id}/register",
        registration_form_data(),
        headers={"Accept-Language": "fa"},
    ).headers["Location"]
    other_device = app.test_client()
    html = other_device.get(url, headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert html_tag(html) == '<html lang="fa" dir="rtl">'


def public_urls(app: Flask, client: FlaskClient, language: str) -> list[str]:
    """The public pages, with a registration made in the given language (its pages follow it)."""
    with app.app_context():
        fair_id = make_fair().id
    personal = post_form(
        client,
        f"/fairs/{fair_id}/register",
        registration_form_data(),
        headers={"Accept-Language": language},
    ).headers["Location"]
    return [
        "/",
        f"/fairs/{fair_id}",
        f"/fairs/{fair_id}/register",
        "/privacy",
        personal,
        personal + "/edit",
        personal + "/ticket",
        personal + "/consents",
        personal + "/delete",
        "/no-such-page",
    ]


@pytest.mark.parametrize("language", [language.code for language in LANGUAGES])
def test_every_public_page_renders_in_every_locale(
    app: Flask, client: FlaskClient, language: str
) -> None:
    urls = public_urls(app, client, language)
    direction = "rtl" if language in RTL else "ltr"
    for url in urls:
        with client.session_transaction() as session:
            session.pop("lang", None)
        response = client.get(url, headers={"Accept-Language": language})
        assert response.status_code == (404 if url == "/no-such-page" else 200), url
        html = response.get_data(as_text=True)
        assert html_tag(html) == f'<html lang="{language}" dir="{direction}">', url


def test_german_dates_and_arabic_dates_come_from_babel(app: Flask, client: FlaskClient) -> None:
    import datetime as dt

    with app.app_context():
        fair_id = make_fair(date=dt.date(2027, 3, 4)).id
    german = client.get(f"/fairs/{fair_id}", headers={"Accept-Language": "de"}).get_data(
        as_text=True
    )
    assert "Donnerstag, 4. März 2027" in german
    ukrainian = client.get(f"/fairs/{fair_id}", headers={"Accept-Language": "uk"}).get_data(
        as_text=True
    )
    assert "4 березня 2027" in ukrainian


def test_form_macros_are_translated(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    page = post_form(client, f"/fairs/{fair_id}/register", {}, headers={"Accept-Language": "de"})
    html = page.get_data(as_text=True)
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert "(Pflichtfeld)" in html
    assert "Please check your entries" not in html


def test_control_characters_are_refused_without_an_error_page(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    for bad in ("Lager\x07helfer", "a\x00b", "x\x1bz"):
        response = post_form(client, f"/fairs/{fair_id}/register",
                             registration_form_data(given_name=bad))
        assert response.status_code == 400
    fine = post_form(client, f"/fairs/{fair_id}/register",
                     registration_form_data(skills="Stapler\r\nKasse\tHACCP"))
    assert fine.status_code == 302


def test_the_page_after_deleting_through_the_link_keeps_the_language(app: Flask) -> None:
    with app.app_context():
        fair_id = make_fair().id
    registering = app.test_client()
    personal = post_form(registering, f"/fairs/{fair_id}/register", registration_form_data(),
                         headers={"Accept-Language": "uk"}).headers["Location"]
    later = app.test_client()  # another browser, German by default: the link speaks Ukrainian
    deleted = post_form(later, personal + "/delete", {"confirm": "y"})
    assert deleted.status_code == 302
    landing = later.get(deleted.headers["Location"]).get_data(as_text=True)
    assert '<html lang="uk"' in landing
