"""Queries and rules about fairs: what is public, upcoming, open for registration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.times import as_utc

PUBLIC_STATUSES = (FairStatus.PUBLISHED, FairStatus.CLOSED, FairStatus.HELD)


class FairNotFound(LookupError):
    """No public fair with this id."""


def upcoming_fairs(today: dt.date, municipality_id: int | None = None) -> list[Fair]:
    """Published fairs from today on, soonest first, optionally in one municipality."""
    query = (
        select(Fair)
        .where(Fair.status.in_(PUBLIC_STATUSES), Fair.date >= today)
        .order_by(Fair.date, Fair.starts_at)
    )
    if municipality_id:
        query = query.where(Fair.municipality_id == municipality_id)
    return list(db.session.scalars(query))


def public_fair(fair_id: int) -> Fair:
    """A fair that the public may see (not a draft)."""
    fair = db.session.get(Fair, fair_id)
    if fair is None or fair.status not in PUBLIC_STATUSES:
        raise FairNotFound(fair_id)
    return fair


def registration_is_open(fair: Fair, now: dt.datetime) -> bool:
    """Whether seekers may register now: published and inside the registration window."""
    opens = as_utc(fair.registration_opens)
    closes = as_utc(fair.registration_closes)
    return fair.status == FairStatus.PUBLISHED and opens <= now <= closes
