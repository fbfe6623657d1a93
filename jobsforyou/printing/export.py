"""The organisers' decisions about a seeker in the seeker's own data export (right of access)."""

from __future__ import annotations

from sqlalchemy import select

from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.printing.models import MatchDecision
from jobsforyou.registration.models import Registration
from jobsforyou.registration.services import register_export_part
from jobsforyou.scoping import SYSTEM, scoped


def decisions_about_seeker(registration: Registration) -> list[dict[str, object]]:
    """Which employers' lists the organisers put the seeker on or took them off, and when."""
    rows = db.session.execute(scoped(
        select(MatchDecision, Employer.name)
        .join(Employer, Employer.id == MatchDecision.employer_id)
        .where(MatchDecision.registration_id == registration.id).order_by(MatchDecision.id),
        SYSTEM,  # the seeker's own data, behind their secret link
    ))
    return [
        {"employer": employer, "decision": decision.decision.value,
         "decided_at": decision.decided_at.isoformat()}
        for decision, employer in rows
    ]


register_export_part("match_decisions", decisions_about_seeker)
