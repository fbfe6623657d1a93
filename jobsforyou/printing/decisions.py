"""Pin a pair onto a fair's match plan or remove it, and take the decision back (services)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from jobsforyou.database import lock_row
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.printing.models import Decision, MatchDecision
from jobsforyou.registration.models import Registration
from jobsforyou.scoping import SYSTEM, scoped

DecisionKey = tuple[int, int]  # (employer id, registration id)


def decisions_of(fair: Fair) -> dict[DecisionKey, MatchDecision]:
    """The fair's decisions by (employer, seeker); the caller has checked the fair's scope."""
    found = db.session.scalars(scoped(
        select(MatchDecision).where(MatchDecision.fair_id == fair.id).order_by(MatchDecision.id),
        SYSTEM,  # the fair was checked against the reader's scope; the plan needs all of them
    ))
    return {(d.employer_id, d.registration_id): d for d in found}


def _existing(fair: Fair, employer_id: int, registration_id: int) -> MatchDecision | None:
    return db.session.scalar(scoped(
        select(MatchDecision).where(
            MatchDecision.fair_id == fair.id,
            MatchDecision.employer_id == employer_id,
            MatchDecision.registration_id == registration_id,
        ),
        SYSTEM,  # the fair, employer and seeker were checked by the caller
    ))


def decide(fair: Fair, employer: Employer, registration: Registration, decision: Decision,
           decided_by_id: int | None, now: dt.datetime) -> MatchDecision:
    """Pin or remove the pair of a seeker and an employer at the fair (a new decision replaces
    the previous one). The caller checked that both belong to the fair."""
    lock_row("fairs", fair.id)
    found = _existing(fair, employer.id, registration.id)
    if found is None:
        found = MatchDecision(fair_id=fair.id, employer_id=employer.id,
                              registration_id=registration.id)
        db.session.add(found)
    found.decision = decision
    found.decided_by_id = decided_by_id
    found.decided_at = now
    db.session.flush()
    return found


def undo(fair: Fair, employer_id: int, registration_id: int) -> Decision | None:
    """Take a decision back: the pair is again as the matching suggests it (the decision that was
    taken back, None if there was none)."""
    lock_row("fairs", fair.id)
    found = _existing(fair, employer_id, registration_id)
    if found is None:
        return None
    decision = found.decision
    db.session.delete(found)
    db.session.flush()
    return decision
