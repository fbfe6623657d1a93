"""Business-development screens: import with preview, exports, templates and API tokens."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.extensions import db
from jobsforyou.headers import attachment
from jobsforyou.imports import exporting, services, storage
from jobsforyou.imports.columns import COLUMNS
from jobsforyou.imports.forms import ApiTokenForm, ConfirmForm, UploadForm
from jobsforyou.imports.models import ApiToken, ImportUpload
from jobsforyou.imports.report import ImportReport
from jobsforyou.scoping import scope_for, scoped

bp = Blueprint("imports", __name__, url_prefix="/imports")
staff_only = roles_required(Role.BUSINESS_DEVELOPMENT)
KIND = "<any(csv, xlsx):kind>"
PREVIEW_ROWS = 1000
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _download(content: bytes, filename: str, kind: str) -> Response:
    return attachment(content, filename, exporting.MIMETYPES[kind])


def _region_id() -> int:
    try:
        return storage.import_region_id(current_user.region_id)
    except storage.UnknownRegion:
        abort(404)


def _upload(upload_id: str) -> ImportUpload:
    upload = db.session.scalar(scoped(
        select(ImportUpload).where(ImportUpload.id == upload_id), scope_for(current_user)
    ))
    if upload is None:
        abort(404)
    return upload


def _plan(upload: ImportUpload) -> ImportReport:
    return services.plan_file(upload.filename, upload.content, upload.region_id)


@bp.route("/vacancies", methods=["GET", "POST"])
@staff_only
def upload():  # type: ignore[no-untyped-def]
    """Choose a file; it is kept and previewed before anything is written."""
    form = UploadForm()
    if form.validate_on_submit():
        content = form.file.data.read()
        limit = int(current_app.config.get("IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))
        if len(content) > limit:
            form.file.errors = [_("The file is too large: at most %(megabytes)s MB.",
                                  megabytes=limit // (1024 * 1024))]
        else:
            stored = storage.store_upload(current_user.id, _region_id(),
                                          form.file.data.filename or "upload.csv", content,
                                          dt.datetime.now(dt.UTC))
            return redirect(url_for("imports.preview", upload_id=stored.id))
    return render_template("imports/upload.html", form=form, columns=COLUMNS)


@bp.get("/vacancies/<upload_id>")
@staff_only
def preview(upload_id: str):  # type: ignore[no-untyped-def]
    """What importing the file would do, row by row, with every error."""
    stored = _upload(upload_id)
    report = _plan(stored)
    return render_template("imports/preview.html", upload=stored, report=report,
                           form=ConfirmForm(), shown_rows=report.rows[:PREVIEW_ROWS])


@bp.post("/vacancies/<upload_id>/confirm")
@staff_only
def confirm(upload_id: str):  # type: ignore[no-untyped-def]
    """Import the valid rows of the previewed file, then delete the file."""
    stored = _upload(upload_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    report = _plan(stored)
    if report.file_errors:
        flash(_("The file cannot be imported. Please correct it and upload it again."), "error")
        return redirect(url_for("imports.preview", upload_id=upload_id))
    services.apply_report(report, stored.region_id)
    storage.delete_upload(stored)
    counts = report.counts
    flash(_("Import finished: %(new)s new, %(update)s updated, %(unchanged)s unchanged, "
            "%(error)s with errors.", **counts), "success")
    return redirect(url_for("imports.upload"))


@bp.post("/vacancies/<upload_id>/discard")
@staff_only
def discard(upload_id: str):  # type: ignore[no-untyped-def]
    """Forget an uploaded file without importing it."""
    stored = _upload(upload_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    storage.delete_upload(stored)
    flash(_("The file has been discarded."), "success")
    return redirect(url_for("imports.upload"))


@bp.get(f"/vacancies/<upload_id>/errors.{KIND}")
@staff_only
def rejected_rows(upload_id: str, kind: str):  # type: ignore[no-untyped-def]
    """The rows with errors, with the original columns and an error column, to correct."""
    stored = _upload(upload_id)
    report = _plan(stored)
    content = exporting.rejected_rows(report.headers, report.error_rows, _("Errors"), kind)
    return _download(content, f"fehler.{kind}", kind)


@bp.get(f"/template.{KIND}")
@staff_only
def template(kind: str):  # type: ignore[no-untyped-def]
    """An empty file with the column headers."""
    return _download(exporting.template(kind), f"stellen-vorlage.{kind}", kind)


@bp.get(f"/exports/vacancies.{KIND}")
@staff_only
def export_vacancies(kind: str):  # type: ignore[no-untyped-def]
    """The county's vacancies in the import layout."""
    content = exporting.vacancy_export(scope_for(current_user), _region_id(), kind)
    return _download(content, f"stellen.{kind}", kind)


@bp.get(f"/exports/employers.{KIND}")
@staff_only
def export_employers(kind: str):  # type: ignore[no-untyped-def]
    """The county's employers."""
    content = exporting.employer_export(scope_for(current_user), _region_id(), kind)
    return _download(content, f"arbeitgeber.{kind}", kind)


@bp.route("/api-tokens", methods=["GET", "POST"])
@staff_only
def api_tokens():  # type: ignore[no-untyped-def]
    """Tokens with which other systems push vacancies; a new token is shown once."""
    form = ApiTokenForm()
    secret = None
    if form.validate_on_submit():
        _token, secret = storage.create_api_token(_region_id(), form.name.data or "",
                                                  current_user.id)
        form = ApiTokenForm(formdata=None)
    tokens = db.session.scalars(scoped(
        select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc()),
        scope_for(current_user),
    ))
    response = Response(render_template("imports/api_tokens.html", form=form, secret=secret,
                                        tokens=list(tokens), revoke_form=ConfirmForm()))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/api-tokens/<int(max=2147483647):token_id>/revoke")
@staff_only
def revoke_api_token(token_id: int):  # type: ignore[no-untyped-def]
    """Stop a token from working."""
    token = db.session.scalar(scoped(
        select(ApiToken).where(ApiToken.id == token_id), scope_for(current_user)
    ))
    if token is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    storage.revoke_api_token(token, dt.datetime.now(dt.UTC))
    flash(_("The token has been revoked."), "success")
    return redirect(url_for("imports.api_tokens"))
