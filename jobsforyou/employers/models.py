"""Employers that take part in fairs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.database import utcnow
from jobsforyou.extensions import db
from jobsforyou.regions.models import Municipality
from jobsforyou.scoping import Scope, register_scope_rule


class Employer(db.Model):  # type: ignore[name-defined,misc]
    """A company or public employer; employer users belong to exactly one."""

    __tablename__ = "employers"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    sector: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[str] = mapped_column(String(20), default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    booth_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    external_ref: Mapped[str | None] = mapped_column(String(100), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow
    )
    municipality: Mapped[Municipality | None] = relationship()


STAFF_ROLES_BY_REGION = ("business_development", "organiser", "admin")


def employer_scope_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Employer users see their own employer; county staff the employers of their region."""
    if scope.role == "employer":
        return [Employer.id == scope.employer_id] if scope.employer_id else [false()]
    if scope.role in STAFF_ROLES_BY_REGION:
        if scope.region_id is not None:
            return [Employer.region_id == scope.region_id]
        return [] if scope.role == "admin" else [false()]
    return [false()]


register_scope_rule(Employer, employer_scope_rule)
