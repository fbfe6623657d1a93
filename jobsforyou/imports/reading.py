"""Reading an uploaded CSV or XLSX file into headers and rows; formulas are never evaluated."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from openpyxl import load_workbook

from jobsforyou.imports.values import Formula

ALLOWED_EXTENSIONS = ("csv", "xlsx")
DELIMITERS = ";,\t"


class FileProblem(ValueError):
    """The file as a whole cannot be imported; the message says why in the reader's language."""

    def __init__(self, message: LazyString) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Table:
    """The header row and the data rows of a file, each with its row number in the file."""

    headers: list[str]
    rows: list[tuple[int, list[object]]]


def file_kind(filename: str) -> str:
    """csv or xlsx from a file name; anything else is refused."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise FileProblem(_l("Only CSV files (.csv) and Excel workbooks (.xlsx) can be imported."))
    return extension


def read_table(filename: str, content: bytes) -> Table:
    """Parse a CSV (any usual delimiter and encoding) or XLSX file; empty rows are skipped."""
    kind = file_kind(filename)
    if not content.strip():
        raise FileProblem(_l("The file is empty."))
    rows = _xlsx_rows(content) if kind == "xlsx" else _csv_rows(content)
    numbered = [(number, row) for number, row in enumerate(rows, start=1)
                if any(cell not in (None, "") for cell in row)]
    if not numbered:
        raise FileProblem(_l("The file is empty."))
    (_header_number, header_row), data = numbered[0], numbered[1:]
    headers = [str(cell).strip() if cell is not None else "" for cell in header_row]
    width = len(headers)
    return Table(headers, [(number, (row + [None] * width)[:width]) for number, row in data])


def decode_text(content: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's Unicode text), else Windows-1252."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = content.decode("utf-16")
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise FileProblem(_l("The file could not be read. Save it as CSV (UTF-8 or Windows-1252) "
                             "or as an Excel workbook (.xlsx)."))
    return text


def _csv_rows(content: bytes) -> list[list[object]]:
    text = decode_text(content)
    first_line = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = max(DELIMITERS, key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise FileProblem(_l("The file could not be read as CSV: %(problem)s",
                             problem=str(error))) from error
    return [[Formula(cell) if cell.startswith("=") else cell for cell in row] for row in rows]


def _xlsx_rows(content: bytes) -> list[list[object]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise FileProblem(_l("The file could not be read. Save it as CSV (UTF-8 or Windows-1252) "
                             "or as an Excel workbook (.xlsx).")) from error
    try:
        sheet = workbook.worksheets[0]
        return [
            [Formula(cell.value) if cell.data_type == "f" else cell.value for cell in row]
            for row in sheet.iter_rows()
        ]
    finally:
        workbook.close()
