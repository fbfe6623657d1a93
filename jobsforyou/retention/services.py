"""The daily retention run: delete what is due, remind seekers whose kept profile ends soon.

Every deletion goes through `registration.services.delete_registration`, never a bulk delete:
it is the one place where whatever must happen at a deletion happens (the employers' outcome
notes go with the person; statistics keep their aggregates there).
The run is idempotent: a second run on the same day finds nothing to do.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.registration.models import ConsentPurpose, Registration
from jobsforyou.registration.services import delete_registration, resend_link
from jobsforyou.retention.notifications import send_retention_reminder
from jobsforyou.retention.policy import RetentionPolicy
from jobsforyou.scoping import SYSTEM, scoped

logger = logging.getLogger("jobsforyou.retention")


@dataclass
class RetentionReport:
    """What one run did, in counts only (it names nobody)."""

    deleted: int = 0  # registrations deleted after the retention period
    deleted_kept: int = 0  # kept profiles deleted at their latest end
    reminders_mailed: int = 0
    reminders_texted: int = 0  # by SMS to seekers who gave only a phone number
    reminders_without_channel: int = 0  # due, but could not be sent (no contact, SMS limit)
    fairs: set[int] = field(default_factory=set)  # fairs whose registrations were deleted

    @property
    def changed(self) -> bool:
        """Whether the run deleted anything or sent a reminder."""
        return bool(self.deleted or self.deleted_kept or self.reminders_mailed)


def registrations_past_retention(today: dt.date, policy: RetentionPolicy) -> list[Registration]:
    """The registrations of fairs held at least the retention period ago (kept ones included)."""
    return list(db.session.scalars(scoped(
        select(Registration)
        .join(Fair, Fair.id == Registration.fair_id)
        .where(Fair.date <= policy.latest_fair_due(today))
        .options(selectinload(Registration.consents), selectinload(Registration.links))
        .order_by(Fair.date, Registration.fair_id, Registration.id),
        SYSTEM,  # the retention run is the system's own duty, for every fair of every town
    )))


def run_retention(today: dt.date, policy: RetentionPolicy, now: dt.datetime) -> RetentionReport:
    """Delete the personal data that is due on `today` and send the reminders that are due.

    Without the consent to keep the profile, a seeker's data goes `policy.days` after the fair;
    with it, `policy.kept_profile_days` after the fair, and `policy.reminder_days` before that
    the seeker is reminded once (by e-mail, or by SMS when they gave only a phone number).
    """
    report = RetentionReport()
    for registration in registrations_past_retention(today, policy):
        fair_date = registration.fair.date
        kept = registration.has_consent(ConsentPurpose.KEEP_FOR_LATER_FAIRS)
        if today >= policy.deletion_date(fair_date, kept):
            report.fairs.add(registration.fair_id)
            delete_registration(registration, today)
            if kept:
                report.deleted_kept += 1
            else:
                report.deleted += 1
        elif registration.retention_reminder_sent_at is None and today >= policy.reminder_date(
            fair_date
        ):
            _remind(registration, policy, now, report)
    logger.info(
        "Retention %s: %d registrations deleted after %d days, %d kept profiles deleted after "
        "%d days, %d reminders mailed, %d sent by SMS, %d could not be sent, fairs %s",
        today.isoformat(), report.deleted, policy.days, report.deleted_kept,
        policy.kept_profile_days, report.reminders_mailed, report.reminders_texted,
        report.reminders_without_channel,
        sorted(report.fairs),
    )
    return report


def _remind(registration: Registration, policy: RetentionPolicy, now: dt.datetime,
            report: RetentionReport) -> None:
    """Send the reminder once; a seeker we cannot reach stays due (for the SMS gateway)."""
    deletion_date = policy.deletion_date(registration.fair.date, kept=True)
    reachable = registration.email or registration.phone_normalized
    token = resend_link(registration, now) if reachable else None
    if send_retention_reminder(registration, deletion_date, token):
        registration.retention_reminder_sent_at = now
        if registration.email:
            report.reminders_mailed += 1
        else:
            report.reminders_texted += 1
        db.session.flush()
    else:
        report.reminders_without_channel += 1
