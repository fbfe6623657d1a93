"""Job-seeker registration for a fair: the form, the duplicate check, the waiting list."""

from __future__ import annotations

import datetime as dt

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _

from jobsforyou.extensions import limiter
from jobsforyou.fairs import services as fair_services
from jobsforyou.fairs.models import Fair
from jobsforyou.headers import no_store
from jobsforyou.limits import configured_limit
from jobsforyou.registration import kiosk, services
from jobsforyou.registration.capacity import places_left
from jobsforyou.registration.forms import (
    LostLinkForm,
    RegistrationForm,
    fill_place_choices,
    profile_from_form,
)
from jobsforyou.registration.models import Registration
from jobsforyou.registration.notifications import (
    notify_link_again,
    notify_promoted,
    notify_registered,
    personal_link,
)
from jobsforyou.registration.phones import normalize_phone
from jobsforyou.security import keyed_token

bp = Blueprint("registration", __name__)
bp.after_request(no_store)


def _counted_attempt(response: Response) -> bool:
    """Every registration attempt counts towards the limits: new, duplicate, or refused.

    Forms sent back with errors and the same form sent again (double tap) do not.
    """
    return bool(g.get("registration_attempt"))


def _fair_key() -> str:
    return f"fair:{request.view_args.get('fair_id') if request.view_args else ''}"


def _phone_key() -> str:
    return f"phone:{normalize_phone(request.form.get('phone', '')) or ''}"


def _email_key() -> str:
    return f"email:{request.form.get('email', '').strip().casefold()}"


def _without_phone() -> bool:
    return not normalize_phone(request.form.get("phone", "") or "")


def _without_email() -> bool:
    return not request.form.get("email", "").strip()


def _registration_limits(view):  # type: ignore[no-untyped-def]
    """Per address (high: a venue's Wi-Fi is shared), per fair, and per phone and e-mail."""
    limits = [
        limiter.limit(configured_limit("REGISTRATION_RATE_LIMIT"), methods=["POST"],
                      deduct_when=_counted_attempt),
        limiter.limit(configured_limit("REGISTRATION_FAIR_RATE_LIMIT"), methods=["POST"],
                      key_func=_fair_key, deduct_when=_counted_attempt),
        limiter.limit(configured_limit("REGISTRATION_CONTACT_RATE_LIMIT"), methods=["POST"],
                      key_func=_phone_key, exempt_when=_without_phone,
                      deduct_when=_counted_attempt),
        limiter.limit(configured_limit("REGISTRATION_CONTACT_RATE_LIMIT"), methods=["POST"],
                      key_func=_email_key, exempt_when=_without_email,
                      deduct_when=_counted_attempt),
    ]
    for limit in limits:
        view = limit(view)
    return view


@bp.route("/fairs/<int:fair_id>/register", methods=["GET", "POST"])
@_registration_limits
def register(fair_id: int):  # type: ignore[no-untyped-def]
    """The registration form; the same answer whether the phone or e-mail is known or new."""
    try:
        fair = fair_services.public_fair(fair_id)
    except fair_services.FairNotFound:
        abort(404)
    now = dt.datetime.now(dt.UTC)
    if not fair_services.registration_is_open(fair, now):
        return render_template("registration/closed.html", fair=fair)
    kiosk.start_if_asked()
    form = RegistrationForm()
    fill_place_choices(form)
    nonce = form.submission_nonce()
    busy = False
    if form.validate_on_submit():
        g.registration_attempt = True
        try:
            result = services.register_seeker(
                fair,
                profile_from_form(form),
                form.consents(),
                language=str(get_locale()),
                consent_text_version=current_app.config["CONSENT_TEXT_VERSION"],
                now=now,
                token=keyed_token(str(current_app.secret_key),
                                  f"registration:{fair.id}:{nonce}"),
            )
        except services.DuplicateRegistration as error:
            _tell_registered_contact(error.existing, now)
            return _answer_known_contact(fair, form)
        except services.RegistrationClosed:
            return render_template("registration/closed.html", fair=fair)
        except services.RegistrationBusy:
            current_app.logger.warning("Registration for fair %s timed out on the lock", fair.id)
            busy = True
        else:
            if result.repeated:
                g.registration_attempt = False  # a double tap: the first sending counted
            else:
                _announce(result)
            return _answer_registered(fair, form, result)
    return _form_page(fair, form, busy=busy)


