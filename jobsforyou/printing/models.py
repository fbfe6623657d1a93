"""Batch print jobs: all route cards or all match lists of a fair, made by the task queue.

The finished PDF is kept in the database (``print_jobs.pdf``, loaded only when it is downloaded):
queue workers may run on other machines than the web process (production: Redis and
``huey_consumer`` anywhere), and the database is the one store both always share. It is also
never served as a static file, is removed with the fair, and is part of the same backups and
deletion rules as the personal data it prints.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jobsforyou.database import enum_type, utcnow
from jobsforyou.extensions import db


class PrintJobKind(enum.StrEnum):
    """What a batch job prints."""

    ROUTE_CARDS = "route_cards"
    MATCH_LISTS = "match_lists"


class PrintJobStatus(enum.StrEnum):
    """Where a batch job is."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class PrintJob(db.Model):  # type: ignore[name-defined,misc]
    """One batch PDF of a fair: who asked for it, how far it got, and the finished file."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    kind: Mapped[PrintJobKind] = mapped_column(enum_type(PrintJobKind))
    layout: Mapped[str] = mapped_column(String(10), default="")  # a6 / a4 for route cards
    requested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    status: Mapped[PrintJobStatus] = mapped_column(enum_type(PrintJobStatus),
                                                   default=PrintJobStatus.QUEUED)
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    pdf_size: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def finished(self) -> bool:
        """Whether the job has ended (done or failed): nothing will change any more."""
        return self.status in (PrintJobStatus.DONE, PrintJobStatus.FAILED)
