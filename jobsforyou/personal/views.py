"""The seeker's personal pages behind the secret link: status, ticket, suggestions, own data."""

from __future__ import annotations

import datetime as dt
import io
import json

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

from jobsforyou.headers import attachment, no_store
from jobsforyou.i18n import keep_language
from jobsforyou.matchmaking.services import vacancies_for_registration
from jobsforyou.registration import services
from jobsforyou.registration.forms import (
    ConsentForm,
    DeleteRegistrationForm,
    ProfileForm,
    fill_place_choices,
    form_data_from_registration,
    profile_from_form,
)
from jobsforyou.registration.models import ConsentPurpose, Registration
from jobsforyou.registration.notifications import notify_promoted, personal_link
from jobsforyou.registration.tickets import ticket_qr_code

bp = Blueprint("personal", __name__, url_prefix="/r/<token>")
bp.after_request(no_store)


def _load(token: str) -> Registration:
    registration = services.registration_for_token(token)
    if registration is None:
        abort(404)
    g.locale_hint = registration.language
    return registration


@bp.get("")
def page(token: str):  # type: ignore[no-untyped-def]
    """The seeker's own page: status, ticket, link, and what they can do."""
    registration = _load(token)
    suggestions = vacancies_for_registration(
        registration, str(get_locale()), current_app.config["MATCHES_PER_SEEKER"]
    )
    return render_template("personal/page.html", registration=registration, token=token,
                           link=personal_link(token), suggestions=suggestions,
                           ConsentPurpose=ConsentPurpose)


@bp.get("/qr.svg")
def ticket_qr(token: str):  # type: ignore[no-untyped-def]
    """The ticket's QR code (it holds the ticket code, not the personal secret)."""
    registration = _load(token)
    buffer = io.BytesIO()
    ticket_qr_code(registration.ticket_code).save(
        buffer, kind="svg", scale=6, border=2, xmldecl=False
    )
    return Response(buffer.getvalue(), mimetype="image/svg+xml")


@bp.get("/ticket")
def ticket(token: str):  # type: ignore[no-untyped-def]
    """A printable ticket with the QR code."""
    registration = _load(token)
    return render_template("personal/ticket.html", registration=registration, token=token,
                           link=personal_link(token))


@bp.route("/edit", methods=["GET", "POST"])
def edit(token: str):  # type: ignore[no-untyped-def]
    """Edit the profile; entries are kept when something needs correcting."""
    registration = _load(token)
    form = ProfileForm(
        data=None if request.method == "POST" else form_data_from_registration(registration)
    )
    fill_place_choices(form)
    if form.validate_on_submit():
        try:
            services.update_profile(registration, profile_from_form(form))
        except services.DuplicateRegistration:
            form.email.errors = [_("This phone number or e-mail address is already used by "
                                   "another registration for this fair.")]
        else:
            flash(_("Your changes have been saved."), "success")
            return redirect(url_for("personal.page", token=token))
    return render_template("personal/edit.html", form=form, registration=registration,
                           token=token)


@bp.get("/export.json")
def export(token: str):  # type: ignore[no-untyped-def]
    """Download everything stored about the seeker as JSON."""
    registration = _load(token)
    body = json.dumps(services.export_registration(registration), ensure_ascii=False, indent=2)
    return attachment(body, "jobsforyou-registration.json", "application/json")


@bp.route("/consents", methods=["GET", "POST"])
def consents(token: str):  # type: ignore[no-untyped-def]
    """Give or withdraw the optional consents."""
    registration = _load(token)
    form = ConsentForm() if request.method == "POST" else ConsentForm.for_registration(registration)
    if form.validate_on_submit():
        services.set_optional_consents(
            registration,
            form.optional_consents(),
            current_app.config["CONSENT_TEXT_VERSION"],
            dt.datetime.now(dt.UTC),
            language=str(get_locale()),
        )
        flash(_("Your consents have been updated."), "success")
        return redirect(url_for("personal.page", token=token))
    return render_template("personal/consents.html", form=form, registration=registration,
                           token=token)


@bp.route("/delete", methods=["GET", "POST"])
def delete(token: str):  # type: ignore[no-untyped-def]
    """Delete the registration and all data after a confirmation."""
    registration = _load(token)
    form = DeleteRegistrationForm()
    status = 200
    if form.validate_on_submit():
        fair_id = registration.fair_id
        try:
            promoted = services.delete_registration(registration)
        except services.RegistrationBusy:
            flash(_("Many people are registering at this moment. Please try again."), "warning")
            status = 503
        else:
            for moved_up in promoted:
                notify_promoted(moved_up)
            flash(_("Your registration and all your data have been deleted."), "success")
            keep_language()  # the public page that follows speaks the seeker's language too
            return redirect(url_for("fairs.detail", fair_id=fair_id))
    return render_template("personal/delete.html", form=form, registration=registration,
                           token=token), status
