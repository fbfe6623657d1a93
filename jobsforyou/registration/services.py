"""Registering job seekers: capacity and waiting list, duplicates, consents, export, deletion."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from jobsforyou.database import RowLocked, lock_row
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.services import registration_is_open
from jobsforyou.registration.capacity import confirmed_registrations, promote_from_waiting_list
from jobsforyou.registration.models import (
    Consent,
    ConsentPurpose,
    PersonalLink,
    Registration,
    RegistrationStatus,
)
from jobsforyou.registration.phones import normalize_phone
from jobsforyou.registration.profile import SeekerProfile
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.security import new_token, token_digest
from jobsforyou.times import as_utc

# A seeker can be sent further links (the first one is never ended): at most this many in all,
# and at most one within RESEND_INTERVAL, however often someone asks.
MAX_PERSONAL_LINKS = 10
RESEND_INTERVAL = dt.timedelta(minutes=10)


class RegistrationError(Exception):
    """A registration could not be made; the subclass says why."""


class RegistrationClosed(RegistrationError):
    """The fair does not take registrations now."""


class RegistrationBusy(RegistrationError):
    """Others held the fair's lock for too long (a rush on the last places); try again."""


class ConsentRequired(RegistrationError):
    """The consent to process the data for the fair is missing."""


class DuplicateRegistration(RegistrationError):
    """The same phone number or e-mail address is already registered for this fair."""

    def __init__(self, existing: Registration) -> None:
        super().__init__(existing.id)
        self.existing = existing


@dataclass(frozen=True)
class RegistrationResult:
    """A new registration and its personal secret token (shown once, stored only as a digest)."""

    registration: Registration
    token: str
    promoted: tuple[Registration, ...] = ()
    repeated: bool = False  # the same form sent again: nothing new was made

    @property
    def waitlisted(self) -> bool:
        """Whether the fair was full and the seeker is on the waiting list."""
        return self.registration.status == RegistrationStatus.WAITLISTED


def register_seeker(
    fair: Fair,
    profile: SeekerProfile,
    consents: set[ConsentPurpose],
    language: str,
    consent_text_version: str,
    now: dt.datetime,
    token: str | None = None,
) -> RegistrationResult:
    """Register a seeker: confirmed while places are left, otherwise on the waiting list.

    `token` is the personal token the registration gets (derived from the form's one-time
    submission nonce): when a registration with it exists already, the same form was sent again
    and that registration is returned unchanged (`repeated`). The fair's row is locked first, so
    concurrent registrations (for the last place, or the same form sent twice) are decided one
    after the other and never exceed the capacity.
    """
    if ConsentPurpose.PROCESSING not in consents:
        raise ConsentRequired()
    if not registration_is_open(fair, now):
        raise RegistrationClosed()
    _lock_fair(fair)
    token = token or new_token()
    made_before = registration_for_token(token)
    if made_before is not None:
        if made_before.fair_id == fair.id and _same_contact(made_before, profile):
            return RegistrationResult(made_before, token, repeated=True)
        raise DuplicateRegistration(made_before)
    existing = find_duplicate(fair.id, profile.phone, profile.email)
    if existing is not None:
        raise DuplicateRegistration(existing)
    # people already waiting get free places first (e.g. after the capacity was raised)
    promoted = promote_from_waiting_list(fair)
    has_place = confirmed_registrations(fair.id) < fair.capacity
    status = RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITLISTED
    registration = Registration(
        fair_id=fair.id,
        status=status,
        links=[PersonalLink(token_digest=token_digest(token))],
        ticket_code=_new_ticket_code(),
        language=language,
    )
    apply_profile(registration, profile)
    for purpose in sorted(consents):
        registration.consents.append(
            Consent(
                purpose=purpose, text_version=consent_text_version, language=language, given_at=now
            )
        )
    db.session.add(registration)
    db.session.flush()
    return RegistrationResult(registration, token, tuple(promoted))


def _same_contact(registration: Registration, profile: SeekerProfile) -> bool:
    """Whether a profile has the phone number and e-mail address of a registration."""
    phone_key = normalize_phone(profile.phone) if profile.phone else None
    email_key = (profile.email or "").strip().casefold() or None
    return (registration.phone_normalized, registration.email_normalized) == (phone_key, email_key)


