"""Administrators list users, invite staff with a role and a scope, and deactivate accounts."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from jobsforyou.accounts import emails, services, staff
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.forms import ConfirmActionForm, InviteStaffForm
from jobsforyou.accounts.models import Role
from jobsforyou.formfields import select_choices
from jobsforyou.i18n import LANGUAGES
from jobsforyou.regions.services import municipalities_for_choice

bp = Blueprint("admin", __name__, url_prefix="/admin")

ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.ORGANISER: _l("Organiser"),
    Role.BUSINESS_DEVELOPMENT: _l("Business development"),
    Role.EMPLOYER: _l("Employer"),
    Role.CHECKIN: _l("Check-in staff"),
}


def role_label(role: Role | str) -> str:
    """The translated name of a role."""
    return str(ROLE_LABELS.get(Role(role), role))


def _fill_choices(form: InviteStaffForm) -> None:
    form.role.choices = select_choices(
        (role.value, ROLE_LABELS[role]) for role in services.STAFF_ROLES
    )
    region_id = current_user.region_id  # an admin without a county manages all of them
    form.municipality.choices = select_choices(
        [(0, _("Whole county"))]
        + [(m.id, m.name) for m in municipalities_for_choice()
           if m.in_region and (region_id is None or m.region_id == region_id)]
    )
    fairs = staff.fairs_for_checkin_staff(current_user)
    form.fair.choices = select_choices(
        [(0, _("No fair"))]
        + [(fair.id, f"{fair.title} ({fair.date.isoformat()})") for fair in fairs]
    )
    form.language.choices = select_choices((lang.code, lang.native_name) for lang in LANGUAGES)


@bp.route("/users", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def users():  # type: ignore[no-untyped-def]
    """All users and the form to invite a staff member."""
    form = InviteStaffForm()
    _fill_choices(form)
    if form.validate_on_submit():
        try:
            user, token = staff.invite_staff(
                current_user, form.email.data or "", Role(form.role.data),
                form.display_name.data or "", form.language.data,
                municipality_id=form.municipality.data, fair_id=form.fair.data,
                now=dt.datetime.now(dt.UTC),
            )
        except staff.FairRequired:
            form.fair.errors = [_("Choose the fair at which this person checks visitors in.")]
        except services.AccountError:
            form.email.errors = [_("An account with this e-mail address exists already.")]
        else:
            emails.send_invitation_mail(user, token, current_user)
            flash(_("We have sent an invitation to %(email)s.", email=user.email), "success")
            return redirect(url_for("admin.users"))
    return render_template("accounts/admin_users.html", form=form,
                           users=services.all_users(current_user.region_id),
                           role_label=role_label, action_form=ConfirmActionForm())


@bp.post("/users/<int:user_id>/deactivate")
@roles_required(Role.ADMIN)
def deactivate(user_id: int):  # type: ignore[no-untyped-def]
    """Deactivate a user account."""
    form = ConfirmActionForm()
    user = staff.managed_user(current_user, user_id)
    if user is None:
        abort(404)
    if form.validate_on_submit():
        try:
            services.deactivate_user(user, current_user, dt.datetime.now(dt.UTC))
        except services.AccountError:
            flash(_("You cannot deactivate your own account."), "warning")
        else:
            flash(_("The account of %(email)s has been deactivated.", email=user.email), "success")
    return redirect(url_for("admin.users"))
