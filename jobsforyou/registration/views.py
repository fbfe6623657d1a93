"""Job-seeker registration and the personal pages reached by the secret link."""

from __future__ import annotations

import datetime as dt
import io
import json

import segno
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
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy.exc import OperationalError

from jobsforyou.extensions import db, limiter
from jobsforyou.fairs import services as fair_services
from jobsforyou.formfields import select_choices
from jobsforyou.matchmaking.services import vacancies_for_registration
from jobsforyou.regions.services import municipalities_for_choice
from jobsforyou.registration import services
from jobsforyou.registration.forms import (
    ConsentForm,
    DeleteRegistrationForm,
    ProfileForm,
    RegistrationForm,
    form_data_from_registration,
    profile_from_form,
)
from jobsforyou.registration.models import ConsentPurpose, Registration
from jobsforyou.registration.notifications import (
    personal_link,
    send_promotion_mail,
    send_registration_mail,
)

bp = Blueprint("registration", __name__)


def _registration_rate_limit() -> str:
    return str(current_app.config["REGISTRATION_RATE_LIMIT"])


def _fill_place_choices(form: ProfileForm) -> None:
    form.municipality.choices = select_choices(
        [(0, _("Not in the list / I don't know"))]
        + [(m.id, m.name) for m in municipalities_for_choice()]
    )


def _only_successful_registrations(response: Response) -> bool:
    """Rate limits count registrations made, not forms sent back with errors."""
    return response.status_code == 302


def _remember_token(fair_id: int, token: str) -> None:
    """Keep this browser's newest personal link per fair, so a second tap finds the first."""
    remembered = dict(session.get("registrations", {}))
    remembered[str(fair_id)] = token
    session["registrations"] = remembered


def _remembered(fair_id: int) -> tuple[Registration, str] | None:
    """The registration (and its token) made for this fair in this browser, if any."""
    token = session.get("registrations", {}).get(str(fair_id))
    registration = services.registration_for_token(token) if token else None
    return (registration, token) if registration is not None else None


@bp.route("/fairs/<int:fair_id>/register", methods=["GET", "POST"])
@limiter.limit(
    _registration_rate_limit, methods=["POST"], deduct_when=_only_successful_registrations
)
def register(fair_id: int):  # type: ignore[no-untyped-def]
    """The registration form; on success the seeker is sent to their personal page."""
    try:
        fair = fair_services.public_fair(fair_id)
    except fair_services.FairNotFound:
        abort(404)
    now = dt.datetime.now(dt.UTC)
    if not fair_services.registration_is_open(fair, now):
        return render_template("registration/closed.html", fair=fair), 200
    form = RegistrationForm()
    _fill_place_choices(form)
    duplicate = None
    busy = False
    if form.validate_on_submit():
        consents = {ConsentPurpose.PROCESSING}
        if form.consent_share.data:
            consents.add(ConsentPurpose.SHARE_WITH_EMPLOYERS)
        if form.consent_keep.data:
            consents.add(ConsentPurpose.KEEP_FOR_LATER_FAIRS)
        try:
            result = services.register_seeker(
                fair,
                profile_from_form(form),
                consents,
                language=str(get_locale()),
                consent_text_version=current_app.config["CONSENT_TEXT_VERSION"],
                now=now,
            )
        except services.DuplicateRegistration as error:
            db.session.rollback()
            remembered = _remembered(fair.id)
            if remembered is not None and remembered[0].id == error.existing.id:
                token = remembered[1]
                flash(
                    _("You are already registered for this fair. This is your registration."),
                    "success",
                )
                return redirect(url_for("registration.personal_page", token=token))
            duplicate = error.existing
        except services.RegistrationClosed:
            db.session.rollback()
            return render_template("registration/closed.html", fair=fair), 200
        except OperationalError:
            # the fair's row stayed locked too long (a rush on the last places): try again
            db.session.rollback()
            current_app.logger.warning("Registration for fair %s timed out on the lock", fair.id)
            busy = True
        else:
            db.session.commit()
            _remember_token(fair.id, result.token)
            send_registration_mail(result.registration, result.token)
            for promoted in result.promoted:
                send_promotion_mail(promoted)
            if result.waitlisted and result.registration.email:
                flash(
                    _(
                        "The fair is fully booked. You are on the waiting list; we will tell you "
                        "if a place becomes free."
                    ),
                    "warning",
                )
            elif result.waitlisted:
                flash(
                    _(
                        "The fair is fully booked. You are on the waiting list. This page will "
                        "show when you have a place."
                    ),
                    "warning",
                )
            else:
                flash(_("You are registered. Keep your personal link and your ticket."), "success")
            return redirect(url_for("registration.personal_page", token=result.token))
    if duplicate is not None and duplicate.email:
        token = services.add_personal_link(duplicate)
        db.session.commit()
        send_registration_mail(duplicate, token)
    status = 409 if duplicate is not None else 503 if busy else 200
    return render_template(
        "registration/form.html",
        form=form,
        fair=fair,
        duplicate=duplicate,
        busy=busy,
        places_left=fair_services.places_left(fair),
    ), status


