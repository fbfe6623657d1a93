"""The one place where the app's models become the matching library's dataclasses."""

from __future__ import annotations

import matching
from jobsforyou.codes import GERMAN_LEVEL_UNKNOWN
from jobsforyou.registration.models import Registration
from jobsforyou.vacancies.models import Vacancy

CANDIDATE_PREFIX = "r"
VACANCY_PREFIX = "v"


def candidate_from_registration(registration: Registration) -> matching.Candidate:
    """A seeker's registration as a matching Candidate (unknown answers stay unknown)."""
    german = registration.german_level
    return matching.Candidate(
        id=f"{CANDIDATE_PREFIX}{registration.id}",
        language=registration.language,
        desired_occupations=tuple(registration.desired_occupations),
        experience=tuple(
            matching.Experience(entry["occupation"], entry.get("years"))
            for entry in registration.experience
        ),
        skills=tuple(registration.skills),
        german_level=None if german in (None, GERMAN_LEVEL_UNKNOWN) else german,
        languages=tuple(registration.languages),
        driving_licences=tuple(registration.driving_licences),
        postcode=registration.postcode,
        municipality=registration.municipality.name if registration.municipality else None,
        max_commute_km=registration.max_commute_km,
        employment_types=tuple(registration.employment_types),
        available_from=registration.available_from,
        qualifications=tuple(
            matching.Qualification(entry["name"], entry.get("recognition", "unknown"))
            for entry in registration.qualifications
        ),
    )


def vacancy_from_model(vacancy: Vacancy) -> matching.Vacancy:
    """A vacancy as a matching Vacancy."""
    return matching.Vacancy(
        id=f"{VACANCY_PREFIX}{vacancy.id}",
        employer=vacancy.employer.name,
        title=vacancy.title,
        occupation=vacancy.occupation_id,
        description=vacancy.description or None,
        required_skills=tuple(vacancy.required_skills),
        optional_skills=tuple(vacancy.optional_skills),
        german_level_min=vacancy.german_level_min,
        languages_helpful=tuple(vacancy.languages_helpful),
        driving_licences_required=tuple(vacancy.driving_licences_required),
        postcode=vacancy.postcode or None,
        municipality=vacancy.municipality.name if vacancy.municipality else None,
        employment_type=vacancy.employment_type,
        openings=vacancy.openings,
        start_date=vacancy.start_date,
        qualification_required=vacancy.qualification_required,
    )


def model_id(matching_id: str) -> int:
    """The database id behind a matching id such as 'v12' or 'r7'."""
    return int(matching_id[1:])
