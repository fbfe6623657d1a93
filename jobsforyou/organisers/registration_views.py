"""Organiser screens: who registered for a fair — search, filters, export, interpreter planning,
and a person's data exported or deleted on their request."""

from __future__ import annotations

import json

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobsforyou import audit
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths.forms import ConfirmForm
from jobsforyou.fairs.models import Fair
from jobsforyou.headers import attachment
from jobsforyou.imports.exporting import MIMETYPES
from jobsforyou.organisers import registrations, services
from jobsforyou.organisers.fair_forms import RegistrationFilterForm
from jobsforyou.organisers.fair_views import zone
from jobsforyou.registration.models import Registration
from jobsforyou.registration.notifications import notify_promoted
from jobsforyou.registration.services import delete_registration, export_registration
from jobsforyou.scoping import scope_for

bp = Blueprint("organiser_registrations", __name__, url_prefix="/organiser")
PAGE_SIZE = 100


def _fair(fair_id: int) -> Fair:
    try:
        return services.fair_of(scope_for(current_user), fair_id)
    except services.NotInScope:
        abort(404)


def _registration(fair: Fair, registration_id: int) -> Registration:
    found = registrations.registration_of(scope_for(current_user), fair, registration_id)
    if found is None:
        abort(404)
    return found


def _filtered(fair: Fair) -> tuple[RegistrationFilterForm, list[Registration]]:
    form = RegistrationFilterForm(request.args)
    form.set_choices()
    form.validate()
    valid = {name: (getattr(form, name).data or "") if not getattr(form, name).errors else ""
             for name in ("q", "language", "german_level", "occupation", "interpreter",
                          "childcare", "checked_in", "status")}
    wanted = registrations.RegistrationFilter(
        query=valid["q"], language=valid["language"], german_level=valid["german_level"],
        occupation=valid["occupation"], interpreter=valid["interpreter"],
        childcare=valid["childcare"], checked_in=valid["checked_in"], status=valid["status"],
    )
    return form, registrations.registrations_of(scope_for(current_user), fair, wanted)


@bp.get("/fairs/<int:fair_id>/registrations")
@roles_required(Role.ORGANISER)
def index(fair_id: int):  # type: ignore[no-untyped-def]
    """The fair's registrations, searchable and filterable, with counts."""
    fair = _fair(fair_id)
    form, found = _filtered(fair)
    page = max(1, request.args.get("page", 1, type=int) or 1)
    shown = found[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    audit.record("registrations_listed", fair=fair.id, registrations=[r.id for r in shown])
    return render_template(
        "organisers/registrations.html", fair=fair, form=form, registrations=shown,
        total=len(found), page=page, pages=max(1, -(-len(found) // PAGE_SIZE)),
        counts=registrations.counts_of(scope_for(current_user), fair),
        query_args={k: v for k, v in request.args.items() if k != "page"},
    )


@bp.get("/fairs/<int:fair_id>/registrations.<any(csv, xlsx):kind>")
@roles_required(Role.ORGANISER)
def export(fair_id: int, kind: str):  # type: ignore[no-untyped-def]
    """The filtered registrations as a formula-safe CSV or XLSX file."""
    fair = _fair(fair_id)
    _, found = _filtered(fair)
    audit.record("registrations_exported", fair=fair.id, registrations=[r.id for r in found],
                 file=kind)
    content = registrations.export(found, kind, zone())
    return attachment(content, f"registrations-fair-{fair.id}.{kind}", MIMETYPES[kind])


@bp.get("/fairs/<int:fair_id>/interpreters")
@roles_required(Role.ORGANISER)
def interpreters(fair_id: int):  # type: ignore[no-untyped-def]
    """Per language: visitors needing an interpreter against interpreters and booth languages."""
    fair = _fair(fair_id)
    return render_template("organisers/interpreters.html", fair=fair,
                           plan=registrations.interpreter_plan(scope_for(current_user), fair))


@bp.get("/fairs/<int:fair_id>/registrations/<int:registration_id>")
@roles_required(Role.ORGANISER)
def person(fair_id: int, registration_id: int):  # type: ignore[no-untyped-def]
    """One person's registration, with their data export and deletion on request."""
    fair = _fair(fair_id)
    registration = _registration(fair, registration_id)
    audit.record("registration_viewed", registration=registration.id)
    return render_template("organisers/person.html", fair=fair, registration=registration,
                           confirm_form=ConfirmForm())


@bp.post("/fairs/<int:fair_id>/registrations/<int:registration_id>/export")
@roles_required(Role.ORGANISER)
def person_export(fair_id: int, registration_id: int):  # type: ignore[no-untyped-def]
    """Everything stored about the person, as JSON, for them (their right of access)."""
    fair = _fair(fair_id)
    registration = _registration(fair, registration_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    audit.record("registration_data_exported", registration=registration.id)
    body = json.dumps(export_registration(registration), ensure_ascii=False, indent=2)
    return attachment(body, f"registration-{registration.id}.json", "application/json")


@bp.post("/fairs/<int:fair_id>/registrations/<int:registration_id>/delete")
@roles_required(Role.ORGANISER)
def person_delete(fair_id: int, registration_id: int):  # type: ignore[no-untyped-def]
    """Delete the person's registration and data on their request."""
    fair = _fair(fair_id)
    registration = _registration(fair, registration_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    audit.record("registration_deleted_on_request", registration=registration.id)
    for moved_up in delete_registration(registration):
        notify_promoted(moved_up)
    flash(_("The registration and all its data have been deleted."), "success")
    return redirect(url_for("organiser_registrations.index", fair_id=fair.id))
