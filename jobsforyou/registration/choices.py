"""Choice lists of the seeker profile, with translated labels (lazy, evaluated per request)."""

from __future__ import annotations

from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

GERMAN_LEVELS = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
GERMAN_LEVEL_UNKNOWN = "unknown"

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
DRIVING_LICENCES = (
    "AM",
    "A1",
    "A2",
    "A",
    "B",
    "BE",
    "C1",
    "C1E",
    "C",
    "CE",
    "D1",
    "D",
    "DE",
    "L",
    "T",
)
COMMUTE_DISTANCES_KM = (5, 10, 15, 25, 40, 60, 100)

EMPLOYMENT_TYPES = {
    "full_time": _l("Full time"),
    "part_time": _l("Part time"),
    "mini_job": _l("Mini-job"),
    "apprenticeship": _l("Apprenticeship"),
    "internship": _l("Internship"),
}
RECOGNITION_STATUSES = {
    "none": _l("Not applied for"),
    "in_progress": _l("Recognition in progress"),
    "recognised": _l("Recognised in Germany"),
    "unknown": _l("I don't know"),
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
