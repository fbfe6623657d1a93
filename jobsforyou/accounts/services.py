"""Creating and checking user accounts."""

from __future__ import annotations

from sqlalchemy import func, select

from jobsforyou.accounts.models import Role, User
from jobsforyou.accounts.passwords import hash_password
from jobsforyou.extensions import db

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128


class AccountError(ValueError):
    """An account could not be created or changed; the message says why."""


def normalize_email(email: str) -> str:
    """E-mail addresses compare case-insensitively."""
    return email.strip().casefold()


def password_problem(password: str) -> str | None:
    """Why a password is not acceptable (in English, for the CLI), or None."""
    if not PASSWORD_MIN_LENGTH <= len(password) <= PASSWORD_MAX_LENGTH:
        return f"The password must have {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters."
    return None


def create_staff_user(email: str, password: str, role: Role, display_name: str = "") -> User:
    """Create a user with a role; the e-mail address must be new."""
    address = normalize_email(email)
    if "@" not in address:
        raise AccountError("Enter a valid e-mail address.")
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    if db.session.scalar(select(func.count(User.id)).where(User.email == address)):
        raise AccountError(f"An account for {address} exists already.")
    user = User(email=address, password_hash=hash_password(password), role=role,
                display_name=display_name)
    db.session.add(user)
    db.session.flush()
    return user
