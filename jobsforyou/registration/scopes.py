"""Who may read job seekers' registrations through staff and employer screens.

Seekers reach their own registration by their secret link (services use the SYSTEM scope);
employers see only the seekers who consented to sharing, at fairs where they have a booth;
business-development staff the consenting seekers of their county's fairs.
"""

from __future__ import annotations

from sqlalchemy import false
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.booths.attendance import attended_fair_ids
from jobsforyou.fairs.scope import fair_ids_in_scope
from jobsforyou.registration.models import Consent, ConsentPurpose, Registration
from jobsforyou.scoping import Scope, register_scope_rule


def _shared_with_employers() -> ColumnElement[bool]:
    return Registration.consents.any(
        (Consent.purpose == ConsentPurpose.SHARE_WITH_EMPLOYERS) & Consent.withdrawn_at.is_(None)
    )


def registration_scope_rule(scope: Scope) -> list[ColumnElement[bool]]:
    """Admins all; organisers their fairs; check-in their fair; employers consenting seekers.

    Business-development staff, who work for employers, see the consenting seekers of their own
    county's fairs only (several counties may share one instance).
    """
    if scope.role == "admin":
        return []
    if scope.role == "organiser":
        return [Registration.fair_id.in_(fair_ids_in_scope(scope))]
    if scope.role == "checkin":
        return [Registration.fair_id == scope.fair_id] if scope.fair_id else [false()]
    if scope.role == "business_development":
        if scope.region_id is None:
            return [false()]
        return [Registration.fair_id.in_(fair_ids_in_scope(scope)), _shared_with_employers()]
    if scope.role == "employer" and scope.employer_id is not None:
        attended = attended_fair_ids(scope.employer_id).scalar_subquery()
        return [Registration.fair_id.in_(attended), _shared_with_employers()]
    return [false()]


register_scope_rule(Registration, registration_scope_rule)
