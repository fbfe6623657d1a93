"""Messages to job seekers about their registration."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from jobsforyou.links import external_url
from jobsforyou.mail import send_mail
from jobsforyou.registration.models import Registration


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
