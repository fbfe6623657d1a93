"""Follow-up after a fair: which rounds are due, the requests to employers, and their answers.

A fair's employers are asked a configurable number of weeks after it (FOLLOW_UP_WEEKS, e.g.
"2,8") what became of the talks recorded at their booth. Each (fair, employer, round) has one
FollowUpRequest; its mail counts as sent only once the mail layer has taken it, so a run that
failed is completed by the next one and a second run sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from jobsforyou.accounts.models import Role, User
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.followup.models import FollowUpRequest
from jobsforyou.outcomes.models import FollowUpStatus, Outcome
from jobsforyou.outcomes.services import employer_scope
from jobsforyou.registration.models import Registration
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.security import new_token, token_digest
from jobsforyou.times import as_utc

REMINDER_LINK_DAYS = 14  # a reminder's link works at least this long


class FollowUpError(Exception):
    """A follow-up link cannot be used or a reminder not sent; the subclass says why."""


class LinkUnknown(FollowUpError):
    """No follow-up request has this token."""


class LinkExpired(FollowUpError):
    """The link's time is over."""


class AlreadyAnswered(FollowUpError):
    """The employer has answered this round already (the link was single-purpose)."""


class NotSentYet(FollowUpError):
    """The first mail of the round has not gone out: there is nothing to remind of."""


@dataclass(frozen=True)
class Contact:
    """Whom an employer's follow-up mail goes to, and in which language."""

    email: str
    language: str


def follow_up_weeks(setting: object) -> tuple[int, ...]:
    """The configured weeks after a fair ("2,8", [2, 8] or 2) as sorted positive numbers."""
    if isinstance(setting, int):
        values: Iterable[object] = [setting]
    elif isinstance(setting, str):
        values = [part for part in setting.replace(";", ",").split(",") if part.strip()]
    else:
        values = setting  # type: ignore[assignment]
    weeks = sorted({int(str(value).strip()) for value in values})
    if not weeks or weeks[0] < 1:
        raise ValueError(f"FOLLOW_UP_WEEKS must name whole weeks of 1 or more: {setting!r}")
    return tuple(weeks)


def due_round(fair_date: dt.date, today: dt.date, weeks: tuple[int, ...],
              latest_days: int) -> int | None:
    """The round (1, 2, …) due today for a fair held on fair_date, or None.

    A round is due from its date on until the next round's date; a round whose date lies more
    than `latest_days` back is no longer sent (e.g. a fair long past when follow-up began).
    """
    reached = [index for index, week in enumerate(weeks, start=1)
               if today >= fair_date + dt.timedelta(weeks=week)]
    if not reached:
        return None
    latest = reached[-1]
    if today >= fair_date + dt.timedelta(weeks=weeks[latest - 1], days=latest_days):
        return None
    return latest


def _settings() -> tuple[tuple[int, ...], int]:
    config = current_app.config
    return follow_up_weeks(config["FOLLOW_UP_WEEKS"]), int(config["FOLLOW_UP_LATEST_DAYS"])


def talked_outcomes(fair_id: int, employer_id: int) -> list[Outcome]:
    """The employer's outcomes at the fair about seekers it may still see (consent kept)."""
    return list(db.session.scalars(scoped(
        select(Outcome).join(Registration, Registration.id == Outcome.registration_id)
        .options(joinedload(Outcome.registration), joinedload(Outcome.vacancy))
        .where(Outcome.fair_id == fair_id, Outcome.employer_id == employer_id)
        .order_by(Registration.given_name, Registration.family_name, Outcome.id),
        employer_scope(employer_id),
    )).unique())


def _employers_with_outcomes(fair_id: int) -> list[int]:
    return list(db.session.scalars(scoped(
        select(Outcome.employer_id).where(Outcome.fair_id == fair_id).distinct(),
        SYSTEM,  # the system asks every employer who recorded a talk at the fair
    )))


def due_requests(today: dt.date) -> list[FollowUpRequest]:
    """The follow-up requests due today and not sent yet; missing ones are made (and flushed).

    Only employers with at least one talk they may still see (the seeker's consent kept) are
    asked.
    """
    weeks, latest_days = _settings()
    oldest = today - dt.timedelta(weeks=weeks[-1], days=latest_days)
    newest = today - dt.timedelta(weeks=weeks[0])
    fairs = db.session.scalars(select(Fair).where(Fair.date > oldest, Fair.date <= newest)
                               .order_by(Fair.date, Fair.id))
    due: list[FollowUpRequest] = []
    for fair in fairs:
        round_number = due_round(fair.date, today, weeks, latest_days)
        if round_number is None:
            continue
        for employer_id in _employers_with_outcomes(fair.id):
            if not talked_outcomes(fair.id, employer_id):
                continue
            request = request_for(fair.id, employer_id, round_number)
            if request.sent_at is None:
                due.append(request)
    db.session.flush()
    return due


def request_for(fair_id: int, employer_id: int, round_number: int) -> FollowUpRequest:
    """The one request of a fair, employer and round (made when missing)."""
    request = db.session.scalar(select(FollowUpRequest).where(
        FollowUpRequest.fair_id == fair_id, FollowUpRequest.employer_id == employer_id,
        FollowUpRequest.round == round_number))
    if request is None:
        request = FollowUpRequest(fair_id=fair_id, employer_id=employer_id, round=round_number,
                                  failed_attempts=0)
        db.session.add(request)
        db.session.flush()
    return request


