"""Inviting visitors of earlier fairs to a later fair near them, only with their consent.

Who is invited: seekers of earlier fairs of the same county who consented to be invited again
(ConsentPurpose.INVITE_AGAIN), live within their commuting distance of the new fair's town (or
REINVITATION_RADIUS_KM when they gave none), are not registered for the new fair yet and were
not invited to it before. A person registered at several earlier fairs is invited once.
Only those who also consented to keep their profile (KEEP_FOR_LATER_FAIRS) get a link that
pre-fills the new registration from the old one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.followup.models import ReInvitation
from jobsforyou.regions.models import Municipality
from jobsforyou.regions.services import municipality_for_postcode
from jobsforyou.registration.models import ConsentPurpose, Registration, RegistrationStatus
from jobsforyou.registration.services import find_duplicate
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.security import new_token, token_digest
from jobsforyou.times import as_utc
from matching.geo import haversine_km


class InvitationError(Exception):
    """An invitation link cannot be used; the subclass says why."""


class InvitationUnknown(InvitationError):
    """No invitation with a profile link has this token (or the old profile is gone)."""


class InvitationExpired(InvitationError):
    """The invitation link's time is over, or the consent to keep the profile was withdrawn."""


class AlreadyRegistered(InvitationError):
    """The invited person has registered for the new fair already."""


@dataclass(frozen=True)
class Invitation:
    """One invitation made: the new row, and the token of its pre-filling link (if any)."""

    reinvitation: ReInvitation
    registration: Registration
    token: str | None


def _home(registration: Registration) -> Municipality | None:
    if registration.municipality is not None:
        return registration.municipality
    if registration.postcode:
        found = municipality_for_postcode(registration.postcode)
        if found is not None:
            return found
    return registration.fair.municipality


def lives_near(registration: Registration, fair: Fair, default_radius_km: float) -> bool:
    """Whether the seeker's home (or their earlier fair's town) is within reach of the fair."""
    home = _home(registration)
    if home is None:
        return False
    town = fair.municipality
    radius = registration.max_commute_km or default_radius_km
    return haversine_km(home.latitude, home.longitude, town.latitude, town.longitude) <= radius


def _contact_key(registration: Registration) -> str | None:
    if registration.email_normalized:
        return f"e:{registration.email_normalized}"
    if registration.phone_normalized:
        return f"p:{registration.phone_normalized}"
    return None


def invitable_visitors(fair: Fair, default_radius_km: float) -> list[Registration]:
    """The earlier visitors this fair may invite (one registration per person, the latest)."""
    earlier = db.session.scalars(scoped(
        select(Registration).join(Fair, Fair.id == Registration.fair_id)
        .join(Municipality, Municipality.id == Fair.municipality_id)
        .options(joinedload(Registration.fair), joinedload(Registration.municipality))
        .where(Fair.date < fair.date, Fair.id != fair.id,
               Municipality.region_id == fair.municipality.region_id,
               Registration.status != RegistrationStatus.WITHDRAWN)
        .order_by(Fair.date.desc(), Registration.id.desc()),
        SYSTEM,  # the seekers consented to be invited to later fairs of the county (checked below)
    )).unique()
    already = set(db.session.scalars(
        select(ReInvitation.registration_id).where(ReInvitation.fair_id == fair.id)))
    chosen: dict[str, Registration] = {}
    invited_keys: set[str] = set()
    for registration in earlier:
        key = _contact_key(registration)
        if key is None or key in chosen or key in invited_keys:
            continue
        if registration.id in already:
            invited_keys.add(key)
            continue
        if not registration.has_consent(ConsentPurpose.INVITE_AGAIN):
            invited_keys.add(key)  # the latest registration's choice counts for the person
            continue
        if not lives_near(registration, fair, default_radius_km):
            continue
        if find_duplicate(fair.id, registration.phone, registration.email) is not None:
            invited_keys.add(key)
            continue
        chosen[key] = registration
    return list(chosen.values())


def invite_visitors(fair: Fair, invited_by_id: int | None, now: dt.datetime,
                    default_radius_km: float, link_days: int) -> list[Invitation]:
    """Record an invitation for every earlier visitor that may be invited (see the module)."""
    made = []
    for registration in invitable_visitors(fair, default_radius_km):
        token = None
        if registration.has_consent(ConsentPurpose.KEEP_FOR_LATER_FAIRS):
            token = new_token()
        row = ReInvitation(
            fair_id=fair.id, registration_id=registration.id,
            channel="email" if registration.email else "sms",
            token_digest=token_digest(token) if token else None,
            expires_at=now + dt.timedelta(days=link_days) if token else None,
            invited_by_id=invited_by_id, sent_at=now,
        )
        db.session.add(row)
        made.append(Invitation(row, registration, token))
    db.session.flush()
    return made


def invitation_for_token(token: str, now: dt.datetime) -> ReInvitation:
    """The invitation whose link pre-fills a new registration, if it may still be used."""
    row = db.session.scalar(select(ReInvitation).where(
        ReInvitation.token_digest == token_digest(token))) if 0 < len(token) <= 100 else None
    if row is None:
        raise InvitationUnknown()
    if row.expires_at is None or as_utc(row.expires_at) <= now:
        raise InvitationExpired()
    old = row.registration
    if not old.has_consent(ConsentPurpose.KEEP_FOR_LATER_FAIRS):
        raise InvitationExpired()  # the consent to carry the profile over was withdrawn
    if find_duplicate(row.fair_id, old.phone, old.email) is not None:
        raise AlreadyRegistered()
    return row


def invitations_for_fair(fair_id: int) -> dict[str, int]:
    """How many visitors were invited to the fair, by e-mail and by text message."""
    counts = {"email": 0, "sms": 0}
    for channel in db.session.scalars(
            select(ReInvitation.channel).where(ReInvitation.fair_id == fair_id)):
        counts[channel] = counts.get(channel, 0) + 1
    return counts
