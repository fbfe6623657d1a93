"""Benchmark: import 10,000 German vacancy rows (CSV and XLSX), then import them again.

    python benchmarks/import_vacancies.py
    JOBSFORYOU_TEST_DATABASE_URL=postgresql://127.0.0.1:5432/test \
        python benchmarks/import_vacancies.py

Runs the real import service against a temporary SQLite database, and also against a throwaway
PostgreSQL database when JOBSFORYOU_TEST_DATABASE_URL is set. Prints seconds and rows per second.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobsforyou import create_app  # noqa: E402
from jobsforyou.extensions import db  # noqa: E402
from jobsforyou.imports.services import import_file  # noqa: E402
from jobsforyou.imports.storage import import_region_id  # noqa: E402
from jobsforyou.regions.services import sync_regions  # noqa: E402

ROWS = 10_000
HEADERS = [
    "Referenznummer",
    "Arbeitgeber",
    "Stellentitel",
    "Beschreibung",
    "Erforderliche Kenntnisse",
    "Deutschniveau",
    "Arbeitsort PLZ",
    "Arbeitsort",
    "Beschäftigungsart",
    "Beginn",
    "Anzahl Stellen",
    "Führerschein",
    "Status",
]
PLACES = [
    ("49565", "Bramsche"),
    ("49324", "Melle"),
    ("49124", "Georgsmarienhütte"),
    ("49610", "Quakenbrück"),
    ("49134", "Wallenhorst"),
    ("49577", "Ankum"),
]
TITLES = [
    "Schweißer (m/w/d)",
    "Produktionshelfer Lebensmittel (m/w/d)",
    "Pflegehelfer (m/w/d)",
    "Berufskraftfahrer CE (m/w/d)",
    "Reinigungskraft (m/w/d)",
    "Koch/Köchin",
]
KINDS = ["Vollzeit", "Teilzeit", "Minijob", "Ausbildung", "Praktikum"]


def german_rows(count: int) -> list[list[str]]:
    """Realistic rows: German words, dates, decimal commas, umlauts."""
    rows = []
    for number in range(count):
        postcode, place = PLACES[number % len(PLACES)]
        rows.append(
            [
                f"BM-{number:06d}",
                f"Betrieb {number % 500} GmbH & Co. KG",
                TITLES[number % len(TITLES)],
                "Wir suchen Verstärkung für unser Team in "
                f"{place}. Einarbeitung durch erfahrene Kolleginnen und Kollegen.",
                "Staplerschein, Schichtbereitschaft",
                ["A2", "B1", "keine", "B2"][number % 4],
                postcode,
                place,
                KINDS[number % 5],
                f"{1 + number % 28:02d}.{1 + number % 12:02d}.2027",
                f"{1 + number % 4},0",
                ["B", "keiner", "B, CE"][number % 3],
                "offen",
            ]
        )
    return rows


def csv_bytes(rows: list[list[str]]) -> bytes:
    """Semicolon CSV in Windows-1252, as German Excel saves it."""
    lines = [";".join(HEADERS)] + [";".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """The same rows as an Excel workbook."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@contextmanager
def database_urls() -> Iterator[list[tuple[str, str]]]:
    """A temporary SQLite file, and a throwaway PostgreSQL database when configured."""
    with tempfile.TemporaryDirectory() as directory:
        urls = [("SQLite", f"sqlite:///{directory}/benchmark.sqlite")]
        server = os.environ.get("JOBSFORYOU_TEST_DATABASE_URL")
        admin = None
        name = f"jfy_bench_{uuid.uuid4().hex[:10]}"
        if server:
            url = make_url(server).set(drivername="postgresql+psycopg")
            admin = create_engine(url, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            throwaway = url.set(database=name).render_as_string(hide_password=False)
            urls.append(("PostgreSQL", throwaway))
        try:
            yield urls
        finally:
            if admin is not None:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


def measure(label: str, filename: str, content: bytes) -> None:
    """Import a file twice (new, then all unchanged) and print the timings."""
    for attempt in ("first import", "re-import"):
        db.session.expunge_all()
        started = time.perf_counter()
        report = import_file(filename, content, import_region_id())
        db.session.commit()
        seconds = time.perf_counter() - started
        counts = report.counts
        print(
            f"{label:<22} {attempt:<13} {seconds:6.2f} s  {ROWS / seconds:8.0f} rows/s  "
            f"new={counts['new']} unchanged={counts['unchanged']} errors={counts['error']}"
        )
        if report.has_errors:
            raise SystemExit("the benchmark file should import without errors")


def main() -> int:
    """Run the benchmark on each database."""
    rows = german_rows(ROWS)
    files = {"csv": csv_bytes(rows), "xlsx": xlsx_bytes(rows)}
    with database_urls() as urls:
        for database, url in urls:
            app = create_app({"SQLALCHEMY_DATABASE_URI": url, "ENV_NAME": "development"})
            with app.app_context():
                db.create_all()
                sync_regions(app.config["REGION_DIRECTORY"])
                db.session.commit()
                for kind, content in files.items():
                    measure(f"{database} {kind.upper()}", f"stellen.{kind}", content)
                    db.session.execute(text("DELETE FROM vacancies"))
                    db.session.execute(text("DELETE FROM employers"))
                    db.session.commit()
                db.session.remove()
                db.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
