"""Messages to job seekers about their registration: by e-mail, or by SMS to those who gave a
phone number only (the notify_* functions choose)."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from jobsforyou.i18n import LANGUAGES
from jobsforyou.links import external_url
from jobsforyou.mail import send_mail
from jobsforyou.registration.models import Registration, RegistrationStatus
from jobsforyou.sms import send_sms
from jobsforyou.templating import isolate


def personal_link(token: str) -> str:
    """The absolute URL of a seeker's personal page."""
    return external_url("personal.page", token=token)


def send_registration_mail(registration: Registration, token: str) -> None:
    """E-mail the personal link and ticket code in the seeker's language (if an address)."""
    if not registration.email:
        return
    with force_locale(registration.language):
        subject = _("Your registration for %(fair)s", fair=registration.fair.title)
        body = render_template(
            "registration/mail/confirmation.txt",
            registration=registration,
            link=personal_link(token),
        )
    send_mail(registration.email, subject, body)


def send_promotion_mail(registration: Registration) -> None:
    """Tell a seeker that a place became free and they moved up from the waiting list."""
    if not registration.email:
        return
    with force_locale(registration.language):
        subject = _("You have a place at %(fair)s", fair=registration.fair.title)
        body = render_template("registration/mail/promoted.txt", registration=registration)
    send_mail(registration.email, subject, body)


def send_link_again_mail(registration: Registration, token: str, *, form_sent_again: bool) -> None:
    """Send a seeker a further personal link: they asked for it, or the form came again with
    their phone number or e-mail address (then they learn it, and nobody else does)."""
    if not registration.email:
        return
    with force_locale(registration.language):
        subject = _("Your personal link for %(fair)s", fair=registration.fair.title)
        body = render_template(
            "registration/mail/link_again.txt",
            registration=registration,
            link=personal_link(token),
            form_sent_again=form_sent_again,
        )
    send_mail(registration.email, subject, body)


# SMS (jobsforyou/sms.py) for seekers with a phone number and no e-mail address. They are short
# (at most three SMS in every language, see tests/web/test_sms.py): the fair's title is cut to
# SMS_TITLE_LENGTH characters, and the link comes last, on a line of its own.
SMS_TITLE_LENGTH = 25
RTL_LANGUAGES = {language.code for language in LANGUAGES if language.direction == "rtl"}


def _reached_by_sms(registration: Registration) -> bool:
    """Whether messages to this seeker go by SMS: a phone number and no e-mail address."""
    return not registration.email and bool(registration.phone_normalized)


def _sms_fair_title(registration: Registration) -> str:
    """The fair's title for an SMS: short, and kept in order inside right-to-left text (the
    isolation marks would make a Latin-script SMS go as UCS-2, so only there)."""
    title = registration.fair.title
    if len(title) > SMS_TITLE_LENGTH:
        title = title[: SMS_TITLE_LENGTH - 3].rstrip() + "..."
    return isolate(title) if registration.language in RTL_LANGUAGES else title


def registration_sms_text(registration: Registration, token: str) -> str:
    """The SMS after registering, in the seeker's language: ticket code and personal link."""
    fair, link = _sms_fair_title(registration), personal_link(token)
    with force_locale(registration.language):
        if registration.status == RegistrationStatus.WAITLISTED:
            return _("%(fair)s: The fair is fully booked, you are on the waiting list. Your "
                     "personal link (keep it secret):\n%(link)s", fair=fair, link=link)
        return _("%(fair)s: You are registered. Ticket %(code)s. Your personal link (keep it "
                 "secret):\n%(link)s", fair=fair, code=registration.ticket_code, link=link)


def promotion_sms_text(registration: Registration) -> str:
    """The SMS when a place became free for a seeker on the waiting list."""
    with force_locale(registration.language):
        return _("%(fair)s: A place has become free, you are now registered. Ticket %(code)s. "
                 "Your personal link shows your ticket.",
                 fair=_sms_fair_title(registration), code=registration.ticket_code)


def link_again_sms_text(registration: Registration, token: str, *, form_sent_again: bool) -> str:
    """The SMS with a further personal link (asked for, or the form came again)."""
    fair, link = _sms_fair_title(registration), personal_link(token)
    with force_locale(registration.language):
        if form_sent_again:
            return _("%(fair)s: The form came again with your number. You are already "
                     "registered, nothing has changed. Your personal link:\n%(link)s",
                     fair=fair, link=link)
        return _("%(fair)s: Here is your personal link again (keep it secret). Earlier links "
                 "keep working:\n%(link)s", fair=fair, link=link)


def notify_registered(registration: Registration, token: str) -> None:
    """Send a new registration its link and ticket code: by mail, or by SMS to a phone only."""
    if _reached_by_sms(registration):
        send_sms(str(registration.phone_normalized), registration_sms_text(registration, token))
    else:
        send_registration_mail(registration, token)


def notify_promoted(registration: Registration) -> None:
    """Tell a seeker who moved up from the waiting list: by mail, or by SMS to a phone only."""
    if _reached_by_sms(registration):
        send_sms(str(registration.phone_normalized), promotion_sms_text(registration))
    else:
        send_promotion_mail(registration)


def notify_link_again(registration: Registration, token: str, *, form_sent_again: bool) -> None:
    """Send a further personal link: by mail, or by SMS to a phone only."""
    if _reached_by_sms(registration):
        send_sms(str(registration.phone_normalized),
                 link_again_sms_text(registration, token, form_sent_again=form_sent_again))
    else:
        send_link_again_mail(registration, token, form_sent_again=form_sent_again)
