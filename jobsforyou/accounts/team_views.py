"""Employer users see their colleagues and invite new ones to the same employer."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobsforyou.accounts import emails, services
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.forms import InviteColleagueForm
from jobsforyou.accounts.models import Role
from jobsforyou.extensions import db

bp = Blueprint("team", __name__)


@bp.route("/account/colleagues", methods=["GET", "POST"])
@roles_required(Role.EMPLOYER)
def colleagues():  # type: ignore[no-untyped-def]
    """The employer's users and a form to invite a colleague."""
    if current_user.employer_id is None:
        return redirect(url_for("admin.users"))
    form = InviteColleagueForm()
    if form.validate_on_submit():
        try:
            user, token = services.invite_user(
                form.email.data or "", Role.EMPLOYER, form.display_name.data or "",
                language=current_user.language, now=dt.datetime.now(dt.UTC),
                employer_id=current_user.employer_id,
                scope=services.StaffScope(region_id=current_user.region_id),
            )
        except services.AccountError:
            db.session.rollback()
            form.email.errors = [_("An account with this e-mail address exists already.")]
        else:
            db.session.commit()
            emails.send_invitation_mail(user, token, current_user)
            flash(_("We have sent an invitation to %(email)s.", email=user.email), "success")
            return redirect(url_for("team.colleagues"))
    return render_template("accounts/colleagues.html", form=form,
                           users=services.colleagues(current_user.employer_id))
