"""Recording outcomes at the booth, finding a seeker by their ticket, and a fair's outcomes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from jobsforyou.database import RowLocked, lock_row
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import fairs_in_scope
from jobsforyou.outcomes import scopes as _scopes  # noqa: F401  (the outcome scope rule)
from jobsforyou.outcomes.models import NO_VACANCY, Outcome, OutcomeStatus
from jobsforyou.registration.models import ConsentPurpose, Registration
from jobsforyou.registration.services import register_export_part
from jobsforyou.registration.tickets import ticket_code_from_scan
from jobsforyou.scoping import SYSTEM, Scope, scoped
from jobsforyou.vacancies.models import Vacancy


class OutcomeError(Exception):
    """An outcome could not be recorded or a seeker not found."""


class TicketNotFound(OutcomeError):
    """No registration with this ticket code at the fairs the reader works at."""


class NotShared(OutcomeError):
    """The seeker did not agree to share their profile with employers."""


class NotAtFair(OutcomeError):
    """The employer holds no booth at the seeker's fair."""


class VacancyNotOfEmployer(OutcomeError):
    """The vacancy chosen belongs to another employer."""


class SeekerBusy(OutcomeError):
    """Someone else is recording an outcome for this seeker right now."""


@dataclass(frozen=True)
class OutcomeInput:
    """What was recorded: a status and a short note."""

    status: OutcomeStatus
    note: str = ""


def employer_scope(employer_id: int) -> Scope:
    """The scope of the employer's own users (what the employer may see of seekers)."""
    return Scope(role="employer", employer_id=employer_id)


def fair_in_scope(scope: Scope, fair_id: int) -> Fair | None:
    """The fair, if the staff scope covers it."""
    return db.session.scalar(select(Fair).where(Fair.id == fair_id, fairs_in_scope(scope)))


def ticket_code_of(scanned: str) -> str:
    """The ticket code in a scanner's input or a typed code ("JFY:ABCD…" or "abcd-…")."""
    return ticket_code_from_scan(scanned)


def seeker_by_ticket(scanned: str, fair_ids: list[int], employer_id: int | None) -> Registration:
    """The seeker holding the ticket at one of the fairs; NotShared if they did not consent.

    The ticket is looked up with the SYSTEM scope among the given fairs only (the reader's own
    fairs), so that the reader learns plainly that a consent is missing; nothing else is shown.
    """
    code = ticket_code_of(scanned)
    registration = db.session.scalar(scoped(
        select(Registration).where(Registration.ticket_code == code,
                                   Registration.fair_id.in_(fair_ids)),
        SYSTEM,
    )) if code and fair_ids else None
    if registration is None:
        raise TicketNotFound(code)
    if not registration.has_consent(ConsentPurpose.SHARE_WITH_EMPLOYERS):
        raise NotShared(registration.id)
    if employer_id is not None and not visible_to_employer(registration.id, employer_id):
        raise NotAtFair(registration.id)
    return registration


def visible_to_employer(registration_id: int, employer_id: int) -> bool:
    """Whether the employer may see the seeker (consent to share, a booth at their fair)."""
    found = db.session.scalar(scoped(
        select(Registration.id).where(Registration.id == registration_id),
        employer_scope(employer_id),
    ))
    return found is not None


def record_outcome(registration: Registration, employer: Employer, vacancy: Vacancy | None,
                   values: OutcomeInput, recorded_by_id: int | None,
                   now: dt.datetime) -> Outcome:
    """Record (or update) the employer's current outcome with a seeker, under the seeker's lock."""
    if not registration.has_consent(ConsentPurpose.SHARE_WITH_EMPLOYERS):
        raise NotShared(registration.id)
    if not visible_to_employer(registration.id, employer.id):
        raise NotAtFair(registration.id)
    if vacancy is not None and vacancy.employer_id != employer.id:
        raise VacancyNotOfEmployer(vacancy.id)
    try:
        lock_row("registrations", registration.id)
    except RowLocked as error:
        raise SeekerBusy(registration.id) from error
    key = vacancy.id if vacancy is not None else NO_VACANCY
    outcome = db.session.scalar(scoped(
        select(Outcome).where(Outcome.registration_id == registration.id,
                              Outcome.employer_id == employer.id, Outcome.vacancy_key == key),
        SYSTEM,  # the caller has checked who may record; this finds the row to update
    ))
    if outcome is None:
        outcome = Outcome(fair_id=registration.fair_id, registration_id=registration.id,
                          employer_id=employer.id, vacancy_id=key or None, vacancy_key=key,
                          recorded_at=now)
        db.session.add(outcome)
    outcome.status = values.status
    outcome.note = values.note.strip()
    outcome.recorded_by_id = recorded_by_id
    outcome.updated_at = now
    db.session.flush()
    return outcome


def employer_outcomes(scope: Scope, employer_id: int,
                      registration_ids: list[int]) -> dict[tuple[int, int], Outcome]:
    """(registration id, vacancy key) → the employer's current outcome, for these seekers."""
    if not registration_ids:
        return {}
    found = db.session.scalars(scoped(
        select(Outcome).where(Outcome.employer_id == employer_id,
                              Outcome.registration_id.in_(registration_ids)),
        scope,
    ))
    return {(o.registration_id, o.vacancy_key): o for o in found}


def outcomes_for_fair(scope: Scope, fair_id: int) -> list[Outcome]:
    """The fair's outcomes the scope may see, by employer and seeker."""
    query = (
        select(Outcome)
        .join(Employer, Employer.id == Outcome.employer_id)
        .join(Registration, Registration.id == Outcome.registration_id)
        .options(joinedload(Outcome.employer), joinedload(Outcome.registration),
                 joinedload(Outcome.vacancy))
        .where(Outcome.fair_id == fair_id)
        .order_by(Employer.name, Registration.family_name, Registration.given_name, Outcome.id)
    )
    return list(db.session.scalars(scoped(query, scope)).unique())


def outcomes_about_seeker(registration: Registration) -> list[dict[str, object]]:
    """What employers recorded about a seeker, for the seeker's own data export."""
    found = db.session.scalars(scoped(
        select(Outcome)
        .options(joinedload(Outcome.employer), joinedload(Outcome.vacancy))
        .where(Outcome.registration_id == registration.id)
        .order_by(Outcome.id),
        SYSTEM,  # the seeker's own data, behind their secret link
    ))
    return [
        {
            "employer": outcome.employer.name,
            "vacancy": outcome.vacancy.title if outcome.vacancy else None,
            "status": outcome.status.value,
            "note": outcome.note,
            "recorded_at": outcome.recorded_at.isoformat(),
            "updated_at": outcome.updated_at.isoformat(),
            "after_the_fair": outcome.follow_up_status.value if outcome.follow_up_status else None,
            "after_the_fair_answered_at": (outcome.followed_up_at.isoformat()
                                           if outcome.followed_up_at else None),
        }
        for outcome in found
    ]


register_export_part("outcomes", outcomes_about_seeker)


def outcome_counts(scope: Scope, fair_id: int) -> dict[OutcomeStatus, int]:
    """How many of the fair's outcomes (that the scope may see) have each status."""
    rows = db.session.execute(scoped(
        select(Outcome.status, func.count(Outcome.id))
        .where(Outcome.fair_id == fair_id).group_by(Outcome.status),
        scope,
    ))
    counts = dict.fromkeys(OutcomeStatus, 0)
    counts.update({status: count for status, count in rows})
    return counts