@bp.after_request
def _keep_out_of_caches(response: Response) -> Response:
    """Pages behind a personal link (and the form) must not be stored by browsers or proxies."""
    response.headers["Cache-Control"] = "no-store"
    return response


def _load(token: str) -> Registration:
    registration = services.registration_for_token(token)
    if registration is None:
        abort(404)
    g.locale_hint = registration.language
    return registration


@bp.get("/r/<token>")
def personal_page(token: str):  # type: ignore[no-untyped-def]
    """The seeker's own page: status, ticket, link, and what they can do."""
    registration = _load(token)
    suggestions = vacancies_for_registration(
        registration, str(get_locale()), current_app.config["MATCHES_PER_SEEKER"]
    )
    return render_template(
        "registration/personal.html",
        registration=registration,
        token=token,
        link=personal_link(token),
        suggestions=suggestions,
        ConsentPurpose=ConsentPurpose,
    )


@bp.get("/r/<token>/qr.svg")
def ticket_qr(token: str):  # type: ignore[no-untyped-def]
    """The ticket's QR code (it holds the ticket code, not the personal secret)."""
    registration = _load(token)
    buffer = io.BytesIO()
    segno.make(f"JFY:{registration.ticket_code}", error="m").save(
        buffer, kind="svg", scale=6, border=2, xmldecl=False
    )
    return Response(buffer.getvalue(), mimetype="image/svg+xml")


@bp.get("/r/<token>/ticket")
def ticket(token: str):  # type: ignore[no-untyped-def]
    """A printable ticket with the QR code."""
    registration = _load(token)
    return render_template(
        "registration/ticket.html",
        registration=registration,
        token=token,
        link=personal_link(token),
    )


@bp.route("/r/<token>/edit", methods=["GET", "POST"])
def edit(token: str):  # type: ignore[no-untyped-def]
    """Edit the profile; entries are kept when something needs correcting."""
    registration = _load(token)
    form = ProfileForm(
        data=None if request.method == "POST" else form_data_from_registration(registration)
    )
    _fill_place_choices(form)
    if form.validate_on_submit():
        try:
            services.update_profile(registration, profile_from_form(form))
        except services.DuplicateRegistration:
            db.session.rollback()
            form.email.errors = [
                _(
                    "This phone number or e-mail address is already used by "
                    "another registration for this fair."
                )
            ]
        else:
            db.session.commit()
            flash(_("Your changes have been saved."), "success")
            return redirect(url_for("registration.personal_page", token=token))
    return render_template(
        "registration/edit.html", form=form, registration=registration, token=token
    )


@bp.get("/r/<token>/export.json")
def export(token: str):  # type: ignore[no-untyped-def]
    """Download everything stored about the seeker as JSON."""
    registration = _load(token)
    body = json.dumps(services.export_registration(registration), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": "attachment; filename=jobsforyou-registration.json"},
    )


@bp.route("/r/<token>/consents", methods=["GET", "POST"])
def consents(token: str):  # type: ignore[no-untyped-def]
    """Give or withdraw the optional consents."""
    registration = _load(token)
    form = ConsentForm(
        data=None
        if request.method == "POST"
        else {
            "consent_share": registration.has_consent(ConsentPurpose.SHARE_WITH_EMPLOYERS),
            "consent_keep": registration.has_consent(ConsentPurpose.KEEP_FOR_LATER_FAIRS),
        }
    )
    if form.validate_on_submit():
        wanted = set()
        if form.consent_share.data:
            wanted.add(ConsentPurpose.SHARE_WITH_EMPLOYERS)
        if form.consent_keep.data:
            wanted.add(ConsentPurpose.KEEP_FOR_LATER_FAIRS)
        services.set_optional_consents(
            registration,
            wanted,
            current_app.config["CONSENT_TEXT_VERSION"],
            dt.datetime.now(dt.UTC),
            language=str(get_locale()),
        )
        db.session.commit()
        flash(_("Your consents have been updated."), "success")
        return redirect(url_for("registration.personal_page", token=token))
    return render_template(
        "registration/consents.html", form=form, registration=registration, token=token
    )


@bp.route("/r/<token>/delete", methods=["GET", "POST"])
def delete(token: str):  # type: ignore[no-untyped-def]
    """Delete the registration and all data after a confirmation."""
    registration = _load(token)
    form = DeleteRegistrationForm()
    if form.validate_on_submit():
        fair_id = registration.fair_id
        promoted = services.delete_registration(registration)
        db.session.commit()
        for moved_up in promoted:
            send_promotion_mail(moved_up)
        flash(_("Your registration and all your data have been deleted."), "success")
        return redirect(url_for("fairs.detail", fair_id=fair_id))
    return render_template(
        "registration/delete.html", form=form, registration=registration, token=token
    )
