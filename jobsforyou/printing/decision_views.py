"""The organisers' decisions on the match overview: pin, remove or restore a suggested pair, and
pin a registered seeker whom the matching did not suggest (thin views over printing.decisions)."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from jobsforyou import audit
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths.attendance import attending_employers
from jobsforyou.employers.models import Employer
from jobsforyou.fairs.models import Fair
from jobsforyou.printing import access, decisions
from jobsforyou.printing.forms import PIN, REMOVE, PairDecisionForm, PinSeekerForm
from jobsforyou.printing.models import Decision
from jobsforyou.printing.views import overview_page
from jobsforyou.registration.models import Registration
from jobsforyou.scoping import scope_for
from jobsforyou.templating import isolate

bp = Blueprint("match_decisions", __name__)


def _fair_and_employer(fair_id: int, employer_id: int) -> tuple[Fair, Employer]:
    try:
        fair = access.fair_in_scope(scope_for(current_user), fair_id)
        return fair, access.attending_employer(fair, employer_id)
    except access.NotFound:
        abort(404)


def _seeker(fair: Fair, registration_id: int) -> Registration:
    try:
        return access.seeker_of(fair, scope_for(current_user), registration_id)
    except access.NotFound:
        abort(404)


def _back(fair: Fair, employer: Employer) -> Response:
    return redirect(url_for("printing.overview", fair_id=fair.id,
                            _anchor=f"employer-{employer.id}"))


def _name(registration: Registration) -> str:
    return isolate(f"{registration.given_name} {registration.family_name}")


def _decide(fair: Fair, employer: Employer, registration: Registration, decision: Decision) -> None:
    decisions.decide(fair, employer, registration, decision, current_user.id,
                     dt.datetime.now(dt.UTC))
    audit.record("match_decided", fair=fair.id, employer=employer.id,
                 registration=registration.id, decision=decision.value)
    names = {"person": _name(registration), "employer": isolate(employer.name)}
    if decision == Decision.PINNED:
        flash(_("%(person)s is pinned to %(employer)s and stays on the lists.", **names),
              "success")
    else:
        flash(_("%(person)s is no longer suggested to %(employer)s.", **names), "success")


@bp.post("/fairs/<int:fair_id>/matches/employers/<int:employer_id>/seekers/<int:registration_id>")
@roles_required(Role.ORGANISER)
def decide_pair(fair_id: int, employer_id: int, registration_id: int) -> Response:
    """Pin or remove a pair of the overview, or take the decision back."""
    fair, employer = _fair_and_employer(fair_id, employer_id)
    registration = _seeker(fair, registration_id)
    form = PairDecisionForm()
    if not form.validate_on_submit():
        abort(400)
    if form.action.data in (PIN, REMOVE):
        _decide(fair, employer, registration,
                Decision.PINNED if form.action.data == PIN else Decision.REMOVED)
        return _back(fair, employer)
    undone = decisions.undo(fair, employer.id, registration.id)
    if undone is not None:
        audit.record("match_decision_undone", fair=fair.id, employer=employer.id,
                     registration=registration.id, decision=undone.value)
    flash(_("The decision about %(person)s at %(employer)s has been taken back: the matching "
            "decides again.", person=_name(registration), employer=isolate(employer.name)),
          "success")
    return _back(fair, employer)


@bp.post("/fairs/<int:fair_id>/matches/pin")
@roles_required(Role.ORGANISER)
def pin_seeker(fair_id: int) -> Response | tuple[str, int]:
    """Pin a registered seeker of the fair to an employer, whether suggested or not."""
    try:
        fair = access.fair_in_scope(scope_for(current_user), fair_id)
    except access.NotFound:
        abort(404)
    form = PinSeekerForm()
    form.set_choices(attending_employers(fair), access.all_seekers(fair))
    if not form.validate_on_submit():
        return overview_page(fair, form), 400
    fair, employer = _fair_and_employer(fair_id, form.employer_id.data)
    _decide(fair, employer, _seeker(fair, form.registration_id.data), Decision.PINNED)
    return _back(fair, employer)
