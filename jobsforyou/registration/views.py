"""Job-seeker registration for a fair: the form, the duplicate check, the waiting list."""

from __future__ import annotations

import datetime as dt

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _

from jobsforyou.extensions import limiter
from jobsforyou.fairs import services as fair_services
from jobsforyou.fairs.models import Fair
from jobsforyou.headers import no_store
from jobsforyou.limits import configured_limit
from jobsforyou.registration import services
from jobsforyou.registration.capacity import places_left
from jobsforyou.registration.forms import RegistrationForm, fill_place_choices, profile_from_form
from jobsforyou.registration.models import Registration
from jobsforyou.registration.notifications import send_promotion_mail, send_registration_mail

bp = Blueprint("registration", __name__)
bp.after_request(no_store)


def _only_successful_registrations(response: Response) -> bool:
    """Rate limits count registrations made, not forms sent back with errors."""
    return response.status_code == 302


def _remember_token(fair_id: int, token: str) -> None:
    """Keep this browser's newest personal link per fair, so a second tap finds the first."""
    remembered = dict(session.get("registrations", {}))
    remembered[str(fair_id)] = token
    session["registrations"] = remembered


def _remembered_token(fair_id: int, registration: Registration) -> str | None:
    """The personal link this browser keeps for the fair, if it opens this registration."""
    token = session.get("registrations", {}).get(str(fair_id))
    found = services.registration_for_token(token) if token else None
    return token if found is not None and found.id == registration.id else None


@bp.route("/fairs/<int:fair_id>/register", methods=["GET", "POST"])
@limiter.limit(configured_limit("REGISTRATION_RATE_LIMIT"), methods=["POST"],
               deduct_when=_only_successful_registrations)
def register(fair_id: int):  # type: ignore[no-untyped-def]
    """The registration form; on success the seeker is sent to their personal page."""
    try:
        fair = fair_services.public_fair(fair_id)
    except fair_services.FairNotFound:
        abort(404)
    now = dt.datetime.now(dt.UTC)
    if not fair_services.registration_is_open(fair, now):
        return render_template("registration/closed.html", fair=fair)
    form = RegistrationForm()
    fill_place_choices(form)
    busy = False
    if form.validate_on_submit():
        try:
            result = services.register_seeker(
                fair,
                profile_from_form(form),
                form.consents(),
                language=str(get_locale()),
                consent_text_version=current_app.config["CONSENT_TEXT_VERSION"],
                now=now,
            )
        except services.DuplicateRegistration as error:
            return _answer_duplicate(fair, form, error.existing)
        except services.RegistrationClosed:
            return render_template("registration/closed.html", fair=fair)
        except services.RegistrationBusy:
            current_app.logger.warning("Registration for fair %s timed out on the lock", fair.id)
            busy = True
        else:
            return _answer_registered(result)
    return _form_page(fair, form, busy=busy)


def _form_page(fair: Fair, form: RegistrationForm, duplicate: Registration | None = None,
               busy: bool = False):  # type: ignore[no-untyped-def]
    status = 409 if duplicate is not None else 503 if busy else 200
    return render_template("registration/form.html", form=form, fair=fair, duplicate=duplicate,
                           busy=busy, places_left=places_left(fair)), status


def _answer_registered(result: services.RegistrationResult):  # type: ignore[no-untyped-def]
    """Remember the link in this browser, mail it, and open the new personal page."""
    _remember_token(result.registration.fair_id, result.token)
    send_registration_mail(result.registration, result.token)
    for promoted in result.promoted:
        send_promotion_mail(promoted)
    if result.waitlisted and result.registration.email:
        flash(_("The fair is fully booked. You are on the waiting list; we will tell you if a "
                "place becomes free."), "warning")
    elif result.waitlisted:
        flash(_("The fair is fully booked. You are on the waiting list. This page will show "
                "when you have a place."), "warning")
    else:
        flash(_("You are registered. Keep your personal link and your ticket."), "success")
    return redirect(url_for("personal.page", token=result.token))


def _answer_duplicate(fair: Fair, form: RegistrationForm,
                      existing: Registration):  # type: ignore[no-untyped-def]
    """The same phone or e-mail is registered: this browser's own registration opens again;
    otherwise the registered address gets a new link."""
    token = _remembered_token(fair.id, existing)
    if token is not None:
        flash(_("You are already registered for this fair. This is your registration."),
              "success")
        return redirect(url_for("personal.page", token=token))
    if existing.email:
        send_registration_mail(existing, services.add_personal_link(existing))
    return _form_page(fair, form, duplicate=existing)
