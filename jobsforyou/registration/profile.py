"""The seeker's profile as plain values, between forms and services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Experience:
    """An occupation worked in, with years."""

    occupation: str
    years: int | None = None


@dataclass(frozen=True)
class Qualification:
    """A qualification and the state of its recognition in Germany."""

    name: str
    recognition: str = "unknown"


@dataclass(frozen=True)
class SeekerProfile:
    """What a job seeker tells about themselves."""

    given_name: str
    family_name: str
    german_level: str
    phone: str | None = None
    email: str | None = None
    municipality_id: int | None = None
    postcode: str | None = None
    languages: tuple[str, ...] = ()
    desired_occupations: tuple[str, ...] = ()
    experience: tuple[Experience, ...] = ()
    skills: tuple[str, ...] = ()
    qualifications: tuple[Qualification, ...] = ()
    driving_licences: tuple[str, ...] = ()
    employment_types: tuple[str, ...] = ()
    available_from: dt.date | None = None
    max_commute_km: int | None = None
    interpreter_language: str | None = None
    needs_childcare: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
