"""A job seeker's registration for one fair, with profile and per-purpose consents."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.database import enum_type, not_personal, personal, utcnow
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.regions.models import Municipality


class RegistrationStatus(enum.StrEnum):
    """Confirmed within the fair's capacity, on the waiting list, or withdrawn by the seeker."""

    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    WITHDRAWN = "withdrawn"


class RegistrationChannel(enum.StrEnum):
    """Where a registration was made: online by the seeker, or at the fair's check-in desk."""

    ONLINE = "online"
    DESK = "desk"  # a walk-in, registered by the desk staff with the visitor (assisted)


class ConsentPurpose(enum.StrEnum):
    """What a seeker may consent to, each separately."""

    PROCESSING = "processing"  # required: process the data for this fair
    SHARE_WITH_EMPLOYERS = "share_with_employers"
    KEEP_FOR_LATER_FAIRS = "keep_for_later_fairs"
    INVITE_AGAIN = "invite_again"  # may be invited to later fairs near them (e-mail or SMS)


class Registration(db.Model):  # type: ignore[name-defined,misc]
    """A job seeker registered for a fair; reached by a secret personal link, no password."""

    __tablename__ = "registrations"

    # Every column says whether it is personal data (database.personal / not_personal); keys
    # need not: the row goes with the person.
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    status: Mapped[RegistrationStatus] = mapped_column(
        enum_type(RegistrationStatus), info=not_personal()
    )
    ticket_code: Mapped[str] = mapped_column(String(32), unique=True, info=personal())
    language: Mapped[str] = mapped_column(String(8), info=personal())
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, info=personal()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, info=personal()
    )
    given_name: Mapped[str] = mapped_column(String(100), info=personal())
    family_name: Mapped[str] = mapped_column(String(100), info=personal())
    phone: Mapped[str | None] = mapped_column(String(40), info=personal())
    phone_normalized: Mapped[str | None] = mapped_column(
        String(40), index=True, info=personal(exported=False)
    )
    email: Mapped[str | None] = mapped_column(String(254), info=personal())
    email_normalized: Mapped[str | None] = mapped_column(
        String(254), index=True, info=personal(exported=False)
    )
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    postcode: Mapped[str | None] = mapped_column(String(10), info=personal())
    german_level: Mapped[str] = mapped_column(String(10), info=personal())
    languages: Mapped[list[str]] = mapped_column(JSON, default=list, info=personal())
    desired_occupations: Mapped[list[str]] = mapped_column(JSON, default=list, info=personal())
    experience: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list, info=personal()
    )
    skills: Mapped[list[str]] = mapped_column(JSON, default=list, info=personal())
    qualifications: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list, info=personal()
    )
    driving_licences: Mapped[list[str]] = mapped_column(JSON, default=list, info=personal())
    employment_types: Mapped[list[str]] = mapped_column(JSON, default=list, info=personal())
    available_from: Mapped[dt.date | None] = mapped_column(info=personal())
    max_commute_km: Mapped[int | None] = mapped_column(info=personal())
    interpreter_language: Mapped[str | None] = mapped_column(String(10), info=personal())
    needs_childcare: Mapped[bool] = mapped_column(default=False, info=personal())
    notes: Mapped[str] = mapped_column(Text, default="", info=personal())
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), info=personal()
    )
    # who checked the visitor in (None: a fair-day code session, or a deleted account)
    checked_in_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    # when the reminder that a kept profile will soon be deleted was sent (it is sent once)
    retention_reminder_sent_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), info=personal()
    )
    channel: Mapped[RegistrationChannel] = mapped_column(
        enum_type(RegistrationChannel), default=RegistrationChannel.ONLINE,
        server_default=RegistrationChannel.ONLINE.value, info=not_personal(),
    )
    # the staff account that registered a walk-in at the desk (None: online, a fair-day code
    # session, or a deleted account)
    assisted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), info=not_personal()
    )

    fair: Mapped[Fair] = relationship()
    municipality: Mapped[Municipality | None] = relationship()
    links: Mapped[list[PersonalLink]] = relationship(
        back_populates="registration", cascade="all, delete-orphan", order_by="PersonalLink.id"
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="registration", cascade="all, delete-orphan", order_by="Consent.id"
    )

    @property
    def registered_at_desk(self) -> bool:
        """Whether the visitor was registered at the check-in desk (a walk-in, assisted)."""
        return self.channel == RegistrationChannel.DESK

    def has_consent(self, purpose: ConsentPurpose) -> bool:
        """Whether the seeker currently consents to a purpose."""
        return any(c.purpose == purpose and c.withdrawn_at is None for c in self.consents)


class Consent(db.Model):  # type: ignore[name-defined,misc]
    """One consent given for one purpose, with the text version and language shown, and when."""

    __tablename__ = "consents"
    __table_args__ = (UniqueConstraint("registration_id", "purpose", "given_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[ConsentPurpose] = mapped_column(
        enum_type(ConsentPurpose), info=not_personal()
    )
    text_version: Mapped[str] = mapped_column(String(20), info=not_personal())
    language: Mapped[str] = mapped_column(String(8), info=personal())
    given_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, info=personal()
    )
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), info=personal()
    )
    registration: Mapped[Registration] = relationship(back_populates="consents")


class PersonalLink(db.Model):  # type: ignore[name-defined,misc]
    """A secret link to a registration; only the digest of its token is stored.

    A seeker who lost their link can be sent a new one without ending the old one (so nobody
    who merely knows their e-mail address can cut them off from their registration).
    """

    __tablename__ = "personal_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    token_digest: Mapped[str] = mapped_column(
        String(64), unique=True, info=personal(exported=False)
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, info=personal()
    )
    registration: Mapped[Registration] = relationship(back_populates="links")
