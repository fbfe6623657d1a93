"""Uploaded import files waiting for confirmation, and API tokens of other systems."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, false
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.database import utcnow
from jobsforyou.extensions import db
from jobsforyou.scoping import Scope, register_scope_rule


class ImportUpload(db.Model):  # type: ignore[name-defined,misc]
    """A file kept between preview and import (deleted after the import, or after a day)."""

    __tablename__ = "import_uploads"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    filename: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(db.Model):  # type: ignore[name-defined,misc]
    """A bearer token with which another system pushes vacancies; only its digest is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


def _upload_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Everyone sees only the files they uploaded themselves."""
    if scope.user_id is None:
        return [false()]
    return [ImportUpload.user_id == scope.user_id]


def _token_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Admins see all tokens; business-development staff those of their county."""
    if scope.role == "admin":
        return []
    if scope.role == "business_development" and scope.region_id is not None:
        return [ApiToken.region_id == scope.region_id]
    return [false()]


register_scope_rule(ImportUpload, _upload_rule)
register_scope_rule(ApiToken, _token_rule)
