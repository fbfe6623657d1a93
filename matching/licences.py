"""EU driving licence classes and what each implies (CE ⊃ C ⊃ B, ...)."""

from __future__ import annotations

from collections.abc import Iterable

LICENCE_CLASSES: tuple[str, ...] = (
    "AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "L", "T",
)  # fmt: skip

# Directly implied classes (Fahrerlaubnis-Verordnung § 6 (3), simplified to what employers ask).
_IMPLIES: dict[str, tuple[str, ...]] = {
    "A": ("A2",), "A2": ("A1",), "A1": ("AM",), "B": ("AM", "L"),
    "BE": ("B",), "C1": ("B",), "C1E": ("C1", "BE", "D1E"), "C": ("C1",),
    "CE": ("C", "C1E", "T"), "D1": ("B",), "D1E": ("D1", "BE"), "D": ("D1",),
    "DE": ("D", "D1E", "C1E"), "T": ("L", "AM"), "L": (), "AM": (),
}  # fmt: skip
_ALIASES = {"KLASSE3": "C1E", "3": "C1E", "2": "CE", "1": "A", "4": "AM", "5": "L"}


def canonical_licence(code: str) -> str | None:
    """The EU class for a written code ("ce", "Klasse CE", "C/E"), or None if unknown."""
    cleaned = code.upper().replace("KLASSE", "").replace(" ", "").replace("/", "").strip()
    cleaned = _ALIASES.get(cleaned, cleaned)
    return cleaned if cleaned in _IMPLIES else None


def implied_licences(codes: Iterable[str]) -> frozenset[str]:
    """All classes a holder of ``codes`` may drive (the closure of the implications)."""
    todo = [c for c in (canonical_licence(code) for code in codes) if c is not None]
    held: set[str] = set()
    while todo:
        code = todo.pop()
        if code not in held:
            held.add(code)
            todo.extend(_IMPLIES[code])
    return frozenset(held)


def licence_mask(codes: Iterable[str]) -> int:
    """Bit mask over ``LICENCE_CLASSES`` for the given (already implied) classes."""
    mask = 0
    for code in codes:
        mask |= 1 << LICENCE_CLASSES.index(code)
    return mask
