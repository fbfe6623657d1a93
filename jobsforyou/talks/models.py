"""A fair's talk schedule (slot length, hours, breaks) and the talks placed in its slots."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, DateTime, ForeignKey, UniqueConstraint, false, select
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.booths.models import Booth
from jobsforyou.database import enum_type, not_personal, personal, utcnow
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import fair_ids_in_scope
from jobsforyou.registration.models import Registration
from jobsforyou.registration.scopes import registration_scope_rule
from jobsforyou.scoping import Scope, register_scope_rule
from jobsforyou.times import as_utc


class TalkSchedule(db.Model):  # type: ignore[name-defined,misc]
    """The talk slots of a fair: every booth offers slots of one length between two local times.

    Times are local times of day on the fair's date (like the fair's own opening hours); breaks
    are stored as ``[["12:00", "12:30"], …]``. A fair without a schedule has no talk slots.
    """

    __tablename__ = "talk_schedules"

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), unique=True)
    slot_minutes: Mapped[int]
    starts_at: Mapped[dt.time]
    ends_at: Mapped[dt.time]
    breaks: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    fair: Mapped[Fair] = relationship()


class TalkStatus(enum.StrEnum):
    """Whether a talk takes place."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Talk(db.Model):  # type: ignore[name-defined,misc]
    """One seeker's talk with an employer at one of its booths, starting at a moment (UTC).

    ``moved_by_id`` is set once an organiser moved or cancelled the talk: such a talk is their
    decision and a new run of the allocation keeps it as it is.
    """

    __tablename__ = "talks"
    __table_args__ = (UniqueConstraint("registration_id", "employer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    booth_id: Mapped[int | None] = mapped_column(ForeignKey("booths.id", ondelete="SET NULL"))
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), info=personal())
    status: Mapped[TalkStatus] = mapped_column(enum_type(TalkStatus),
                                               default=TalkStatus.SCHEDULED, info=not_personal())
    moved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), info=not_personal())
    moved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), info=personal())
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, info=personal())
    fair: Mapped[Fair] = relationship()
    employer: Mapped[Employer] = relationship()
    booth: Mapped[Booth | None] = relationship()
    registration: Mapped[Registration] = relationship()

    @property
    def starts_utc(self) -> dt.datetime:
        """The start with its zone (SQLite hands it back naive)."""
        return as_utc(self.starts_at)

    @property
    def decided(self) -> bool:
        """Whether an organiser moved or cancelled the talk (a re-run keeps it)."""
        return self.moved_by_id is not None


def talk_scope_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Organisers see the talks of their fairs; employers their own, with seekers they may see."""
    if scope.role == "admin":
        return []
    if scope.role == "organiser":
        return [Talk.fair_id.in_(fair_ids_in_scope(scope))]
    if scope.role == "employer" and scope.employer_id is not None:
        visible = select(Registration.id).where(*registration_scope_rule(scope))
        return [Talk.employer_id == scope.employer_id,
                Talk.registration_id.in_(visible.scalar_subquery())]
    return [false()]


register_scope_rule(Talk, talk_scope_rule)
