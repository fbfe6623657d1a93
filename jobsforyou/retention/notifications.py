"""The reminder before a kept profile is deleted: by e-mail, and the text for an SMS gateway."""

from __future__ import annotations

import datetime as dt

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from jobsforyou.links import external_url
from jobsforyou.mail import send_mail
from jobsforyou.registration.models import Registration
from jobsforyou.registration.notifications import personal_link
from jobsforyou.sms import send_sms
from jobsforyou.templating import format_date_long


def send_retention_reminder(
    registration: Registration, deletion_date: dt.date, token: str | None
) -> bool:
    """Remind the seeker, in their language, that their kept profile is deleted on a date.

    E-mail when the seeker gave an address (with a further personal link `token`, if one
    could be made); otherwise the SMS hook. False when the reminder could not be sent.
    """
    if not registration.email:
        return send_retention_reminder_sms(registration, deletion_date, token)
    with force_locale(registration.language):
        date = format_date_long(deletion_date)
        subject = _("Your profile will be deleted on %(date)s", date=date)
        body = render_template(
            "retention/mail/reminder.txt",
            registration=registration,
            deletion_date=deletion_date,
            fairs_link=external_url("fairs.index"),
            link=personal_link(token) if token else None,
        )
    send_mail(registration.email, subject, body)
    return True


def retention_reminder_sms_text(
    registration: Registration, deletion_date: dt.date, link: str
) -> str:
    """The reminder as a short SMS in the seeker's language (for the SMS gateway to send)."""
    with force_locale(registration.language):
        return _(
            "#JobsForYou: we will delete your profile on %(date)s. To take part in a later fair, "
            "register for it. Your data: %(link)s",
            date=format_date_long(deletion_date),
            link=link,
        )


def send_retention_reminder_sms(
    registration: Registration, deletion_date: dt.date, token: str | None
) -> bool:
    """Remind a seeker without e-mail by SMS (with a further personal link); True once handed
    to the SMS backend, False when there is no number or link, or the number's limit is
    reached (the reminder then stays due for the next run)."""
    if not registration.phone_normalized or token is None:
        return False
    text = retention_reminder_sms_text(registration, deletion_date, personal_link(token))
    return send_sms(str(registration.phone_normalized), text)
