"""Account e-mails, each in the recipient's language."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from jobsforyou.accounts.models import User
from jobsforyou.i18n import supported_language
from jobsforyou.links import external_url
from jobsforyou.mail import send_mail


def _render(user: User, subject: object, template: str, **context: object) -> tuple[str, str]:
    with force_locale(supported_language(user.language) or "de"):
        return str(subject), render_template(template, user=user, **context)


def _send(user: User, subject: object, template: str, **context: object) -> None:
    subject_text, body = _render(user, subject, template, **context)
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


def send_signup_attempt_mail(user: User) -> None:
    """Tell the owner of an address that someone tried to sign up with it (the page does not)."""
    _send(user, _l("Someone tried to create an account with your address"),
          "accounts/mail/signup_attempt.txt", link=external_url("accounts.forgot_password"))


def render_without_sending(template: str, language: str, **context: object) -> None:
    """Do the work of preparing a mail that is not sent, so that the answer takes as long."""
    stand_in = User(email="", display_name="", language=language)
    _render(stand_in, "", template, link=external_url("accounts.login"), inviter=stand_in,
            **context)
