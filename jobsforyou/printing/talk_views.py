"""Organisers' talk slots of a fair: set up the schedule, plan the talks, move or cancel one."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from jobsforyou import audit
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths.forms import ConfirmForm
from jobsforyou.fairs.models import Fair
from jobsforyou.printing import access
from jobsforyou.printing.plan import FairPlan, plan_fair
from jobsforyou.scoping import scope_for
from jobsforyou.talks import services
from jobsforyou.talks.allocation import TalkWish, slot_starts
from jobsforyou.talks.forms import MoveTalkForm, ScheduleForm
from jobsforyou.talks.messages import talk_error_field, talk_error_message
from jobsforyou.talks.models import Talk
from jobsforyou.templating import format_time_short

bp = Blueprint("talk_slots", __name__)


def _fair(fair_id: int) -> Fair:
    try:
        return access.fair_in_scope(scope_for(current_user), fair_id)
    except access.NotFound:
        abort(404)


def _talk(fair: Fair, talk_id: int) -> Talk:
    try:
        return services.talk_of(scope_for(current_user), fair, talk_id)
    except services.TalkNotFound:
        abort(404)


def wishes_of(plan: FairPlan) -> list[TalkWish]:
    """The plan's pairs as wishes for a talk, with the matching score as their strength."""
    return [TalkWish(pair.registration.id, pair.vacancy.employer_id, pair.match.score)
            for pairs in plan.by_employer.values() for pair in pairs]


def _page(fair: Fair, form: ScheduleForm, status: int = 200):  # type: ignore[no-untyped-def]
    schedule = services.schedule_of(fair)
    slots = slot_starts(services.slot_plan(schedule)) if schedule else []
    talks = services.talks_of_fair(scope_for(current_user), fair)
    return render_template("printing/talks.html", fair=fair, form=form, schedule=schedule,
                           slots=slots, talks=talks, confirm_form=ConfirmForm()), status


@bp.get("/fairs/<int:fair_id>/talks")
@roles_required(Role.ORGANISER)
def index(fair_id: int):  # type: ignore[no-untyped-def]
    """The fair's talk slots: the schedule form, the button to plan, the talks by time."""
    fair = _fair(fair_id)
    form = ScheduleForm()
    schedule = services.schedule_of(fair)
    if schedule is not None:
        form.fill_from(schedule)
    return _page(fair, form)


@bp.post("/fairs/<int:fair_id>/talks/schedule")
@roles_required(Role.ORGANISER)
def save_schedule(fair_id: int):  # type: ignore[no-untyped-def]
    """Offer talk slots at the fair, or change their length, hours and breaks."""
    fair = _fair(fair_id)
    form = ScheduleForm()
    if not form.validate_on_submit():
        return _page(fair, form, 422)
    try:
        services.save_schedule(fair, form.slot_plan())
    except services.TalkError as error:
        field = form[talk_error_field(error)]
        field.errors = [*field.errors, talk_error_message(error)]
        return _page(fair, form, 422)
    audit.record("talk_schedule_saved", fair=fair.id)
    if services.talks_of_fair(scope_for(current_user), fair):
        flash(_("The talk slots have been saved. Plan the talks again so that they follow the "
                "new slots; talks you moved or cancelled stay as they are."), "success")
    else:
        flash(_("The talk slots have been saved."), "success")
    return redirect(url_for("talk_slots.index", fair_id=fair.id))


@bp.post("/fairs/<int:fair_id>/talks/plan")
@roles_required(Role.ORGANISER)
def plan(fair_id: int):  # type: ignore[no-untyped-def]
    """Fill the slots from the match plan; moved and cancelled talks stay as decided."""
    fair = _fair(fair_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        talks = services.plan_talks(fair, wishes_of(plan_fair(fair, access.all_seekers(fair))))
    except services.TalkError as error:
        flash(talk_error_message(error), "error")
    else:
        audit.record("talks_planned", fair=fair.id, talks=len(talks))
        flash(ngettext("%(num)d talk has been planned.", "%(num)d talks have been planned.",
                       len(talks)), "success")
    return redirect(url_for("talk_slots.index", fair_id=fair.id))


@bp.route("/fairs/<int:fair_id>/talks/<int:talk_id>/move", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def move(fair_id: int, talk_id: int):  # type: ignore[no-untyped-def]
    """Move a talk to another free slot (a cancelled talk then takes place again)."""
    fair = _fair(fair_id)
    talk = _talk(fair, talk_id)
    slots = services.free_slots(talk)
    form = MoveTalkForm()
    form.set_choices(slots, [format_time_short(slot) for slot in slots])
    status = 200
    if form.validate_on_submit():
        try:
            services.move_talk(talk, form.new_start(), current_user.id)
        except services.TalkError as error:
            form.starts_at.errors = [*form.starts_at.errors, talk_error_message(error)]
            status = 409
        else:
            audit.record("talk_moved", fair=fair.id, talk=talk.id)
            flash(_("The talk has been moved."), "success")
            return redirect(url_for("talk_slots.index", fair_id=fair.id))
    elif form.is_submitted():
        status = 422
    return render_template("printing/talk_move.html", fair=fair, talk=talk, form=form,
                           slots=slots), status


@bp.post("/fairs/<int:fair_id>/talks/<int:talk_id>/cancel")
@roles_required(Role.ORGANISER)
def cancel(fair_id: int, talk_id: int):  # type: ignore[no-untyped-def]
    """Cancel a talk; planning again does not bring it back."""
    fair = _fair(fair_id)
    talk = _talk(fair, talk_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.cancel_talk(talk, current_user.id)
    audit.record("talk_cancelled", fair=fair.id, talk=talk.id)
    flash(_("The talk has been cancelled."), "success")
    return redirect(url_for("talk_slots.index", fair_id=fair.id))
