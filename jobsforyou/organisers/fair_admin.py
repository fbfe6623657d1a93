"""Organisers create and change fairs in their scope, publish them, close and reopen sign-up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from jobsforyou.database import lock_row
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.regions.models import Municipality
from jobsforyou.registration.capacity import confirmed_registrations, promote_from_waiting_list
from jobsforyou.registration.models import Registration
from jobsforyou.scoping import Scope


class FairAdminError(Exception):
    """A change to a fair was refused; the subclass says why."""


class MunicipalityNotInScope(FairAdminError):
    """The organiser may not hold fairs in this municipality."""


class EndsBeforeStart(FairAdminError):
    """The fair's closing time is not after its opening time."""


class RegistrationWindowInvalid(FairAdminError):
    """Registration closes before it opens, or after the fair has ended."""


class CapacityBelowConfirmed(FairAdminError):
    """More seekers are already confirmed than the new capacity allows."""

    def __init__(self, confirmed: int) -> None:
        super().__init__(confirmed)
        self.confirmed = confirmed


class FairAlreadyHeld(FairAdminError):
    """The fair's date has passed: its registration cannot be reopened."""


@dataclass(frozen=True)
class FairDetails:
    """What an organiser enters about a fair (times of the registration window in UTC)."""

    municipality_id: int
    title: str
    venue: str
    address: str
    date: dt.date
    starts_at: dt.time
    ends_at: dt.time
    registration_opens: dt.datetime
    registration_closes: dt.datetime
    capacity: int
    interpreter_languages: tuple[str, ...] = ()
    description: str = ""
    directions: str = ""


def municipalities_in_scope(scope: Scope) -> list[Municipality]:
    """The municipalities where this organiser may hold fairs, by name."""
    query = select(Municipality).order_by(Municipality.name)
    if scope.role == "admin" or scope.is_system:
        return list(db.session.scalars(query))
    if scope.municipality_id is not None:
        return list(db.session.scalars(query.where(Municipality.id == scope.municipality_id)))
    if scope.region_id is None:
        return []
    return list(db.session.scalars(query.where(Municipality.region_id == scope.region_id)))


def _check(scope: Scope, details: FairDetails, fair_end: dt.datetime) -> None:
    if details.municipality_id not in {m.id for m in municipalities_in_scope(scope)}:
        raise MunicipalityNotInScope(details.municipality_id)
    if details.ends_at <= details.starts_at:
        raise EndsBeforeStart()
    if not details.registration_opens < details.registration_closes <= fair_end:
        raise RegistrationWindowInvalid()


def create_fair(scope: Scope, details: FairDetails, fair_end: dt.datetime) -> Fair:
    """A new fair as a draft (not public until published); ``fair_end`` in UTC."""
    _check(scope, details, fair_end)
    fair = Fair(status=FairStatus.DRAFT)
    _apply(fair, details)
    db.session.add(fair)
    db.session.flush()
    return fair


def update_fair(
    scope: Scope, fair: Fair, details: FairDetails, fair_end: dt.datetime
) -> list[Registration]:
    """Change a fair; a raised capacity gives places to the waiting list (returned, to inform)."""
    _check(scope, details, fair_end)
    lock_row("fairs", fair.id)
    confirmed = confirmed_registrations(fair.id)
    if details.capacity < confirmed:
        raise CapacityBelowConfirmed(confirmed)
    _apply(fair, details)
    db.session.flush()
    return promote_from_waiting_list(fair) if fair.status != FairStatus.DRAFT else []


def _apply(fair: Fair, details: FairDetails) -> None:
    fair.municipality_id = details.municipality_id
    fair.title = details.title.strip()
    fair.venue = details.venue.strip()
    fair.address = details.address.strip()
    fair.date = details.date
    fair.starts_at = details.starts_at
    fair.ends_at = details.ends_at
    fair.registration_opens = details.registration_opens
    fair.registration_closes = details.registration_closes
    fair.capacity = details.capacity
    fair.interpreter_languages = list(details.interpreter_languages)
    fair.description = details.description.strip()
    fair.directions = details.directions.strip()


def publish(fair: Fair) -> None:
    """Make a draft public: it is listed and takes registrations in its window."""
    if fair.status == FairStatus.DRAFT:
        fair.status = FairStatus.PUBLISHED


def close_registration(fair: Fair) -> None:
    """Stop taking registrations now; the fair stays public."""
    if fair.status == FairStatus.PUBLISHED:
        fair.status = FairStatus.CLOSED


def reopen_registration(fair: Fair, today: dt.date) -> None:
    """Take registrations again (inside the registration window) until the fair day."""
    if fair.date < today:
        raise FairAlreadyHeld(fair.id)
    if fair.status == FairStatus.CLOSED:
        fair.status = FairStatus.PUBLISHED

