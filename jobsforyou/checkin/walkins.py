"""Walk-ins: visitors without a registration, registered at the check-in desk and let in at once.

The staff at the desk (check-in staff of the fair, fair-day code holders, its organisers) hand
the visitor a tablet with the registration form in the visitor's language; the visitor reads it
and ticks the consent. The registration is stored as made at the desk with the helping account,
and the visitor is checked in in the same request.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from jobsforyou.checkin.services import CheckInError, check_in_registration
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import walk_in_fairs_in_scope
from jobsforyou.registration import services as registration_services
from jobsforyou.registration.models import ConsentPurpose
from jobsforyou.registration.profile import SeekerProfile
from jobsforyou.scoping import Scope


class NoWalkInsHere(CheckInError):
    """The fair does not exist or the scope may not register walk-ins at its desk."""


def walk_in_fair(scope: Scope, fair_id: int) -> Fair:
    """The fair at whose desk the scope may register walk-ins, or NoWalkInsHere."""
    fair = db.session.scalar(select(Fair).where(Fair.id == fair_id, walk_in_fairs_in_scope(scope)))
    if fair is None:
        raise NoWalkInsHere(fair_id)
    return fair


def register_walk_in(
    scope: Scope,
    fair_id: int,
    profile: SeekerProfile,
    consents: set[ConsentPurpose],
    *,
    language: str,
    consent_text_version: str,
    token: str,
    now: dt.datetime | None = None,
) -> registration_services.RegistrationResult:
    """Register a visitor at the scope's desk and check them in at once.

    Raises NoWalkInsHere for a fair outside the scope, and the registration errors
    (ConsentRequired, DuplicateRegistration, RegistrationBusy) before anything is stored. Not
    refused when the online capacity is full: the desk decides whether there is room.
    """
    fair = walk_in_fair(scope, fair_id)
    moment = now or dt.datetime.now(dt.UTC)
    result = registration_services.register_walk_in(
        fair, profile, consents, language, consent_text_version, moment, token,
        assisted_by_id=scope.user_id,
    )
    # the same form sent twice finds the visitor checked in already: one check-in
    check_in_registration(scope, fair.id, result.registration.id, moment)
    return result
