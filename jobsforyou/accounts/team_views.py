"""Employer users see their colleagues and invite new ones to the same employer."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user

from jobsforyou.accounts import emails, services
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.forms import InviteColleagueForm
from jobsforyou.accounts.models import Role, User
from jobsforyou.extensions import limiter
from jobsforyou.limits import configured_limit

bp = Blueprint("team", __name__)


def _per_user() -> str:
    if current_user.is_authenticated:
        return f"invitations:user:{current_user.id}"
    return f"invitations:address:{get_remote_address()}"


@bp.route("/account/colleagues", methods=["GET", "POST"])
@limiter.limit(configured_limit("INVITATION_RATE_LIMIT", "20 per hour"), methods=["POST"],
               key_func=_per_user)
@roles_required(Role.EMPLOYER)
def colleagues():  # type: ignore[no-untyped-def]
    """The employer's users and a form to invite a colleague.

    The answer is the same whether or not the address has an account elsewhere, so that the
    form cannot be used to find out who has an account.
    """
    if current_user.employer_id is None:
        return redirect(url_for("admin.users"))
    form = InviteColleagueForm()
    if form.validate_on_submit():
        employer_id = current_user.employer_id

        def same_employer(user: User) -> bool:
            return user.employer_id == employer_id and user.role == Role.EMPLOYER

        try:
            user, token = services.invite_user(
                form.email.data or "", Role.EMPLOYER, form.display_name.data or "",
                language=current_user.language, now=dt.datetime.now(dt.UTC),
                employer_id=employer_id,
                scope=services.StaffScope(region_id=current_user.region_id),
                may_reinvite=same_employer,
            )
        except services.EmailTaken:
            emails.render_without_sending("accounts/mail/invitation.txt", current_user.language)
        except services.AccountError:
            form.email.errors = [_("Enter an e-mail address like name@example.org.")]
            return render_template("accounts/colleagues.html", form=form,
                                   users=services.colleagues(employer_id))
        else:
            emails.send_invitation_mail(user, token, current_user)
        flash(_("If %(email)s can be invited, we have sent an invitation to this address.",
                email=services.normalize_email(form.email.data or "")), "success")
        return redirect(url_for("team.colleagues"))
    return render_template("accounts/colleagues.html", form=form,
                           users=services.colleagues(current_user.employer_id))
