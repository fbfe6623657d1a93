"""Account e-mails, each in the recipient's language."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from jobsforyou.accounts.models import User
from jobsforyou.i18n import supported_language
from jobsforyou.links import external_url
from jobsforyou.mail import send_mail


def _send(user: User, subject: object, template: str, **context: object) -> None:
    with force_locale(supported_language(user.language) or "de"):
        subject_text = str(subject)
        body = render_template(template, user=user, **context)
    send_mail(user.email, subject_text, body)


def send_confirmation_mail(user: User, token: str) -> None:
    """Ask a new employer user to confirm their address."""
    link = external_url("accounts.confirm_email", token=token)
    _send(user, _l("Confirm your e-mail address for JobsForYou"), "accounts/mail/confirm.txt",
          link=link)


def send_reset_mail(user: User, token: str) -> None:
    """Send the link to choose a new password."""
    link = external_url("accounts.reset_password", token=token)
    _send(user, _l("Choose a new password for JobsForYou"), "accounts/mail/reset.txt", link=link)


def send_invitation_mail(user: User, token: str, inviter: User) -> None:
    """Invite a colleague or a staff member to set their password."""
    link = external_url("accounts.accept_invitation", token=token)
    _send(user, _l("You are invited to JobsForYou"), "accounts/mail/invitation.txt", link=link,
          inviter=inviter)
