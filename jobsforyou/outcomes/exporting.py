"""A fair's outcomes as a formula-safe CSV or XLSX file (German headers, local times)."""

from __future__ import annotations

import datetime as dt

from jobsforyou.imports.exporting import write_table
from jobsforyou.outcomes.models import Outcome
from jobsforyou.times import local_text

HEADERS = ("Arbeitgeber", "Stelle", "Ticket", "Nachname", "Vorname", "Ergebnis", "Notiz",
           "Erfasst am", "Geändert am")
STATUS_WORDS = {
    "talked": "Gespräch geführt", "interview_planned": "Vorstellungsgespräch geplant",
    "trial_day": "Probearbeit", "contract_offered": "Vertrag angeboten", "hired": "eingestellt",
    "not_a_fit": "passt nicht",
}


def outcome_export(outcomes: list[Outcome], kind: str, zone: dt.tzinfo) -> bytes:
    """The outcomes as a file; cells that a spreadsheet would run as a formula are neutralised."""
    rows = [
        [o.employer.name, o.vacancy.title if o.vacancy else "", o.registration.ticket_code,
         o.registration.family_name, o.registration.given_name, STATUS_WORDS[o.status.value],
         o.note, local_text(o.recorded_at, zone), local_text(o.updated_at, zone)]
        for o in outcomes
    ]
    return write_table(HEADERS, rows, kind)
