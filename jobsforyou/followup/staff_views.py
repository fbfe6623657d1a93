"""Organiser pages of the follow-up: who answered, reminders, invitations of earlier visitors."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from jobsforyou import audit
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.followup import reinvitation, services
from jobsforyou.followup.forms import InviteVisitorsForm, ReminderForm
from jobsforyou.followup.messages import ANSWER_LABELS
from jobsforyou.followup.notifications import (
    follow_up_mail,
    invitation_link,
    invitation_mail,
    invitation_sms_text,
)
from jobsforyou.followup.sms import send_invitation_sms
from jobsforyou.mail import send_mail
from jobsforyou.organisers import services as organiser_services
from jobsforyou.scoping import scope_for
from jobsforyou.times import site_zone

bp = Blueprint("follow_up_staff", __name__, url_prefix="/organiser/fairs/<int:fair_id>")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _fair(fair_id: int) -> Fair:
    try:
        return organiser_services.fair_of(scope_for(current_user), fair_id)
    except organiser_services.NotInScope:
        abort(404)


@bp.get("/follow-up")
@roles_required(Role.ORGANISER)
def overview(fair_id: int):  # type: ignore[no-untyped-def]
    """Per employer and round: sent, answered, reminded; the answers counted."""
    fair = _fair(fair_id)
    return render_template(
        "followup/overview.html", fair=fair, requests=services.requests_for_fair(fair.id),
        counts=services.follow_up_counts(fair.id), labels=ANSWER_LABELS,
        reminder=ReminderForm(), invited=reinvitation.invitations_for_fair(fair.id),
        now=_now(), zone=site_zone())


@bp.post("/follow-up/<int:request_id>/remind")
@roles_required(Role.ORGANISER)
def remind(fair_id: int, request_id: int):  # type: ignore[no-untyped-def]
    """Send the employer a reminder with a new link (the round must be sent and unanswered)."""
    fair = _fair(fair_id)
    follow_up = services.request_of_fair(fair.id, request_id)
    if follow_up is None:
        abort(404)
    if not ReminderForm().validate_on_submit():
        abort(400)
    contact = services.employer_contact(follow_up.employer)
    if contact is None:
        flash(_("This employer has no contact address. Please add one to its profile."), "error")
        return redirect(url_for("follow_up_staff.overview", fair_id=fair.id))
    try:
        token = services.prepare_reminder(follow_up, _now())
    except services.AlreadyAnswered:
        flash(_("This employer has answered already."), "info")
    except services.NotSentYet:
        flash(_("The first request has not been sent yet."), "error")
    else:
        outgoing = follow_up_mail(follow_up, contact, token, reminder=True)
        send_mail(outgoing.recipient, outgoing.subject, outgoing.body)
        audit.record("follow_up_reminder_sent", fair=fair.id, follow_up=follow_up.id,
                     employer=follow_up.employer_id)
        flash(_("A reminder was sent to %(employer)s.", employer=follow_up.employer.name),
              "success")
    return redirect(url_for("follow_up_staff.overview", fair_id=fair.id))


def _may_invite(fair: Fair) -> bool:
    return fair.status == FairStatus.PUBLISHED and fair.date >= _now().astimezone(
        site_zone()).date()


@bp.route("/invite-visitors", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def invite(fair_id: int):  # type: ignore[no-untyped-def]
    """Invite visitors of earlier fairs who consented to it and live near this fair."""
    fair = _fair(fair_id)
    config = current_app.config
    radius = float(config["REINVITATION_RADIUS_KM"])
    form = InviteVisitorsForm()
    if form.validate_on_submit():
        if not _may_invite(fair):
            flash(_("Visitors can only be invited to a published fair that is still to come."),
                  "error")
            return redirect(url_for("follow_up_staff.invite", fair_id=fair.id))
        made = reinvitation.invite_visitors(fair, current_user.id, _now(), radius,
                                            int(config["REINVITATION_LINK_DAYS"]))
        emails = texts = 0
        for invitation in made:
            seeker = invitation.registration
            link = invitation_link(fair, invitation.token)
            if seeker.email:
                outgoing = invitation_mail(seeker, fair, link)
                send_mail(outgoing.recipient, outgoing.subject, outgoing.body)
                emails += 1
            elif seeker.phone_normalized and send_invitation_sms(
                    str(seeker.phone_normalized), invitation_sms_text(seeker, fair, link)):
                texts += 1
        audit.record("visitors_invited", fair=fair.id,
                     registrations=sorted(i.registration.id for i in made), emails=emails,
                     sms=texts)
        flash(ngettext("%(num)d invitation was sent by e-mail.",
                       "%(num)d invitations were sent by e-mail.", emails), "success")
        flash(ngettext("%(num)d invitation was handed over as a text message.",
                       "%(num)d invitations were handed over as text messages.", texts),
              "success")
        return redirect(url_for("follow_up_staff.invite", fair_id=fair.id))
    waiting = len(reinvitation.invitable_visitors(fair, radius)) if _may_invite(fair) else 0
    return render_template("followup/invite.html", fair=fair, form=form, waiting=waiting,
                           may_invite=_may_invite(fair),
                           invited=reinvitation.invitations_for_fair(fair.id))
