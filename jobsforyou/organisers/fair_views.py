"""Organiser screens: create and edit a fair, publish it, close and reopen its registration."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths.forms import ConfirmForm
from jobsforyou.fairs.models import Fair
from jobsforyou.organisers import fair_admin, services
from jobsforyou.organisers.fair_forms import FairForm
from jobsforyou.organisers.messages import fair_admin_field, fair_admin_message
from jobsforyou.organisers.registrations import counts_of
from jobsforyou.registration.notifications import notify_promoted
from jobsforyou.scoping import scope_for
from jobsforyou.times import site_zone

bp = Blueprint("organiser_fairs", __name__, url_prefix="/organiser")


zone = site_zone  # the time zone in which organisers enter and read times


def _fair(fair_id: int) -> Fair:
    try:
        return services.fair_of(scope_for(current_user), fair_id)
    except services.NotInScope:
        abort(404)


def _form() -> FairForm:
    form = FairForm()
    form.set_choices(fair_admin.municipalities_in_scope(scope_for(current_user)))
    return form


def _show(form: FairForm, error: fair_admin.FairAdminError) -> None:
    field = form[fair_admin_field(error)]
    field.errors = [*field.errors, fair_admin_message(error)]


@bp.route("/fairs/new", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def create():  # type: ignore[no-untyped-def]
    """A new fair (saved as a draft)."""
    form = _form()
    if not form.municipality.choices:
        abort(403)
    status = 200
    if form.validate_on_submit():
        try:
            fair = fair_admin.create_fair(scope_for(current_user), form.details(zone()),
                                          form.fair_end(zone()))
        except fair_admin.FairAdminError as error:
            _show(form, error)
            status = 422
        else:
            flash(_("The fair has been saved as a draft. Publish it when it is ready."),
                  "success")
            return redirect(url_for("organiser_fairs.overview", fair_id=fair.id))
    elif form.is_submitted():
        status = 422
    return render_template("organisers/fair_form.html", form=form, fair=None), status


@bp.route("/fairs/<int:fair_id>/edit", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def edit(fair_id: int):  # type: ignore[no-untyped-def]
    """Change a fair's details; a raised capacity moves people up from the waiting list."""
    fair = _fair(fair_id)
    form = _form()
    if not form.is_submitted():
        form.fill_from(fair, zone())
    status = 200
    if form.validate_on_submit():
        try:
            promoted = fair_admin.update_fair(scope_for(current_user), fair,
                                              form.details(zone()), form.fair_end(zone()))
        except fair_admin.FairAdminError as error:
            _show(form, error)
            status = 422
        else:
            for registration in promoted:
                notify_promoted(registration)
            flash(_("The changes have been saved."), "success")
            return redirect(url_for("organiser_fairs.overview", fair_id=fair.id))
    elif form.is_submitted():
        status = 422
    return render_template("organisers/fair_form.html", form=form, fair=fair), status


@bp.get("/fairs/<int:fair_id>")
@roles_required(Role.ORGANISER)
def overview(fair_id: int):  # type: ignore[no-untyped-def]
    """One fair at a glance: state, registration counts, what to do next."""
    fair = _fair(fair_id)
    return render_template("organisers/fair_overview.html", fair=fair,
                           counts=counts_of(scope_for(current_user), fair),
                           confirm_form=ConfirmForm())


@bp.post("/fairs/<int:fair_id>/<any(publish, close, reopen):action>")
@roles_required(Role.ORGANISER)
def change_state(fair_id: int, action: str):  # type: ignore[no-untyped-def]
    """Publish a draft, close registration, or reopen it."""
    fair = _fair(fair_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        if action == "publish":
            fair_admin.publish(fair)
            flash(_("The fair is now public."), "success")
        elif action == "close":
            fair_admin.close_registration(fair)
            flash(_("Registration is closed."), "success")
        else:
            fair_admin.reopen_registration(fair, dt.date.today())
            flash(_("Registration is open again."), "success")
    except fair_admin.FairAdminError as error:
        flash(fair_admin_message(error), "error")
    return redirect(url_for("organiser_fairs.overview", fair_id=fair.id))
