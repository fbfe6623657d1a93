"""Employer screens: request a booth for a fair, see its state, cancel it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths import services
from jobsforyou.booths.choices import booth_kind_label, status_label
from jobsforyou.booths.forms import BoothRequestForm, ConfirmForm
from jobsforyou.booths.messages import booth_error_message, error_status
from jobsforyou.booths.models import BoothRequest
from jobsforyou.booths.notifications import send_booth_status_mail
from jobsforyou.extensions import db
from jobsforyou.fairs import services as fair_services
from jobsforyou.fairs.models import Fair
from jobsforyou.scoping import scope_for, scoped

bp = Blueprint("booths", __name__, url_prefix="/employer")
bp.add_app_template_filter(status_label, "booth_status")
bp.add_app_template_filter(booth_kind_label, "booth_kind")


def employer_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Only users who belong to an employer (403 for everyone else who is signed in)."""

    @wraps(view)
    @roles_required(Role.EMPLOYER)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if current_user.employer_id is None:
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def _own_request(fair_id: int) -> BoothRequest | None:
    return db.session.scalar(scoped(
        select(BoothRequest).where(BoothRequest.fair_id == fair_id), scope_for(current_user)
    ))


def _bookable_fair(fair_id: int) -> Fair:
    try:
        fair = fair_services.public_fair(fair_id)
    except fair_services.FairNotFound:
        abort(404)
    if fair.date < dt.date.today():
        abort(404)
    return fair


@bp.get("/booths")
@employer_required
def overview():  # type: ignore[no-untyped-def]
    """Upcoming fairs with the employer's booth request for each."""
    fairs = fair_services.upcoming_fairs(dt.date.today())
    requests = {
        r.fair_id: r
        for r in db.session.scalars(scoped(select(BoothRequest), scope_for(current_user)))
    }
    return render_template("booths/overview.html", fairs=fairs, requests=requests)


@bp.route("/fairs/<int:fair_id>/booth", methods=["GET", "POST"])
@employer_required
def request_booth(fair_id: int):  # type: ignore[no-untyped-def]
    """Request a booth for a fair, or change the details of the request."""
    fair = _bookable_fair(fair_id)
    existing = _own_request(fair.id)
    data = None
    if request.method == "GET" and existing is not None:
        data = {"staff_count": existing.staff_count, "languages": existing.languages,
                "needs_power": existing.needs_power, "remarks": existing.remarks}
    form = BoothRequestForm(data=data)
    status = 200
    if form.validate_on_submit():
        previous = existing.status if existing else None
        try:
            booth_request = services.request_booth(
                fair, current_user.employer_id, form.staff_count.data or 1,
                form.languages.data or [], bool(form.needs_power.data), form.remarks.data or "",
            )
        except services.BoothError as error:
            form.staff_count.errors = [booth_error_message(error)]
            status = error_status(error)
        else:
            if booth_request.status != previous:
                send_booth_status_mail(booth_request)
            flash(_("Your booth request has been saved."), "success")
            return redirect(url_for("booths.request_booth", fair_id=fair.id))
    return render_template("booths/request.html", fair=fair, form=form, booth_request=existing,
                           cancel_form=ConfirmForm()), status


@bp.post("/fairs/<int:fair_id>/booth/cancel")
@employer_required
def cancel(fair_id: int):  # type: ignore[no-untyped-def]
    """Cancel the employer's booth request; a held booth goes to the waiting list."""
    booth_request = _own_request(fair_id)
    if booth_request is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        promoted = services.cancel_request(booth_request, dt.date.today())
    except services.FairTookPlace as error:  # its page is gone: back to the list of fairs
        flash(booth_error_message(error), "error")
        return redirect(url_for("booths.overview"))
    except services.BoothError as error:
        flash(booth_error_message(error), "error")
        return redirect(url_for("booths.request_booth", fair_id=fair_id))
    for changed in (booth_request, *promoted):
        send_booth_status_mail(changed)
    flash(_("Your booth request has been cancelled."), "success")
    return redirect(url_for("booths.request_booth", fair_id=fair_id))
