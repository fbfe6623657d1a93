"""Codes the whole app shares — German levels, kinds of work, licences, languages — and their
translated labels (lazy, evaluated per request).

Where the matching library defines a code list (German levels, employment types, recognition
states, driving licence classes), it is taken from there, so that forms, imports and the
matching interchange format can never drift apart.
"""

from __future__ import annotations

from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from matching import licences
from matching import models as matching_codes

GERMAN_LEVELS: tuple[str, ...] = matching_codes.GERMAN_LEVELS
GERMAN_LEVEL_UNKNOWN = "unknown"  # the seeker's answer "I don't know my level"

# Languages that visitors of the fairs speak (ISO 639 codes known to CLDR).
SPOKEN_LANGUAGES = (
    "de",
    "en",
    "uk",
    "ru",
    "ar",
    "fa",
    "ps",
    "tr",
    "ku",
    "ckb",
    "ti",
    "so",
    "fr",
    "pl",
    "ro",
    "bg",
    "sq",
    "sr",
    "es",
    "it",
    "ur",
    "hi",
    "ta",
    "am",
    "ka",
    "hy",
    "az",
    "uz",
    "tg",
)
INTERPRETER_LANGUAGES = ("uk", "ru", "ar", "fa", "ps", "tr", "ku", "ti", "en", "fr", "so")
DRIVING_LICENCES: tuple[str, ...] = licences.LICENCE_CLASSES
COMMUTE_DISTANCES_KM = (5, 10, 15, 25, 40, 60, 100)

_EMPLOYMENT_TYPE_LABELS = {
    "full_time": _l("Full time"),
    "part_time": _l("Part time"),
    "mini_job": _l("Mini-job"),
    "apprenticeship": _l("Apprenticeship"),
    "internship": _l("Internship"),
}
EMPLOYMENT_TYPES = {code: _EMPLOYMENT_TYPE_LABELS[code] for code in matching_codes.EMPLOYMENT_TYPES}
_RECOGNITION_LABELS = {
    "none": _l("Not applied for"),
    "in_progress": _l("Recognition in progress"),
    "recognised": _l("Recognised in Germany"),
    "unknown": _l("I don't know"),
}
RECOGNITION_STATUSES = {
    state: _RECOGNITION_LABELS[state] for state in matching_codes.RECOGNITION_STATES
}


def german_level_label(level: str) -> str:
    """The translated label of a German level choice."""
    labels = {
        "none": _l("No German yet"),
        GERMAN_LEVEL_UNKNOWN: _l("I don't know my level"),
    }
    return str(labels.get(level, level))


def language_name(code: str) -> str:
    """A language's name in the reader's language (CLDR), e.g. 'Arabisch' for ar in German."""
    languages = Locale.parse(str(get_locale() or "de")).languages
    # "ku" on this site is Kurmanji: CLDR names it under "kmr" where it has a name for it
    name = (languages.get("kmr") if code == "ku" else None) or languages.get(code)
    return name or code


def language_choices(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(code, name in the reader's language) pairs, sorted by name in the reader's collation."""
    return sorted(((code, language_name(code)) for code in codes), key=lambda pair: pair[1])
