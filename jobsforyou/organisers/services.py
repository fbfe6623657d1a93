"""What organisers see and decide: the fairs of their scope, booth plans, booth requests."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import select

from jobsforyou.booths import services as booth_services
from jobsforyou.booths.models import Booth, BoothRequest
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import fairs_in_scope
from jobsforyou.scoping import Scope, scoped


class NotInScope(LookupError):
    """The fair, booth or request does not exist in the organiser's scope."""


class Decision(enum.StrEnum):
    """What an organiser decides on a booth request."""

    APPROVE = "approve"
    WAITLIST = "waitlist"
    DECLINE = "decline"
    CANCEL = "cancel"


def fairs_of(scope: Scope) -> list[Fair]:
    """The fairs in the organiser's municipality (or county), newest first."""
    return list(db.session.scalars(
        select(Fair).where(fairs_in_scope(scope)).order_by(Fair.date.desc(), Fair.id.desc())
    ))


def fair_of(scope: Scope, fair_id: int) -> Fair:
    """One fair of the organiser's scope."""
    fair = db.session.scalar(select(Fair).where(Fair.id == fair_id, fairs_in_scope(scope)))
    if fair is None:
        raise NotInScope(fair_id)
    return fair


def booths_of(scope: Scope, fair: Fair) -> list[Booth]:
    """The booth plan of a fair, by number."""
    return list(db.session.scalars(scoped(
        select(Booth).where(Booth.fair_id == fair.id).order_by(Booth.number), scope
    )))


def booth_of(scope: Scope, fair: Fair, booth_id: int) -> Booth:
    """One booth of a fair's plan."""
    booth = db.session.scalar(scoped(
        select(Booth).where(Booth.id == booth_id, Booth.fair_id == fair.id), scope
    ))
    if booth is None:
        raise NotInScope(booth_id)
    return booth


def booth_requests_of(scope: Scope, fair: Fair) -> list[BoothRequest]:
    """The booth requests of a fair, oldest first."""
    return list(db.session.scalars(scoped(
        select(BoothRequest).where(BoothRequest.fair_id == fair.id)
        .order_by(BoothRequest.created_at, BoothRequest.id),
        scope,
    )))


def booth_request_of(scope: Scope, request_id: int) -> BoothRequest:
    """One booth request of a fair in the organiser's scope."""
    booth_request = db.session.scalar(scoped(
        select(BoothRequest).where(BoothRequest.id == request_id), scope
    ))
    if booth_request is None:
        raise NotInScope(request_id)
    return booth_request


def decide(booth_request: BoothRequest, decision: Decision, *, booth_id: int | None,
           booths_granted: int | None, reason: str, today: dt.date) -> list[BoothRequest]:
    """Carry out a decision; returns every request whose state changed (to inform them)."""
    if decision is Decision.APPROVE:
        booth_services.approve_request(booth_request, booth_id, booths_granted)
    elif decision is Decision.WAITLIST:
        booth_services.waitlist_request(booth_request)
    elif decision is Decision.DECLINE:
        booth_services.decline_request(booth_request, reason)
    else:
        return [booth_request, *booth_services.cancel_request(booth_request, today)]
    return [booth_request]
