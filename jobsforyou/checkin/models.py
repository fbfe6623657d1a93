"""A fair-day code: a short secret an organiser hands to helpers at the check-in desk."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.database import utcnow
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair


class FairDayCode(db.Model):  # type: ignore[name-defined,misc]
    """Opens the check-in desk of one fair on the fair's date; only its digest is stored."""

    __tablename__ = "fair_day_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    fair: Mapped[Fair] = relationship()
