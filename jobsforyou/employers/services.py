"""Employers: signing up, listing and searching within a scope, creating and editing."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from jobsforyou.accounts import services as accounts
from jobsforyou.accounts.models import Role, User
from jobsforyou.database import copy_values
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.scoping import Scope, scoped


class EmployerNotFound(LookupError):
    """No employer with this id in the scope."""


@dataclass(frozen=True)
class EmployerProfile:
    """What an employer tells about itself."""

    name: str
    street: str = ""
    postcode: str = ""
    municipality_id: int | None = None
    sector: str = ""
    size: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    website: str = ""
    booth_languages: tuple[str, ...] = ()
    description: str = ""


def employers_in_scope(scope: Scope, search: str = "") -> list[Employer]:
    """Employers the scope may see, by name, optionally matching a search text."""
    query = select(Employer).order_by(Employer.name)
    text = search.strip()
    if text:
        pattern = f"%{text.replace('%', '').replace('_', '')}%"
        query = query.where(or_(Employer.name.ilike(pattern), Employer.sector.ilike(pattern),
                                Employer.contact_name.ilike(pattern)))
    return list(db.session.scalars(scoped(query, scope)))


def employer_in_scope(scope: Scope, employer_id: int) -> Employer:
    """One employer the scope may see."""
    employer = db.session.scalar(scoped(select(Employer).where(Employer.id == employer_id), scope))
    if employer is None:
        raise EmployerNotFound(employer_id)
    return employer


def apply_profile(employer: Employer, profile: EmployerProfile) -> None:
    """Copy a profile onto an employer."""
    copy_values(employer, profile)


def create_employer(region_id: int, profile: EmployerProfile) -> Employer:
    """A new employer in a region."""
    employer = Employer(region_id=region_id)
    apply_profile(employer, profile)
    db.session.add(employer)
    db.session.flush()
    return employer


def update_employer(employer: Employer, profile: EmployerProfile) -> None:
    """Save an edited profile."""
    apply_profile(employer, profile)
    db.session.flush()


def sign_up_employer(email: str, password: str, employer_name: str, display_name: str,
                     language: str) -> User:
    """Create an employer and its first user (unconfirmed until the link in the mail is opened)."""
    user = accounts.new_password_user(email, password, Role.EMPLOYER, display_name, language)
    employer = Employer(region_id=user.region_id, name=employer_name.strip(),
                        contact_name=display_name.strip(), contact_email=user.email)
    db.session.add(employer)
    db.session.flush()
    user.employer_id = employer.id
    db.session.add(user)
    db.session.flush()
    return user


def profile_of(employer: Employer) -> dict[str, object]:
    """Initial form data to edit an employer."""
    return {
        "name": employer.name, "street": employer.street, "postcode": employer.postcode,
        "municipality": employer.municipality_id or 0, "sector": employer.sector,
        "size": employer.size, "contact_name": employer.contact_name,
        "contact_email": employer.contact_email, "contact_phone": employer.contact_phone,
        "website": employer.website, "booth_languages": employer.booth_languages,
        "description": employer.description,
    }
