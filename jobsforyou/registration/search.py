"""Finding a registration by what staff type: a name in any script, a phone number, a ticket code.

Names are compared by a search key: case, accents and Arabic vowel marks removed, Cyrillic
written in Latin letters and the usual spelling variants of transliteration folded together
(Мирослава, Myroslava and Miroslava share the key "miroslava"). Close spellings (one letter
off) still match through rapidfuzz.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from jobsforyou.formfields import ascii_digits
from jobsforyou.registration.models import Registration
from matching.normalise import fold_text

# Spelling variants of the same sound in common transliterations, folded to one letter.
_TRANSLITERATION_VARIANTS = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(?:ou|oo)"), "u"),
    (re.compile(r"(\w)\1+"), r"\1"),  # doubled letters: Mohammad = Mohamad
)
FUZZY_THRESHOLD = 85
_TICKET_JUNK = re.compile(r"[\s\-_]+")


def name_key(text: str) -> str:
    """The search key of a name: folded, transliterated, spelling variants made equal."""
    key = fold_text(text)
    for pattern, replacement in _TRANSLITERATION_VARIANTS:
        key = pattern.sub(replacement, key)
    return key


def ticket_key(text: str) -> str:
    """A ticket code as typed: upper case, without spaces and dashes."""
    return _TICKET_JUNK.sub("", text).upper()


def _phone_digits(text: str) -> str:
    return re.sub(r"\D", "", ascii_digits(text))


def matches(registration: Registration, query: str) -> bool:
    """Whether a registration is what staff searched for (name, phone or ticket code)."""
    query = query.strip()
    if not query:
        return True
    if ticket_key(query) == ticket_key(registration.ticket_code):
        return True
    digits = _phone_digits(query)
    if len(digits) >= 4 and digits == re.sub(r"\D", "", query.replace("+", "")):
        phone = _phone_digits(registration.phone or "")
        return digits in phone or digits.lstrip("0") in phone
    wanted = name_key(query)
    if not wanted:
        return False
    full = name_key(f"{registration.given_name} {registration.family_name}")
    reverse = name_key(f"{registration.family_name} {registration.given_name}")
    if wanted in full or wanted in reverse:
        return True
    words = full.split()
    return all(
        any(word.startswith(part) or fuzz.ratio(part, word) >= FUZZY_THRESHOLD for word in words)
        for part in wanted.split()
    )
