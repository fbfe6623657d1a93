"""Follow-up requests to employers after a fair, and invitations of earlier visitors."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.database import not_personal, personal, utcnow
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.registration.models import Registration


class FollowUpRequest(db.Model):  # type: ignore[name-defined,misc]
    """One round of asking an employer what became of the talks at a fair (weeks after it).

    The link's token is sent once and only its digest is stored; a reminder sends a new one.
    `sent_at` is set only when the mail was handed over, so a failed send is tried again.
    """

    __tablename__ = "follow_up_requests"
    __table_args__ = (UniqueConstraint("fair_id", "employer_id", "round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    round: Mapped[int]
    token_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    reminded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    failed_attempts: Mapped[int] = mapped_column(default=0)

    fair: Mapped[Fair] = relationship()
    employer: Mapped[Employer] = relationship()


class ReInvitation(db.Model):  # type: ignore[name-defined,misc]
    """A visitor of an earlier fair invited to a later one (they consented to be invited).

    Only with the consent to keep the profile does the invitation get a secret link (stored as
    a digest) that pre-fills the new registration from the old one.
    """

    __tablename__ = "reinvitations"
    __table_args__ = (UniqueConstraint("fair_id", "registration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(10), info=not_personal())  # "email" or "sms"
    token_digest: Mapped[str | None] = mapped_column(
        String(64), unique=True, info=personal(exported=False))
    expires_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), info=personal())
    invited_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), info=not_personal())
    sent_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, info=personal())

    fair: Mapped[Fair] = relationship()
    registration: Mapped[Registration] = relationship()
