"""The current outcome of a talk between an employer and a seeker at a fair."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.database import enum_type, not_personal, personal, utcnow
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.registration.models import Registration
from jobsforyou.vacancies.models import Vacancy

NO_VACANCY = 0  # vacancy_key of an outcome about no particular vacancy


class OutcomeStatus(enum.StrEnum):
    """How far a talk at the booth has come."""

    TALKED = "talked"
    INTERVIEW_PLANNED = "interview_planned"
    TRIAL_DAY = "trial_day"
    CONTRACT_OFFERED = "contract_offered"
    HIRED = "hired"
    NOT_A_FIT = "not_a_fit"


class FollowUpStatus(enum.StrEnum):
    """What the employer said weeks after the fair had become of the talk (follow-up rounds)."""

    INTERVIEW = "interview"
    TRIAL_DAY = "trial_day"
    CONTRACT_OFFERED = "contract_offered"
    HIRED = "hired"
    NOT_A_FIT = "not_a_fit"
    NO_ANSWER = "no_answer"


class Outcome(db.Model):  # type: ignore[name-defined,misc]
    """One current outcome per seeker, employer and vacancy (or none); a later record updates it.

    `vacancy_key` is the vacancy's id or NO_VACANCY, so that the unique constraint also holds for
    outcomes without a vacancy (NULLs never collide in a unique constraint).

    `status` is what was recorded at the booth and stays as it was; the employer's answer to the
    latest follow-up after the fair is kept beside it (`follow_up_status`, with its round).
    """

    __tablename__ = "outcomes"
    __table_args__ = (UniqueConstraint("registration_id", "employer_id", "vacancy_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"), index=True)
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancies.id"))
    vacancy_key: Mapped[int] = mapped_column(default=NO_VACANCY, info=not_personal())
    # what came of the talk and the employer's note are about the person: they go with them
    status: Mapped[OutcomeStatus] = mapped_column(
        enum_type(OutcomeStatus, length=30), info=personal()
    )
    note: Mapped[str] = mapped_column(String(300), default="", info=personal())
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    recorded_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, info=personal()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, info=personal()
    )
    follow_up_status: Mapped[FollowUpStatus | None] = mapped_column(
        enum_type(FollowUpStatus, length=30), info=personal())
    follow_up_round: Mapped[int | None] = mapped_column(info=not_personal())
    followed_up_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), info=personal())

    registration: Mapped[Registration] = relationship()
    employer: Mapped[Employer] = relationship()
    vacancy: Mapped[Vacancy | None] = relationship()
