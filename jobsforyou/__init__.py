"""JobsForYou: the Flask application for multilingual job fairs."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from jobsforyou import audit, background, dev_outbox, log_redaction, request_guards, sms
from jobsforyou.accounts import session_limits

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigurationError(RuntimeError):
    """Raised at start-up when the configuration is unusable (e.g. no secret key in production)."""


def create_app(config_overrides: dict[str, Any] | None = None) -> Flask:
    """Build the application: configuration, extensions, blueprints, error pages, commands."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    log_redaction.install()  # before anything can log a personal link
    load_configuration(app, config_overrides)
    sms.init_app(app)
    require_compiled_catalogs(app)
    trust_proxies(app)
    register_extensions(app)
    request_guards.register(app)
    register_blueprints(app)
    dev_outbox.register(app)
    background.init_app(app)
    audit.register(app)
    session_limits.register(app)
    register_template_helpers(app)
    register_error_handlers(app)
    register_commands(app)
    register_request_boundary(app)
    return app


def load_configuration(app: Flask, overrides: dict[str, Any] | None) -> None:
    """config/default.py, then the file named by JOBSFORYOU_CONFIG, then JOBSFORYOU_* variables."""
    app.config.from_pyfile(str(PROJECT_ROOT / "config" / "default.py"))
    config_file = os.environ.get("JOBSFORYOU_CONFIG")
    if config_file:
        app.config.from_pyfile(str(Path(config_file).resolve()))
    app.config.from_prefixed_env("JOBSFORYOU")
    for secret in ("SECRET_KEY", "SMS_GATEWAY_KEY"):
        if f"JOBSFORYOU_{secret}" in os.environ:
            # from_prefixed_env parses values as JSON: "12345" would become an integer key.
            app.config[secret] = os.environ[f"JOBSFORYOU_{secret}"]
    if overrides:
        app.config.update(overrides)
    development = app.config.get("ENV_NAME") == "development" or app.testing
    check_secret_key(app, development)
    if not development and not app.config.get("PUBLIC_BASE_URL"):
        raise ConfigurationError(
            "PUBLIC_BASE_URL is not set: set JOBSFORYOU_PUBLIC_BASE_URL to the site's public "
            "address (e.g. https://jobs.example.org); e-mailed links are built from it."
        )
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite:///") and not uri.startswith("sqlite:///:memory:"):
        Path(uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if uri.startswith("postgresql://"):
        app.config["SQLALCHEMY_DATABASE_URI"] = uri.replace(
            "postgresql://", "postgresql+psycopg://", 1
        )


def require_compiled_catalogs(app: Flask) -> None:
    """Refuse to start (except in tests) while a shipped locale's catalog is not compiled."""
    from jobsforyou.i18n import COMPILE_COMMAND, translation_directories, uncompiled_locales

    if app.testing:
        return
    stale = uncompiled_locales(translation_directories(app),
                               app.config.get("BABEL_DOMAIN", "messages"))
    if stale:
        raise ConfigurationError(
            f"Translations not compiled (or changed since): {', '.join(stale)}. Pages in these "
            f"languages would not be translated. Run `{COMPILE_COMMAND}` in the project "
            "directory, then start again."
        )


MIN_SECRET_KEY_LENGTH = 32


def check_secret_key(app: Flask, development: bool) -> None:
    """A string secret key of at least 32 characters in production; development may make one."""
    key = app.config.get("SECRET_KEY")
    if not key:
        if not development:
            raise ConfigurationError(
                "SECRET_KEY is not set: set the environment variable JOBSFORYOU_SECRET_KEY "
                "to a long random value (or JOBSFORYOU_ENV_NAME=development on a developer's "
                "machine)."
            )
        app.config["SECRET_KEY"] = secrets.token_hex(32)  # per process: sessions end on restart
        return
    if not isinstance(key, str | bytes):
        raise ConfigurationError(
            f"SECRET_KEY must be text, not {type(key).__name__}: set JOBSFORYOU_SECRET_KEY "
            "(or SECRET_KEY in the configuration file) to a quoted string."
        )
    if not development and len(key) < MIN_SECRET_KEY_LENGTH:
        raise ConfigurationError(
            f"SECRET_KEY is too short ({len(key)} characters): set JOBSFORYOU_SECRET_KEY to a "
            f"random value of at least {MIN_SECRET_KEY_LENGTH} characters, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_hex(32))'`."
        )


def trust_proxies(app: Flask) -> None:
    """Behind PROXY_FIX_HOPS reverse proxies, take the client address and scheme from them."""
    hops = int(app.config.get("PROXY_FIX_HOPS", 0))
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]


