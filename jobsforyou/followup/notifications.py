"""Mails of the follow-up: to employers about their talks, to visitors invited again."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from jobsforyou.fairs.models import Fair
from jobsforyou.followup.models import FollowUpRequest
from jobsforyou.followup.services import Contact
from jobsforyou.i18n import supported_language
from jobsforyou.links import external_url
from jobsforyou.mail import OutgoingMail
from jobsforyou.registration.models import Registration


def follow_up_link(token: str) -> str:
    """The absolute URL of a follow-up page."""
    return external_url("follow_up.answer", token=token)


def follow_up_mail(request: FollowUpRequest, contact: Contact, token: str, *,
                   reminder: bool = False) -> OutgoingMail:
    """The mail asking an employer's contact what became of the talks (in their language).

    The subject names the fair only (mail logs show subjects; no seeker is named anywhere).
    """
    with force_locale(supported_language(contact.language) or "de"):
        if reminder:
            subject = _("Reminder: what became of your talks at %(fair)s?",
                        fair=request.fair.title)
        else:
            subject = _("What became of your talks at %(fair)s?", fair=request.fair.title)
        body = render_template("followup/mail/request.txt", request=request,
                               link=follow_up_link(token), reminder=reminder)
    return OutgoingMail(contact.email, subject, body)


def invitation_link(fair: Fair, token: str | None) -> str:
    """Where an invited visitor registers: the pre-filling link, or the fair's form."""
    if token:
        return external_url("reinvitation.accept", token=token)
    return external_url("registration.register", fair_id=fair.id)


def invitation_mail(registration: Registration, fair: Fair, link: str) -> OutgoingMail:
    """The invitation of an earlier visitor to a later fair, in their language."""
    with force_locale(supported_language(registration.language) or "de"):
        subject = _("Invitation to %(fair)s", fair=fair.title)
        body = render_template("followup/mail/invitation.txt", registration=registration,
                               fair=fair, link=link)
    assert registration.email
    return OutgoingMail(registration.email, subject, body)


def invitation_sms_text(registration: Registration, fair: Fair, link: str) -> str:
    """The short text message inviting a visitor without e-mail, in their language."""
    with force_locale(supported_language(registration.language) or "de"):
        return _("#JobsForYou: job fair %(fair)s on %(date)s in %(town)s. Register: %(link)s",
                 fair=fair.title, date=fair.date.strftime("%d.%m.%Y"),
                 town=fair.municipality.name, link=link)
