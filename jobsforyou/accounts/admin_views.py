"""Administrators list users, invite staff with a role and a scope, and deactivate accounts."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from jobsforyou.accounts import emails, services
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.forms import ConfirmActionForm, InviteStaffForm
from jobsforyou.accounts.models import Role, User
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.formfields import select_choices
from jobsforyou.i18n import LANGUAGES
from jobsforyou.regions.models import Municipality
from jobsforyou.regions.services import municipalities_for_choice
from jobsforyou.scoping import scope_for, scoped

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
    fair_query = select(Fair).order_by(Fair.date.desc())
    if region_id is not None:
        fair_query = fair_query.where(
            Fair.municipality_id.in_(
                select(Municipality.id).where(Municipality.region_id == region_id)
            )
        )
    fairs = db.session.scalars(scoped(fair_query, scope_for(current_user)))
    form.fair.choices = select_choices(
        [(0, _("No fair"))]
        + [(fair.id, f"{fair.title} ({fair.date.isoformat()})") for fair in fairs]
    )
    form.language.choices = select_choices((lang.code, lang.native_name) for lang in LANGUAGES)


def _in_admins_county(user: User) -> bool:
    """Admins may send a new invitation to the accounts of their county (all, without one)."""
    return current_user.region_id is None or user.region_id == current_user.region_id


@bp.route("/users", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def users():  # type: ignore[no-untyped-def]
    """All users and the form to invite a staff member."""
    form = InviteStaffForm()
    _fill_choices(form)
    if form.validate_on_submit():
        role = Role(form.role.data)
        if role == Role.CHECKIN and not form.fair.data:
            form.fair.errors = [_("Choose the fair at which this person checks visitors in.")]
        else:
            organiser, checkin = role == Role.ORGANISER, role == Role.CHECKIN
            scope = services.StaffScope(
                region_id=current_user.region_id,
                municipality_id=(form.municipality.data or None) if organiser else None,
                fair_id=(form.fair.data or None) if checkin else None,
            )
            try:
                user, token = services.invite_user(
                    form.email.data or "", role, form.display_name.data or "",
                    language=form.language.data, now=dt.datetime.now(dt.UTC), scope=scope,
                    may_reinvite=_in_admins_county,
                )
            except services.AccountError:
                db.session.rollback()
                form.email.errors = [_("An account with this e-mail address exists already.")]
            else:
                db.session.commit()
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
    user = services.user_by_id(user_id)
    if user is None or (current_user.region_id and user.region_id != current_user.region_id):
        abort(404)
    if form.validate_on_submit():
        try:
            services.deactivate_user(user, current_user, dt.datetime.now(dt.UTC))
        except services.AccountError:
            db.session.rollback()
            flash(_("You cannot deactivate your own account."), "warning")
        else:
            db.session.commit()
            flash(_("The account of %(email)s has been deactivated.", email=user.email), "success")
    return redirect(url_for("admin.users"))
