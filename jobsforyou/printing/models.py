"""Printing's own tables: the organisers' decisions on the match plan (a pair pinned onto it or
removed from it) and batch print jobs (all route cards or all match lists of a fair, made by the
task queue).

A batch job's finished PDF is kept in the database (``print_jobs.pdf``, loaded only when it is
downloaded): queue workers may run on other machines than the web process (production: Redis
and ``huey_consumer`` anywhere), and the database is the one store both always share. It is never
served as a static file, is removed with the fair, and a fair's finished PDFs are deleted when
one of its seekers is (``printing.batch``), since they print that person.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, Text, UniqueConstraint, event
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


@event.listens_for(Registration, "after_delete")
def _forget_printed_pdfs_of_the_fair(_mapper: Any, connection: Any, registration: Any) -> None:
    """A fair's finished batch PDFs print its seekers: when one is deleted (on request or by the
    retention), the PDFs that name them go too (they can be made again)."""
    table = PrintJob.__table__
    connection.execute(table.delete().where(table.c.fair_id == registration.fair_id))
