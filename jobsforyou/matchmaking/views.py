"""The candidates that fit a vacancy, for its employer and the business-development office."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, render_template
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import select

from jobsforyou import audit
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.extensions import db
from jobsforyou.matchmaking.services import candidates_for_vacancy, why_no_candidates
from jobsforyou.scoping import scope_for, scoped
from jobsforyou.vacancies.models import Vacancy

bp = Blueprint("matchmaking", __name__)


@bp.get("/vacancies/<int:vacancy_id>/candidates")
@roles_required(Role.EMPLOYER, Role.BUSINESS_DEVELOPMENT)
def vacancy_candidates(vacancy_id: int):  # type: ignore[no-untyped-def]
    """Consenting seekers of the fairs the employer attends, best first, with reasons and gaps."""
    scope = scope_for(current_user)
    vacancy = db.session.scalar(scoped(select(Vacancy).where(Vacancy.id == vacancy_id), scope))
    if vacancy is None:
        abort(404)
    suggestions = candidates_for_vacancy(
        vacancy, scope, str(get_locale()), current_app.config["MATCHES_PER_VACANCY"],
        dt.date.today(),
    )
    audit.record("candidates_viewed", vacancy=vacancy.id,
                 registrations=[s.registration.id for s in suggestions])
    reason = None if suggestions else why_no_candidates(vacancy, scope, dt.date.today())
    return render_template(
        "matchmaking/vacancy_candidates.html", vacancy=vacancy, suggestions=suggestions,
        reason=reason,
    )
