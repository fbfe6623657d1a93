"""The column layout of vacancy files: German headers, tolerant spellings, JSON names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

UMLAUTS_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
UMLAUTS_DROPPED = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Column:
    """One column of the layout: its key, German header, other accepted spellings, JSON name."""

    key: str
    header: str
    help: LazyString
    aliases: tuple[str, ...] = ()
    required: bool = False

    @property
    def json_name(self) -> str:
        """The field name in the JSON API (as in DESIGN.md section 6 where it exists)."""
        return "id" if self.key == "ref" else self.key


COLUMNS: tuple[Column, ...] = (
    Column("ref", "Referenznummer", _l("Your reference number of the vacancy; it identifies the "
           "vacancy when the file is imported again."),
           ("Referenz", "Ref", "Stellennummer", "Stellen-ID", "Reference", "external_ref", "id"),
           required=True),
    Column("employer", "Arbeitgeber", _l("Name of the employer."),
           ("Firma", "Unternehmen", "Arbeitgebername", "Employer"), required=True),
    Column("employer_ref", "Arbeitgeber-Referenz", _l("Optional reference number of the "
           "employer; without it the employer is found by name and postcode."),
           ("Arbeitgebernummer", "Employer reference")),
    Column("employer_postcode", "Arbeitgeber PLZ", _l("Postcode of the employer's address."),
           ("PLZ Arbeitgeber", "Employer postcode")),
    Column("title", "Stellentitel", _l("Job title, for example Schweißer (m/w/d)."),
           ("Titel", "Stelle", "Stellenbezeichnung", "Job title", "Title"), required=True),
    Column("description", "Beschreibung", _l("Description of the job."),
           ("Stellenbeschreibung", "Description")),
    Column("required_skills", "Erforderliche Kenntnisse", _l("Skills, separated by commas or "
           "semicolons."), ("Kenntnisse", "Anforderungen", "Required skills")),
    Column("optional_skills", "Wünschenswerte Kenntnisse", _l("Skills that help, separated by "
           "commas or semicolons."), ("Optionale Kenntnisse", "Optional skills")),
    Column("german_level_min", "Deutschniveau", _l("A1, A2, B1, B2, C1, C2 or keine."),
           ("Deutschkenntnisse", "Sprachniveau Deutsch", "German level")),
    Column("languages_helpful", "Hilfreiche Sprachen", _l("Other languages that help, as names "
           "or codes, for example Ukrainisch, ar."), ("Sprachen", "Languages helpful")),
    Column("postcode", "Arbeitsort PLZ", _l("Postcode of the place of work (five digits)."),
           ("PLZ", "Postleitzahl", "PLZ Arbeitsort", "Postcode")),
    Column("municipality", "Arbeitsort", _l("Town or municipality of the place of work."),
           ("Ort", "Gemeinde", "Einsatzort", "Municipality")),
    Column("employment_type", "Beschäftigungsart", _l("Vollzeit, Teilzeit, Minijob, Ausbildung "
           "or Praktikum."), ("Arbeitszeitmodell", "Anstellungsart", "Employment type")),
    Column("hours", "Arbeitszeit", _l("Working hours as text, for example 38,5 Std./Woche."),
           ("Wochenstunden", "Working hours")),
    Column("start_date", "Beginn", _l("Start date like 31.12.2026 (or 2026-12-31, or sofort)."),
           ("Eintrittsdatum", "Startdatum", "Start", "Start date")),
    Column("openings", "Anzahl Stellen", _l("Number of openings (a whole number)."),
           ("Anzahl", "Stellen", "Openings")),
    Column("driving_licences_required", "Führerschein", _l("Required licence classes, for "
           "example B, CE; or keiner."), ("Führerscheinklasse", "Fahrerlaubnis",
                                          "Driving licence")),
    Column("status", "Status", _l("offen, Entwurf, besetzt or geschlossen (empty: offen)."),
           ("Stellenstatus",)),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
COLUMNS_BY_JSON_NAME = {column.json_name: column for column in COLUMNS}
REQUIRED_KEYS = tuple(column.key for column in COLUMNS if column.required)


def normalise_label(text: str, umlauts: dict[int, str] = UMLAUTS_SPELLED) -> str:
    """A header or word reduced for tolerant comparison: case, spaces, punctuation, umlauts."""
    return NOT_ALPHANUMERIC.sub("", text.strip().casefold().translate(umlauts))


def _build_header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for column in COLUMNS:
        for spelling in (column.header, column.key, *column.aliases):
            for umlauts in (UMLAUTS_SPELLED, UMLAUTS_DROPPED):
                index.setdefault(normalise_label(spelling, umlauts), column.key)
    return index


HEADER_INDEX = _build_header_index()


def column_key(header: object) -> str | None:
    """The column a header names (Beschäftigungsart, beschaeftigungsart, BESCHAFTIGUNGSART …)."""
    text = str(header or "")
    return (HEADER_INDEX.get(normalise_label(text))
            or HEADER_INDEX.get(normalise_label(text, UMLAUTS_DROPPED)))
