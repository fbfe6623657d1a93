"""Who attends a fair: employers holding an approved booth, their booth numbers and open jobs.

All of this is public knowledge (it is printed on the booth map), so the queries read with the
SYSTEM scope; no personal data leaves them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import contains_eager

from jobsforyou.booths.models import Booth, BoothAssignment, BoothRequest, BoothRequestStatus
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.services import PUBLIC_STATUSES
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.vacancies.models import Vacancy, VacancyStatus


def holding_requests() -> Select[tuple[int]]:
    """The ids of approved booth requests that hold a booth (a sub-select)."""
    return select(BoothRequest.id).where(
        BoothRequest.status == BoothRequestStatus.APPROVED,
        BoothRequest.id.in_(select(BoothAssignment.request_id)),
    )


def attended_fair_ids(employer_id: int) -> Select[tuple[int]]:
    """The ids of the fairs at which an employer holds a booth (a sub-select)."""
    return select(BoothRequest.fair_id).where(
        BoothRequest.employer_id == employer_id, BoothRequest.id.in_(holding_requests())
    )


def attending_employers(fair: Fair) -> list[Employer]:
    """Employers with an approved booth at the fair, by name."""
    return list(db.session.scalars(scoped(
        select(Employer)
        .join(BoothRequest, BoothRequest.employer_id == Employer.id)
        .where(BoothRequest.fair_id == fair.id, BoothRequest.id.in_(holding_requests()))
        .order_by(Employer.name, Employer.id),
        SYSTEM,
    )))


def open_vacancies_at_fair(fair: Fair) -> list[Vacancy]:
    """Open vacancies of the employers attending a fair, by employer name and title."""
    attending = select(BoothRequest.employer_id).where(
        BoothRequest.fair_id == fair.id, BoothRequest.id.in_(holding_requests())
    )
    query = (
        select(Vacancy)
        .join(Vacancy.employer)
        .options(contains_eager(Vacancy.employer))
        .where(Vacancy.employer_id.in_(attending), Vacancy.status == VacancyStatus.OPEN)
        .order_by(Employer.name, Vacancy.title, Vacancy.id)
    )
    return list(db.session.scalars(scoped(query, SYSTEM)).unique())


def booth_numbers(fair_id: int) -> dict[int, str]:
    """Employer id → the numbers of the booths assigned to it at a fair ("7" or "7, 8")."""
    rows = db.session.execute(scoped(
        select(BoothRequest.employer_id, Booth.number)
        .join(BoothAssignment, BoothAssignment.request_id == BoothRequest.id)
        .join(Booth, Booth.id == BoothAssignment.booth_id)
        .where(BoothRequest.fair_id == fair_id)
        .order_by(Booth.number),
        SYSTEM,
    )).all()
    numbers: dict[int, list[str]] = {}
    for employer_id, number in rows:
        numbers.setdefault(employer_id, []).append(str(number))
    return {employer_id: ", ".join(values) for employer_id, values in numbers.items()}


def fairs_attended_by(employer_id: int, since: dt.date) -> list[Fair]:
    """Public fairs on or after `since` at which the employer holds a booth, by date."""
    return list(db.session.scalars(
        select(Fair)
        .where(Fair.status.in_(PUBLIC_STATUSES), Fair.date >= since,
               Fair.id.in_(attended_fair_ids(employer_id)))
        .order_by(Fair.date, Fair.id)
    ))


@dataclass(frozen=True)
class BoothAtFair:
    """One employer's place at a fair: its booth numbers, the languages spoken there."""

    numbers: tuple[int, ...]
    employer: Employer
    languages: tuple[str, ...]


def booths_at_fair(fair: Fair) -> list[BoothAtFair]:
    """The approved booth requests holding booths at a fair, in booth-number order."""
    requests = db.session.scalars(scoped(
        select(BoothRequest).where(BoothRequest.fair_id == fair.id,
                                   BoothRequest.id.in_(holding_requests())),
        SYSTEM,
    )).all()
    places = [BoothAtFair(tuple(booth.number for booth in request.booths), request.employer,
                          tuple(request.languages or ()))
              for request in requests]  # fmt: skip
    return sorted(places, key=lambda place: (place.numbers or (0,), place.employer.name))
