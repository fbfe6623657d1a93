"""Staff and employer user accounts (e-mail and password)."""

from __future__ import annotations

import datetime as dt
import enum

from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.database import enum_type, utcnow
from jobsforyou.extensions import db


class Role(enum.StrEnum):
    """What a user account may do (DESIGN.md section 2)."""

    ADMIN = "admin"
    ORGANISER = "organiser"
    BUSINESS_DEVELOPMENT = "business_development"
    EMPLOYER = "employer"
    CHECKIN = "checkin"


class User(UserMixin, db.Model):  # type: ignore[name-defined,misc]
    """A person who signs in with e-mail and password."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[Role] = mapped_column(
        enum_type(Role, length=30)
    )
    language: Mapped[str] = mapped_column(String(8), default="de")
    # Scope: the county (tenant) of staff, the employer of employer users, the municipality of a
    # municipal organiser (None = county-wide), the fair of check-in staff.
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    fair_id: Mapped[int | None] = mapped_column(ForeignKey("fairs.id"))
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the session's user id: raising it (new password, deactivation) ends every session.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    email_confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow
    )

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        """Flask-Login: deactivated accounts cannot sign in."""
        return self.active

    def get_id(self) -> str:
        """Flask-Login: the id stored in sessions and remember cookies, with the session version."""
        return f"{self.id}.{self.session_version or 0}"

    def end_sessions(self) -> None:
        """Sign the user out everywhere: sessions with the old version are no longer accepted."""
        self.session_version = (self.session_version or 0) + 1


class TokenPurpose(enum.StrEnum):
    """What a one-time account token allows."""

    PASSWORD_RESET = "password_reset"
    INVITATION = "invitation"


class AccountToken(db.Model):  # type: ignore[name-defined,misc]
    """A one-time, expiring secret sent by e-mail; only its SHA-256 digest is stored."""

    __tablename__ = "account_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[TokenPurpose] = mapped_column(
        enum_type(TokenPurpose)
    )
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow
    )
    user: Mapped[User] = relationship()
