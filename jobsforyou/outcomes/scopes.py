"""Who may read outcomes: employers their own, organisers those of their fairs, admins all."""

from __future__ import annotations

from sqlalchemy import false, select
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.fairs.scope import fair_ids_in_scope
from jobsforyou.outcomes.models import Outcome
from jobsforyou.registration.models import Registration
from jobsforyou.registration.scopes import registration_scope_rule
from jobsforyou.scoping import Scope, register_scope_rule


def outcome_scope_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Employers: their own, about seekers they may still see; organisers: their fairs'."""
    if scope.role == "admin":
        return []
    if scope.role == "organiser":
        return [Outcome.fair_id.in_(fair_ids_in_scope(scope))]
    if scope.role == "employer" and scope.employer_id is not None:
        visible = select(Registration.id).where(*registration_scope_rule(scope))
        return [Outcome.employer_id == scope.employer_id,
                Outcome.registration_id.in_(visible.scalar_subquery())]
    return [false()]


register_scope_rule(Outcome, outcome_scope_rule)
