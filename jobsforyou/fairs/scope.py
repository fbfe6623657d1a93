"""Which fairs a staff member's scope covers: their municipality, or their whole county."""

from __future__ import annotations

from sqlalchemy import false, select
from sqlalchemy.sql.elements import ColumnElement

from jobsforyou.fairs.models import Fair
from jobsforyou.regions.models import Municipality
from jobsforyou.scoping import Scope

STAFF_ROLES = ("organiser", "business_development")


def fairs_in_scope(scope: Scope) -> ColumnElement[bool]:
    """A condition on Fair.id: the fairs this scope may manage (admins and the system: all)."""
    if scope.is_system or scope.role == "admin":
        return Fair.id.is_not(None)
    if scope.role not in STAFF_ROLES:
        return false()
    if scope.role == "organiser" and scope.municipality_id is not None:
        return Fair.municipality_id == scope.municipality_id
    if scope.region_id is None:
        return false()
    return Fair.municipality_id.in_(
        select(Municipality.id).where(Municipality.region_id == scope.region_id)
    )


def desk_fairs_in_scope(scope: Scope) -> ColumnElement[bool]:
    """A condition on Fair.id: the fairs whose check-in desk this scope may run.

    Check-in staff (an account or a fair-day code) their one fair; organisers and admins the
    fairs they manage; nobody else (business-development staff and employers do not check in).
    """
    if scope.role == "checkin":
        return Fair.id == scope.fair_id if scope.fair_id is not None else false()
    if scope.is_system or scope.role in ("organiser", "admin"):
        return fairs_in_scope(scope)
    return false()


def walk_in_fairs_in_scope(scope: Scope) -> ColumnElement[bool]:
    """A condition on Fair.id: the fairs at whose desk this scope may register walk-ins.

    Whoever runs a fair's desk registers its walk-ins there (check-in staff and fair-day code
    holders of that one fair, its organisers, admins), and nobody else.
    """
    if scope.is_system:
        return false()  # a walk-in is registered by a person at the desk, never by the system
    return desk_fairs_in_scope(scope)


def fair_ids_in_scope(scope: Scope) -> ColumnElement[bool]:
    """A sub-select of the ids of the fairs in scope, for conditions on other tables."""
    return select(Fair.id).where(fairs_in_scope(scope)).scalar_subquery()  # type: ignore[return-value]
