"""Organiser screens: the booth plan of a fair and decisions on booth requests."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths import services
from jobsforyou.booths.choices import booth_kind_label
from jobsforyou.booths.forms import ConfirmForm
from jobsforyou.booths.messages import booth_error_message, error_status
from jobsforyou.booths.models import Booth, BoothKind, BoothRequest
from jobsforyou.booths.notifications import send_booth_status_mail
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.formfields import select_choices
from jobsforyou.organisers.forms import BoothForm, DecisionForm
from jobsforyou.organisers.scope import fairs_in_scope
from jobsforyou.scoping import scope_for, scoped

bp = Blueprint("organisers", __name__, url_prefix="/organiser")


def _fair(fair_id: int) -> Fair:
    fair = db.session.scalar(
        select(Fair).where(Fair.id == fair_id, fairs_in_scope(scope_for(current_user)))
    )
    if fair is None:
        abort(404)
    return fair


@bp.get("/fairs")
@roles_required(Role.ORGANISER)
def fairs():  # type: ignore[no-untyped-def]
    """The fairs in the organiser's municipality (or county), newest first."""
    found = db.session.scalars(
        select(Fair).where(fairs_in_scope(scope_for(current_user))).order_by(Fair.date.desc())
    )
    return render_template("organisers/fairs.html", fairs=list(found))


@bp.route("/fairs/<int:fair_id>/booths", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def booth_plan(fair_id: int):  # type: ignore[no-untyped-def]
    """The fair's booths, who holds them, and a form to add one."""
    fair = _fair(fair_id)
    form = BoothForm()
    if request.method == "GET":
        form.number.data = services.next_booth_number(fair.id)
    status = 200
    if form.validate_on_submit():
        try:
            services.add_booth(fair, form.number.data, BoothKind(form.kind.data),
                               form.size.data or "", bool(form.has_power.data))
        except services.BoothError as error:
            db.session.rollback()
            form.number.errors = [booth_error_message(error)]
            status = error_status(error)
        else:
            db.session.commit()
            flash(_("The booth has been added."), "success")
            return redirect(url_for("organisers.booth_plan", fair_id=fair.id))
    booths = db.session.scalars(scoped(
        select(Booth).where(Booth.fair_id == fair.id).order_by(Booth.number),
        scope_for(current_user),
    ))
    return render_template("organisers/booth_plan.html", fair=fair, form=form,
                           booths=list(booths), remove_form=ConfirmForm()), status


@bp.post("/fairs/<int:fair_id>/booths/<int:booth_id>/remove")
@roles_required(Role.ORGANISER)
def remove_booth(fair_id: int, booth_id: int):  # type: ignore[no-untyped-def]
    """Remove a booth that nobody holds."""
    fair = _fair(fair_id)
    booth = db.session.scalar(scoped(
        select(Booth).where(Booth.id == booth_id, Booth.fair_id == fair.id), scope_for(current_user)
    ))
    if booth is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.remove_booth(booth)
    except services.BoothError as error:
        db.session.rollback()
        flash(booth_error_message(error), "error")
    else:
        db.session.commit()
        flash(_("The booth has been removed."), "success")
    return redirect(url_for("organisers.booth_plan", fair_id=fair.id))


@bp.get("/fairs/<int:fair_id>/booth-requests")
@roles_required(Role.ORGANISER)
def booth_requests(fair_id: int):  # type: ignore[no-untyped-def]
    """The booth requests of a fair, oldest first."""
    fair = _fair(fair_id)
    found = db.session.scalars(scoped(
        select(BoothRequest).where(BoothRequest.fair_id == fair.id)
        .order_by(BoothRequest.created_at, BoothRequest.id),
        scope_for(current_user),
    ))
    return render_template("organisers/booth_requests.html", fair=fair, requests=list(found),
                           free_count=len(services.free_booths(fair.id)))


@bp.route("/booth-requests/<int:request_id>", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def decide(request_id: int):  # type: ignore[no-untyped-def]
    """Approve, wait-list, decline or cancel one booth request."""
    booth_request = db.session.scalar(scoped(
        select(BoothRequest).where(BoothRequest.id == request_id), scope_for(current_user)
    ))
    if booth_request is None:
        abort(404)
    form = DecisionForm(data=None if request.method == "POST"
                        else {"booths_granted": booth_request.booths_granted})
    free = services.free_booths(booth_request.fair_id)
    form.booth.choices = select_choices(
        [(0, _("The first free booth that suits"))] + [(b.id, _booth_label(b)) for b in free]
    )
    status = 200
    if form.validate_on_submit():
        try:
            promoted = _apply_decision(form, booth_request)
        except services.BoothError as error:
            db.session.rollback()
            form.booth.errors = [booth_error_message(error)]
            status = error_status(error)
        else:
            db.session.commit()
            for changed in (booth_request, *promoted):
                send_booth_status_mail(changed)
            flash(_("The decision has been saved and the employer has been informed."), "success")
            return redirect(url_for("organisers.booth_requests", fair_id=booth_request.fair_id))
    return render_template("organisers/decide.html", form=form, booth_request=booth_request,
                           fair=booth_request.fair), status


def _apply_decision(form: DecisionForm, booth_request: BoothRequest) -> list[BoothRequest]:
    """Run the service for the button that was pressed; returns requests moved up as well."""
    if form.approve.data:
        services.approve_request(booth_request, form.booth.data or None, form.booths_granted.data)
    elif form.waitlist.data:
        services.waitlist_request(booth_request)
    elif form.decline.data:
        services.decline_request(booth_request, form.reason.data or "")
    elif form.cancel.data:
        return services.cancel_request(booth_request)
    else:
        abort(400)
    return []


def _booth_label(booth: Booth) -> str:
    values = {"number": booth.number, "kind": booth_kind_label(booth.kind), "size": booth.size}
    if booth.has_power:
        return _("No. %(number)s – %(kind)s %(size)s, with power", **values)
    return _("No. %(number)s – %(kind)s %(size)s", **values)
