"""Vacancies: listing within a scope, creating, editing, changing the status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from jobsforyou import codes
from jobsforyou.database import copy_values
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.scoping import Scope, scoped
from jobsforyou.vacancies.models import Vacancy, VacancyStatus

# the same codes as the seeker's profile (and the matching interchange format)
GERMAN_LEVELS = codes.GERMAN_LEVELS
EMPLOYMENT_TYPES = tuple(codes.EMPLOYMENT_TYPES)


class VacancyNotFound(LookupError):
    """No vacancy with this id in the scope."""


class InvalidVacancy(ValueError):
    """A value of a vacancy is not allowed; `field` names it."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


@dataclass(frozen=True)
class VacancyDetails:
    """Everything an employer says about a job (texts in German, as the employer writes them)."""

    title: str
    occupation_id: str | None = None
    description: str = ""
    required_skills: tuple[str, ...] = ()
    optional_skills: tuple[str, ...] = ()
    german_level_min: str | None = None
    languages_helpful: tuple[str, ...] = ()
    postcode: str = ""
    municipality_id: int | None = None
    employment_type: str = "full_time"
    hours: str = ""
    start_date: dt.date | None = None
    openings: int = 1
    driving_licences_required: tuple[str, ...] = ()
    qualification_required: bool = False
    career_changers_welcome: bool = False
    status: VacancyStatus = VacancyStatus.DRAFT


def vacancies_in_scope(scope: Scope, employer_id: int | None = None,
                       status: VacancyStatus | None = None) -> list[Vacancy]:
    """Vacancies the scope may see, newest first, optionally of one employer or status."""
    query = select(Vacancy).options(joinedload(Vacancy.employer)).order_by(
        Vacancy.updated_at.desc(), Vacancy.id.desc()
    )
    if employer_id is not None:
        query = query.where(Vacancy.employer_id == employer_id)
    if status is not None:
        query = query.where(Vacancy.status == status)
    return list(db.session.scalars(scoped(query, scope)).unique())


def vacancy_in_scope(scope: Scope, vacancy_id: int) -> Vacancy:
    """One vacancy the scope may see."""
    vacancy = db.session.scalar(scoped(select(Vacancy).where(Vacancy.id == vacancy_id), scope))
    if vacancy is None:
        raise VacancyNotFound(vacancy_id)
    return vacancy


def _check(details: VacancyDetails) -> None:
    if not details.title.strip():
        raise InvalidVacancy("title")
    if details.german_level_min not in (None, *GERMAN_LEVELS):
        raise InvalidVacancy("german_level_min")
    if details.employment_type not in EMPLOYMENT_TYPES:
        raise InvalidVacancy("employment_type")
    if details.openings < 1:
        raise InvalidVacancy("openings")


def apply_details(vacancy: Vacancy, details: VacancyDetails) -> None:
    """Copy checked details onto a vacancy."""
    _check(details)
    copy_values(vacancy, details)


def create_vacancy(employer: Employer, details: VacancyDetails) -> Vacancy:
    """A new vacancy of an employer (the caller has loaded the employer within its scope)."""
    vacancy = Vacancy(employer_id=employer.id)
    apply_details(vacancy, details)
    db.session.add(vacancy)
    db.session.flush()
    return vacancy


def update_vacancy(vacancy: Vacancy, details: VacancyDetails) -> None:
    """Save an edited vacancy."""
    apply_details(vacancy, details)
    db.session.flush()


def set_status(vacancy: Vacancy, status: VacancyStatus) -> None:
    """Open, mark as filled, close or return a vacancy to draft."""
    vacancy.status = status
    db.session.flush()
