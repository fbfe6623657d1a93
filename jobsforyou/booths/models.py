"""Numbered booths of a fair and employers' requests for them."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.database import enum_type, utcnow
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import fair_ids_in_scope
from jobsforyou.scoping import Scope, register_scope_rule


class BoothKind(enum.StrEnum):
    """What kind of space a booth is."""

    STANDARD = "standard"
    CORNER = "corner"
    TABLE = "table"


class BoothRequestStatus(enum.StrEnum):
    """Life cycle of an employer's booth request."""

    REQUESTED = "requested"
    APPROVED = "approved"
    DECLINED = "declined"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


ACTIVE_REQUEST_STATUSES = (
    BoothRequestStatus.REQUESTED, BoothRequestStatus.APPROVED, BoothRequestStatus.WAITLISTED,
)


class Booth(db.Model):  # type: ignore[name-defined,misc]
    """One numbered place in a fair's booth plan."""

    __tablename__ = "booths"
    __table_args__ = (UniqueConstraint("fair_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    kind: Mapped[BoothKind] = mapped_column(enum_type(BoothKind), default=BoothKind.STANDARD)
    size: Mapped[str] = mapped_column(String(40), default="")
    has_power: Mapped[bool] = mapped_column(default=False)
    fair: Mapped[Fair] = relationship()
    assignment: Mapped[BoothAssignment | None] = relationship(back_populates="booth")


class BoothRequest(db.Model):  # type: ignore[name-defined,misc]
    """An employer's wish for a booth at a fair; one per employer and fair (reopened)."""

    __tablename__ = "booth_requests"
    __table_args__ = (UniqueConstraint("fair_id", "employer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[BoothRequestStatus] = mapped_column(
        enum_type(BoothRequestStatus), default=BoothRequestStatus.REQUESTED
    )
    staff_count: Mapped[int] = mapped_column(default=1)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    needs_power: Mapped[bool] = mapped_column(default=False)
    remarks: Mapped[str] = mapped_column(Text, default="")
    # How many booths the organisers allow this employer at this fair (normally one).
    booths_granted: Mapped[int] = mapped_column(default=1)
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    fair: Mapped[Fair] = relationship()
    employer: Mapped[Employer] = relationship()
    assignments: Mapped[list[BoothAssignment]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="BoothAssignment.id"
    )

    @property
    def booths(self) -> list[Booth]:
        """The booths this request holds, by number."""
        return sorted((a.booth for a in self.assignments), key=lambda booth: booth.number)


class BoothAssignment(db.Model):  # type: ignore[name-defined,misc]
    """A booth held by an approved request; the unique booth_id forbids double booking."""

    __tablename__ = "booth_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    booth_id: Mapped[int] = mapped_column(
        ForeignKey("booths.id", ondelete="RESTRICT"), unique=True
    )
    request_id: Mapped[int] = mapped_column(
        ForeignKey("booth_requests.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    booth: Mapped[Booth] = relationship(back_populates="assignment")
    request: Mapped[BoothRequest] = relationship(back_populates="assignments")


def _booth_request_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Employer users see their employer's requests; staff those of the fairs in their scope."""
    if scope.role == "admin":
        return []
    if scope.role == "employer":
        if scope.employer_id is None:
            return [false()]
        return [BoothRequest.employer_id == scope.employer_id]
    return [BoothRequest.fair_id.in_(fair_ids_in_scope(scope))]


def _booth_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Booth plans are managed by the staff of the fair's scope."""
    if scope.role == "admin":
        return []
    return [Booth.fair_id.in_(fair_ids_in_scope(scope))]


register_scope_rule(BoothRequest, _booth_request_rule)
register_scope_rule(Booth, _booth_rule)
