"""Importing vacancies (and their employers): a plan with one outcome per row, then the writes.

The plan never writes: each row is new, update, unchanged or error, and every error names its
row, column and problem. Applying a plan writes the valid rows only, in chunks. Lookups are
batched (existing references in a few IN queries, municipalities and employers in dicts), so
10,000 rows take seconds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select

from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.imports import values
from jobsforyou.imports.columns import (
    COLUMNS_BY_JSON_NAME,
    COLUMNS_BY_KEY,
    REQUIRED_KEYS,
    column_key,
    normalise_label,
)
from jobsforyou.imports.lookups import LOOKUP_CHUNK, Lookups, chunks
from jobsforyou.imports.reading import FileProblem, Table, read_table
from jobsforyou.imports.report import (
    EmployerKey,
    ImportReport,
    Outcome,
    RowError,
    RowInput,
    RowResult,
)
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.vacancies.models import Vacancy, VacancyStatus

CHUNK_SIZE = 1000

# Columns read straight into a Vacancy attribute, with the function that reads the cell.
DIRECT_FIELDS: dict[str, Any] = {
    "title": lambda value: values.limited_text(value, 200),
    "description": values.cell_text,
    "required_skills": values.parse_text_list,
    "optional_skills": values.parse_text_list,
    "german_level_min": values.parse_german_level,
    "languages_helpful": values.parse_languages,
    "employment_type": values.parse_employment_type,
    "hours": lambda value: values.limited_text(value, 200),
    "start_date": values.parse_date,
    "openings": values.parse_count,
    "driving_licences_required": values.parse_licences,
    "status": lambda value: VacancyStatus(values.parse_status(value)),
}


def header_mapping(headers: Sequence[str]) -> tuple[dict[int, str], list[str], list[LazyString]]:
    """Which file column holds which field; ignored headers; file-level problems."""
    mapping: dict[int, str] = {}
    ignored: list[str] = []
    problems: list[LazyString] = []
    seen: dict[str, str] = {}
    for index, header in enumerate(headers):
        key = column_key(header)
        if key is None:
            if header:
                ignored.append(header)
            continue
        if key in seen:
            problems.append(_l("The columns %(first)s and %(second)s both mean %(column)s. Keep "
                               "one of them.", first=seen[key], second=header,
                               column=COLUMNS_BY_KEY[key].header))
            continue
        seen[key] = header
        mapping[index] = key
    missing = [COLUMNS_BY_KEY[key].header for key in REQUIRED_KEYS if key not in seen]
    if missing:
        problems.append(_l("Required columns are missing: %(columns)s.",
                           columns=", ".join(missing)))
    return mapping, ignored, problems


def plan_table(table: Table, region_id: int) -> ImportReport:
    """The outcome of each row of a file, without writing anything."""
    mapping, ignored, problems = header_mapping(table.headers)
    report = ImportReport(headers=table.headers, ignored_columns=ignored, file_errors=problems)
    if problems:
        return report
    labels = {key: table.headers[index] for index, key in mapping.items()}
    rows = [
        RowInput(number, {key: cells[index] for index, key in mapping.items()}, labels, cells)
        for number, cells in table.rows
    ]
    _plan_rows(report, rows, region_id)
    return report


def plan_items(items: Sequence[Mapping[str, Any]], region_id: int) -> ImportReport:
    """The outcome of each vacancy of a JSON list (field names as in the API), without writing."""
    report = ImportReport()
    rows: list[RowInput] = []
    for index, item in enumerate(items):
        cells: dict[str, object] = {}
        labels: dict[str, str] = {}
        unknown = []
        for name, value in item.items() if isinstance(item, Mapping) else ():
            column = COLUMNS_BY_JSON_NAME.get(name)
            if column is None:
                unknown.append(name)
                continue
            cells[column.key] = value
            labels[column.key] = name
        row = RowInput(index, cells, labels, [item])
        if not isinstance(item, Mapping):
            row.labels = {"ref": "id"}
        rows.append(row)
        if unknown:
            row.labels["_unknown"] = ", ".join(sorted(unknown))
    _plan_rows(report, rows, region_id)
    return report


def plan_file(filename: str, content: bytes, region_id: int) -> ImportReport:
    """Read a CSV or XLSX file and plan each row, without writing (an unreadable file: its
    problem as the report's file error)."""
    try:
        table = read_table(filename, content)
    except FileProblem as problem:
        return ImportReport(file_errors=[problem.message])
    return plan_table(table, region_id)


def import_file(
    filename: str, content: bytes, region_id: int, dry_run: bool = False
) -> ImportReport:
    """Read, plan and (unless dry_run or the file is unusable) write the valid rows; flushes."""
    report = plan_file(filename, content, region_id)
    if not dry_run and not report.file_errors:
        apply_report(report, region_id)
    return report


def apply_report(report: ImportReport, region_id: int) -> None:
    """Write the new and changed rows of a plan (new employers first), flushing in chunks."""
    created: dict[EmployerKey, Employer] = {}
    for key, data in report.new_employers.items():
        created[key] = Employer(region_id=region_id, **data)
    db.session.add_all(created.values())
    db.session.flush()
    pending = 0
    for row in report.rows:
        if row.outcome not in (Outcome.NEW, Outcome.UPDATE):
            continue
        changes = dict(row.changes)
        if row.new_employer is not None:
            changes["employer_id"] = created[row.new_employer].id
        if row.outcome == Outcome.NEW:
            changes.setdefault("status", VacancyStatus.OPEN)
            db.session.add(Vacancy(external_ref=row.ref, **changes))
        else:
            for name, value in changes.items():
                setattr(row.vacancy, name, value)
        pending += 1
        if pending % CHUNK_SIZE == 0:
            db.session.flush()
    db.session.flush()
    report.applied = True


def _plan_rows(report: ImportReport, rows: Sequence[RowInput], region_id: int) -> None:
    refs = [_safe_text(row.cells.get("ref")) for row in rows]
    employer_refs = [_safe_text(row.cells.get("employer_ref")) for row in rows]
    lookups = Lookups(region_id, [ref for ref in employer_refs if ref])
    existing = _existing_vacancies([ref for ref in refs if ref])
    first_row: dict[str, int] = {}
    for row in rows:
        result = _plan_row(row, lookups, existing, first_row, report)
        report.rows.append(result)


def _plan_row(
    row: RowInput,
    lookups: Lookups,
    existing: dict[str, tuple[Vacancy, int]],
    first_row: dict[str, int],
    report: ImportReport,
) -> RowResult:
    errors: list[RowError] = []

    def problem(key: str, message: LazyString) -> None:
        errors.append(RowError(row.number, row.labels.get(key, COLUMNS_BY_KEY[key].json_name),
                               message))

    def read(key: str, parse: Any) -> Any:
        try:
            return parse(row.cells.get(key))
        except values.ValueProblem as error:
            problem(key, error.message)
            return None

    if "_unknown" in row.labels:
        errors.append(RowError(row.number, row.labels["_unknown"], _l("Unknown field.")))
    ref = read("ref", lambda value: values.limited_text(value, 100)) or ""
    result = RowResult(row.number, ref, Outcome.ERROR, errors, row.original)
    if not ref and not any(e.column == row.labels.get("ref") for e in errors):
        problem("ref", _l("Enter the reference number."))
    elif ref in first_row:
        problem("ref", _l("The reference number %(ref)s appears more than once (first in row "
                          "%(row)s).", ref=ref, row=first_row[ref]))
    elif ref:
        first_row[ref] = row.number
    vacancy, vacancy_region = existing.get(ref, (None, lookups.region_id))
    if vacancy is not None and vacancy_region != lookups.region_id:
        problem("ref", _l("The reference number %(ref)s belongs to a vacancy of another county.",
                          ref=ref))
    changes: dict[str, Any] = {}
    for key, parse in DIRECT_FIELDS.items():
        if key in row.cells:
            changes[key] = read(key, parse)
    for key in ("title", "employer"):
        if (key in row.cells or vacancy is None) and _blank(row.cells.get(key)) \
                and not any(e.column == row.labels.get(key) for e in errors):
            problem(key, _l("This field is required."))
    _plan_place(row, lookups, changes, read, problem)
    if "employer" in row.cells:
        _plan_employer(row, lookups, result, read, problem, report)
    if errors:
        return result
    result.vacancy = vacancy
    if result.employer is not None:
        changes["employer_id"] = result.employer.id
    if vacancy is None:
        result.outcome = Outcome.NEW
        result.changes = changes
    else:
        result.changes = {name: value for name, value in changes.items()
                          if getattr(vacancy, name) != value}
        if result.new_employer is not None:
            result.outcome = Outcome.UPDATE
        else:
            result.outcome = Outcome.UPDATE if result.changes else Outcome.UNCHANGED
    return result


def _plan_place(row: RowInput, lookups: Lookups, changes: dict[str, Any], read: Any,
                problem: Any) -> None:
    postcode = read("postcode", values.parse_postcode) if "postcode" in row.cells else None
    if postcode is not None:
        changes["postcode"] = postcode
    place = read("municipality", values.cell_text) if "municipality" in row.cells else None
    if place:
        municipality_id = lookups.by_name.get(values.municipality_key(place))
        if municipality_id is None:
            problem("municipality", _l("Unknown municipality %(name)s.", name=place))
        changes["municipality_id"] = municipality_id
    elif "municipality" in row.cells or postcode is not None:
        changes["municipality_id"] = lookups.by_postcode.get(postcode or "")


def _plan_employer(row: RowInput, lookups: Lookups, result: RowResult, read: Any, problem: Any,
                   report: ImportReport) -> None:
    name = read("employer", lambda value: values.limited_text(value, 200)) or ""
    ref = read("employer_ref", lambda value: values.limited_text(value, 100)) or ""
    postcode = read("employer_postcode", values.parse_postcode) or ""
    if not name:
        return
    employer = lookups.employer(ref, name, postcode)
    if employer is not None and employer.region_id != lookups.region_id:
        problem("employer_ref", _l("The employer reference %(ref)s belongs to an employer of "
                                   "another county.", ref=ref))
        return
    if employer is not None:
        result.employer = employer
        return
    key: EmployerKey = ("ref", ref) if ref else ("name", normalise_label(name), postcode)
    result.new_employer = key
    if key not in report.new_employers and not result.errors:
        work_postcode = _safe_text(row.cells.get("postcode"))
        report.new_employers[key] = {
            "name": name, "external_ref": ref or None,
            "postcode": postcode or (work_postcode if values.POSTCODE.match(work_postcode) else ""),
        }


def _existing_vacancies(refs: Sequence[str]) -> dict[str, tuple[Vacancy, int]]:
    found: dict[str, tuple[Vacancy, int]] = {}
    for chunk in chunks(sorted(set(refs)), LOOKUP_CHUNK):
        query = (select(Vacancy, Employer.region_id)
                 .join(Employer, Employer.id == Vacancy.employer_id)
                 .where(Vacancy.external_ref.in_(chunk)))
        for vacancy, region_id in db.session.execute(scoped(query, SYSTEM)):
            found[vacancy.external_ref] = (vacancy, region_id)
    return found


def _safe_text(value: object) -> str:
    try:
        return values.cell_text(value)
    except values.ValueProblem:
        return ""


def _blank(value: object) -> bool:
    """Nothing entered (a value that cannot be read is reported by its parser instead)."""
    return value is None or (isinstance(value, str) and not isinstance(value, values.Formula)
                             and not value.strip())
