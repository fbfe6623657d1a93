"""A job fair held in a municipality."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.database import enum_type
from jobsforyou.extensions import db
from jobsforyou.regions.models import Municipality


class FairStatus(enum.StrEnum):
    """Life cycle of a fair; only published fairs are public and open for registration."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"
    HELD = "held"


class Fair(db.Model):  # type: ignore[name-defined,misc]
    """One #JobsForYou fair: where, when, how many seekers, which interpreters on site."""

    __tablename__ = "fairs"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    venue: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    date: Mapped[dt.date]
    starts_at: Mapped[dt.time]
    ends_at: Mapped[dt.time]
    registration_opens: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    registration_closes: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    capacity: Mapped[int]
    status: Mapped[FairStatus] = mapped_column(
        enum_type(FairStatus),
        default=FairStatus.DRAFT,
    )
    interpreter_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    directions: Mapped[str] = mapped_column(Text, default="")
    municipality: Mapped[Municipality] = relationship()
