"""Secrets sent by e-mail: signed confirmation links and one-time tokens stored as digests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select, update

from jobsforyou.accounts.models import AccountToken, TokenPurpose, User
from jobsforyou.extensions import db
from jobsforyou.security import new_token, token_digest

CONFIRMATION_MAX_AGE = dt.timedelta(days=3)
TOKEN_LIFETIMES = {
    TokenPurpose.PASSWORD_RESET: dt.timedelta(hours=1),
    TokenPurpose.INVITATION: dt.timedelta(days=7),
}


def _confirmation_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="jobsforyou-confirm-email")


def confirmation_token(user: User) -> str:
    """A signed link token that confirms this user's current e-mail address."""
    return _confirmation_serializer().dumps({"user": user.id, "email": user.email})


def read_confirmation_token(token: str) -> dict[str, Any] | None:
    """The payload of a valid, unexpired confirmation token, or None."""
    try:
        payload = _confirmation_serializer().loads(
            token, max_age=int(CONFIRMATION_MAX_AGE.total_seconds())
        )
    except (SignatureExpired, BadSignature):
        return None
    return payload if isinstance(payload, dict) else None


def issue_token(user: User, purpose: TokenPurpose, now: dt.datetime) -> str:
    """A new one-time token for the user; earlier unused tokens of the same purpose end."""
    invalidate_tokens(user, now, purpose)
    secret = new_token()
    db.session.add(AccountToken(
        user_id=user.id, purpose=purpose, digest=token_digest(secret),
        expires_at=now + TOKEN_LIFETIMES[purpose],
    ))
    db.session.flush()
    return secret


def valid_token(secret: str, purpose: TokenPurpose, now: dt.datetime) -> AccountToken | None:
    """The unused, unexpired token record for a secret, or None."""
    if not secret or len(secret) > 100:
        return None
    record = db.session.scalar(
        select(AccountToken).where(
            AccountToken.digest == token_digest(secret), AccountToken.purpose == purpose
        )
    )
    if record is None or record.used_at is not None:
        return None
    expires = record.expires_at
    if expires.tzinfo is None:  # SQLite returns naive datetimes; they are stored in UTC
        expires = expires.replace(tzinfo=dt.UTC)
    return record if expires > now else None


def invalidate_tokens(user: User, now: dt.datetime, purpose: TokenPurpose | None = None) -> None:
    """Mark the user's unused tokens (of one purpose, or all) as used."""
    statement = update(AccountToken).where(
        AccountToken.user_id == user.id, AccountToken.used_at.is_(None)
    )
    if purpose is not None:
        statement = statement.where(AccountToken.purpose == purpose)
    db.session.execute(statement.values(used_at=now))
