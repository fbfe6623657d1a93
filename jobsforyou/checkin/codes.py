"""Fair-day codes: an organiser creates one for the helpers at the desk and revokes it after.

A code is 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L); only its SHA-256
digest is stored. Whoever enters a valid code gets the scope of check-in staff of that fair, on
the fair's date (Europe/Berlin) only, and only while the code is not revoked: the session holds
nothing but the code's id, and every request checks the code again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import select

from jobsforyou.checkin.models import FairDayCode
from jobsforyou.checkin.services import CheckInError, code_from_input, fair_today
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import fairs_in_scope
from jobsforyou.scoping import Scope

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
MANAGER_ROLES = ("organiser", "admin")


class CodeError(CheckInError):
    """A fair-day code that cannot be created, revoked or used."""


class NotManaged(CodeError):
    """The fair is not one the scope's organiser manages."""


class InvalidCode(CodeError):
    """No such code, or it was revoked."""


class CodeNotToday(CodeError):
    """The code is valid only on its fair's date."""


def _digest(code: str) -> str:
    return hashlib.sha256(code_from_input(code).encode()).hexdigest()


def managed_fair(scope: Scope, fair_id: int) -> Fair:
    """A fair whose codes the scope may manage (organisers of the fair, admins)."""
    fair = None
    if scope.role in MANAGER_ROLES:
        fair = db.session.scalar(select(Fair).where(Fair.id == fair_id, fairs_in_scope(scope)))
    if fair is None:
        raise NotManaged(fair_id)
    return fair


def codes_of(scope: Scope, fair_id: int) -> list[FairDayCode]:
    """The fair's codes, newest first."""
    managed_fair(scope, fair_id)
    return list(db.session.scalars(
        select(FairDayCode).where(FairDayCode.fair_id == fair_id)
        .order_by(FairDayCode.created_at.desc(), FairDayCode.id.desc())))


def create_code(scope: Scope, fair_id: int) -> tuple[FairDayCode, str]:
    """A new code for the fair; the plain code is returned once and never stored."""
    managed_fair(scope, fair_id)
    plain = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    code = FairDayCode(fair_id=fair_id, digest=_digest(plain), created_by_id=scope.user_id)
    db.session.add(code)
    db.session.flush()
    return code, plain


def revoke_code(scope: Scope, fair_id: int, code_id: int,
                now: dt.datetime | None = None) -> FairDayCode:
    """End a code: sessions opened with it stop working at their next request."""
    managed_fair(scope, fair_id)
    code = db.session.scalar(select(FairDayCode).where(
        FairDayCode.id == code_id, FairDayCode.fair_id == fair_id))
    if code is None:
        raise InvalidCode(code_id)
    if code.revoked_at is None:
        code.revoked_at = now or dt.datetime.now(dt.UTC)
        db.session.flush()
    return code


def _usable(code: FairDayCode | None, now: dt.datetime | None) -> FairDayCode:
    if code is None or code.revoked_at is not None:
        raise InvalidCode()
    if code.fair.date != fair_today(now):
        raise CodeNotToday(code.id)
    return code


def redeem(text: str, now: dt.datetime | None = None) -> FairDayCode:
    """The valid code someone typed at /check-in/code, or InvalidCode / CodeNotToday."""
    if not code_from_input(text):
        raise InvalidCode()
    return _usable(db.session.scalar(
        select(FairDayCode).where(FairDayCode.digest == _digest(text))), now)


def code_scope(code_id: int, now: dt.datetime | None = None) -> Scope | None:
    """The check-in scope of a session opened with a code, or None when it is no longer valid."""
    try:
        code = _usable(db.session.get(FairDayCode, code_id), now)
    except CodeError:
        return None
    return Scope(role="checkin", fair_id=code.fair_id)
