"""Configuration, commands, headers, rate limits and error pages."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from jobsforyou import ConfigurationError, create_app
from jobsforyou.extensions import db
from jobsforyou.i18n import LANGUAGE_CODES
from jobsforyou.models import Employer, Fair, Municipality, Registration, User, Vacancy
from jobsforyou.scoping import SYSTEM, scoped
from tests.conftest import post_form
from tests.factories import make_fair, registration_form_data, system


def test_production_without_secret_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBSFORYOU_SECRET_KEY", raising=False)
    monkeypatch.delenv("JOBSFORYOU_ENV_NAME", raising=False)
    with pytest.raises(ConfigurationError, match="JOBSFORYOU_SECRET_KEY"):
        create_app({"ENV_NAME": "production", "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_without_public_address_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", "from-the-environment-0123456789abcdef")
    with pytest.raises(ConfigurationError, match="PUBLIC_BASE_URL"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_development_gets_a_random_key_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBSFORYOU_SECRET_KEY", raising=False)
    first = create_app({"ENV_NAME": "development", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    second = create_app({"ENV_NAME": "development", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert len(first.config["SECRET_KEY"]) == 64
    assert first.config["SECRET_KEY"] != second.config["SECRET_KEY"]


def test_environment_variables_override_the_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBSFORYOU_RETENTION_DAYS", "30")
    monkeypatch.setenv("JOBSFORYOU_SECRET_KEY", "from-the-environment-0123456789abcdef")
    monkeypatch.setenv("JOBSFORYOU_PUBLIC_BASE_URL", "https://jobs.example.org")
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["RETENTION_DAYS"] == 30
    assert app.config["SECRET_KEY"] == "from-the-environment-0123456789abcdef"


def test_security_headers(client: FlaskClient) -> None:
    response = client.get("/")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_demo_command_seeds_realistic_data_once(app: Flask) -> None:
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "--i-know-this-is-not-production"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["demo", "--i-know-this-is-not-production"])
    assert second.exit_code == 0, second.output
    with app.app_context():
        count = lambda model: db.session.scalar(  # noqa: E731
            scoped(select(func.count(model.id)).select_from(model), SYSTEM)
        )
        assert count(Fair) == 5  # 3 to come, 2 held (with figures for the statistics)
        assert count(Employer) == 20
        assert count(Vacancy) == 60
        assert count(Registration) == 300 + 160 + 90 - 25  # 25 of a held fair deleted
        assert (
            db.session.scalar(select(func.count(Municipality.id)).where(Municipality.in_region))
            == 34
        )
        languages = set(db.session.scalars(system(select(Registration.language))))
        assert languages == set(LANGUAGE_CODES)
        titles = list(db.session.scalars(scoped(select(Vacancy.title), SYSTEM)))
        assert sum("(m/w/d)" in title for title in titles) >= 30
        assert len({f.municipality_id for f in db.session.scalars(select(Fair))}) == 5
        assert db.session.scalar(select(func.count(User.id))) == 0  # no default account
        from jobsforyou.demo.people import FEMININE_GIVEN_NAMES

        russian = list(db.session.execute(system(select(
            Registration.given_name, Registration.family_name).where(
            Registration.language == "ru"))))
        assert russian
        for given, family in russian:  # Ирина Иванова, Алексей Иванов: forms that match
            assert family.endswith("а") == (given in FEMININE_GIVEN_NAMES["ru"]), (given, family)


def test_create_admin_command(app: Flask) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-admin", "--email", "Admin@Example.org"],
        input="a long enough passphrase\na long enough passphrase\n",
    )
    assert result.exit_code == 0, result.output
    weak = runner.invoke(
        args=["create-admin", "--email", "other@example.org"], input="short\nshort\n"
    )
    assert weak.exit_code != 0
    with app.app_context():
        [admin] = db.session.scalars(select(User)).all()
        assert admin.email == "admin@example.org"
        assert admin.role.value == "admin"
        assert admin.password_hash.startswith("$argon2id$")


def test_registration_is_rate_limited_with_a_translated_page(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "REGISTRATION_RATE_LIMIT", "5 per hour")  # per address
    with app.app_context():
        fair_id = make_fair().id
    limit = 5
    url = f"/fairs/{fair_id}/register"
    responses = [
        post_form(
            client,
            url,
            registration_form_data(phone=f"0176 99{i:05d}"),
            headers={"Accept-Language": "tr"},
        )
        for i in range(limit + 1)
    ]
    assert [r.status_code for r in responses[:limit]] == [302] * limit
    refused = responses[limit]
    assert refused.status_code == 429
    assert '<html lang="tr"' in refused.get_data(as_text=True)


def test_closed_registration_is_explained(app: Flask, client: FlaskClient) -> None:
    import datetime as dt

    with app.app_context():
        fair_id = make_fair(registration_closes=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).id
    page = client.get(f"/fairs/{fair_id}/register", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "check-in desk" in page.get_data(as_text=True)


def test_draft_fair_is_not_public(app: Flask, client: FlaskClient) -> None:
    from jobsforyou.fairs.models import FairStatus

    with app.app_context():
        fair_id = make_fair(status=FairStatus.DRAFT).id
    assert client.get(f"/fairs/{fair_id}").status_code == 404
    assert client.get(f"/fairs/{fair_id}/register").status_code == 404
    assert f"/fairs/{fair_id}" not in client.get("/").get_data(as_text=True)


def test_filter_by_municipality(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        make_fair(title="Messe Melle", town="Melle")
        make_fair(title="Messe Bramsche", town="Bramsche")
        melle = db.session.scalar(select(Municipality.id).where(Municipality.name == "Melle"))
    html = client.get(f"/?municipality={melle}").get_data(as_text=True)
    assert "Messe Melle" in html and "Messe Bramsche" not in html
    everything = client.get("/?municipality=not-a-number").get_data(as_text=True)
    assert "Messe Melle" in everything and "Messe Bramsche" in everything
