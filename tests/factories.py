"""Builders of realistic test data (call inside an app context)."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from typing import Any

from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.regions.models import Municipality


def municipality(name: str = "Bramsche") -> Municipality:
    """A municipality from the loaded region file."""
    found = db.session.scalar(select(Municipality).where(Municipality.name == name))
    assert found is not None, name
    return found


def make_fair(**overrides: Any) -> Fair:
    """A published fair in four weeks with registration open now; committed."""
    date = dt.date.today() + dt.timedelta(weeks=4)
    values: dict[str, Any] = {
        "municipality_id": municipality(overrides.pop("town", "Bramsche")).id,
        "title": "#JobsForYou Bramsche",
        "venue": "Tuchmacher Museum",
        "address": "Mühlenort 6, 49565 Bramsche",
        "date": date,
        "starts_at": dt.time(10, 0),
        "ends_at": dt.time(14, 0),
        "registration_opens": dt.datetime.now(dt.UTC) - dt.timedelta(days=1),
        "registration_closes": dt.datetime.now(dt.UTC) + dt.timedelta(days=20),
        "capacity": 100,
        "status": FairStatus.PUBLISHED,
        "interpreter_languages": ["uk", "ar"],
        "description": "Arbeitgeber aus der Region stellen sich vor.",
    }
    values.update(overrides)
    fair = Fair(**values)
    db.session.add(fair)
    db.session.commit()
    return fair


def registration_form_data(**overrides: Any) -> dict[str, Any]:
    """A complete, valid registration form submission."""
    data: dict[str, Any] = {
        "given_name": "Олена",
        "family_name": "Коваленко",
        "phone": "0176 1234567",
        "email": "",
        "municipality": "0",
        "postcode": "49565",
        "german_level": "A2",
        "languages": ["uk", "ru"],
        "desired_occupations-0": "кухар",
        "desired_occupations-1": "",
        "desired_occupations-2": "",
        "experience-0-occupation": "кухар",
        "experience-0-years": "5",
        "experience-1-occupation": "",
        "experience-1-years": "",
        "experience-2-occupation": "",
        "experience-2-years": "",
        "skills": "HACCP, Kasse",
        "qualifications-0-name": "Кухар 4 розряду",
        "qualifications-0-recognition": "in_progress",
        "qualifications-1-name": "",
        "qualifications-1-recognition": "unknown",
        "driving_licences": ["B"],
        "employment_types": ["full_time"],
        "available_from": "",
        "max_commute_km": "25",
        "interpreter_language": "",
        "consent_processing": "y",
        "consent_share": "y",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_user(role: str = "employer", email: str | None = None, **overrides: Any) -> Any:
    """A user with a role (password 'correct horse battery'); committed. Needs an app context."""
    from jobsforyou.accounts.models import Role, User
    from jobsforyou.accounts.passwords import hash_password
    from jobsforyou.regions.models import Region

    region = db.session.scalar(select(Region))
    values: dict[str, Any] = {
        "email": email or f"{role}-{dt.datetime.now().timestamp()}@example.org",
        "password_hash": hash_password("correct horse battery"),
        "role": Role(role),
        "region_id": region.id if region else None,
        "email_confirmed_at": dt.datetime.now(dt.UTC),
    }
    values.update(overrides)
    user = User(**values)
    db.session.add(user)
    db.session.commit()
    return user


PASSWORD = "correct horse battery"


@functools.cache
def hashed_password(password: str = PASSWORD) -> str:
    """An argon2 hash computed once per password and test session (hashing is slow on purpose)."""
    from jobsforyou.accounts.passwords import hash_password

    return hash_password(password)


def other_region() -> Any:
    """A second county (for tests across tenants); created on first use and kept."""
    from jobsforyou.regions.models import Region

    region = db.session.scalar(select(Region).where(Region.slug == "test-other-county"))
    if region is None:
        region = Region(slug="test-other-county", name="Landkreis Anderswo", ags="09999")
        db.session.add(region)
        db.session.commit()
    return region


def make_employer(name: str = "Muster Metallbau GmbH", **overrides: Any) -> Any:
    """An employer of the default region in Bramsche; committed."""
    from jobsforyou.employers.models import Employer
    from jobsforyou.regions.models import Region

    town = municipality(overrides.pop("town", "Bramsche"))
    values: dict[str, Any] = {
        "region_id": db.session.scalar(select(Region.id).order_by(Region.id).limit(1)),
        "name": name,
        "street": "Industriestraße 1",
        "postcode": town.postcodes[0],
        "municipality_id": town.id,
        "sector": "Metallbau",
        "size": "10-49",
        "contact_name": "Frau Meyer",
        "booth_languages": ["de", "uk"],
    }
    values.update(overrides)
    employer = Employer(**values)
    db.session.add(employer)
    db.session.commit()
    return employer


def make_account(role: str = "employer", email: str | None = None, **overrides: Any) -> Any:
    """Like make_user, but with the password hashed once per session (fast); committed."""
    from jobsforyou.accounts.models import Role, User
    from jobsforyou.regions.models import Region

    values: dict[str, Any] = {
        "email": email or f"{role}-{uuid.uuid4().hex[:12]}@example.org",
        "password_hash": hashed_password(),
        "role": Role(role),
        "region_id": db.session.scalar(select(Region.id).order_by(Region.id).limit(1)),
        "email_confirmed_at": dt.datetime.now(dt.UTC),
        "display_name": f"Test {role}",
    }
    values.update(overrides)
    user = User(**values)
    db.session.add(user)
    db.session.commit()
    return user


def make_vacancy(employer: Any, title: str = "Schweißer (m/w/d)", **overrides: Any) -> Any:
    """An open vacancy of an employer; committed."""
    from jobsforyou.vacancies.models import Vacancy, VacancyStatus

    values: dict[str, Any] = {
        "employer_id": employer.id,
        "title": title,
        "occupation_id": "cook",
        "description": "Wir suchen Verstärkung für unser Team.",
        "required_skills": ["MAG-Schweißen"],
        "german_level_min": "A2",
        "employment_type": "full_time",
        "status": VacancyStatus.OPEN,
    }
    values.update(overrides)
    vacancy = Vacancy(**values)
    db.session.add(vacancy)
    db.session.commit()
    return vacancy


def make_booth(fair: Any, number: int = 1, **overrides: Any) -> Any:
    """A standard 3×2 m booth in a fair's plan; committed."""
    from jobsforyou.booths.models import Booth, BoothKind

    values: dict[str, Any] = {"fair_id": fair.id, "number": number, "kind": BoothKind.STANDARD,
                              "size": "3×2 m", "has_power": False}
    values.update(overrides)
    booth = Booth(**values)
    db.session.add(booth)
    db.session.commit()
    return booth