def _form_page(fair: Fair, form: RegistrationForm, busy: bool = False):  # type: ignore[no-untyped-def]
    return render_template("registration/form.html", form=form, fair=fair, busy=busy,
                           places_left=places_left(fair)), 503 if busy else 200


def _announce(result: services.RegistrationResult) -> None:
    """Send the new registration its link (mail or SMS), and tell those who moved up."""
    notify_registered(result.registration, result.token)
    for promoted in result.promoted:
        notify_promoted(promoted)


def _answer_registered(fair: Fair, form: RegistrationForm,
                       result: services.RegistrationResult):  # type: ignore[no-untyped-def]
    """With an e-mail address: the page that says the link was sent (as for a known contact);
    with a phone number only: the new personal page (there is no other way to give the link)."""
    if form.email.data:
        return _answer_sent(fair, form)
    if kiosk.is_active():  # shown once, in this answer: nothing to go back to afterwards
        return render_template("registration/kiosk_ticket.html", fair=fair,
                               registration=result.registration,
                               link=personal_link(result.token),
                               qr=kiosk.ticket_qr_data_uri(result.registration.ticket_code),
                               next_visitor=kiosk.NextVisitorForm())
    if result.waitlisted:
        flash(_("The fair is fully booked. You are on the waiting list. This page will show "
                "when you have a place."), "warning")
    else:
        flash(_("You are registered. Keep your personal link and your ticket."), "success")
    return redirect(url_for("personal.page", token=result.token))


def _answer_sent(fair: Fair, form: RegistrationForm):  # type: ignore[no-untyped-def]
    """The one answer for a form with an e-mail address, known or new: look in your mail."""
    return render_template("registration/sent.html", fair=fair, email=form.email.data,
                           next_visitor=kiosk.NextVisitorForm() if kiosk.is_active() else None)


def _answer_known_contact(fair: Fair, form: RegistrationForm):  # type: ignore[no-untyped-def]
    """A phone number or e-mail address that is registered already: the registration is kept
    as it is; with an e-mail address the answer is the same as for a new registration."""
    if form.email.data:
        return _answer_sent(fair, form)
    return render_template(
        "registration/already_registered.html", fair=fair,
        next_visitor=kiosk.NextVisitorForm() if kiosk.is_active() else None,
    ), 409


def _tell_registered_contact(existing: Registration, now: dt.datetime) -> None:
    """The registered seeker learns (by mail or SMS, with a further link) that the form came
    again."""
    reachable = existing.email or existing.phone_normalized
    token = services.resend_link(existing, now) if reachable else None
    if token is not None:
        notify_link_again(existing, token, form_sent_again=True)


@bp.post("/fairs/<int:fair_id>/register/next-visitor")
def next_visitor(fair_id: int):  # type: ignore[no-untyped-def]
    """Kiosk: forget the visitor who just registered and open an empty form."""
    if kiosk.NextVisitorForm().validate_on_submit():
        kiosk.forget_visitor()
    return redirect(url_for("registration.register", fair_id=fair_id))


@bp.route("/fairs/<int:fair_id>/lost-link", methods=["GET", "POST"])
@limiter.limit(configured_limit("LOST_LINK_RATE_LIMIT"), methods=["POST"])
@limiter.limit(configured_limit("REGISTRATION_CONTACT_RATE_LIMIT"), methods=["POST"],
               key_func=_email_key, exempt_when=_without_email)
@limiter.limit(configured_limit("REGISTRATION_CONTACT_RATE_LIMIT"), methods=["POST"],
               key_func=_phone_key, exempt_when=_without_phone)
def lost_link(fair_id: int):  # type: ignore[no-untyped-def]
    """Send the personal link again: to the e-mail address of a registration, or by SMS to the
    phone number of one without an address; the same answer for contacts that are not
    registered."""
    try:
        fair = fair_services.public_fair(fair_id)
    except fair_services.FairNotFound:
        abort(404)
    form = LostLinkForm()
    if form.validate_on_submit():
        email = (form.email.data or "").strip()
        phone = None if email else (form.phone.data or "").strip()
        found = services.link_again(fair.id, dt.datetime.now(dt.UTC), email=email or None,
                                    phone=phone)
        if found is not None:
            notify_link_again(*found, form_sent_again=False)
        return render_template("registration/lost_link.html", fair=fair, form=form,
                               sent_to=email or None, sent_to_phone=phone)
    return render_template("registration/lost_link.html", fair=fair, form=form)
