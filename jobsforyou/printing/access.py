"""Who may print what: the organiser's fairs, the employer's own list, the seeker's own card."""

from __future__ import annotations

from sqlalchemy import select

from jobsforyou.booths.attendance import attending_employers
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import fairs_in_scope
from jobsforyou.printing.plan import registrations_of
from jobsforyou.registration.models import Registration, RegistrationStatus
from jobsforyou.registration.services import registration_for_token
from jobsforyou.scoping import SYSTEM, Scope


class PrintingError(LookupError):
    """Something to print does not exist for the reader."""


class NotFound(PrintingError):
    """The fair, employer or seeker is not in the reader's reach."""


def fair_in_scope(scope: Scope, fair_id: int) -> Fair:
    """A fair the organiser (or admin) manages."""
    fair = db.session.scalar(select(Fair).where(Fair.id == fair_id, fairs_in_scope(scope)))
    if fair is None:
        raise NotFound(fair_id)
    return fair


def attending_employer(fair: Fair, employer_id: int) -> Employer:
    """An employer that holds a booth at the fair."""
    for employer in attending_employers(fair):
        if employer.id == employer_id:
            return employer
    raise NotFound(employer_id)


def attended_fair(employer_id: int, fair_id: int) -> Fair:
    """A fair at which the employer holds a booth (for the employer's own list)."""
    fair = db.session.get(Fair, fair_id)
    if fair is None:
        raise NotFound(fair_id)
    attending_employer(fair, employer_id)
    return fair


def seeker_of(fair: Fair, scope: Scope, registration_id: int) -> Registration:
    """A confirmed seeker of the fair, read with the organiser's scope."""
    for registration in registrations_of(fair, scope):
        if registration.id == registration_id:
            return registration
    raise NotFound(registration_id)


def own_seeker(token: str) -> Registration:
    """The seeker behind a personal link, while their place at the fair is confirmed."""
    registration = registration_for_token(token)
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        raise NotFound(token)
    return registration


def all_seekers(fair: Fair) -> list[Registration]:
    """Every confirmed seeker of the fair (the fair was checked against the reader's scope)."""
    return registrations_of(fair, SYSTEM)
