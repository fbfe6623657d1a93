"""Reading an uploaded CSV or XLSX file into headers and rows; formulas are never evaluated."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from openpyxl import load_workbook

from jobsforyou.imports.values import Formula

ALLOWED_EXTENSIONS = ("csv", "xlsx")
DELIMITERS = ";,\t"
DEFAULT_MAX_ROWS = 20_000
DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 100
MAX_EMPTY_RUN = 1000
SNIFF_CHARACTERS = 64 * 1024
UNREADABLE = _l("The file could not be read. Save it as CSV (UTF-8 or Windows-1252) "
                "or as an Excel workbook (.xlsx).")
T = TypeVar("T")


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


def read_table(filename: str, content: bytes, max_rows: int | None = None) -> Table:
    """Parse a CSV (any usual delimiter and encoding) or XLSX file; empty rows are skipped.

    At most `max_rows` data rows (config IMPORT_MAX_ROWS) are read; a longer file is refused.
    """
    kind = file_kind(filename)
    if not content.strip():
        raise FileProblem(_l("The file is empty."))
    if max_rows is None:
        max_rows = _config("IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)
    if kind == "xlsx":
        numbered = _read_xlsx_safely(lambda: _limited_rows(_xlsx_rows(content), max_rows))
    else:
        numbered = _limited_rows(_csv_rows(content), max_rows)
    if not numbered:
        raise FileProblem(_l("The file is empty."))
    (_header_number, header_row), data = numbered[0], numbered[1:]
    headers = [str(cell).strip() if cell is not None else "" for cell in header_row]
    width = len(headers)
    return Table(headers, [(number, (row + [None] * width)[:width]) for number, row in data])


def decode_text(content: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's Unicode text), else Windows-1252."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = content.decode("utf-16")
        except UnicodeDecodeError as error:  # an odd length or a lone surrogate
            raise FileProblem(UNREADABLE) from error
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise FileProblem(UNREADABLE)
    return text


def _config(name: str, default: int) -> int:
    return int(current_app.config.get(name, default)) if has_app_context() else default


def _limited_rows(rows: Iterable[list[object]], max_rows: int) -> list[tuple[int, list[object]]]:
    """The non-empty rows with their numbers: the header and at most `max_rows` data rows.

    One more non-empty row refuses the file. Beyond row `max_rows` + 1, a long run of empty
    rows (like the formatted but empty rows spreadsheets keep) ends the reading.
    """
    numbered: list[tuple[int, list[object]]] = []
    empty_run = 0
    for number, row in enumerate(rows, start=1):
        if not any(cell not in (None, "") for cell in row):
            empty_run += 1
            if number > max_rows + 1 and empty_run >= MAX_EMPTY_RUN:
                break
            continue
        empty_run = 0
        if len(numbered) > max_rows:
            raise FileProblem(_l("The file has more than %(max)s rows; split it.", max=max_rows))
        numbered.append((number, row))
    return numbered


def _csv_rows(content: bytes) -> Iterator[list[object]]:
    text = decode_text(content)
    first_line = text[:SNIFF_CHARACTERS].split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = max(DELIMITERS, key=first_line.count)
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield [Formula(cell) if cell.startswith("=") else cell for cell in row]
    except csv.Error as error:
        raise FileProblem(_l("The file could not be read as CSV: %(problem)s",
                             problem=str(error))) from error


def _read_xlsx_safely(read: Callable[[], T]) -> T:
    """Run a step of reading a workbook; whatever openpyxl cannot parse is a file problem."""
    try:
        return read()
    except FileProblem:
        raise
    except Exception as error:  # whatever the parser trips over in an uploaded file
        raise FileProblem(UNREADABLE) from error


def _xlsx_rows(content: bytes) -> Iterator[list[object]]:
    """The rows of the first sheet (formulas marked, never evaluated), at most MAX_COLUMNS wide.

    The sheet's claimed dimension is ignored and the unpacked size is checked first, so a small
    crafted file cannot make the reader allocate huge empty rows.
    """
    def unpacked_size() -> int:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return sum(info.file_size for info in archive.infolist())

    limit = _config("IMPORT_MAX_UNPACKED_BYTES", DEFAULT_MAX_UNPACKED_BYTES)
    if _read_xlsx_safely(unpacked_size) > limit:
        raise FileProblem(UNREADABLE)
    workbook = _read_xlsx_safely(
        lambda: load_workbook(io.BytesIO(content), read_only=True, data_only=False))
    try:
        sheet = _read_xlsx_safely(lambda: workbook.worksheets[0])
        sheet.reset_dimensions()
        for row in sheet.iter_rows(max_col=MAX_COLUMNS):
            cells = [Formula(cell.value) if cell.data_type == "f" else cell.value for cell in row]
            while cells and cells[-1] is None:
                cells.pop()
            yield cells
    finally:
        workbook.close()
