"""Booth plans and booth requests: no booth is held twice, waiting lists move up on cancellation.

Every decision that hands out or frees a booth locks the fair's row first (database.lock_row), so
concurrent approvals are decided one after the other; the unique booth_id of BoothAssignment is
the database's own guarantee behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from jobsforyou.booths.models import (
    ACTIVE_REQUEST_STATUSES,
    Booth,
    BoothAssignment,
    BoothKind,
    BoothRequest,
    BoothRequestStatus,
)
from jobsforyou.database import RowLocked, lock_row
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.scoping import SYSTEM, scoped

MAX_BOOTHS_PER_EMPLOYER = 5


class BoothError(Exception):
    """A booth operation was refused; the subclass says why."""


class FairBusy(BoothError):
    """Another decision on the same fair held the lock for too long; try again."""


class BoothNumberTaken(BoothError):
    """The fair's plan has a booth with this number already."""


class BoothInUse(BoothError):
    """The booth is held by an employer and cannot be removed."""


class BoothUnavailable(BoothError):
    """The booth is held by another employer, or no booth is free."""


class BoothLimitReached(BoothError):
    """The employer holds as many booths at this fair as the organisers granted."""


class InvalidTransition(BoothError):
    """The request is not in a state that allows this step."""


class FairTookPlace(InvalidTransition):
    """The fair has taken place: its booths can no longer be cancelled."""


def lock_fair(fair_id: int) -> None:
    """Lock the fair's row (bounded wait) and forget cached rows so later reads are current."""
    try:
        lock_row("fairs", fair_id)
    except RowLocked as error:
        raise FairBusy(fair_id) from error
    db.session.expire_all()


def booth_plan(fair_id: int) -> list[Booth]:
    """The booths of a fair, by number."""
    return list(db.session.scalars(
        scoped(select(Booth).where(Booth.fair_id == fair_id).order_by(Booth.number), SYSTEM)
    ))


def free_booths(fair_id: int) -> list[Booth]:
    """The booths of a fair that nobody holds, by number."""
    return list(db.session.scalars(scoped(
        select(Booth)
        .outerjoin(BoothAssignment, BoothAssignment.booth_id == Booth.id)
        .where(Booth.fair_id == fair_id, BoothAssignment.id.is_(None))
        .order_by(Booth.number),
        SYSTEM,
    )))


def next_booth_number(fair_id: int) -> int:
    """The number after the highest booth number of the fair."""
    highest = db.session.scalar(
        scoped(select(func.max(Booth.number)).where(Booth.fair_id == fair_id), SYSTEM)
    )
    return (highest or 0) + 1


def add_booth(fair: Fair, number: int, kind: BoothKind, size: str, has_power: bool) -> Booth:
    """Add a numbered booth to a fair's plan."""
    lock_fair(fair.id)
    taken = db.session.scalar(scoped(
        select(func.count(Booth.id)).where(Booth.fair_id == fair.id, Booth.number == number), SYSTEM
    ))
    if taken:
        raise BoothNumberTaken(number)
    booth = Booth(fair_id=fair.id, number=number, kind=kind, size=size.strip(), has_power=has_power)
    db.session.add(booth)
    db.session.flush()
    return booth


def remove_booth(booth: Booth) -> None:
    """Remove a booth from the plan; a booth held by an employer cannot be removed."""
    lock_fair(booth.fair_id)
    if _holder(booth.id) is not None:
        raise BoothInUse(booth.number)
    db.session.delete(booth)
    db.session.flush()


def request_booth(
    fair: Fair,
    employer_id: int,
    staff_count: int,
    languages: Sequence[str],
    needs_power: bool,
    remarks: str,
) -> BoothRequest:
    """Ask for a booth (or change the details of the employer's open request).

    There is one request per employer and fair: a declined or cancelled one is asked again.
    """
    lock_fair(fair.id)
    booth_request = db.session.scalar(scoped(
        select(BoothRequest).where(
            BoothRequest.fair_id == fair.id, BoothRequest.employer_id == employer_id
        ),
        SYSTEM,
    ))
    if booth_request is None:
        booth_request = BoothRequest(fair_id=fair.id, employer_id=employer_id)
        db.session.add(booth_request)
    if booth_request.status not in ACTIVE_REQUEST_STATUSES:
        booth_request.status = BoothRequestStatus.REQUESTED
        booth_request.decline_reason = ""
    booth_request.staff_count = staff_count
    booth_request.languages = list(languages)
    booth_request.needs_power = needs_power
    booth_request.remarks = remarks.strip()
    db.session.flush()
    return booth_request


