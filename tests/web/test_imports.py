"""Vacancy import and export: the corpus of awkward files, preview → confirm, CLI, 10,000 rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.imports.models import ImportUpload
from jobsforyou.imports.services import import_file
from jobsforyou.imports.storage import import_region_id
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.vacancies.models import Vacancy, VacancyStatus
from tests.conftest import csrf_token_from, sign_in
from tests.factories import make_account, make_employer, make_vacancy

CORPUS = Path(__file__).resolve().parent.parent / "data" / "imports"


def run_import(name: str, dry_run: bool = False):  # type: ignore[no-untyped-def]
    report = import_file(name, (CORPUS / name).read_bytes(), import_region_id(), dry_run=dry_run)
    db.session.commit()
    return report


def vacancies() -> dict[str, Vacancy]:
    return {v.external_ref: v for v in db.session.scalars(scoped(select(Vacancy), SYSTEM))}


def messages(report) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    with force_locale("en"):
        return [(e.row, e.column, str(e.message)) for e in report.errors]


def test_windows_1252_semicolons_german_values(app: Flask) -> None:
    with app.app_context():
        report = run_import("vacancies_cp1252_semicolon.csv")
        assert not report.has_errors, messages(report)
        assert report.counts == {"new": 3, "update": 0, "unchanged": 0, "error": 0}
        found = vacancies()
        welder = found["ST-1001"]
        assert welder.title == "Schweißer (m/w/d)"
        assert welder.employer.name == "Müller Metallbau GmbH"
        assert welder.start_date == dt.date(2026, 12, 31) and welder.openings == 2
        assert welder.required_skills == ["MAG-Schweißen", "Bauteile lesen"]
        assert welder.driving_licences_required == ["B", "CE"]
        assert welder.municipality.name == "Bramsche" and welder.status == VacancyStatus.OPEN
        helper = found["ST-1002"]
        assert helper.municipality.name == "Bramsche"  # from the postcode
        assert helper.employer_id == welder.employer_id  # one new employer for both rows
        baker = found["ST-1003"]
        assert baker.german_level_min == "none" and baker.start_date is None
        assert baker.employment_type == "mini_job" and baker.status == VacancyStatus.DRAFT
        assert db.session.scalar(scoped(select(func.count(Employer.id)), SYSTEM)) == 2
        again = run_import("vacancies_cp1252_semicolon.csv")
        assert again.counts == {"new": 0, "update": 0, "unchanged": 3, "error": 0}
        assert db.session.scalar(scoped(select(func.count(Vacancy.id)), SYSTEM)) == 3


def test_tolerant_headers_utf8_bom_commas_and_utf16(app: Flask) -> None:
    with app.app_context():
        report = run_import("vacancies_utf8_bom_comma.csv")
        assert not report.has_errors, messages(report)
        assert report.ignored_columns == ["Bemerkung intern"]
        vacancy = vacancies()["ST-2001"]
        assert vacancy.title == "Pflegehelfer (m/w/d), Teilzeit"
        assert vacancy.employment_type == "part_time" and vacancy.start_date == dt.date(2027, 1, 4)
        assert vacancy.municipality.name == "Melle"
        assert run_import("vacancies_utf16_tab.csv").counts["new"] == 1


def test_existing_employer_found_and_vacancy_updated(app: Flask) -> None:
    with app.app_context():
        employer = make_employer("Müller Metallbau GmbH", postcode="49565")
        make_vacancy(employer, title="Alter Titel", external_ref="ST-1001")
        report = run_import("vacancies_cp1252_semicolon.csv")
        assert report.counts == {"new": 2, "update": 1, "unchanged": 0, "error": 0}
        assert len(report.new_employers) == 1  # only the bakery
        assert vacancies()["ST-1001"].title == "Schweißer (m/w/d)"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing_columns.csv", "Required columns are missing: Referenznummer, Stellentitel."),
        ("empty.csv", "The file is empty."),
        ("header_only.csv", None),
        ("binary.csv", "The file could not be read."),
    ],
)
def test_file_level_problems(app: Flask, name: str, expected: str | None) -> None:
    with app.app_context():
        report = run_import(name)
        if expected is None:
            assert not report.has_errors and report.rows == []
        else:
            with force_locale("en"):
                assert report.file_errors and str(report.file_errors[0]).startswith(expected)
        assert vacancies() == {}


def test_row_errors_name_row_column_and_problem(app: Flask) -> None:
    with app.app_context():
        unknown = run_import("unknown_municipality.csv")
        assert messages(unknown) == [(2, "Arbeitsort", "Unknown municipality Atlantis.")]
        dates = run_import("bad_dates.csv")
        assert [(row, column) for row, column, _ in messages(dates)] == [
            (2, "Beginn"), (3, "Beginn"), (4, "Beginn")]
        assert "31.02.2026 is not a date" in messages(dates)[0][2]
        assert dates.counts == {"new": 1, "update": 0, "unchanged": 0, "error": 3}
        assert set(vacancies()) == {"DT-4"}  # the valid row is not lost
        huge = run_import("huge_cell.csv")
        assert messages(huge)[0][:2] == (2, "Beschreibung")
        assert "20000 characters" in messages(huge)[0][2].replace(",", "").replace(".", "")
        duplicate = run_import("duplicate_refs.csv")
        assert messages(duplicate) == [
            (3, "Referenznummer",
             "The reference number ST-1001 appears more than once (first in row 2).")]


def test_formula_cells_are_reported_never_evaluated(app: Flask) -> None:
    with app.app_context():
        report = run_import("formula_cells.xlsx")
        assert [(row, column) for row, column, _ in messages(report)] == [
            (2, "Stellentitel"), (3, "Beschreibung")]
        assert "formula" in messages(report)[0][2]
        found = vacancies()
        assert set(found) == {"XL-3"}
        assert found["XL-3"].description == "=kein Formel"  # protected text, imported as text
        assert found["XL-3"].postcode == "49565"


def upload(client: FlaskClient, name: str, content: bytes | None = None):  # type: ignore[no-untyped-def]
    page = client.get("/imports/vacancies")
    data = {"csrf_token": csrf_token_from(page.get_data(as_text=True)),
            "file": (io.BytesIO(content or (CORPUS / name).read_bytes()), name)}
    return client.post("/imports/vacancies", data=data, content_type="multipart/form-data")


def test_preview_confirm_and_download_of_rejected_rows(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        sign_in(client, make_account("business_development").id)
    response = upload(client, "bad_dates.csv")
    assert response.status_code == 302
    preview_url = response.headers["Location"]
    html = client.get(preview_url, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "31.02.2026 is not a date" in html and "Import 1 row" in html
    with app.app_context():
        assert vacancies() == {}  # the preview writes nothing
        assert db.session.scalar(scoped(select(func.count(ImportUpload.id)), SYSTEM)) == 1
    rejected = client.get(preview_url + "/errors.csv")
    rows = list(csv.reader(io.StringIO(rejected.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "Fehler" or rows[0][-1] == "Errors"
    assert [row[0] for row in rows[1:]] == ["DT-1", "DT-2", "DT-3"]
    assert "Beginn" in rows[1][-1]
    workbook = load_workbook(io.BytesIO(client.get(preview_url + "/errors.xlsx").data))
    assert workbook.active.max_row == 4
    token = csrf_token_from(client.get(preview_url).get_data(as_text=True))
    confirmed = client.post(preview_url + "/confirm", data={"csrf_token": token})
    assert confirmed.status_code == 302
    with app.app_context():
        assert set(vacancies()) == {"DT-4"}
        assert db.session.scalar(scoped(select(func.count(ImportUpload.id)), SYSTEM)) == 0
    assert client.get(preview_url).status_code == 404


def test_uploads_of_others_are_not_visible(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        sign_in(client, make_account("business_development").id)
        other = make_account("business_development").id
    preview_url = upload(client, "bad_dates.csv").headers["Location"]
    sign_in(client, other)
    assert client.get(preview_url).status_code == 404
    assert client.get(preview_url + "/errors.csv").status_code == 404


def test_export_neutralises_formulas_and_imports_again(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        sign_in(client, make_account("business_development").id)
        employer = make_employer("=HYPERLINK(\"http://evil\")", postcode="49565")
        make_vacancy(employer, title="+Schweißer", description="-Aufgaben\n@Team",
                     external_ref="EX-1", hours="\tVollzeit", start_date=dt.date(2027, 1, 4))
    exported = client.get("/imports/exports/vacancies.csv")
    assert exported.status_code == 200
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig")), delimiter=";"))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["Arbeitgeber"] == "'=HYPERLINK(\"http://evil\")"
    assert cells["Stellentitel"] == "'+Schweißer"
    assert cells["Beschreibung"] == "'-Aufgaben\n@Team"
    assert cells["Arbeitszeit"] == "'\tVollzeit" and cells["Beginn"] == "04.01.2027"
    sheet = load_workbook(io.BytesIO(client.get("/imports/exports/vacancies.xlsx").data)).active
    values = [cell.value for cell in sheet[2]]
    assert "'=HYPERLINK(\"http://evil\")" in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    employers = client.get("/imports/exports/employers.csv").data.decode("utf-8-sig")
    assert "'=HYPERLINK" in employers
    with app.app_context():
        again = import_file("stellen.csv", exported.data, import_region_id())
        assert again.counts == {"new": 0, "update": 0, "unchanged": 1, "error": 0}, messages(again)


def test_templates_have_the_headers(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        sign_in(client, make_account("business_development").id)
    text = client.get("/imports/template.csv").data.decode("utf-8-sig")
    assert text.startswith("Referenznummer;Arbeitgeber;")
    sheet = load_workbook(io.BytesIO(client.get("/imports/template.xlsx").data)).active
    assert sheet["A1"].value == "Referenznummer"


def test_cli_import_and_dry_run(app: Flask) -> None:
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["import-vacancies", str(CORPUS / "bad_dates.csv"), "--dry-run"])
    assert dry.exit_code == 1
    assert "Checked: 1 new, 0 updated, 0 unchanged, 3 with errors" in dry.output
    assert "Row 2, Beginn:" in dry.output
    with app.app_context():
        assert vacancies() == {}
    good = str(CORPUS / "vacancies_cp1252_semicolon.csv")
    result = runner.invoke(args=["import-vacancies", good, "--region", "landkreis-osnabrueck"])
    assert result.exit_code == 0, result.output
    assert "Imported: 3 new" in result.output
    again = runner.invoke(args=["import-vacancies", good])
    assert again.exit_code == 0 and "0 new, 0 updated, 3 unchanged" in again.output
    unknown = runner.invoke(args=["import-vacancies", good, "--region", "nowhere"])
    assert unknown.exit_code != 0 and "Unknown region" in unknown.output


def generated_csv(rows: int) -> bytes:
    """A realistic German vacancy file: semicolons, Windows-1252, German dates and words."""
    places = [("49565", "Bramsche"), ("49324", "Melle"), ("49124", "Georgsmarienhütte"),
              ("49610", "Quakenbrück"), ("49134", "Wallenhorst")]
    kinds = ["Vollzeit", "Teilzeit", "Minijob", "Ausbildung", "Praktikum"]
    lines = ["Referenznummer;Arbeitgeber;Stellentitel;Beschreibung;Erforderliche Kenntnisse;"
             "Deutschniveau;Arbeitsort PLZ;Arbeitsort;Beschäftigungsart;Beginn;Anzahl Stellen;"
             "Führerschein;Status"]
    for number in range(rows):
        postcode, place = places[number % len(places)]
        lines.append(
            f"GEN-{number:05d};Firma {number % 400} GmbH;Helfer/in Lager {number} (m/w/d);"
            f"Kommissionieren, Verpacken, Größen prüfen;Stapler, Scanner;"
            f"{'A2' if number % 2 else 'B1'};{postcode};{place};{kinds[number % 5]};"
            f"{1 + number % 28:02d}.{1 + number % 12:02d}.2027;{1 + number % 3},0;B;offen"
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def test_ten_thousand_rows_and_idempotent_reimport(app: Flask) -> None:
    content = generated_csv(10_000)
    with app.app_context():
        first = import_file("gross.csv", content, import_region_id())
        db.session.commit()
        assert first.counts == {"new": 10_000, "update": 0, "unchanged": 0, "error": 0}
        assert len(first.new_employers) == 400
        db.session.expunge_all()
        second = import_file("gross.csv", content, import_region_id())
        db.session.commit()
        assert second.counts == {"new": 0, "update": 0, "unchanged": 10_000, "error": 0}
        assert db.session.scalar(scoped(select(func.count(Vacancy.id)), SYSTEM)) == 10_000


def test_import_page_documents_the_columns(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        sign_in(client, make_account("business_development").id)
    html = client.get("/imports/vacancies").get_data(as_text=True)
    for header in ("Referenznummer", "Beschäftigungsart", "Anzahl Stellen", "Führerschein"):
        assert header in html
    assert re.search(r'href="/imports/template\.xlsx"', html)


SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADERS = ["Referenznummer", "Arbeitgeber", "Stellentitel", "Arbeitsort PLZ"]


def xlsx_with_sheet(sheet_data: str, dimension: str = "A1:D3") -> bytes:
    """A valid workbook from openpyxl whose first sheet is replaced by hand-written XML."""
    buffer = io.BytesIO()
    Workbook().save(buffer)
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SHEET_NS}">'
             f'<dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>')
    result = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(result, "w",
                                                            zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            target.writestr(info.filename, data)
    return result.getvalue()


def text_row(number: int, texts: list[str]) -> str:
    cells = "".join(f'<c r="{chr(65 + index)}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
                    for index, text in enumerate(texts))
    return f'<row r="{number}">{cells}</row>'


def file_errors(report) -> list[str]:  # type: ignore[no-untyped-def]
    with force_locale("en"):
        return [str(message) for message in report.file_errors]


def test_huge_claimed_dimension_is_read_quickly_and_small(app: Flask) -> None:
    content = xlsx_with_sheet(text_row(200_000, ["x"]), dimension="A1:XFD1048576")
    assert len(content) < 10_000
    with app.app_context():
        tracemalloc.start()
        started = time.perf_counter()
        try:
            report = import_file("bomb.xlsx", content, import_region_id())
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert time.perf_counter() - started < 10
        assert peak < 50 * 1024 * 1024
        assert file_errors(report) == ["The file is empty."]
        wide = xlsx_with_sheet(text_row(1, HEADERS) + text_row(2, ["W-1", "Firma", "Helfer"])
                               + '<row r="3"><c r="XFD3" t="inlineStr"><is><t>z</t></is></c></row>',
                               dimension="A1:XFD3")
        assert import_file("wide.xlsx", wide, import_region_id()).counts["new"] == 1
        db.session.rollback()


def test_too_many_rows_and_unpacked_size_are_file_problems(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    with app.app_context():
        started = time.perf_counter()
        report = import_file("viele.csv", generated_csv(20_001), import_region_id())
        assert file_errors(report) == ["The file has more than 20000 rows; split it."]
        assert time.perf_counter() - started < 10
        monkeypatch.setitem(app.config, "IMPORT_MAX_ROWS", 2)
        rows = "".join(text_row(number, [f"R-{number}", "Firma", "Helfer"])
                       for number in range(2, 5))
        report = import_file("viele.xlsx", xlsx_with_sheet(text_row(1, HEADERS) + rows),
                             import_region_id())
        assert file_errors(report) == ["The file has more than 2 rows; split it."]
        assert import_file("zwei.csv", generated_csv(2), import_region_id()).counts["new"] == 2
        monkeypatch.setitem(app.config, "IMPORT_MAX_UNPACKED_BYTES", 1000)
        report = import_file("gross.xlsx", xlsx_with_sheet(text_row(1, HEADERS)),
                             import_region_id())
        assert file_errors(report)[0].startswith("The file could not be read.")
        assert set(vacancies()) == {"GEN-00000", "GEN-00001"}


UTF16_SURROGATE = ("\ufeffReferenznummer\tArbeitgeber\tStellentitel\r\nU-1\tFirma\t"
                   .encode("utf-16-le") + b"\x00\xd8" + "x\r\n".encode("utf-16-le"))
NOT_A_NUMBER = xlsx_with_sheet(text_row(1, HEADERS) + '<row r="2"><c r="A2"><v>abc</v></c></row>')
INFINITE = xlsx_with_sheet(text_row(1, HEADERS) + '<row r="2"><c r="A2"><v>1E999</v></c>'
                           '<c r="B2" t="inlineStr"><is><t>Firma</t></is></c>'
                           '<c r="C2" t="inlineStr"><is><t>Helfer</t></is></c>'
                           '<c r="D2"><v>1E999</v></c></row>')


@pytest.mark.parametrize(
    ("name", "content", "file_error", "row_error"),
    [
        ("surrogate.csv", UTF16_SURROGATE, "The file could not be read.", None),
        ("zahl.xlsx", NOT_A_NUMBER, "The file could not be read.", None),
        ("unendlich.xlsx", INFINITE, None, "This value cannot be read."),
        ("kaputt.xlsx", b"PK\x03\x04 kein zip", "The file could not be read.", None),
    ],
    ids=["utf16-lone-surrogate", "xlsx-number-abc", "xlsx-number-1e999", "not-a-zip"],
)
def test_malformed_files_never_fail(app: Flask, client: FlaskClient, tmp_path: Path, name: str,
                                    content: bytes, file_error: str | None,
                                    row_error: str | None) -> None:
    with app.app_context():
        report = import_file(name, content, import_region_id())
        if file_error:
            assert file_errors(report)[0].startswith(file_error)
        else:
            found = messages(report)
            assert [(row, column) for row, column, _ in found] == [
                (2, "Referenznummer"), (2, "Arbeitsort PLZ")]
            assert all(text.startswith(row_error or "") for _, _, text in found)
        db.session.rollback()
        sign_in(client, make_account("business_development").id)
    preview_url = upload(client, name, content).headers["Location"]
    assert client.get(preview_url, headers={"Accept-Language": "en"}).status_code == 200
    for kind in ("csv", "xlsx"):
        assert client.get(f"{preview_url}/errors.{kind}").status_code == 200
    token = csrf_token_from(client.get(preview_url).get_data(as_text=True))
    assert client.post(preview_url + "/confirm", data={"csrf_token": token}).status_code == 302
    path = tmp_path / name
    path.write_bytes(content)
    result = app.test_cli_runner().invoke(args=["import-vacancies", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert ("File: " if file_error else "Row 2, Arbeitsort PLZ: ") in result.output


def test_control_characters_are_left_out_of_xlsx_files(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        sign_in(client, make_account("business_development").id)
        employer = make_employer("Lager\x1bGmbH", postcode="49565")
        make_vacancy(employer, title="Lager\x07helfer", description="=\x01Formel",
                     external_ref="CC-1")
    exported = client.get("/imports/exports/vacancies.xlsx")
    assert exported.status_code == 200
    values = [cell.value for cell in load_workbook(io.BytesIO(exported.data)).active[2]]
    assert "Lagerhelfer" in values and "LagerGmbH" in values and "'=Formel" in values
    assert client.get("/imports/exports/employers.xlsx").status_code == 200
    csv_file = (b"Referenznummer;Arbeitgeber;Stellentitel;Beginn\r\n"
                b"CC-2;Firma\x07;Helfer;31.02.2026\r\n")
    preview_url = upload(client, "steuer.csv", csv_file).headers["Location"]
    rejected = client.get(preview_url + "/errors.xlsx")
    assert rejected.status_code == 200
    assert load_workbook(io.BytesIO(rejected.data)).active["B2"].value == "Firma"
