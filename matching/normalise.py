"""Script-level normalisation of free text in de en uk ru ar fa tr ku.

``fold_text`` makes spelling variants equal: Unicode NFKC, case folding, German umlauts and
their ae/oe/ue spellings, ß/ss, Turkish letters, Arabic/Persian letter variants, ZWNJ, tatweel,
diacritics, and Cyrillic transliterated to Latin. German job-title conventions (gender forms,
advert noise, compounds) are handled in ``matching.german_titles``.
"""

from __future__ import annotations

import re
import unicodedata

from matching.transliterate import cyrillic_to_latin

_ARABIC_SCRIPT_FOLDS = str.maketrans(
    {
        "\u0649": "\u064a",  # alef maksura ى → yeh ي
        "\u06cc": "\u064a",  # Farsi yeh ی → ي
        "\u06d2": "\u064a",  # yeh barree
        "\u06a9": "\u0643",  # keheh ک → kaf ك
        "\u0629": "\u0647",  # teh marbuta ة → heh ه
        "\u06c0": "\u0647",  # heh with yeh above ۀ
        "\u06d5": "\u0647",  # ae
        "\u0640": "",  # tatweel
        "\u200c": "",  # zero-width non-joiner
        "\u200d": "",  # zero-width joiner
        "\u200f": "",  # right-to-left mark
        "\u200e": "",  # left-to-right mark
        "\u0131": "i",  # Turkish dotless ı
        "\u0142": "l",  # ł
        "\u00f8": "o",  # ø
        "\u0153": "oe",  # œ
        "\u00e6": "ae",  # æ
        "\u2019": "",  # ’ (apostrophes vanish: sa'iq = saiq)
        "'": "",
        "\u02bc": "",
        "`": "",
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# ae/oe/ue after a consonant is a German umlaut spelling (Koechin, Mueller), not "Bauer".
_UMLAUT_DIGRAPH = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])([aou])e")
# Arabic definite article (also after و "and"): "عامل النظافة" = "عامل نظافة"
_ARABIC_ARTICLE = re.compile(r"(?<![\w])(?:و?ال)(?=\w{3,})")
_NON_WORD = re.compile(r"[^\w]+|_")
_SPACES = re.compile(r"\s+")


def strip_marks(text: str) -> str:
    """Remove combining marks (accents, umlaut dots, Arabic harakat, hamza carriers)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


def fold_text(text: str) -> str:
    """Fold ``text`` to a canonical lower-case, mark-free, Latin-for-Cyrillic form with single
    spaces; punctuation becomes a space."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_ARABIC_SCRIPT_FOLDS).translate(_DIGITS)
    text = strip_marks(text)
    text = cyrillic_to_latin(text)
    text = _UMLAUT_DIGRAPH.sub(r"\1", text)
    text = _NON_WORD.sub(" ", text)
    text = _ARABIC_ARTICLE.sub("", text)
    return _SPACES.sub(" ", text).strip()
