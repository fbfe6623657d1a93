"""Creating accounts, signing in, confirming addresses, resetting passwords, invitations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, select

from jobsforyou.accounts import tokens
from jobsforyou.accounts.models import Role, TokenPurpose, User
from jobsforyou.accounts.passwords import hash_password, needs_rehash, verify_password
from jobsforyou.accounts.policy import (
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    PasswordIssue,
    password_issue,
)
from jobsforyou.extensions import db
from jobsforyou.regions.models import Region

STAFF_ROLES = (Role.BUSINESS_DEVELOPMENT, Role.ORGANISER, Role.CHECKIN, Role.ADMIN)


class AccountError(ValueError):
    """An account could not be created or changed; the message says why (English, for the CLI)."""


class EmailTaken(AccountError):
    """An account with this e-mail address exists already."""


class WeakPassword(AccountError):
    """The password breaks a rule of the password policy."""

    def __init__(self, issue: PasswordIssue) -> None:
        super().__init__(issue.value)
        self.issue = issue


class InvalidCredentials(AccountError):
    """Unknown address, wrong password or deactivated account (deliberately not told apart)."""


class EmailNotConfirmed(AccountError):
    """The password is right but the e-mail address has not been confirmed yet."""

    def __init__(self, user: User) -> None:
        super().__init__(user.email)
        self.user = user


class InvalidToken(AccountError):
    """A link's token is unknown, used or expired."""


@dataclass(frozen=True)
class StaffScope:
    """Where an invited staff member works: the county, a municipality or a fair."""

    region_id: int | None = None
    municipality_id: int | None = None
    fair_id: int | None = None


def normalize_email(email: str) -> str:
    """E-mail addresses compare case-insensitively."""
    return email.strip().casefold()


def password_problem(password: str) -> str | None:
    """Why a password is not acceptable (in English, for the CLI), or None."""
    issue = password_issue(password)
    if issue is PasswordIssue.COMMON:
        return "This password is too common; choose another one."
    if issue is not None:
        return f"The password must have {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters."
    return None


def _require_good_password(password: str) -> None:
    issue = password_issue(password)
    if issue is not None:
        raise WeakPassword(issue)


def _require_new_address(address: str) -> None:
    if "@" not in address:
        raise AccountError("Enter a valid e-mail address.")
    if db.session.scalar(select(func.count(User.id)).where(User.email == address)):
        raise EmailTaken(f"An account for {address} exists already.")


def default_region_id() -> int | None:
    """The default tenant: the first region loaded."""
    return db.session.scalar(select(Region.id).order_by(Region.id).limit(1))


def create_staff_user(email: str, password: str, role: Role, display_name: str = "") -> User:
    """Create a user with a role and a password (CLI); the e-mail address must be new."""
    address = normalize_email(email)
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    _require_new_address(address)
    user = User(email=address, password_hash=hash_password(password), role=role,
                display_name=display_name, region_id=default_region_id(),
                email_confirmed_at=dt.datetime.now(dt.UTC))
    db.session.add(user)
    db.session.flush()
    return user


def new_password_user(email: str, password: str, role: Role, display_name: str,
                      language: str) -> User:
    """An unconfirmed account with a password, not yet added to the session.

    The password is checked and hashed before the address is, so that a taken address costs
    the same time as a new one.
    """
    address = normalize_email(email)
    _require_good_password(password)
    password_hash = hash_password(password)
    _require_new_address(address)
    region_id = default_region_id()
    if region_id is None:
        raise AccountError("No region is configured.")
    return User(email=address, password_hash=password_hash, role=role,
                display_name=display_name.strip(), language=language, region_id=region_id)


def user_by_email(email: str) -> User | None:
    """The account with this address, or None."""
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def confirm_email(token: str, now: dt.datetime) -> User:
    """Mark the address in a confirmation link as confirmed."""
    payload = tokens.read_confirmation_token(token)
    user = db.session.get(User, payload.get("user")) if payload else None
    if user is None or payload is None or user.email != payload.get("email"):
        raise InvalidToken()
    if user.email_confirmed_at is None:
        user.email_confirmed_at = now
        db.session.flush()
    return user


@cache
def _dummy_hash() -> str:
    return hash_password("no account has this password")


