"""Writing vacancies, employers, templates and rejected rows as CSV or XLSX, formula-safe.

Text cells that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at the
start) get a leading apostrophe; the import removes it again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import select

from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.imports.columns import COLUMNS
from jobsforyou.imports.report import RowResult
from jobsforyou.imports.values import NEUTRALISED_PREFIXES
from jobsforyou.regions.models import Municipality
from jobsforyou.scoping import Scope, scoped
from jobsforyou.vacancies.models import Vacancy

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EMPLOYMENT_TYPE_WORDS = {
    "full_time": "Vollzeit", "part_time": "Teilzeit", "mini_job": "Minijob",
    "apprenticeship": "Ausbildung", "internship": "Praktikum",
}
STATUS_WORDS = {"open": "offen", "draft": "Entwurf", "filled": "besetzt", "closed": "geschlossen"}
EMPLOYER_HEADERS = ("Arbeitgeber-Referenz", "Arbeitgeber", "Straße", "PLZ", "Ort", "Branche",
                    "Ansprechperson", "E-Mail", "Telefon", "Website")
Cell = str | int | dt.date | None


def neutralise(value: object) -> object:
    """A text cell that could start a formula gets an apostrophe; other cells stay as they are."""
    if isinstance(value, str) and value.startswith(NEUTRALISED_PREFIXES):
        return "'" + value
    return value


def write_table(headers: Sequence[str], rows: Iterable[Sequence[object]], kind: str) -> bytes:
    """A CSV (UTF-8 with BOM, semicolons, German dates) or XLSX file of neutralised cells."""
    if kind == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([neutralise(_xlsx_cell(header)) for header in headers])
        for row in rows:
            sheet.append([neutralise(_xlsx_cell(cell)) for cell in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(header) for header in headers])
    for row in rows:
        writer.writerow([neutralise(_csv_cell(cell)) for cell in row])
    return text.getvalue().encode("utf-8-sig")


def template(kind: str) -> bytes:
    """An empty vacancy file with the German headers of the column layout."""
    return write_table([column.header for column in COLUMNS], [], kind)


def vacancy_rows(scope: Scope, region_id: int) -> list[list[Cell]]:
    """The county's vacancies the scope may see, in the import layout (the file imports again)."""
    query = (
        select(Vacancy, Employer, Municipality.name)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .outerjoin(Municipality, Municipality.id == Vacancy.municipality_id)
        .where(Employer.region_id == region_id)
        .order_by(Employer.name, Vacancy.title, Vacancy.id)
    )
    rows: list[list[Cell]] = []
    for vacancy, employer, place in db.session.execute(scoped(query, scope)):
        rows.append([
            vacancy.external_ref, employer.name, employer.external_ref,
            employer.postcode, vacancy.title, vacancy.description,
            ", ".join(vacancy.required_skills), ", ".join(vacancy.optional_skills),
            vacancy.german_level_min if vacancy.german_level_min != "none" else "keine",
            ", ".join(vacancy.languages_helpful), vacancy.postcode, place,
            EMPLOYMENT_TYPE_WORDS.get(vacancy.employment_type, vacancy.employment_type),
            vacancy.hours, vacancy.start_date, vacancy.openings,
            ", ".join(vacancy.driving_licences_required) or "keiner",
            STATUS_WORDS.get(vacancy.status.value, vacancy.status.value),
        ])
    return rows


def vacancy_export(scope: Scope, region_id: int, kind: str) -> bytes:
    """The county's vacancies as a file in the import layout."""
    return write_table([column.header for column in COLUMNS], vacancy_rows(scope, region_id), kind)


def employer_export(scope: Scope, region_id: int, kind: str) -> bytes:
    """The county's employers (those the scope may see) as a file."""
    query = (
        select(Employer, Municipality.name)
        .outerjoin(Municipality, Municipality.id == Employer.municipality_id)
        .where(Employer.region_id == region_id)
        .order_by(Employer.name, Employer.id)
    )
    rows = [
        [e.external_ref, e.name, e.street, e.postcode, place, e.sector, e.contact_name,
         e.contact_email, e.contact_phone, e.website]
        for e, place in db.session.execute(scoped(query, scope))
    ]
    return write_table(EMPLOYER_HEADERS, rows, kind)


def rejected_rows(headers: Sequence[str], rows: Sequence[RowResult], error_header: str,
                  kind: str) -> bytes:
    """The rows with errors, with their original cells and one more column saying what is wrong."""
    body = [
        [*row.original, "; ".join(f"{error.column}: {error.message}" for error in row.errors)]
        for row in rows
    ]
    return write_table([*headers, error_header], body, kind)


def _csv_cell(cell: object) -> object:
    if isinstance(cell, dt.datetime | dt.date):
        return cell.strftime("%d.%m.%Y")
    return "" if cell is None else cell


def _xlsx_cell(cell: object) -> object:
    """A value openpyxl can write: control characters (illegal in XLSX) are removed."""
    if isinstance(cell, float) and not math.isfinite(cell):
        return str(cell)
    if isinstance(cell, dt.datetime | dt.date | int | float) or cell is None:
        return cell
    return ILLEGAL_CHARACTERS_RE.sub("", str(cell))
