"""The one place where the web app asks the matching vocabulary about occupations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matching.vocabulary import Vocabulary

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 120


@dataclass(frozen=True)
class OccupationSuggestion:
    """An occupation offered for a typed title: id, name in the reader's language, KldB code."""

    id: str
    label: str
    code: str


def vocabulary() -> Vocabulary:
    """The shipped vocabulary (imported and loaded once per process, on first use)."""
    from matching.vocabulary import load_default_vocabulary

    return load_default_vocabulary()


def suggest_for_title(title: str, language: str, limit: int = 5) -> list[OccupationSuggestion]:
    """Occupations that a job title or typed text most likely means, best first."""
    text = (title or "").strip()[:MAX_QUERY_LENGTH]
    if len(text) < MIN_QUERY_LENGTH:
        return []
    found = vocabulary().suggest_occupations(text, language, limit)
    return [OccupationSuggestion(o.id, o.display_name(language), o.kldb) for o in found]


def resolve_title(title: str, language: str = "de", limit: int = 5) -> list[OccupationSuggestion]:
    """Occupations that a full job title means (best resolution first), for the vacancy form."""
    text = (title or "").strip()[:MAX_QUERY_LENGTH]
    if len(text) < MIN_QUERY_LENGTH:
        return []
    found = vocabulary().resolve_occupation(text, language, limit)
    return [OccupationSuggestion(o.id, o.display_name(language), o.kldb) for o, _score in found]


def occupation_label(occupation_id: str | None, language: str) -> str | None:
    """The occupation's name in a language (German as fallback), or None if unknown."""
    if not occupation_id:
        return None
    occupation = vocabulary().occupation(occupation_id)
    return occupation.display_name(language) if occupation else None


def occupation_code(occupation_id: str | None) -> str | None:
    """The KldB 2010 code of an occupation, or None if unknown."""
    occupation = vocabulary().occupation(occupation_id) if occupation_id else None
    return occupation.kldb if occupation else None
