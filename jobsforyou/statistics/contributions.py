"""What a registration's talks at the booths add to the statistics (retained at deletion).

The outcomes of a person's talks are deleted with the person (ON DELETE CASCADE), so their
counts are registered as a contributor of `registration.retained`: they are kept with the
person's other figures just before the registration is deleted. `jobsforyou.models` imports
this module, so the contributor is registered wherever the models are.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import func, select

from jobsforyou.extensions import db
from jobsforyou.outcomes import scopes as _scopes  # noqa: F401  (the outcome scope rule)
from jobsforyou.outcomes.models import Outcome, OutcomeStatus
from jobsforyou.registration.models import Registration
from jobsforyou.registration.retained import Cell, register_contributor
from jobsforyou.scoping import SYSTEM, scoped

OUTCOME = "outcome"
TALKS = "talks"
# the stages of a talk that the statistics show (a talk counts in its current stage)
OUTCOME_STAGES = (OutcomeStatus.INTERVIEW_PLANNED, OutcomeStatus.TRIAL_DAY,
                  OutcomeStatus.CONTRACT_OFFERED, OutcomeStatus.HIRED)
_CHUNK = 500


def outcome_contributions(registrations: Sequence[Registration], _today: dt.date) -> Counter[Cell]:
    """Talks held and their current stages, counted per fair for the registrations' outcomes."""
    cells: Counter[Cell] = Counter()
    ids = [registration.id for registration in registrations if registration.id is not None]
    for start in range(0, len(ids), _CHUNK):
        rows = db.session.execute(scoped(
            select(Outcome.fair_id, Outcome.status, func.count(Outcome.id))
            .where(Outcome.registration_id.in_(ids[start:start + _CHUNK]))
            .group_by(Outcome.fair_id, Outcome.status),
            SYSTEM,  # counts only; the statistics views check the fair's scope
        ))
        for fair_id, status, count in rows:
            cells[(fair_id, OUTCOME, TALKS)] += count
            if status in OUTCOME_STAGES:
                cells[(fair_id, OUTCOME, OutcomeStatus(status).value)] += count
    return cells


register_contributor(outcome_contributions)
