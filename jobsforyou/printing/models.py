"""The organisers' decisions on the match plan: a pair pinned onto it, or removed from it."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import DateTime, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.database import enum_type, not_personal, personal, utcnow
from jobsforyou.extensions import db
from jobsforyou.registration.models import Registration


class Decision(enum.StrEnum):
    """What the organisers decided about a seeker at an employer's booth."""

    PINNED = "pinned"  # on the lists whatever the matching suggests
    REMOVED = "removed"  # never on the lists, even when the matching suggests it


class MatchDecision(db.Model):  # type: ignore[name-defined,misc]
    """One decision per fair, employer and seeker; it outlives every re-run of the matching."""

    __tablename__ = "match_decisions"
    __table_args__ = (UniqueConstraint("fair_id", "employer_id", "registration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[Decision] = mapped_column(enum_type(Decision, length=10), info=personal())
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), info=not_personal())
    decided_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, info=personal())

    registration: Mapped[Registration] = relationship()
