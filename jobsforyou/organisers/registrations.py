"""A fair's registrations as organisers see them: search, filters, export, interpreter planning."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from jobsforyou.booths.attendance import holding_requests
from jobsforyou.booths.models import BoothRequest
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.imports.exporting import write_table
from jobsforyou.registration.models import (
    ConsentPurpose,
    Registration,
    RegistrationChannel,
    RegistrationStatus,
)
from jobsforyou.registration.search import matches, name_key
from jobsforyou.scoping import SYSTEM, Scope, scoped
from jobsforyou.times import local_text

YES, NO = "yes", "no"


@dataclass(frozen=True)
class RegistrationFilter:
    """What organisers search for; empty values do not filter."""

    query: str = ""
    language: str = ""
    german_level: str = ""
    occupation: str = ""
    interpreter: str = ""  # "yes" / "no" / ""
    childcare: str = ""
    checked_in: str = ""
    status: str = ""
    channel: str = ""  # "desk" (walk-ins) / "online" / ""


@dataclass(frozen=True)
class RegistrationCounts:
    """How many registered for a fair, by state, and how many of them at the desk."""

    confirmed: int
    waitlisted: int
    withdrawn: int
    checked_in: int
    at_desk: int = 0


@dataclass(frozen=True)
class InterpreterNeed:
    """For one language: visitors who asked for an interpreter, and who speaks it at the fair."""

    language: str
    visitors: int
    interpreter_planned: bool
    booths: int


def registrations_of(scope: Scope, fair: Fair, wanted: RegistrationFilter) -> list[Registration]:
    """The fair's registrations that fit the filter, by family and given name."""
    query = select(Registration).where(Registration.fair_id == fair.id)
    if wanted.status:
        query = query.where(Registration.status == RegistrationStatus(wanted.status))
    if wanted.german_level:
        query = query.where(Registration.german_level == wanted.german_level)
    if wanted.interpreter == YES:
        query = query.where(Registration.interpreter_language.is_not(None))
    elif wanted.interpreter == NO:
        query = query.where(Registration.interpreter_language.is_(None))
    if wanted.childcare in (YES, NO):
        query = query.where(Registration.needs_childcare.is_(wanted.childcare == YES))
    if wanted.checked_in == YES:
        query = query.where(Registration.checked_in_at.is_not(None))
    elif wanted.checked_in == NO:
        query = query.where(Registration.checked_in_at.is_(None))
    if wanted.channel:
        query = query.where(Registration.channel == RegistrationChannel(wanted.channel))
    found = db.session.scalars(scoped(query, scope))
    chosen = [
        r for r in found
        if matches(r, wanted.query)
        and (not wanted.language or wanted.language in r.languages
             or wanted.language == r.interpreter_language)
        and _has_occupation(r, wanted.occupation)
    ]
    return sorted(chosen, key=lambda r: (name_key(r.family_name), name_key(r.given_name), r.id))


def _has_occupation(registration: Registration, occupation: str) -> bool:
    wanted = name_key(occupation)
    if not wanted:
        return True
    named = [*registration.desired_occupations,
             *(str(item.get("occupation", "")) for item in registration.experience)]
    return any(wanted in name_key(text) for text in named)


def registration_of(scope: Scope, fair: Fair, registration_id: int) -> Registration | None:
    """One registration of the fair in the organiser's scope, or None."""
    return db.session.scalar(scoped(
        select(Registration).where(
            Registration.id == registration_id, Registration.fair_id == fair.id),
        scope,
    ))


def counts_of(scope: Scope, fair: Fair) -> RegistrationCounts:
    """Confirmed, waiting, withdrawn and checked-in registrations of the fair."""
    rows = db.session.execute(scoped(
        select(Registration.status, Registration.checked_in_at, Registration.channel)
        .where(Registration.fair_id == fair.id),
        scope,
    )).all()
    states = Counter(status for status, _at, _channel in rows)
    return RegistrationCounts(
        confirmed=states[RegistrationStatus.CONFIRMED],
        waitlisted=states[RegistrationStatus.WAITLISTED],
        withdrawn=states[RegistrationStatus.WITHDRAWN],
        checked_in=sum(1 for _status, at, _channel in rows if at is not None),
        at_desk=sum(1 for status, _at, channel in rows
                    if channel == RegistrationChannel.DESK
                    and status != RegistrationStatus.WITHDRAWN),
    )


def interpreter_plan(scope: Scope, fair: Fair) -> list[InterpreterNeed]:
    """Per language: visitors needing an interpreter, whether one is planned, booths speaking it."""
    needs = Counter(
        language for language in db.session.scalars(scoped(
            select(Registration.interpreter_language).where(
                Registration.fair_id == fair.id,
                Registration.status != RegistrationStatus.WITHDRAWN,
                Registration.interpreter_language.is_not(None)),
            scope,
        ))
    )
    booth_languages: Counter[str] = Counter()
    # which languages booths speak is not personal data: read for the plan with the system scope
    for languages in db.session.scalars(scoped(
        select(BoothRequest.languages).where(
            BoothRequest.fair_id == fair.id, BoothRequest.id.in_(holding_requests())),
        SYSTEM,
    )):
        booth_languages.update(set(languages or ()))
    planned = set(fair.interpreter_languages)
    languages = sorted(set(needs) | planned, key=lambda code: (-needs[code], code))
    return [InterpreterNeed(code, needs[code], code in planned, booth_languages[code])
            for code in languages]


EXPORT_HEADERS = (
    "Ticket", "Nachname", "Vorname", "Status", "Telefon", "E-Mail", "Sprache der Anmeldung",
    "Sprachen", "Deutsch", "Wunschberufe", "Dolmetschen", "Kinderbetreuung",
    "Weitergabe an Arbeitgeber", "Angemeldet am", "Eingecheckt um", "Vor Ort angemeldet",
)
STATUS_WORDS = {"confirmed": "bestätigt", "waitlisted": "Warteliste", "withdrawn": "zurückgezogen"}


def export(registrations: list[Registration], kind: str, zone: dt.tzinfo) -> bytes:
    """The registrations as a formula-safe CSV or XLSX file (German headers, local times)."""
    rows = [
        [r.ticket_code, r.family_name, r.given_name, STATUS_WORDS[r.status.value], r.phone,
         r.email, r.language, ", ".join(r.languages), r.german_level,
         ", ".join(r.desired_occupations), r.interpreter_language or "",
         "ja" if r.needs_childcare else "nein",
         "ja" if r.has_consent(ConsentPurpose.SHARE_WITH_EMPLOYERS) else "nein",
         local_text(r.created_at, zone), local_text(r.checked_in_at, zone),
         "ja" if r.registered_at_desk else "nein"]
        for r in registrations
    ]
    return write_table(EXPORT_HEADERS, rows, kind)


def _local_text(moment: dt.datetime | None, zone: dt.tzinfo) -> str:
    if moment is None:
        return ""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(zone).strftime("%d.%m.%Y %H:%M")
