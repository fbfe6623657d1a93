"""`flask --app jobsforyou import-vacancies FILE [--region SLUG] [--dry-run]` for scheduled runs."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale

from jobsforyou import transactions
from jobsforyou.imports import services, storage


@click.command("import-vacancies")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--region", "region_slug", default=None,
              help="Slug of the county (default: the first).")
@click.option("--dry-run", is_flag=True, help="Check the file and report, but write nothing.")
@with_appcontext
def import_vacancies_command(file: Path, region_slug: str | None, dry_run: bool) -> None:
    """Import vacancies (and new employers) from a CSV or XLSX file; exit 1 if rows had errors."""
    try:
        region_id = storage.import_region_id(slug=region_slug)
    except storage.UnknownRegion as error:
        raise click.ClickException(f"Unknown region: {region_slug or '(none loaded)'}") from error
    report = services.import_file(file.name, file.read_bytes(), region_id, dry_run=dry_run)
    if dry_run:
        transactions.rollback()
    else:
        transactions.commit()
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        for message in report.file_errors:
            click.echo(f"File: {message}", err=True)
        for error in report.errors:
            click.echo(f"Row {error.row}, {error.column}: {error.message}", err=True)
    counts = report.counts
    click.echo(
        f"{'Checked' if dry_run else 'Imported'}: {counts['new']} new, {counts['update']} updated, "
        f"{counts['unchanged']} unchanged, {counts['error']} with errors; "
        f"{len(report.new_employers)} new employers."
    )
    if report.has_errors:
        raise click.exceptions.Exit(1)
