"""Operator commands: `flask --app jobsforyou demo | create-admin | regions | retention |
translate | follow-up`."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from jobsforyou import transactions
from jobsforyou.followup.cli import follow_up
from jobsforyou.imports.cli import import_vacancies_command

PROJECT_ROOT = Path(__file__).resolve().parent.parent
translate = AppGroup("translate", help="Extract, update and compile the translation catalogs.")
regions = AppGroup("regions", help="Load the region files from config/regions.")
retention = AppGroup("retention", help="Delete seekers' personal data after their fair.")


def register(app: Flask) -> None:
    """Attach the commands to the app's CLI."""
    app.cli.add_command(demo)
    app.cli.add_command(create_admin)
    app.cli.add_command(translate)
    app.cli.add_command(regions)
    app.cli.add_command(retention)
    app.cli.add_command(purge_registrations)
    app.cli.add_command(import_vacancies_command)
    app.cli.add_command(follow_up)


@click.command("demo")
@click.option("--seed", default=2026, show_default=True, help="Random seed of the generated data.")
@click.option(
    "--i-know-this-is-not-production",
    "not_production",
    is_flag=True,
    help="Seed even though ENV_NAME is not 'development' (a test or staging site).",
)
@with_appcontext
def demo(seed: int, not_production: bool) -> None:
    """Create the schema if needed and seed realistic demo data (safe to run again).

    Only on a developer's machine: the 300 demo job seekers have computable personal links.
    """
    from flask_migrate import upgrade

    from jobsforyou.demo.seed import seed_demo_data

    environment = current_app.config.get("ENV_NAME")
    if environment != "development" and not not_production:
        raise click.ClickException(
            f"Refusing to seed demo data: ENV_NAME is {environment!r}, not 'development'. The "
            "demo job seekers' personal links can be computed by anyone, so they must never be "
            "mixed with real data. Run it with JOBSFORYOU_ENV_NAME=development, or add "
            "--i-know-this-is-not-production on a test site."
        )
    upgrade()
    summary = seed_demo_data(seed=seed)
    transactions.commit()
    for line in summary:
        click.echo(line)


@click.command("create-admin")
@click.option("--email", prompt=True, help="E-mail address of the first administrator.")
@click.password_option(help="Password (8 to 128 characters); asked for when not given.")
@with_appcontext
def create_admin(email: str, password: str) -> None:
    """Create an administrator account (there is no default account)."""
    from jobsforyou.accounts.services import AccountError, create_staff_user
    from jobsforyou.models import Role

    try:
        user = create_staff_user(email, password, Role.ADMIN)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    transactions.commit()
    click.echo(f"Administrator {user.email} created.")


def _run_retention(today: dt.date | None) -> None:
    """One retention run for `today` (the site's date by default); prints and logs counts."""
    from jobsforyou.registration.services import RegistrationBusy
    from jobsforyou.retention.policy import retention_policy
    from jobsforyou.retention.services import run_retention
    from jobsforyou.times import site_zone

    now = dt.datetime.now(dt.UTC)
    today = today or now.astimezone(site_zone()).date()
    policy = retention_policy(current_app.config)
    # links in the reminders are built from PUBLIC_BASE_URL; Flask builds URLs in a request
    with current_app.test_request_context(base_url=current_app.config.get("PUBLIC_BASE_URL")):
        try:
            report = run_retention(today, policy, now)
        except RegistrationBusy as error:  # the lock's wait has rolled everything back
            raise click.ClickException(
                "A fair was locked by registrations for too long: nothing was deleted and no "
                "reminder sent. Run again later (the next daily run catches up)."
            ) from error
        transactions.commit()
    click.echo(f"Retention run for {today.isoformat()}:")
    click.echo(f"  deleted {policy.days} days after the fair: {report.deleted}")
    click.echo(
        f"  kept profiles deleted {policy.kept_profile_days} days after the fair: "
        f"{report.deleted_kept}"
    )
    click.echo(f"  reminders sent by e-mail: {report.reminders_mailed}")
    click.echo(f"  reminders sent by SMS: {report.reminders_texted}")
    click.echo(f"  reminders due that could not be sent: {report.reminders_without_channel}")


_TODAY_OPTION = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Run as on this date (YYYY-MM-DD; default: today in the site's time zone).",
)


@retention.command("run")
@_TODAY_OPTION
@with_appcontext
def retention_run(today: dt.datetime | None) -> None:
    """Delete seekers' data that is due and send due reminders (run daily from a timer)."""
    _run_retention(today.date() if today else None)


