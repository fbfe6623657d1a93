"""Cyrillic to Latin transliteration so that "voditel fury" and "водитель фуры" meet."""

from __future__ import annotations

# One scheme for Russian and Ukrainian, close to how people type on Latin keyboards.
# Applied after case folding and after combining marks are removed (й → и, ё → е, ї → і).
_CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "ё": "e", "ў": "u", "'": "", "ʼ": "",
}  # fmt: skip

_TABLE = str.maketrans(_CYRILLIC_TO_LATIN)


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` contains at least one Cyrillic letter."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def cyrillic_to_latin(text: str) -> str:
    """Transliterate Cyrillic letters in case-folded ``text`` to Latin; other text is kept."""
    return text.translate(_TABLE)
