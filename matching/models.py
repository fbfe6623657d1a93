"""Input records of the matcher: candidates and vacancies as frozen dataclasses.

The web app builds these directly; the CLI builds them from JSON Lines (see ``matching.jsonl``).
Every field except ``id`` is optional: ``None`` (or an empty tuple) means "unknown".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

GERMAN_LEVELS: tuple[str, ...] = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
EMPLOYMENT_TYPES: tuple[str, ...] = (
    "full_time",
    "part_time",
    "mini_job",
    "apprenticeship",
    "internship",
)
RECOGNITION_STATES: tuple[str, ...] = ("none", "in_progress", "recognised", "unknown")

Recognition = Literal["none", "in_progress", "recognised", "unknown"]


@dataclass(frozen=True, slots=True)
class Experience:
    """Work experience in an occupation, written as free text in any language."""

    occupation: str
    years: float | None = None


@dataclass(frozen=True, slots=True)
class Qualification:
    """A (foreign) qualification and the state of its recognition in Germany."""

    name: str
    recognition: Recognition = "unknown"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A job seeker's profile as far as matching needs it."""

    id: str
    language: str | None = None
    desired_occupations: tuple[str, ...] = ()
    experience: tuple[Experience, ...] = ()
    skills: tuple[str, ...] = ()
    german_level: str | None = None
    languages: tuple[str, ...] = ()
    driving_licences: tuple[str, ...] | None = None
    postcode: str | None = None
    municipality: str | None = None
    max_commute_km: float | None = None
    employment_types: tuple[str, ...] = ()
    available_from: date | None = None
    qualifications: tuple[Qualification, ...] = ()


@dataclass(frozen=True, slots=True)
class Vacancy:
    """A vacancy of an employer as far as matching needs it.

    ``occupation`` may be a vocabulary id or free text; ``title`` is the advert's title.
    """

    id: str
    employer: str | None = None
    title: str | None = None
    occupation: str | None = None
    description: str | None = None
    required_skills: tuple[str, ...] = ()
    optional_skills: tuple[str, ...] = ()
    german_level_min: str | None = None
    languages_helpful: tuple[str, ...] = ()
    driving_licences_required: tuple[str, ...] = ()
    postcode: str | None = None
    municipality: str | None = None
    employment_type: str | None = None
    openings: int = 1
    start_date: date | None = None
    qualification_required: bool | None = None
