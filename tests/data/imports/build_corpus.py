"""Writes the import test corpus (run once: python tests/data/imports/build_corpus.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
HEADERS = ["Referenznummer", "Arbeitgeber", "Stellentitel", "Beschreibung",
           "Erforderliche Kenntnisse", "Deutschniveau", "Arbeitsort PLZ", "Arbeitsort",
           "Beschäftigungsart", "Beginn", "Anzahl Stellen", "Führerschein", "Status"]


def csv_text(rows: list[list[str]], delimiter: str = ";") -> str:
    """Rows joined as CSV (the cells of the corpus need no quoting unless they say so)."""
    return "".join(delimiter.join(row) + "\r\n" for row in rows)


def main() -> None:
    """Write every corpus file."""
    good = [
        HEADERS,
        ["ST-1001", "Müller Metallbau GmbH", "Schweißer (m/w/d)", "Schweißen von Stahlträgern",
         "MAG-Schweißen, Bauteile lesen", "B1", "49565", "Bramsche", "Vollzeit", "31.12.2026",
         "2,0", "B, CE", "offen"],
        ["ST-1002", "Müller Metallbau GmbH", "Helfer Lager (m/w/d)", "", "Stapler", "A2",
         "49565", "", "Teilzeit", "01.02.2027", "1", "keiner", ""],
        ["ST-1003", "Bäckerei Größe", "Verkäufer/in Bäckerei", "Früh ab 5 Uhr", "", "keine",
         "49324", "Melle", "Minijob", "sofort", "3", "", "Entwurf"],
    ]
    (HERE / "vacancies_cp1252_semicolon.csv").write_bytes(csv_text(good).encode("cp1252"))
    tolerant = [
        ["REFERENZNUMMER", "arbeitgeber", "Stellen titel", "Beschaeftigungsart", "Fuhrerschein",
         "Arbeitsort-PLZ", "beginn", "Bemerkung intern"],
        ["ST-2001", "Pflegedienst Lebensbaum", '"Pflegehelfer (m/w/d), Teilzeit"', "Teilzeit",
         "B", "49324", "2027-01-04", "ignoriert"],
    ]
    (HERE / "vacancies_utf8_bom_comma.csv").write_bytes(
        csv_text(tolerant, ",").encode("utf-8-sig"))
    (HERE / "vacancies_utf16_tab.csv").write_bytes(
        csv_text([HEADERS, good[1]], "\t").encode("utf-16"))
    (HERE / "missing_columns.csv").write_text(
        csv_text([["Arbeitgeber", "Beschreibung"], ["Firma", "Text"]]), encoding="utf-8")
    unknown = [HEADERS, good[1][:7] + ["Atlantis"] + good[1][8:]]
    (HERE / "unknown_municipality.csv").write_text(csv_text(unknown), encoding="utf-8")
    dates = [HEADERS]
    for number, start in enumerate(("31.02.2026", "morgen", "2026-13-01", "15.03.2027"), 1):
        dates.append([f"DT-{number}", "Datum GmbH", "Fahrer (m/w/d)", "", "", "A2", "49565",
                      "Bramsche", "Vollzeit", start, "1", "B", "offen"])
    (HERE / "bad_dates.csv").write_text(csv_text(dates), encoding="utf-8")
    (HERE / "empty.csv").write_bytes(b"")
    (HERE / "header_only.csv").write_text(csv_text([HEADERS]), encoding="utf-8")
    huge = [HEADERS, good[1][:3] + ["x" * 20_000] + good[1][4:]]
    (HERE / "huge_cell.csv").write_text(csv_text(huge), encoding="utf-8")
    duplicate = [HEADERS, good[1], good[2][:0] + ["ST-1001"] + good[2][1:], good[3]]
    (HERE / "duplicate_refs.csv").write_text(csv_text(duplicate), encoding="utf-8")
    (HERE / "binary.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(["XL-1", "Excel GmbH", "=A2&\" Titel\"", "", "", "B1", 49565, "Bramsche",
                  "Vollzeit", dt.datetime(2027, 1, 4), 2, "B", "offen"])
    sheet.append(["XL-2", "Excel GmbH", "Lagerist (m/w/d)", "=1+1", "", "A2", 49565, "Bramsche",
                  "Vollzeit", dt.datetime(2027, 2, 1), 1.0, "", "offen"])
    sheet.append(["XL-3", "Excel GmbH", "Staplerfahrer (m/w/d)", "'=kein Formel", "", "A2",
                  49565, "Bramsche", "Vollzeit", "01.03.2027", 1, "", ""])
    workbook.save(HERE / "formula_cells.xlsx")


if __name__ == "__main__":
    main()
