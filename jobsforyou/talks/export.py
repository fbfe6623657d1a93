"""A seeker's talks in their own data export (right of access)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from jobsforyou.extensions import db
from jobsforyou.registration.models import Registration
from jobsforyou.registration.services import register_export_part
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.talks.models import Talk


def talks_of_seeker(registration: Registration) -> list[dict[str, object]]:
    """The seeker's talks at the booths: employer, time, status and when they were planned."""
    talks = db.session.scalars(scoped(
        select(Talk).options(joinedload(Talk.employer))
        .where(Talk.registration_id == registration.id).order_by(Talk.starts_at, Talk.id),
        SYSTEM,  # the seeker's own data, behind their secret link
    ))
    return [
        {
            "employer": talk.employer.name,
            "starts_at": talk.starts_at.isoformat(),
            "status": talk.status.value,
            "planned_at": talk.created_at.isoformat(),
            "moved_at": talk.moved_at.isoformat() if talk.moved_at else None,
        }
        for talk in talks
    ]


register_export_part("talks", talks_of_seeker)
