"""Phone numbers as people type them, normalised for comparison."""

from __future__ import annotations

import re

from jobsforyou.formfields import ascii_digits


def normalize_phone(raw: str, country_code: str = "49") -> str | None:
    """'0176 123 45 67', '+49 (0)176-1234567' → '+491761234567'; None if not a number."""
    text = ascii_digits(raw).strip().replace("(0)", "")
    if re.search(r"[^\d\s+()\-./]", text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        normalized = "+" + digits
    elif digits.startswith("00"):
        normalized = "+" + digits[2:]
    elif digits.startswith("0"):
        normalized = "+" + country_code + digits[1:]
    else:
        normalized = "+" + country_code + digits
    return normalized if 8 <= len(normalized) - 1 <= 15 else None