def authenticate(email: str, password: str) -> User:
    """The active, confirmed user with this address and password; rehashes outdated hashes."""
    user = user_by_email(email) if len(password) <= PASSWORD_MAX_LENGTH else None
    if user is None or not user.password_hash:
        verify_password(_dummy_hash(), password)  # same work whether the account exists or not
        raise InvalidCredentials()
    if not verify_password(user.password_hash, password) or not user.active:
        raise InvalidCredentials()
    if user.email_confirmed_at is None:
        raise EmailNotConfirmed(user)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.flush()
    return user


def set_password(user: User, password: str, now: dt.datetime) -> None:
    """Change the password; every outstanding link and every session of the user ends."""
    _require_good_password(password)
    user.password_hash = hash_password(password)
    user.end_sessions()
    tokens.invalidate_tokens(user, now)
    db.session.flush()


def request_password_reset(email: str, now: dt.datetime) -> tuple[User, str] | None:
    """A reset token for an active account with a password, or None (answer the same anyway)."""
    user = user_by_email(email)
    if user is None or not user.active or not user.password_hash:
        return None
    return user, tokens.issue_token(user, TokenPurpose.PASSWORD_RESET, now)


def user_for_token(secret: str, purpose: TokenPurpose, now: dt.datetime) -> User:
    """The user a valid one-time token belongs to."""
    record = tokens.valid_token(secret, purpose, now)
    if record is None or not record.user.active:
        raise InvalidToken()
    return record.user


def reset_password(secret: str, password: str, now: dt.datetime) -> User:
    """Set a new password with a reset token; the token can be used only once."""
    user = user_for_token(secret, TokenPurpose.PASSWORD_RESET, now)
    set_password(user, password, now)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = now  # the reset mail reached the address
    return user


def invitation_pending(user: User) -> bool:
    """Whether the user was invited but has never chosen a password (and is not deactivated)."""
    return user.active and not user.password_hash


def invite_user(
    email: str, role: Role, display_name: str, language: str, now: dt.datetime, *,
    employer_id: int | None = None, scope: StaffScope | None = None,
    may_reinvite: Callable[[User], bool] | None = None,
) -> tuple[User, str]:
    """Create an account without a password and an invitation token to set one.

    If the address belongs to an account whose invitation was never accepted and the inviter
    `may_reinvite` it, that account (with its role and scope) gets a new invitation token.
    """
    address = normalize_email(email)
    existing = user_by_email(address)
    if (existing is not None and may_reinvite is not None and invitation_pending(existing)
            and may_reinvite(existing)):
        return existing, tokens.issue_token(existing, TokenPurpose.INVITATION, now)
    _require_new_address(address)
    scope = scope or StaffScope()
    user = User(email=address, password_hash="", role=role, display_name=display_name.strip(),
                language=language, employer_id=employer_id,
                region_id=scope.region_id or default_region_id(),
                municipality_id=scope.municipality_id, fair_id=scope.fair_id)
    db.session.add(user)
    db.session.flush()
    return user, tokens.issue_token(user, TokenPurpose.INVITATION, now)


def accept_invitation(secret: str, password: str, display_name: str, now: dt.datetime) -> User:
    """The invitee chooses a password; the address counts as confirmed."""
    user = user_for_token(secret, TokenPurpose.INVITATION, now)
    set_password(user, password, now)
    if display_name.strip():
        user.display_name = display_name.strip()
    user.email_confirmed_at = user.email_confirmed_at or now
    db.session.flush()
    return user


def sign_out_everywhere(user: User) -> None:
    """End every session of the user (signing out: a copied session cookie no longer works)."""
    user.end_sessions()


def deactivate_user(user: User, acting_user: User, now: dt.datetime) -> None:
    """Deactivate an account (an admin cannot lock themselves out); its links stop working."""
    if user.id == acting_user.id:
        raise AccountError("You cannot deactivate your own account.")
    user.active = False
    user.end_sessions()
    tokens.invalidate_tokens(user, now)
    db.session.flush()


def colleagues(employer_id: int) -> list[User]:
    """The users of an employer, by name."""
    return list(db.session.scalars(
        select(User).where(User.employer_id == employer_id).order_by(User.display_name, User.email)
    ))


def all_users(region_id: int | None) -> list[User]:
    """Every user (of one region when given), staff first."""
    query = select(User).order_by(User.role, User.email)
    if region_id is not None:
        query = query.where(User.region_id == region_id)
    return list(db.session.scalars(query))


def user_by_id(user_id: int) -> User | None:
    """The user with this id, or None."""
    return db.session.get(User, user_id)