def register_extensions(app: Flask) -> None:
    """Bind the unbound extensions to this app."""
    from jobsforyou import database
    from jobsforyou.extensions import babel, csrf, db, limiter, login_manager, migrate
    from jobsforyou.i18n import select_locale

    db.init_app(app)
    database.configure_engine_events(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent / "migrations"))
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    from jobsforyou import models  # noqa: F401  (registers every model with the metadata)
    from jobsforyou.accounts import loader  # noqa: F401  (registers the user loader)


def register_blueprints(app: Flask) -> None:
    """Attach every feature's blueprint."""
    from jobsforyou.booths.views import bp as booths_bp
    from jobsforyou.checkin.views import bp as checkin_bp
    from jobsforyou.health import bp as health_bp
    from jobsforyou.i18n import bp as i18n_bp
    from jobsforyou.imports.api import bp as imports_api_bp
    from jobsforyou.imports.views import bp as imports_bp
    from jobsforyou.matchmaking.views import bp as matchmaking_bp
    from jobsforyou.organisers.fair_views import bp as organiser_fairs_bp
    from jobsforyou.organisers.registration_views import bp as organiser_registrations_bp
    from jobsforyou.organisers.views import bp as organisers_bp
    from jobsforyou.outcomes.views import bp as outcomes_bp
    from jobsforyou.personal.views import bp as personal_bp
    from jobsforyou.printing.views import bp as printing_bp
    from jobsforyou.privacy.views import bp as privacy_bp
    from jobsforyou.public.fair_vacancies import bp as fair_vacancies_bp
    from jobsforyou.public.fairs import bp as fairs_bp
    from jobsforyou.public.site_files import bp as site_files_bp
    from jobsforyou.registration.views import bp as registration_bp

    for blueprint in (
        i18n_bp,
        site_files_bp,
        health_bp,
        fairs_bp,
        registration_bp,
        personal_bp,
        privacy_bp,
        booths_bp,
        organisers_bp,
        organiser_fairs_bp,
        organiser_registrations_bp,
        checkin_bp,
        outcomes_bp,
        imports_bp,
        imports_api_bp,
        matchmaking_bp,
        printing_bp,
    ):
        app.register_blueprint(blueprint)

    from jobsforyou.accounts.admin_views import bp as admin_bp
    from jobsforyou.accounts.team_views import bp as team_bp
    from jobsforyou.accounts.views import bp as accounts_bp
    from jobsforyou.employers.signup_views import bp as employer_signup_bp
    from jobsforyou.employers.views import bp as employers_bp
    from jobsforyou.occupations.views import bp as occupations_bp
    from jobsforyou.vacancies.views import bp as vacancies_bp

    for blueprint in (
        accounts_bp,
        team_bp,
        admin_bp,
        employers_bp,
        employer_signup_bp,
        vacancies_bp,
        fair_vacancies_bp,
        occupations_bp,
    ):
        app.register_blueprint(blueprint)


def register_template_helpers(app: Flask) -> None:
    """Jinja settings and globals shared by all templates."""
    from jobsforyou import templating

    templating.configure(app)


def register_error_handlers(app: Flask) -> None:
    """Translated error pages."""
    from jobsforyou import errors, headers

    errors.register(app)
    headers.register(app)


def register_request_boundary(app: Flask) -> None:
    """One commit per request; registered last so that it runs before the other hooks."""
    from jobsforyou import transactions

    transactions.register(app)


def register_commands(app: Flask) -> None:
    """The operator's `flask` commands."""
    from jobsforyou import cli

    cli.register(app)