def _lock_fair(fair: Fair) -> None:
    """Decide on the fair's places one request after the other (see database.lock_row)."""
    try:
        lock_row("fairs", fair.id)
    except RowLocked as error:
        raise RegistrationBusy(fair.id) from error


def find_duplicate(fair_id: int, phone: str | None, email: str | None) -> Registration | None:
    """An active registration for the same fair with the same phone number or e-mail address."""
    conditions = []
    phone_key = normalize_phone(phone) if phone else None
    if phone_key:
        conditions.append(Registration.phone_normalized == phone_key)
    if email:
        conditions.append(Registration.email_normalized == email.strip().casefold())
    if not conditions:
        return None
    return db.session.scalar(
        scoped(
            select(Registration)
            .where(
                Registration.fair_id == fair_id,
                Registration.status != RegistrationStatus.WITHDRAWN,
                or_(*conditions),
            )
            .limit(1),
            SYSTEM,  # the seeker's own registration flow, before any account exists
        )
    )


def apply_profile(registration: Registration, profile: SeekerProfile) -> None:
    """Copy a profile onto a registration (new or edited)."""
    registration.given_name = profile.given_name.strip()
    registration.family_name = profile.family_name.strip()
    registration.phone = (profile.phone or "").strip() or None
    registration.phone_normalized = normalize_phone(profile.phone) if profile.phone else None
    registration.email = (profile.email or "").strip() or None
    registration.email_normalized = registration.email.casefold() if registration.email else None
    registration.municipality_id = profile.municipality_id or None
    registration.postcode = profile.postcode or None
    registration.german_level = profile.german_level
    registration.languages = list(profile.languages)
    registration.desired_occupations = [o.strip() for o in profile.desired_occupations if o.strip()]
    registration.experience = [
        {"occupation": e.occupation.strip(), "years": e.years}
        for e in profile.experience
        if e.occupation.strip()
    ]
    registration.skills = list(profile.skills)
    registration.qualifications = [
        {"name": q.name.strip(), "recognition": q.recognition}
        for q in profile.qualifications
        if q.name.strip()
    ]
    registration.driving_licences = list(profile.driving_licences)
    registration.employment_types = list(profile.employment_types)
    registration.available_from = profile.available_from
    registration.max_commute_km = profile.max_commute_km
    registration.interpreter_language = profile.interpreter_language or None
    registration.needs_childcare = profile.needs_childcare


def update_profile(registration: Registration, profile: SeekerProfile) -> None:
    """Save an edited profile; a phone or e-mail already used by another registration is refused."""
    other = find_duplicate(registration.fair_id, profile.phone, profile.email)
    if other is not None and other.id != registration.id:
        raise DuplicateRegistration(other)
    apply_profile(registration, profile)
    db.session.flush()


def resend_link(registration: Registration, now: dt.datetime) -> str | None:
    """A further personal link to send to a seeker who asked again; earlier links keep working.

    The first link (made at registration) is never ended by such a request. None when a link
    was sent again within RESEND_INTERVAL (the seeker has just got one), so anonymous requests
    cannot flood the seeker; of the links sent again, only the newest MAX_PERSONAL_LINKS - 1
    are kept.
    """
    sent_again = registration.links[1:]
    if any(now - as_utc(link.created_at) < RESEND_INTERVAL for link in sent_again):
        return None
    token = new_token()
    registration.links.append(PersonalLink(token_digest=token_digest(token), created_at=now))
    for stale in registration.links[1:][: -(MAX_PERSONAL_LINKS - 1)]:
        registration.links.remove(stale)
    db.session.flush()
    return token



def find_by_contact(fair_id: int, contact: str) -> Registration | None:
    """The active registration for a fair with this e-mail address or phone number, if any."""
    contact = contact.strip()
    if "@" in contact:
        return find_duplicate(fair_id, None, contact)
    return find_duplicate(fair_id, contact, None)


def registration_for_token(token: str) -> Registration | None:
    """The registration a personal link points to, or None."""
    if not token or len(token) > 100:
        return None
    return db.session.scalar(
        scoped(
            select(Registration)
            .join(PersonalLink, PersonalLink.registration_id == Registration.id)
            .where(PersonalLink.token_digest == token_digest(token)),
            SYSTEM,  # the secret link is the seeker's authorisation
        )
    )


