"""Administrators' rules for staff accounts: which scope a role gets, which county they manage."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from jobsforyou.accounts import services
from jobsforyou.accounts.models import Role, User
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.regions.models import Municipality
from jobsforyou.scoping import SYSTEM, scoped


class FairRequired(services.AccountError):
    """Check-in staff work at one fair, and none was chosen."""


def in_county(admin: User, user: User) -> bool:
    """Whether an admin manages this account (admins without a county manage every county)."""
    return admin.region_id is None or user.region_id == admin.region_id


def managed_user(admin: User, user_id: int) -> User | None:
    """An account of the admin's county, or None."""
    user = services.user_by_id(user_id)
    return user if user is not None and in_county(admin, user) else None


def fairs_for_checkin_staff(admin: User) -> list[Fair]:
    """The fairs of the admin's county (all, without one), newest first."""
    query = select(Fair).order_by(Fair.date.desc(), Fair.id.desc())
    if admin.region_id is not None:
        query = query.where(Fair.municipality_id.in_(
            select(Municipality.id).where(Municipality.region_id == admin.region_id)
        ))
    return list(db.session.scalars(scoped(query, SYSTEM)))


def staff_scope(admin: User, role: Role, municipality_id: int | None,
                fair_id: int | None) -> services.StaffScope:
    """The scope an invited person gets: organisers a municipality (or the county), check-in
    staff one fair, everyone the admin's county."""
    if role == Role.CHECKIN and not fair_id:
        raise FairRequired(role.value)
    return services.StaffScope(
        region_id=admin.region_id,
        municipality_id=(municipality_id or None) if role == Role.ORGANISER else None,
        fair_id=(fair_id or None) if role == Role.CHECKIN else None,
    )


def invite_staff(admin: User, email: str, role: Role, display_name: str, language: str, *,
                 municipality_id: int | None, fair_id: int | None,
                 now: dt.datetime) -> tuple[User, str]:
    """Invite a staff member with a role and its scope (a pending invitation of the admin's
    county is sent again)."""
    scope = staff_scope(admin, role, municipality_id, fair_id)
    return services.invite_user(email, role, display_name, language=language, now=now,
                                scope=scope, may_reinvite=lambda user: in_county(admin, user))