def make_booth_request(fair: Any, employer: Any, **overrides: Any) -> Any:
    """An employer's booth request for a fair, in state requested; committed."""
    from jobsforyou.booths.models import BoothRequest

    values: dict[str, Any] = {"fair_id": fair.id, "employer_id": employer.id, "staff_count": 2,
                              "languages": ["de", "uk"]}
    values.update(overrides)
    booth_request = BoothRequest(**values)
    db.session.add(booth_request)
    db.session.commit()
    return booth_request


def make_attending(fair: Any, employer: Any, booth_number: int = 7) -> Any:
    """Give an employer an approved request and an assigned booth at a fair; committed."""
    from jobsforyou.booths.models import BoothAssignment, BoothRequestStatus

    booth = make_booth(fair, number=booth_number)
    booth_request = make_booth_request(fair, employer, status=BoothRequestStatus.APPROVED)
    db.session.add(BoothAssignment(booth_id=booth.id, request_id=booth_request.id))
    db.session.commit()
    return booth


def system(statement: Any) -> Any:
    """A test's own query with the explicit SYSTEM scope (unscoped ones are refused)."""
    from jobsforyou.scoping import SYSTEM, scoped

    return scoped(statement, SYSTEM)


def make_registration(fair: Any, given_name: str = "Олена", family_name: str = "Коваленко",
                      **overrides: Any) -> Any:
    """A seeker registered for the fair through the service (consents: processing, sharing);
    profile fields and e.g. ``checked_in_at`` may be overridden; committed."""
    from jobsforyou.registration.models import ConsentPurpose
    from jobsforyou.registration.profile import SeekerProfile
    from jobsforyou.registration.services import register_seeker

    profile_fields = set(SeekerProfile.__dataclass_fields__)
    profile_values = {k: overrides.pop(k) for k in list(overrides) if k in profile_fields}
    profile_values.setdefault("german_level", "A2")
    profile_values.setdefault("phone", f"0176 {uuid.uuid4().int % 10**7:07d}")
    profile = SeekerProfile(given_name=given_name, family_name=family_name, **profile_values)
    result = register_seeker(
        fair, profile, {ConsentPurpose.PROCESSING, ConsentPurpose.SHARE_WITH_EMPLOYERS},
        overrides.pop("language", "uk"), "test", dt.datetime.now(dt.UTC),
    )
    for name, value in overrides.items():
        setattr(result.registration, name, value)
    db.session.commit()
    return result.registration


def add_personal_link(registration: Any) -> str:
    """A further personal link of a registration, for a test to open the seeker's pages."""
    from jobsforyou.registration.models import PersonalLink
    from jobsforyou.security import new_token, token_digest

    token = new_token()
    registration.links.append(PersonalLink(token_digest=token_digest(token)))
    db.session.flush()
    return token