def employer_contact(employer: Employer) -> Contact | None:
    """The employer's contact address and the language its user there reads (None: no address).

    The contact address of the profile, in the language of the user with that address (or of
    the employer's first user); without a contact address, the first active user.
    """
    users = list(db.session.scalars(select(User).where(
        User.employer_id == employer.id, User.role == Role.EMPLOYER, User.active.is_(True))
        .order_by(User.id)))
    default = str(current_app.config.get("BABEL_DEFAULT_LOCALE", "de"))
    address = employer.contact_email.strip()
    if address:
        same = next((u for u in users if u.email.casefold() == address.casefold()), None)
        chosen = same or (users[0] if users else None)
        return Contact(address, chosen.language if chosen else default)
    if users:
        return Contact(users[0].email, users[0].language or default)
    return None


def issue_link(request: FollowUpRequest, now: dt.datetime, days: int) -> str:
    """A new secret token for the request's link (only its digest is kept); returns the token.

    An earlier link of the request stops working.
    """
    token = new_token()
    request.token_digest = token_digest(token)
    expires = now + dt.timedelta(days=days)
    if request.expires_at is None or as_utc(request.expires_at) < expires:
        request.expires_at = expires
    db.session.flush()
    return token


def mark_sent(request: FollowUpRequest, now: dt.datetime) -> None:
    """The mail of the round was handed to the mail layer."""
    request.sent_at = now
    db.session.flush()


def mark_failed(request: FollowUpRequest) -> None:
    """The mail could not be sent: the link is withdrawn and the next run tries again."""
    request.token_digest = None
    request.failed_attempts = (request.failed_attempts or 0) + 1
    db.session.flush()


def request_by_token(token: str) -> FollowUpRequest | None:
    """The request a follow-up link belongs to (answered or expired ones too), or None."""
    if not 0 < len(token) <= 100:
        return None
    return db.session.scalar(select(FollowUpRequest).where(
        FollowUpRequest.token_digest == token_digest(token)))


def check_usable(request: FollowUpRequest, now: dt.datetime) -> None:
    """Raise AlreadyAnswered or LinkExpired unless the request may still be answered."""
    if request.answered_at is not None:
        raise AlreadyAnswered()
    if request.expires_at is None or as_utc(request.expires_at) <= now:
        raise LinkExpired()


def request_for_token(token: str, now: dt.datetime) -> FollowUpRequest:
    """The request a follow-up link belongs to, if it may still be answered."""
    request = request_by_token(token)
    if request is None:
        raise LinkUnknown()
    check_usable(request, now)
    return request


def record_answers(request: FollowUpRequest, answers: dict[int, FollowUpStatus],
                   now: dt.datetime) -> int:
    """Store the employer's answer per talk; the link is used up. Returns how many were stored.

    Only the request's own talks are changed (ids of others are ignored); the outcome recorded
    at the booth stays as it was.
    """
    if request.answered_at is not None:
        raise AlreadyAnswered()
    stored = 0
    for outcome in talked_outcomes(request.fair_id, request.employer_id):
        answer = answers.get(outcome.id)
        if answer is None:
            continue
        outcome.follow_up_status = answer
        outcome.follow_up_round = request.round
        outcome.followed_up_at = now
        stored += 1
    request.answered_at = now  # single-purpose: the link now only says it was answered
    db.session.flush()
    return stored


def requests_for_fair(fair_id: int) -> list[FollowUpRequest]:
    """The fair's follow-up requests, by employer and round."""
    return list(db.session.scalars(
        select(FollowUpRequest).join(Employer, Employer.id == FollowUpRequest.employer_id)
        .options(joinedload(FollowUpRequest.employer))
        .where(FollowUpRequest.fair_id == fair_id)
        .order_by(Employer.name, FollowUpRequest.round)))


def request_of_fair(fair_id: int, request_id: int) -> FollowUpRequest | None:
    """One of the fair's follow-up requests."""
    return db.session.scalar(select(FollowUpRequest).where(
        FollowUpRequest.id == request_id, FollowUpRequest.fair_id == fair_id))


def prepare_reminder(request: FollowUpRequest, now: dt.datetime) -> str:
    """A new link for a reminder about an unanswered round; the token to mail."""
    if request.answered_at is not None:
        raise AlreadyAnswered()
    if request.sent_at is None:
        raise NotSentYet()
    token = issue_link(request, now, REMINDER_LINK_DAYS)
    request.reminded_at = now
    db.session.flush()
    return token


def follow_up_counts(fair_id: int) -> dict[FollowUpStatus, int]:
    """How many of the fair's talks have each follow-up answer (for statistics)."""
    rows = db.session.execute(scoped(
        select(Outcome.follow_up_status, func.count(Outcome.id))
        .where(Outcome.fair_id == fair_id, Outcome.follow_up_status.is_not(None))
        .group_by(Outcome.follow_up_status),
        SYSTEM,  # counts only, no person
    ))
    counts = dict.fromkeys(FollowUpStatus, 0)
    counts.update({status: count for status, count in rows})
    return counts
