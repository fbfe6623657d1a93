"""Reading single cell values as German offices write them: dates, decimal commas, word lists."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

from babel import Locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from jobsforyou.codes import DRIVING_LICENCES, GERMAN_LEVELS, SPOKEN_LANGUAGES
from jobsforyou.imports.columns import normalise_label
from jobsforyou.request_guards import is_storable

MAX_CELL_LENGTH = 10_000
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
POSTCODE = re.compile(r"^\d{5}$")
LEADING_POSTCODE = re.compile(r"^\d{5}\s+")
GERMAN_LEVEL = re.compile(r"\b([ABC][12])\b")
LIST_SEPARATORS = re.compile(r"[;,\n]+")
LICENCE_SEPARATORS = re.compile(r"[\s,;/+]+")

IMMEDIATELY = {"sofort", "absofort", "asap", "immediately", "now"}
NO_GERMAN = {"keine", "kein", "ohne", "none", "no", "0"}
NO_LICENCE = {"keiner", "kein", "keine", "nein", "no", "none", "ohne"}
ANY_LICENCE = {"ja", "yes", "vorhanden"}
EMPLOYMENT_TYPES = {
    "vollzeit": "full_time", "vz": "full_time", "fulltime": "full_time",
    "teilzeit": "part_time", "tz": "part_time", "parttime": "part_time",
    "minijob": "mini_job", "geringfuegig": "mini_job", "geringfuegigebeschaeftigung": "mini_job",
    "520eurojob": "mini_job", "ausbildung": "apprenticeship", "azubi": "apprenticeship",
    "apprenticeship": "apprenticeship", "praktikum": "internship", "internship": "internship",
}
STATUSES = {
    "offen": "open", "open": "open", "aktiv": "open", "active": "open",
    "entwurf": "draft", "draft": "draft",
    "besetzt": "filled", "vergeben": "filled", "filled": "filled",
    "geschlossen": "closed", "beendet": "closed", "abgelaufen": "closed", "closed": "closed",
}
NEUTRALISED_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class Formula(str):
    """A spreadsheet cell holding a formula; it is never evaluated and never imported."""

    __slots__ = ()


class ValueProblem(ValueError):
    """A cell value cannot be used; the message says why in the reader's language."""

    def __init__(self, message: LazyString) -> None:
        super().__init__(message)
        self.message = message


def cell_text(value: object) -> str:
    """A cell as trimmed text (an exported cell's protective apostrophe is removed again).

    Control characters and lone surrogates are refused: no database stores them as text.
    """
    if value is None:
        return ""
    if isinstance(value, Formula):
        raise ValueProblem(_l("The cell contains a formula. Enter the value itself; formulas "
                              "are not imported."))
    if not isinstance(value, str | int | float | dt.date | dt.time | dt.timedelta) or (
            isinstance(value, float) and not math.isfinite(value)):
        raise ValueProblem(_l("This value cannot be read. Enter a text or a number."))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in NEUTRALISED_PREFIXES:
        text = text[1:]
    if len(text) > MAX_CELL_LENGTH:
        raise ValueProblem(_l("The text is too long: %(length)s characters, at most %(limit)s.",
                              length=len(text), limit=MAX_CELL_LENGTH))
    if not is_storable(text):
        raise ValueProblem(_l("The text contains control characters or broken characters. "
                              "Remove them."))
    return text


def limited_text(value: object, limit: int) -> str:
    """Text of at most `limit` characters."""
    text = cell_text(value)
    if len(text) > limit:
        raise ValueProblem(_l("The text is too long: %(length)s characters, at most %(limit)s.",
                              length=len(text), limit=limit))
    return text