def approve_request(
    booth_request: BoothRequest, booth_id: int | None, booths_granted: int | None = None
) -> Booth:
    """Give the request a booth (the chosen one, or the first free one that suits it).

    An approved request may get a further booth while it holds fewer than granted.
    """
    lock_fair(booth_request.fair_id)
    if booth_request.status not in ACTIVE_REQUEST_STATUSES:
        raise InvalidTransition(booth_request.status)
    granted = booth_request.booths_granted if booths_granted is None else max(
        1, min(booths_granted, MAX_BOOTHS_PER_EMPLOYER))
    if len(booth_request.assignments) >= granted:
        raise BoothLimitReached(granted)
    booth = _choose_booth(booth_request, booth_id)
    _assign(booth_request, booth, booths_granted=granted)
    return booth


def decline_request(booth_request: BoothRequest, reason: str) -> None:
    """Decline a request that holds no booth, with a reason the employer reads."""
    lock_fair(booth_request.fair_id)
    if booth_request.status not in (BoothRequestStatus.REQUESTED, BoothRequestStatus.WAITLISTED):
        raise InvalidTransition(booth_request.status)
    booth_request.status = BoothRequestStatus.DECLINED
    booth_request.decline_reason = reason.strip()
    db.session.flush()


def waitlist_request(booth_request: BoothRequest) -> None:
    """Put a request on the fair's waiting list (it moves up when a booth becomes free)."""
    lock_fair(booth_request.fair_id)
    if booth_request.status != BoothRequestStatus.REQUESTED:
        raise InvalidTransition(booth_request.status)
    booth_request.status = BoothRequestStatus.WAITLISTED
    db.session.flush()


def cancel_request(booth_request: BoothRequest, today: dt.date) -> list[BoothRequest]:
    """Cancel a request and free its booths; each freed booth goes to the longest-waiting request.

    A fair that has taken place keeps its booths. Returns the requests that moved up from the
    waiting list.
    """
    lock_fair(booth_request.fair_id)
    if booth_request.fair.date < today:
        raise FairTookPlace(booth_request.status)
    if booth_request.status not in ACTIVE_REQUEST_STATUSES:
        raise InvalidTransition(booth_request.status)
    freed = booth_request.booths
    booth_request.status = BoothRequestStatus.CANCELLED
    booth_request.assignments.clear()
    db.session.flush()
    promoted: list[BoothRequest] = []
    for booth in freed:
        waiting = _first_waiting(booth_request.fair_id)
        if waiting is None:
            break
        _assign(waiting, booth)
        promoted.append(waiting)
    return promoted


def _assign(booth_request: BoothRequest, booth: Booth, booths_granted: int | None = None) -> None:
    """Hand a booth to a request; the unique booth_id refuses a booth somebody holds already.

    The change is made inside a savepoint, so a refusal leaves the rest of the transaction
    (and the session) usable and changes nothing.
    """
    try:
        with db.session.begin_nested():
            booth_request.assignments.append(BoothAssignment(booth=booth))
            booth_request.status = BoothRequestStatus.APPROVED
            booth_request.decline_reason = ""
            if booths_granted is not None:
                booth_request.booths_granted = booths_granted
    except IntegrityError as error:
        raise BoothUnavailable(booth.number) from error


def _holder(booth_id: int) -> BoothAssignment | None:
    return db.session.scalar(select(BoothAssignment).where(BoothAssignment.booth_id == booth_id))


def _choose_booth(booth_request: BoothRequest, booth_id: int | None) -> Booth:
    if booth_id:
        booth = db.session.scalar(scoped(select(Booth).where(Booth.id == booth_id), SYSTEM))
        if booth is None or booth.fair_id != booth_request.fair_id or _holder(booth.id):
            raise BoothUnavailable(booth.number if booth else booth_id)
        return booth
    candidates = free_booths(booth_request.fair_id)
    if booth_request.needs_power:
        candidates.sort(key=lambda booth: not booth.has_power)
    if not candidates:
        raise BoothUnavailable(None)
    return candidates[0]


def _first_waiting(fair_id: int) -> BoothRequest | None:
    return db.session.scalar(scoped(
        select(BoothRequest)
        .where(BoothRequest.fair_id == fair_id,
               BoothRequest.status == BoothRequestStatus.WAITLISTED)
        .order_by(BoothRequest.created_at, BoothRequest.id)
        .limit(1),
        SYSTEM,
    ))
