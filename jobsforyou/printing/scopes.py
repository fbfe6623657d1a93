"""Who may read match decisions: organisers those of their fairs, employers their own."""

from __future__ import annotations

from sqlalchemy import false
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.fairs.scope import fair_ids_in_scope
from jobsforyou.printing.models import MatchDecision
from jobsforyou.scoping import Scope, register_scope_rule


def match_decision_scope_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Admins all; organisers the decisions of their fairs; employers those about themselves."""
    if scope.role == "admin":
        return []
    if scope.role == "organiser":
        return [MatchDecision.fair_id.in_(fair_ids_in_scope(scope))]
    if scope.role == "employer" and scope.employer_id is not None:
        return [MatchDecision.employer_id == scope.employer_id]
    return [false()]


register_scope_rule(MatchDecision, match_decision_scope_rule)
