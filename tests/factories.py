"""Builders of realistic test data (call inside an app context)."""

from __future__ import annotations

import datetime as dt
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
