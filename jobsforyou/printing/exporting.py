"""An employer's match list as a formula-safe CSV or XLSX file (German, like the printed list)."""

from __future__ import annotations

from flask_babel import force_locale

from jobsforyou.imports.exporting import write_table
from jobsforyou.matchmaking.services import wished_occupations
from jobsforyou.printing.plan import PlannedPair
from jobsforyou.printing.services import PRINT_LANGUAGE

HEADERS = ("Stand", "Stelle", "Nachname", "Vorname", "Sprachen", "Deutsch", "Wunschberufe",
           "Verfügbar ab", "Telefon", "E-Mail", "Von den Veranstaltern gewählt",
           "Warum es passt", "Was noch fehlt")


def _wishes(pair: PlannedPair) -> str:
    return ", ".join(f"{wish.words} ({wish.german_name})" if wish.german_name else wish.words
                     for wish in wished_occupations(pair.registration))


def match_list_export(pairs: list[PlannedPair], kind: str) -> bytes:
    """The listed pairs (the caller kept only seekers who agreed to share their data) as a file,
    in list order; cells that a spreadsheet would run as a formula are neutralised."""
    with force_locale(PRINT_LANGUAGE):
        rows = [
            [pair.booth, pair.vacancy.title, pair.registration.family_name,
             pair.registration.given_name, ", ".join(pair.registration.languages),
             pair.registration.german_level, _wishes(pair), pair.registration.available_from,
             pair.registration.phone, pair.registration.email, "ja" if pair.pinned else "nein",
             "; ".join(reason.text for reason in pair.reasons(PRINT_LANGUAGE)),
             "; ".join(gap.text for gap in pair.gaps(PRINT_LANGUAGE))]
            for pair in pairs
        ]
    return write_table(HEADERS, rows, kind)
