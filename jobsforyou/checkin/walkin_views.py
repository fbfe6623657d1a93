"""Register a walk-in at the desk: choose the visitor's language, the form in it, the ticket.

The form and the ticket are shown in the visitor's language (the URL names it), whatever
language the staff use; the staff's own links and messages on those pages stay in the staff's
language.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template
from flask_babel import force_locale
from markupsafe import Markup

from jobsforyou.checkin import services, walkins
from jobsforyou.checkin.views import desk_audit, desk_scope
from jobsforyou.extensions import login_manager
from jobsforyou.fairs.models import Fair
from jobsforyou.headers import no_store
from jobsforyou.i18n import LANGUAGE_CODES, SiteLanguage, current_language
from jobsforyou.registration import kiosk
from jobsforyou.registration import services as registration_services
from jobsforyou.registration.forms import RegistrationForm, fill_place_choices, profile_from_form
from jobsforyou.registration.models import Registration
from jobsforyou.registration.notifications import personal_link, send_registration_mail
from jobsforyou.scoping import Scope
from jobsforyou.security import keyed_token

bp = Blueprint("walk_ins", __name__)
bp.after_request(no_store)  # the ticket page holds the visitor's personal link


def _scope_for_walk_ins(fair_id: int) -> tuple[Scope, Fair]:
    scope = desk_scope()
    if scope is None:
        abort(login_manager.unauthorized())
    try:
        return scope, walkins.walk_in_fair(scope, fair_id)
    except walkins.NoWalkInsHere:
        abort(404)


def _staff_part(staff_language: SiteLanguage, template: str, **context: object) -> Markup:
    """A part of the page for the staff, in the staff's language and marked with it."""
    with force_locale(staff_language.code):
        return Markup(render_template(template, staff_language=staff_language, **context))


@bp.get("/fairs/<int:fair_id>/check-in/walk-in")
def choose_language(fair_id: int):  # type: ignore[no-untyped-def]
    """First step: the visitor's language, each named in itself."""
    _scope, fair = _scope_for_walk_ins(fair_id)
    return render_template("checkin/walk_in_languages.html", fair=fair)


@bp.route("/fairs/<int:fair_id>/check-in/walk-in/<language>", methods=["GET", "POST"])
def register(fair_id: int, language: str):  # type: ignore[no-untyped-def]
    """The registration form in the visitor's language; on success the ticket at once."""
    scope, fair = _scope_for_walk_ins(fair_id)
    if language not in LANGUAGE_CODES:
        abort(404)
    staff_language = current_language()  # before the page switches to the visitor's language
    duplicate: Registration | None = None
    result: registration_services.RegistrationResult | None = None
    busy = False
    with force_locale(language):
        form = RegistrationForm()
        fill_place_choices(form)
        nonce = form.submission_nonce()
        if form.validate_on_submit():
            try:
                result = walkins.register_walk_in(
                    scope, fair.id, profile_from_form(form), form.consents(),
                    language=language,
                    consent_text_version=current_app.config["CONSENT_TEXT_VERSION"],
                    token=keyed_token(str(current_app.secret_key),
                                      f"walk-in:{fair.id}:{nonce}"),
                )
            except registration_services.DuplicateRegistration as error:
                duplicate = error.existing
            except registration_services.RegistrationBusy:
                current_app.logger.warning("Walk-in for fair %s timed out on the lock", fair.id)
                busy = True
            except services.CheckInBusy:
                abort(503)  # rolls the new registration back: nothing half done is kept
    if result is not None:
        return _ticket_page(fair, result, language, staff_language)
    staff = _staff_part(staff_language, "checkin/_walk_in_staff.html", fair=fair,
                        duplicate=duplicate)
    status = 409 if duplicate else 503 if busy else 422 if form.errors else 200
    with force_locale(language):
        return render_template("checkin/walk_in_form.html", fair=fair, form=form, busy=busy,
                               staff=staff, staff_first=duplicate is not None), status


def _ticket_page(fair: Fair, result: registration_services.RegistrationResult,
                 language: str, staff_language: SiteLanguage) -> str:
    """The visitor's ticket, route card and personal link, shown once in this answer."""
    registration = result.registration
    if not result.repeated:
        desk_audit("walk_in_registered", fair=fair.id, registration=registration.id)
        send_registration_mail(registration, result.token)
    staff = _staff_part(staff_language, "checkin/_walk_in_staff.html", fair=fair,
                        registered=True)
    with force_locale(language):
        return render_template(
            "checkin/walk_in_ticket.html", fair=fair, registration=registration,
            link=personal_link(result.token), token=result.token,
            qr=kiosk.ticket_qr_data_uri(registration.ticket_code), staff=staff,
        )