def parse_date(value: object) -> dt.date | None:
    """31.12.2026, 31.12.26, 2026-12-31, a spreadsheet date, or sofort/empty (None)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = cell_text(value)
    if not text or normalise_label(text) in IMMEDIATELY:
        return None
    try:
        if match := GERMAN_DATE.match(text):
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
        if match := ISO_DATE.match(text):
            year, month, day = (int(part) for part in match.groups())
            return dt.date(year, month, day)
    except ValueError:
        pass
    raise ValueProblem(_l("%(value)s is not a date. Write dates like 31.12.2026.", value=text))


def parse_count(value: object, default: int = 1) -> int:
    """A whole number of at least one, also written with a decimal comma (2,0)."""
    text = cell_text(value).replace(" ", "")
    if not text:
        return default
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value() or not 1 <= number <= 999:
        raise ValueProblem(_l("%(value)s is not a number of openings. Enter a whole number from "
                              "1 to 999.", value=cell_text(value)))
    return int(number)


def parse_postcode(value: object) -> str:
    """A German postcode of five digits (spreadsheets may have turned it into a number)."""
    if isinstance(value, float) and value.is_integer():  # never infinite or NaN
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 99_999:
        value = f"{value:05d}"
    text = cell_text(value)
    if text and not POSTCODE.match(text):
        raise ValueProblem(_l("%(value)s is not a postcode. A German postcode has five digits.",
                              value=text))
    return text


def municipality_key(value: str) -> str:
    """A place name reduced for lookup ("49565 Bramsche" and "bramsche" are the same)."""
    return normalise_label(LEADING_POSTCODE.sub("", value))


def parse_german_level(value: object) -> str | None:
    """A level of the Common European Framework (A1 … C2), none, or None when not given."""
    text = cell_text(value)
    if not text:
        return None
    if normalise_label(text) in NO_GERMAN:
        return "none"
    match = GERMAN_LEVEL.search(text.upper())
    if match and match.group(1) in GERMAN_LEVELS:
        return match.group(1)
    raise ValueProblem(_l("Unknown German level %(value)s. Use A1, A2, B1, B2, C1, C2 or keine.",
                          value=text))


def parse_employment_type(value: object) -> str:
    """One of full_time, part_time, mini_job, apprenticeship, internship (German words too)."""
    text = cell_text(value)
    if not text:
        return "full_time"
    found = EMPLOYMENT_TYPES.get(normalise_label(text)) or EMPLOYMENT_TYPES.get(
        normalise_label(text).replace("_", ""))
    if found is None:
        raise ValueProblem(_l("Unknown kind of employment %(value)s. Use Vollzeit, Teilzeit, "
                              "Minijob, Ausbildung or Praktikum.", value=text))
    return found


def parse_status(value: object) -> str:
    """A vacancy state from its German or English name; empty means open."""
    text = cell_text(value)
    if not text:
        return "open"
    found = STATUSES.get(normalise_label(text))
    if found is None:
        raise ValueProblem(_l("Unknown status %(value)s. Use offen, Entwurf, besetzt or "
                              "geschlossen.", value=text))
    return found


def parse_text_list(value: object) -> list[str]:
    """Items separated by commas, semicolons or line breaks (or a JSON list)."""
    if isinstance(value, list | tuple):
        return [item for item in (cell_text(entry) for entry in value) if item]
    return [item.strip() for item in LIST_SEPARATORS.split(cell_text(value)) if item.strip()]


def parse_licences(value: object) -> list[str]:
    """Licence classes like "B, CE"; keiner means none, ja means a car licence (B)."""
    if isinstance(value, list | tuple):
        words = [cell_text(entry).upper() for entry in value]
    else:
        text = cell_text(value)
        if normalise_label(text) in NO_LICENCE or text in ("", "-"):
            return []
        if normalise_label(text) in ANY_LICENCE:
            return ["B"]
        words = [word.upper() for word in LICENCE_SEPARATORS.split(text) if word]
    classes = [word for word in words if word not in ("KLASSE", "CLASS")]
    unknown = [word for word in classes if word not in DRIVING_LICENCES]
    if unknown:
        raise ValueProblem(_l("Unknown driving licence class %(value)s.", value=", ".join(unknown)))
    return list(dict.fromkeys(classes))


def _language_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for reader in ("de", "en"):
        names = Locale.parse(reader).languages
        for code in SPOKEN_LANGUAGES:
            index.setdefault(normalise_label(code), code)
            if code in names:
                index.setdefault(normalise_label(names[code]), code)
    index.setdefault("kurdisch", "ku")
    index.setdefault("dari", "fa")
    return index


LANGUAGE_INDEX = _language_index()


def parse_languages(value: object) -> list[str]:
    """Language codes from names or codes (Ukrainisch, Arabic, uk)."""
    codes = []
    for item in parse_text_list(value):
        code = LANGUAGE_INDEX.get(normalise_label(item))
        if code is None:
            raise ValueProblem(_l("Unknown language %(value)s.", value=item))
        codes.append(code)
    return list(dict.fromkeys(codes))
