"""Public pages: upcoming fairs and a fair's page."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _

from jobsforyou.booths.attendance import attending_employers
from jobsforyou.fairs import services
from jobsforyou.fairs.forms import FairFilterForm
from jobsforyou.formfields import select_choices
from jobsforyou.regions.services import municipalities_for_choice
from jobsforyou.registration.capacity import places_left

bp = Blueprint("fairs", __name__)


@bp.get("/")
def index():  # type: ignore[no-untyped-def]
    """Upcoming fairs, optionally filtered by municipality."""
    form = FairFilterForm(request.args)
    form.municipality.choices = select_choices(
        [(0, _("All towns and municipalities"))]
        + [(m.id, m.name) for m in municipalities_for_choice() if m.in_region]
    )
    if not form.validate():
        form.municipality.data = 0
    fairs = services.upcoming_fairs(dt.date.today(), form.municipality.data or None)
    return render_template("fairs/index.html", form=form, fairs=fairs)


@bp.get("/fairs/<int:fair_id>")
def detail(fair_id: int):  # type: ignore[no-untyped-def]
    """A fair's page: when and where, how to get there, employers, registration."""
    try:
        fair = services.public_fair(fair_id)
    except services.FairNotFound:
        abort(404)
    now = dt.datetime.now(dt.UTC)
    return render_template(
        "fairs/detail.html",
        fair=fair,
        registration_open=services.registration_is_open(fair, now),
        places_left=places_left(fair),
        employers=attending_employers(fair),
    )
