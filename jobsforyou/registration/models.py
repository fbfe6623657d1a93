"""A job seeker's registration for one fair, with profile and per-purpose consents."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.database import enum_type, utcnow
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


class Registration(db.Model):  # type: ignore[name-defined,misc]
    """A job seeker registered for a fair; reached by a secret personal link, no password."""

    __tablename__ = "registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    status: Mapped[RegistrationStatus] = mapped_column(enum_type(RegistrationStatus))
    ticket_code: Mapped[str] = mapped_column(String(32), unique=True)
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_normalized: Mapped[str | None] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    email_normalized: Mapped[str | None] = mapped_column(String(254), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    postcode: Mapped[str | None] = mapped_column(String(10))
    german_level: Mapped[str] = mapped_column(String(10))
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    desired_occupations: Mapped[list[str]] = mapped_column(JSON, default=list)
    experience: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    qualifications: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    driving_licences: Mapped[list[str]] = mapped_column(JSON, default=list)
    employment_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    available_from: Mapped[dt.date | None]
    max_commute_km: Mapped[int | None]
    interpreter_language: Mapped[str | None] = mapped_column(String(10))
    needs_childcare: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # who checked the visitor in (None: a fair-day code session, or a deleted account)
    checked_in_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    channel: Mapped[RegistrationChannel] = mapped_column(
        enum_type(RegistrationChannel), default=RegistrationChannel.ONLINE,
        server_default=RegistrationChannel.ONLINE.value,
    )
    # the staff account that registered a walk-in at the desk (None: online, a fair-day code
    # session, or a deleted account)
    assisted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
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
    purpose: Mapped[ConsentPurpose] = mapped_column(enum_type(ConsentPurpose))
    text_version: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(8))
    given_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
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
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    registration: Mapped[Registration] = relationship(back_populates="links")
