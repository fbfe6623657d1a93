"""E-mails to employer users when their booth request changes."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from jobsforyou.accounts.models import Role, User
from jobsforyou.booths.choices import status_label
from jobsforyou.booths.models import BoothRequest
from jobsforyou.extensions import db
from jobsforyou.mail import send_mail


def employer_recipients(employer_id: int) -> list[User]:
    """The active user accounts of an employer."""
    return list(db.session.scalars(
        select(User).where(User.employer_id == employer_id, User.role == Role.EMPLOYER,
                           User.active.is_(True)).order_by(User.id)
    ))


def send_booth_status_mail(booth_request: BoothRequest) -> None:
    """Tell every user of the employer the request's new state, each in their own language."""
    for user in employer_recipients(booth_request.employer_id):
        with force_locale(user.language or "de"):
            subject = _("Booth request for %(fair)s: %(status)s",
                        fair=booth_request.fair.title, status=status_label(booth_request.status))
            body = render_template("booths/mail/status.txt", booth_request=booth_request,
                                   user=user)
        send_mail(user.email, subject, body)