def set_optional_consents(
    registration: Registration,
    wanted: set[ConsentPurpose],
    consent_text_version: str,
    now: dt.datetime,
    language: str,
) -> None:
    """Give or withdraw the optional consents; history kept with times and the page language."""
    for purpose in (ConsentPurpose.SHARE_WITH_EMPLOYERS, ConsentPurpose.KEEP_FOR_LATER_FAIRS):
        active = registration.has_consent(purpose)
        if purpose in wanted and not active:
            registration.consents.append(
                Consent(
                    purpose=purpose,
                    text_version=consent_text_version,
                    language=language,
                    given_at=now,
                )
            )
        elif purpose not in wanted and active:
            for consent in registration.consents:
                if consent.purpose == purpose and consent.withdrawn_at is None:
                    consent.withdrawn_at = now
    db.session.flush()


def delete_registration(registration: Registration) -> list[Registration]:
    """Delete a registration and all its data; a freed place goes to the waiting list.

    Returns the registrations that moved up from the waiting list.
    """
    fair = registration.fair
    _lock_fair(fair)
    db.session.delete(registration)
    db.session.flush()
    return promote_from_waiting_list(fair)


def export_registration(registration: Registration) -> dict[str, Any]:
    """Everything stored about a seeker, as a JSON-ready dictionary (right of access)."""
    fair = registration.fair
    return {
        "fair": {
            "id": fair.id,
            "title": fair.title,
            "date": fair.date.isoformat(),
            "venue": fair.venue,
            "address": fair.address,
        },
        "status": registration.status.value,
        "ticket_code": registration.ticket_code,
        "language": registration.language,
        "created_at": registration.created_at.isoformat(),
        "updated_at": registration.updated_at.isoformat(),
        "checked_in_at": registration.checked_in_at.isoformat()
        if registration.checked_in_at
        else None,
        "notes": registration.notes,
        "profile": {
            "given_name": registration.given_name,
            "family_name": registration.family_name,
            "phone": registration.phone,
            "email": registration.email,
            "municipality": registration.municipality.name if registration.municipality else None,
            "postcode": registration.postcode,
            "german_level": registration.german_level,
            "languages": registration.languages,
            "desired_occupations": registration.desired_occupations,
            "experience": registration.experience,
            "skills": registration.skills,
            "qualifications": registration.qualifications,
            "driving_licences": registration.driving_licences,
            "employment_types": registration.employment_types,
            "available_from": registration.available_from.isoformat()
            if registration.available_from
            else None,
            "max_commute_km": registration.max_commute_km,
            "interpreter_language": registration.interpreter_language,
            "needs_childcare": registration.needs_childcare,
        },
        "consents": [
            {
                "purpose": c.purpose.value,
                "text_version": c.text_version,
                "language": c.language,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in registration.consents
        ],
    }


def _new_ticket_code() -> str:
    """A short code for the QR ticket and the check-in desk (not the personal secret)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


def purge_expired_registrations(today: dt.date, retention_months: int) -> int:
    """Delete registrations of fairs held more than the retention period ago.

    Seekers who consented to keep their profile for later fairs are kept. Returns how many were
    deleted.
    """
    cutoff = today - dt.timedelta(days=round(retention_months * 30.44))
    expired = db.session.scalars(
        scoped(
            select(Registration)
            .join(Fair, Fair.id == Registration.fair_id)
            .where(Fair.date < cutoff),
            SYSTEM,
        )
    )
    deleted = 0
    for registration in expired:
        if not registration.has_consent(ConsentPurpose.KEEP_FOR_LATER_FAIRS):
            db.session.delete(registration)
            deleted += 1
    db.session.flush()
    return deleted


def link_again(fair_id: int, now: dt.datetime, *, email: str | None = None,
               phone: str | None = None) -> tuple[Registration, str] | None:
    """A further personal link for the registration with this e-mail address (or else this
    phone number), to send to its contact.

    None when no registration has the address or number, or one was sent a moment ago
    (resend_link).
    """
    registration = None
    if email:
        registration = find_duplicate(fair_id, None, email)
    elif phone:
        registration = find_duplicate(fair_id, phone, None)
    if registration is None or not (registration.email or registration.phone_normalized):
        return None
    token = resend_link(registration, now)
    return (registration, token) if token is not None else None
