"""German job-title conventions: gender forms, advert noise and compound words.

``strip_gender_forms`` works on raw text (it needs the ``/in``, ``*in``, ``(m/w/d)`` punctuation);
``strip_advert_noise``, ``fold_gender_suffixes`` and ``decompound`` work on folded text (see
``matching.normalise.fold_text``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from matching.normalise import fold_text

_GENDER_TAG = re.compile(
    r"[(\[]\s*(?:[mwfdxi]|all|alle|divers)(?:\s*[/|,.]\s*(?:[mwfdxi]|all|alle|divers))+\s*[)\]]"
    r"|\b[mwfd]\s*/\s*[mwfd](?:\s*/\s*[mwfdx])?\b"
    r"|\(\s*all genders\s*\)|\ball genders\b",
    re.IGNORECASE,
)
# Mitarbeiter/in, Mitarbeiter/-in, Mitarbeiter*in, Mitarbeiter:in, Mitarbeiter_in, (in), (-innen)
_GENDER_SUFFIX = re.compile(r"(?<=\w)(?:\s?/\s?-?|[*:_]|\(-?)(?:in|innen)\b\)?", re.IGNORECASE)
_BINNEN_I = re.compile(r"(?<=[a-zäöüß])In(?:nen)?\b")
_FEMININE_MANN = re.compile(r"/\s*-?\s*frau\b", re.IGNORECASE)
# cheap pre-check: every pattern below needs one of these
_MAY_HAVE_GENDER_FORM = re.compile(r"[/*:_(\[]|In\b|Innen\b|genders", re.IGNORECASE)
_SLASH_PAIR = re.compile(r"([^\W\d_][\w-]*)\s*/\s*([^\W\d_][\w-]*)")
# feminine endings folded to the masculine form: Mechanikerin → mechaniker, Ärztin → arzt
_FEMININE_TOKEN = re.compile(
    r"\b(?=\w{6,})(\w*?(?:er|ent|ant|eur|ist|yst|arzt|oge|at|ot|ech|och|and|ier|or|ar|it))in(?:nen)?\b"
)
# masculine forms ending in -e whose feminine drops it: Pädagoge/Pädagogin, Experte/Expertin,
# Gehilfe/Gehilfin, Kollege/Kollegin (both sides fold to the masculine)
_FEMININE_OF_E_FORM = re.compile(r"\b(?=\w{6,})(\w*?(?:og|ert|ilf|leg))in(?:nen)?\b")
_FRAU_COMPOUND = re.compile(r"\b(\w{3,})frau(en)?\b")

_NOISE_PHRASES: tuple[str, ...] = (
    r"in vollzeit", r"in teilzeit", r"vollzeit", r"teilzeit", r"vz", r"tz",
    r"ab sofort", r"sofort", r"zum nachstmoglichen zeitpunkt", r"zum \d+ \d+ \d*",
    r"auf minijob basis", r"auf \d+ euro basis", r"\d+ euro basis", r"\d+ euro", r"minijobber",
    r"minijob", r"mini job", r"nebenjob", r"aushilfsjob",
    r"auf geringfugiger basis", r"geringfugig",
    r"auch fur quereinsteiger", r"quereinsteiger innen", r"quereinsteigerin", r"quereinsteiger",
    r"quereinstieg moglich", r"quereinstieg", r"willkommen", r"moglich",
    r"unbefristet", r"befristet", r"in festanstellung", r"festanstellung",
    r"gesucht", r"dringend", r"stellenangebot", r"wir suchen", r"job", r"jobs", r"neu",
    r"im schichtdienst", r"schichtdienst", r"im schichtbetrieb", r"wechselschicht",
    r"fur unseren standort", r"standort", r"am standort", r"fur unser team", r"in unserem team",
    r"m w d", r"w m d", r"d m w", r"m f d", r"m w x", r"w m x", r"mwd", r"wmd",
    r"\d{5}", r"gmbh", r"ab \d+ \d+",
)  # fmt: skip
_NOISE = re.compile(r"\b(?:" + "|".join(_NOISE_PHRASES) + r")\b")
_SPACES = re.compile(r"\s+")

# Cities people name in adverts outside the region files (folded); region places come from the
# gazetteer through ``strip_advert_noise(places=...)``.
COMMON_PLACES: frozenset[str] = frozenset(
    fold_text(p)
    for p in (
        "Osnabrück", "Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Bremen", "Hannover",
        "Münster", "Bielefeld", "Dortmund", "Düsseldorf", "Essen", "Stuttgart", "Leipzig",
        "Dresden", "Nürnberg", "Oldenburg", "Lingen", "Vechta", "Cloppenburg", "Rheine",
        "Minden", "Herford", "Gütersloh", "Diepholz", "Nordhorn", "Meppen", "Emsland",
    )
)  # fmt: skip


def _is_feminine_of(second: str, first: str) -> bool:
    a, b = fold_text(first), fold_text(second)
    if b in {"in", "innen", "frau"} or b.startswith("-"):
        return True
    for suffix in ("innen", "in"):
        if b.endswith(suffix) and fuzz.ratio(b[: -len(suffix)], a) >= 80:
            return True
    if b.endswith("frau") and a.endswith("mann"):
        return True
    return False


def strip_gender_forms(text: str) -> str:
    """Remove gender tags and feminine doublets from a raw German title.

    "Lagerarbeiter/Lagerarbeiterin (m/w/d)" → "Lagerarbeiter"; "Maler/Lackierer" keeps both.
    """
    if not _MAY_HAVE_GENDER_FORM.search(text):
        return text
    text = _GENDER_TAG.sub(" ", text)
    text = _FEMININE_MANN.sub(" ", text)
    text = _GENDER_SUFFIX.sub("", text)
    text = _BINNEN_I.sub("", text)

    def pair(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        return first if _is_feminine_of(second, first) else f"{first} {second}"

    return _SLASH_PAIR.sub(pair, text)


def fold_gender_suffixes(folded: str) -> str:
    """Fold feminine word forms in folded text to the masculine: "kochin" → "koch",
    "padagogin" → "padagoge", "kauffrau" → "kaufmann"."""
    folded = _FEMININE_OF_E_FORM.sub(r"\1e", folded)
    folded = _FEMININE_TOKEN.sub(r"\1", folded)
    return _FRAU_COMPOUND.sub(r"\1mann", folded)


def longest_first(names: Iterable[str]) -> tuple[str, ...]:
    """Names ordered longest first, then alphabetically: a stable order for any iterable."""
    return names if isinstance(names, LongestFirst) else LongestFirst(names)


class LongestFirst(tuple[str, ...]):
    """A tuple of names already in ``longest_first`` order (sorted once, reused per text)."""

    def __new__(cls, names: Iterable[str]) -> LongestFirst:
        """Sort the names: longest first, then alphabetically."""
        return super().__new__(cls, sorted(set(names), key=lambda name: (-len(name), name)))


def strip_advert_noise(folded: str, places: Iterable[str] = COMMON_PLACES) -> str:
    """Remove advert noise ("in vollzeit", "ab sofort", "minijob", place names) from folded
    text; returns the input unchanged if nothing else would be left.

    Longer place names go first ("bad iburg" before "iburg"), so the result does not depend on
    the order in which the places are given (a set's order changes from run to run)."""
    cleaned = _NOISE.sub(" ", folded)
    for place in longest_first(places):
        if place and place in cleaned:
            cleaned = re.sub(
                rf"\b(?:(?:in|bei|nahe|raum|im raum|region) )?{re.escape(place)}\b", " ", cleaned
            )
    cleaned = re.sub(r"\b(?:in|im|bei|fur|ab|und|oder)\s*$", " ", cleaned.strip())
    cleaned = _SPACES.sub(" ", cleaned).strip()
    return cleaned or folded


_FUNCTION_WORDS = frozenset(
    "fur im in der die das den dem des und von mit am zum zur als bei of the and for a an".split()
)


def drop_function_words(folded: str) -> str:
    """Remove German/English function words ("Fachkraft für Lagerlogistik" = "Fachkraft -
    Lagerlogistik"); returns the input if nothing else would be left."""
    kept = [w for w in folded.split() if w not in _FUNCTION_WORDS]
    return " ".join(kept) if kept else folded


def collapse_doublet(folded: str) -> str:
    """ "x y x y" → "x y": the ESCO form "Kaufmann für Büromanagement/Kauffrau für
    Büromanagement" is one title twice once gender forms are folded."""
    words = folded.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return folded


def decompound(word: str, lexicon: frozenset[str], min_part: int = 4) -> tuple[str, ...]:
    """Split a folded compound into known parts ("produktionshelfer" → produktion, helfer);
    returns ``()`` if no split into lexicon words (with optional linking s/n/en) exists."""
    if len(word) < 2 * min_part:
        return ()
    best: tuple[str, ...] = ()
    for cut in range(min_part, len(word) - min_part + 1):
        head, tail = word[:cut], word[cut:]
        head_word = next(
            (h for h in (head, head[:-1] if head.endswith(("s", "n")) else "",
                         head[:-2] if head.endswith("en") else "") if h in lexicon),
            None,
        )  # fmt: skip
        if head_word is None:
            continue
        if tail in lexicon:
            parts: tuple[str, ...] = (head_word, tail)
        else:
            rest = decompound(tail, lexicon, min_part)
            if not rest:
                continue
            parts = (head_word, *rest)
        if not best or len(parts) < len(best):
            best = parts
    return best
