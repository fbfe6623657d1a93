"""Pages behind the secret links of the follow-up: an employer's answers, an invited visitor.

The paths end in "/r/<token>" so that the log redaction of personal links
(jobsforyou/log_redaction.py) keeps these tokens out of every log line as well.
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, g, render_template, request, url_for
from flask_babel import get_locale

from jobsforyou import audit
from jobsforyou.fairs import services as fair_services
from jobsforyou.followup import reinvitation, services
from jobsforyou.followup.forms import answer_form, field_name, short_name
from jobsforyou.headers import no_store
from jobsforyou.registration.capacity import places_left
from jobsforyou.registration.forms import (
    RegistrationForm,
    fill_place_choices,
    form_data_from_registration,
)

bp = Blueprint("follow_up", __name__, url_prefix="/follow-up")
bp.after_request(no_store)
invitation_bp = Blueprint("reinvitation", __name__, url_prefix="/invitations")
invitation_bp.after_request(no_store)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _link_state(state: str, status: int = 200):  # type: ignore[no-untyped-def]
    """The page for a link that is unknown, expired or used, or the thanks after answering."""
    return render_template("followup/link_state.html", state=state), status


@bp.route("/r/<token>", methods=["GET", "POST"])
def answer(token: str):  # type: ignore[no-untyped-def]
    """The employer's page: the candidates they talked to, and what became of each talk."""
    now = _now()
    follow_up = services.request_by_token(token)
    if follow_up is None:
        return _link_state("unknown", 404)
    contact = services.employer_contact(follow_up.employer)
    if contact is not None:
        g.locale_hint = contact.language  # the language the mail was written in
    try:
        services.check_usable(follow_up, now)
    except services.LinkExpired:
        return _link_state("expired")
    except services.AlreadyAnswered:
        return _link_state("answered")
    outcomes = services.talked_outcomes(follow_up.fair_id, follow_up.employer_id)
    form = answer_form(outcomes, submitted=request.method == "POST")
    if form.validate_on_submit():
        stored = services.record_answers(follow_up, form.answers(outcomes), now)
        audit.record("follow_up_answered", follow_up=follow_up.id, fair=follow_up.fair_id,
                     employer=follow_up.employer_id, talks=stored)
        return _link_state("thanks")
    rows = [(outcome, form[field_name(outcome)], short_name(outcome)) for outcome in outcomes]
    return render_template("followup/answer.html", follow_up=follow_up, form=form, rows=rows), (
        422 if request.method == "POST" else 200)


@invitation_bp.get("/r/<token>")
def accept(token: str):  # type: ignore[no-untyped-def]
    """An invited visitor's registration form for the new fair, filled in from the kept profile.

    The consents are asked anew (no box is ticked); the form is sent to the fair's own
    registration, which decides as for everyone else.
    """
    try:
        invitation = reinvitation.invitation_for_token(token, _now())
    except reinvitation.InvitationUnknown:
        return render_template("followup/invitation_state.html", state="unknown"), 404
    except reinvitation.InvitationExpired:
        return render_template("followup/invitation_state.html", state="expired")
    except reinvitation.AlreadyRegistered:
        return render_template("followup/invitation_state.html", state="registered")
    old = invitation.registration
    g.locale_hint = old.language
    try:
        fair = fair_services.public_fair(invitation.fair_id)
    except fair_services.FairNotFound:
        abort(404)
    if not fair_services.registration_is_open(fair, _now()):
        return render_template("registration/closed.html", fair=fair)
    form = RegistrationForm(formdata=None, data=form_data_from_registration(old))
    fill_place_choices(form)
    form.submission_nonce()
    audit.record("invitation_opened", invitation=invitation.id, fair=fair.id,
                 registration=old.id, language=str(get_locale()))
    return render_template("registration/form.html", form=form, fair=fair, busy=False,
                           places_left=places_left(fair),
                           action=url_for("registration.register", fair_id=fair.id))
