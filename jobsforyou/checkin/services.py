"""Checking visitors in at a fair: by ticket code or QR content, by name, idempotently.

Two devices that check in one person at the same moment give one check-in: the service locks
the registration's row (`database.lock_row`), reads it again and only then sets the time, so the
second device is told when the first one checked the visitor in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from jobsforyou.database import RowLocked, lock_row
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import desk_fairs_in_scope
from jobsforyou.registration.models import (
    Registration,
    RegistrationChannel,
    RegistrationStatus,
)
from jobsforyou.registration.search import matches
from jobsforyou.registration.tickets import ticket_code_from_scan
from jobsforyou.scoping import SYSTEM, Scope, scoped
from jobsforyou.times import as_utc, site_zone

SEARCH_LIMIT = 20
UNDO_ROLES = ("organiser", "admin")


class CheckInError(Exception):
    """A check-in that cannot be done."""


class NotAtThisDesk(CheckInError):
    """The fair does not exist or its desk is not in the scope."""


class UnknownTicket(CheckInError):
    """No ticket with this code at all."""


class OtherFairTicket(CheckInError):
    """The ticket exists, but for another fair."""


class RegistrationWithdrawn(CheckInError):
    """The seeker withdrew the registration."""


class OnWaitingList(CheckInError):
    """The registration is still on the waiting list."""


class CheckInBusy(CheckInError):
    """Another device held the registration's lock for too long."""


class UndoNotAllowed(CheckInError):
    """Only organisers (and admins) may undo a check-in."""


@dataclass(frozen=True)
class CheckInResult:
    """A visitor checked in now, or earlier (already=True)."""

    registration: Registration
    already: bool
    checked_in_at: dt.datetime

    @property
    def local_time(self) -> str:
        """The time of the check-in in the fair's time zone, as HH:MM."""
        return local_time(self.checked_in_at)


@dataclass(frozen=True)
class DeskCounts:
    """Registered (confirmed), checked-in and waiting-list registrations, and walk-ins."""

    registered: int
    checked_in: int
    waitlisted: int
    walk_ins: int = 0  # registered at the desk (not withdrawn since)


def local_time(moment: dt.datetime) -> str:
    """A stored moment as HH:MM in the site's time zone (Europe/Berlin by default)."""
    return as_utc(moment).astimezone(site_zone()).strftime("%H:%M")


def fair_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date where the fairs take place."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(site_zone()).date()


def code_from_input(text: str) -> str:
    """The ticket code in what was scanned or typed: QR prefix, case, spaces and dashes ignored."""
    return ticket_code_from_scan(text)


def desk_fair(scope: Scope, fair_id: int) -> Fair:
    """The fair whose desk the scope may run, or NotAtThisDesk."""
    fair = db.session.scalar(select(Fair).where(Fair.id == fair_id, desk_fairs_in_scope(scope)))
    if fair is None:
        raise NotAtThisDesk(fair_id)
    return fair


def _ticket_of(scope: Scope, fair_id: int, text: str) -> Registration:
    code = code_from_input(text)
    if not code:
        raise UnknownTicket(text)
    found = db.session.scalar(scoped(
        select(Registration).where(Registration.fair_id == fair_id,
                                   Registration.ticket_code == code), scope))
    if found is not None:
        return found
    # SYSTEM: only whether the code exists elsewhere, to tell the helper why it is refused
    elsewhere = db.session.scalar(scoped(
        select(Registration.id).where(Registration.ticket_code == code), SYSTEM))
    raise OtherFairTicket(code) if elsewhere is not None else UnknownTicket(code)


def _registration_of(scope: Scope, fair_id: int, registration_id: int) -> Registration:
    found = db.session.scalar(scoped(
        select(Registration).where(Registration.id == registration_id,
                                   Registration.fair_id == fair_id)
        .execution_options(populate_existing=True), scope))
    if found is None:
        raise UnknownTicket(str(registration_id))
    return found


def _lock(registration_id: int) -> None:
    try:
        lock_row("registrations", registration_id)
    except RowLocked as error:
        raise CheckInBusy(registration_id) from error


def check_in(scope: Scope, fair_id: int, code: str,
             now: dt.datetime | None = None) -> CheckInResult:
    """Check in the holder of a ticket (QR content or typed code) at the scope's fair desk."""
    desk_fair(scope, fair_id)
    return _check_in(scope, fair_id, _ticket_of(scope, fair_id, code).id, now)


def check_in_registration(scope: Scope, fair_id: int, registration_id: int,
                          now: dt.datetime | None = None) -> CheckInResult:
    """Check in a registration found by the name search."""
    desk_fair(scope, fair_id)
    return _check_in(scope, fair_id, registration_id, now)


def _check_in(scope: Scope, fair_id: int, registration_id: int,
              now: dt.datetime | None) -> CheckInResult:
    _lock(registration_id)
    registration = _registration_of(scope, fair_id, registration_id)  # read after the lock
    if registration.checked_in_at is not None:
        return CheckInResult(registration, True, as_utc(registration.checked_in_at))
    if registration.status == RegistrationStatus.WITHDRAWN:
        raise RegistrationWithdrawn(registration_id)
    if registration.status == RegistrationStatus.WAITLISTED:
        raise OnWaitingList(registration_id)
    moment = now or dt.datetime.now(dt.UTC)
    registration.checked_in_at = moment
    registration.checked_in_by_id = scope.user_id
    db.session.flush()
    return CheckInResult(registration, False, moment)


def undo_check_in(scope: Scope, fair_id: int, registration_id: int) -> Registration:
    """Take back a mistaken check-in (organisers and admins only)."""
    if scope.role not in UNDO_ROLES:
        raise UndoNotAllowed(registration_id)
    desk_fair(scope, fair_id)
    _lock(registration_id)
    registration = _registration_of(scope, fair_id, registration_id)
    registration.checked_in_at = None
    registration.checked_in_by_id = None
    db.session.flush()
    return registration


def may_undo(scope: Scope) -> bool:
    """Whether the scope may undo check-ins (the page shows the button only then)."""
    return scope.role in UNDO_ROLES


def search(scope: Scope, fair_id: int, query: str) -> list[Registration]:
    """Registrations of the fair matching a name (any script), phone or ticket code."""
    if not query.strip():
        return []
    desk_fair(scope, fair_id)
    candidates = db.session.scalars(scoped(
        select(Registration).where(Registration.fair_id == fair_id)
        .order_by(Registration.family_name, Registration.given_name, Registration.id), scope))
    found = [registration for registration in candidates if matches(registration, query)]
    return found[:SEARCH_LIMIT]


def counts(scope: Scope, fair_id: int) -> DeskCounts:
    """The desk's live counts."""
    desk_fair(scope, fair_id)
    rows = db.session.execute(scoped(
        select(Registration.status, Registration.checked_in_at, Registration.channel)
        .where(Registration.fair_id == fair_id), scope)).all()
    states = Counter(status for status, _at, _channel in rows)
    return DeskCounts(
        registered=states[RegistrationStatus.CONFIRMED],
        checked_in=sum(1 for _status, at, _channel in rows if at is not None),
        waitlisted=states[RegistrationStatus.WAITLISTED],
        walk_ins=sum(1 for status, _at, channel in rows
                     if channel == RegistrationChannel.DESK
                     and status != RegistrationStatus.WITHDRAWN),
    )
