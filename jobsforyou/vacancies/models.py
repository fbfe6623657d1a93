"""Vacancies that employers bring to fairs."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, false, select
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.database import enum_type, utcnow
from jobsforyou.employers.models import STAFF_ROLES_BY_REGION, Employer
from jobsforyou.extensions import db
from jobsforyou.regions.models import Municipality
from jobsforyou.scoping import Scope, register_scope_rule


class VacancyStatus(enum.StrEnum):
    """Life cycle of a vacancy; only open vacancies are shown to seekers."""

    DRAFT = "draft"
    OPEN = "open"
    FILLED = "filled"
    CLOSED = "closed"


class Vacancy(db.Model):  # type: ignore[name-defined,misc]
    """A job as the employer describes it, in German."""

    __tablename__ = "vacancies"

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    external_ref: Mapped[str | None] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    occupation_id: Mapped[str | None] = mapped_column(String(100), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    required_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    optional_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    german_level_min: Mapped[str | None] = mapped_column(String(10))
    languages_helpful: Mapped[list[str]] = mapped_column(JSON, default=list)
    postcode: Mapped[str] = mapped_column(String(10), default="")
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    employment_type: Mapped[str] = mapped_column(String(20), default="full_time")
    hours: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date | None]
    openings: Mapped[int] = mapped_column(default=1)
    driving_licences_required: Mapped[list[str]] = mapped_column(JSON, default=list)
    qualification_required: Mapped[bool] = mapped_column(default=False)
    career_changers_welcome: Mapped[bool] = mapped_column(default=False)
    status: Mapped[VacancyStatus] = mapped_column(
        enum_type(VacancyStatus),
        default=VacancyStatus.DRAFT,
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True),
        default=utcnow,
        onupdate=utcnow,
    )
    employer: Mapped[Employer] = relationship()
    municipality: Mapped[Municipality | None] = relationship()


def vacancy_scope_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Employer users see their employer's vacancies; county staff those of their region."""
    if scope.role == "employer":
        return [Vacancy.employer_id == scope.employer_id] if scope.employer_id else [false()]
    if scope.role in STAFF_ROLES_BY_REGION:
        if scope.region_id is not None:
            in_region = select(Employer.id).where(Employer.region_id == scope.region_id)
            return [Vacancy.employer_id.in_(in_region)]
        return [] if scope.role == "admin" else [false()]
    return [false()]


register_scope_rule(Vacancy, vacancy_scope_rule)
