"""Organiser screens: the booth plan of a fair and decisions on booth requests."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths import services as booth_services
from jobsforyou.booths.choices import booth_kind_label
from jobsforyou.booths.forms import ConfirmForm
from jobsforyou.booths.messages import booth_error_message, error_status
from jobsforyou.booths.models import Booth, BoothKind
from jobsforyou.booths.notifications import send_booth_status_mail
from jobsforyou.fairs.models import Fair
from jobsforyou.formfields import select_choices
from jobsforyou.organisers import services
from jobsforyou.organisers.forms import BoothForm, DecisionForm
from jobsforyou.scoping import scope_for

bp = Blueprint("organisers", __name__, url_prefix="/organiser")


def _fair(fair_id: int) -> Fair:
    try:
        return services.fair_of(scope_for(current_user), fair_id)
    except services.NotInScope:
        abort(404)


@bp.get("/fairs")
@roles_required(Role.ORGANISER)
def fairs():  # type: ignore[no-untyped-def]
    """The fairs in the organiser's municipality (or county), newest first."""
    found = services.fairs_of(scope_for(current_user))
    return render_template("organisers/fairs.html", fairs=found)


@bp.route("/fairs/<int:fair_id>/booths", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def booth_plan(fair_id: int):  # type: ignore[no-untyped-def]
    """The fair's booths, who holds them, and a form to add one."""
    fair = _fair(fair_id)
    form = BoothForm()
    if request.method == "GET":
        form.number.data = booth_services.next_booth_number(fair.id)
    status = 200
    if form.validate_on_submit():
        try:
            booth_services.add_booth(fair, form.number.data, BoothKind(form.kind.data),
                                     form.size.data or "", bool(form.has_power.data))
        except booth_services.BoothError as error:
            form.number.errors = [booth_error_message(error)]
            status = error_status(error)
        else:
            flash(_("The booth has been added."), "success")
            return redirect(url_for("organisers.booth_plan", fair_id=fair.id))
    return render_template("organisers/booth_plan.html", fair=fair, form=form,
                           booths=services.booths_of(scope_for(current_user), fair),
                           remove_form=ConfirmForm()), status


@bp.post("/fairs/<int:fair_id>/booths/<int:booth_id>/remove")
@roles_required(Role.ORGANISER)
def remove_booth(fair_id: int, booth_id: int):  # type: ignore[no-untyped-def]
    """Remove a booth that nobody holds."""
    fair = _fair(fair_id)
    try:
        booth = services.booth_of(scope_for(current_user), fair, booth_id)
    except services.NotInScope:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        booth_services.remove_booth(booth)
    except booth_services.BoothError as error:
        flash(booth_error_message(error), "error")
    else:
        flash(_("The booth has been removed."), "success")
    return redirect(url_for("organisers.booth_plan", fair_id=fair.id))


@bp.get("/fairs/<int:fair_id>/booth-requests")
@roles_required(Role.ORGANISER)
def booth_requests(fair_id: int):  # type: ignore[no-untyped-def]
    """The booth requests of a fair, oldest first."""
    fair = _fair(fair_id)
    return render_template("organisers/booth_requests.html", fair=fair,
                           requests=services.booth_requests_of(scope_for(current_user), fair),
                           free_count=len(booth_services.free_booths(fair.id)))


@bp.route("/booth-requests/<int:request_id>", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def decide(request_id: int):  # type: ignore[no-untyped-def]
    """Approve, wait-list, decline or cancel one booth request."""
    try:
        booth_request = services.booth_request_of(scope_for(current_user), request_id)
    except services.NotInScope:
        abort(404)
    form = DecisionForm(data=None if request.method == "POST"
                        else {"booths_granted": booth_request.booths_granted})
    free = booth_services.free_booths(booth_request.fair_id)
    form.booth.choices = select_choices(
        [(0, _("The first free booth that suits"))] + [(b.id, _booth_label(b)) for b in free]
    )
    status = 200
    if form.validate_on_submit():
        decision = form.decision()
        if decision is None:
            abort(400)
        try:
            changed = services.decide(
                booth_request, decision, booth_id=form.booth.data or None,
                booths_granted=form.booths_granted.data, reason=form.reason.data or "",
                today=dt.date.today(),
            )
        except booth_services.BoothError as error:
            form.booth.errors = [booth_error_message(error)]
            status = error_status(error)
        else:
            for each in changed:
                send_booth_status_mail(each)
            flash(_("The decision has been saved and the employer has been informed."), "success")
            return redirect(url_for("organisers.booth_requests", fair_id=booth_request.fair_id))
    return render_template("organisers/decide.html", form=form, booth_request=booth_request,
                           fair=booth_request.fair), status


def _booth_label(booth: Booth) -> str:
    values = {"number": booth.number, "kind": booth_kind_label(booth.kind), "size": booth.size}
    if booth.has_power:
        return _("No. %(number)s – %(kind)s %(size)s, with power", **values)
    return _("No. %(number)s – %(kind)s %(size)s", **values)
