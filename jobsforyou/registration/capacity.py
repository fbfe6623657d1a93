"""A fair's capacity: confirmed places, places left, and the waiting list moving up."""

from __future__ import annotations

from sqlalchemy import func, select

from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.registration.models import Registration, RegistrationStatus
from jobsforyou.scoping import SYSTEM, scoped


def confirmed_registrations(fair_id: int) -> int:
    """How many seekers hold a confirmed place at a fair."""
    return (
        db.session.scalar(
            scoped(
                select(func.count(Registration.id)).where(
                    Registration.fair_id == fair_id,
                    Registration.status == RegistrationStatus.CONFIRMED,
                ),
                SYSTEM,  # capacity is public knowledge; no personal data leaves this count
            )
        )
        or 0
    )


def places_left(fair: Fair) -> int:
    """Free places before new registrations go on the waiting list."""
    return max(fair.capacity - confirmed_registrations(fair.id), 0)


def promote_from_waiting_list(fair: Fair) -> list[Registration]:
    """Confirm the longest-waiting seekers while the fair has free places (call it locked)."""
    free = fair.capacity - confirmed_registrations(fair.id)
    if free <= 0:
        return []
    waiting = list(
        db.session.scalars(
            scoped(
                select(Registration)
                .where(
                    Registration.fair_id == fair.id,
                    Registration.status == RegistrationStatus.WAITLISTED,
                )
                .order_by(Registration.created_at, Registration.id)
                .limit(free),
                SYSTEM,
            )
        )
    )
    for registration in waiting:
        registration.status = RegistrationStatus.CONFIRMED
    db.session.flush()
    return waiting