@click.command("purge-registrations")
@_TODAY_OPTION
@with_appcontext
def purge_registrations(today: dt.datetime | None) -> None:
    """The former name of `flask retention run` (kept for existing timers)."""
    _run_retention(today.date() if today else None)


@regions.command("sync")
@with_appcontext
def sync_regions_command() -> None:
    """Create or update the regions and municipalities from config/regions/*.json."""
    from jobsforyou.regions.services import sync_regions

    loaded = sync_regions(current_app.config["REGION_DIRECTORY"])
    transactions.commit()
    for region in loaded:
        click.echo(f"{region.name}: {len(region.municipalities)} municipalities")


def _pybabel(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=PROJECT_ROOT
    )


@translate.command("extract")
def translate_extract() -> None:
    """Extract the messages of code and templates into translations/messages.pot."""
    _pybabel(
        "extract",
        "-F",
        "config/babel.cfg",
        "-k",
        "_l",
        "-k",
        "lazy_gettext",
        "--no-location",
        "--sort-output",
        "--add-comments=TRANSLATORS:",
        "-o",
        "translations/messages.pot",
        ".",
    )


@translate.command("update")
def translate_update() -> None:
    """Extract, merge new messages into every catalog, compile (the app needs current .mo)."""
    translate_extract.callback()  # type: ignore[misc]
    _pybabel(
        "update",
        "-i",
        "translations/messages.pot",
        "-d",
        "translations",
        "--no-fuzzy-matching",
        "--ignore-obsolete",
    )
    translate_compile.callback()  # type: ignore[misc]


@translate.command("init")
@click.argument("language")
def translate_init(language: str) -> None:
    """Start the catalog of a new language."""
    _pybabel("init", "-i", "translations/messages.pot", "-d", "translations", "-l", language)


@translate.command("compile")
def translate_compile() -> None:
    """Compile every catalog to the .mo files the app reads."""
    _pybabel("compile", "-d", "translations", "--use-fuzzy")


@translate.command("fill-english")
def translate_fill_english() -> None:
    """English is the source language: its catalog repeats every message as written."""
    from babel.messages.pofile import read_po, write_po

    path = PROJECT_ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if not message.id:
            continue
        message.string = message.id
        message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True)
    translate_compile.callback()  # type: ignore[misc]


def _catalog_path(language: str) -> Path:
    return PROJECT_ROOT / "translations" / language / "LC_MESSAGES" / "messages.po"


@translate.command("todo")
@click.argument("language")
@click.argument("output", type=click.Path(dir_okay=False))
def translate_todo(language: str, output: str) -> None:
    """Write the untranslated or fuzzy messages of a catalog as JSON for a translator."""
    import json

    from babel.messages.pofile import read_po

    with _catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    todo = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings) and not message.fuzzy:
            continue
        entry: dict[str, object] = {
            "msgid": message.id if isinstance(message.id, str) else message.id[0]
        }
        if isinstance(message.id, tuple):
            entry["msgid_plural"] = message.id[1]
            entry["plural_forms"] = catalog.num_plurals
            entry["plural_rule"] = catalog.plural_expr
        comments = [c for c in message.auto_comments if c]
        if comments:
            entry["note"] = " ".join(comments)
        entry["translation"] = [""] * catalog.num_plurals if isinstance(message.id, tuple) else ""
        todo.append(entry)
    Path(output).write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    click.echo(f"{language}: {len(todo)} messages to translate written to {output}")


@translate.command("apply")
@click.argument("language")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
def translate_apply(language: str, source: str) -> None:
    """Merge a translator's JSON (as written by `translate todo`) into a catalog."""
    import json

    from babel.messages.pofile import read_po, write_po

    entries = json.loads(Path(source).read_text(encoding="utf-8"))
    path = _catalog_path(language)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    by_singular = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
    applied = skipped = 0
    for entry in entries:
        message = by_singular.get(entry["msgid"])
        translation = entry.get("translation")
        if message is None or not translation:
            skipped += 1
            continue
        if isinstance(message.id, tuple):
            forms = list(translation) if isinstance(translation, list) else [translation]
            if len(forms) != catalog.num_plurals or not all(forms):
                skipped += 1
                continue
            message.string = tuple(forms)
        else:
            message.string = translation if isinstance(translation, str) else translation[0]
        message.flags.discard("fuzzy")
        applied += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True)
    translate_compile.callback()  # type: ignore[misc]
    click.echo(f"{language}: {applied} translations applied, {skipped} skipped")
