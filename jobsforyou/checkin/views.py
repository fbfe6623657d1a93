"""The check-in desk: scan or type a ticket, search a name, live counts, fair-day codes."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from jobsforyou import audit
from jobsforyou.checkin import codes, messages, services
from jobsforyou.checkin.forms import ButtonForm, FairDayCodeForm, ScanForm, SearchForm
from jobsforyou.extensions import limiter, login_manager
from jobsforyou.limits import CHECKIN_CODE_LIMIT
from jobsforyou.scoping import Scope, scope_for

bp = Blueprint("checkin", __name__)
CODE_SESSION_KEY = "checkin_code_id"
bp.add_app_template_filter(services.local_time, "checkin_time")


def desk_scope() -> Scope | None:
    """The scope of a signed-in user, else of a still valid fair-day code session, else None."""
    if current_user.is_authenticated:
        return scope_for(current_user)
    code_id = session.get(CODE_SESSION_KEY)
    if isinstance(code_id, int):
        scope = codes.code_scope(code_id)
        if scope is not None:
            return scope
        session.pop(CODE_SESSION_KEY, None)
    return None


def desk_audit(event: str, **details: object) -> None:
    """An audit line; a fair-day code session is named by its code's id."""
    if not current_user.is_authenticated and CODE_SESSION_KEY in session:
        details["fair_day_code"] = session[CODE_SESSION_KEY]
    audit.record(event, **details)


def _scope_at_desk(fair_id: int) -> Scope:
    scope = desk_scope()
    if scope is None:
        abort(login_manager.unauthorized())
    try:
        services.desk_fair(scope, fair_id)
    except services.NotAtThisDesk:
        abort(404)
    return scope


def _desk_page(scope: Scope, fair_id: int, *, result: services.CheckInResult | None = None,
               error: services.CheckInError | None = None, scan: ScanForm | None = None,
               status: int = 200) -> tuple[str, int]:
    search_form = SearchForm(formdata=request.args)
    search_form.validate()
    query = search_form.query()
    found = services.search(scope, fair_id, query)
    if query:
        desk_audit("checkin_search", fair=fair_id, registrations=[r.id for r in found])
    if result is not None:
        desk_audit("checked_in", registration=result.registration.id, already=result.already)
    return render_template(
        "checkin/desk.html", fair=services.desk_fair(scope, fair_id),
        scan=scan or ScanForm(formdata=None), search=search_form, query=query,
        found=found, button=ButtonForm(),
        result=result, result_text=messages.result_message(result) if result else None,
        error_text=messages.error_message(error) if error else None,
        counts=services.counts(scope, fair_id), may_undo=services.may_undo(scope),
    ), status


@bp.get("/fairs/<int:fair_id>/check-in")
def desk(fair_id: int):  # type: ignore[no-untyped-def]
    """The desk page of a fair."""
    return _desk_page(_scope_at_desk(fair_id), fair_id)


@bp.post("/fairs/<int:fair_id>/check-in")
def scan(fair_id: int):  # type: ignore[no-untyped-def]
    """Check in the ticket that was scanned or typed."""
    scope = _scope_at_desk(fair_id)
    form = ScanForm()
    if not form.validate():
        return _desk_page(scope, fair_id, scan=form, status=422)
    try:
        result = services.check_in(scope, fair_id, form.ticket())
    except services.CheckInError as error:
        return _desk_page(scope, fair_id, error=error, status=messages.error_status(error))
    return _desk_page(scope, fair_id, result=result)


@bp.post("/fairs/<int:fair_id>/check-in/<int:registration_id>")
def check_in_person(fair_id: int, registration_id: int):  # type: ignore[no-untyped-def]
    """Check in a visitor found by the name search."""
    scope = _scope_at_desk(fair_id)
    if not ButtonForm().validate():
        abort(400)
    try:
        result = services.check_in_registration(scope, fair_id, registration_id)
    except services.CheckInError as error:
        return _desk_page(scope, fair_id, error=error, status=messages.error_status(error))
    return _desk_page(scope, fair_id, result=result)


@bp.post("/fairs/<int:fair_id>/check-in/<int:registration_id>/undo")
def undo(fair_id: int, registration_id: int):  # type: ignore[no-untyped-def]
    """Take back a mistaken check-in (organisers only)."""
    scope = _scope_at_desk(fair_id)
    if not services.may_undo(scope):
        abort(403)
    if not ButtonForm().validate():
        abort(400)
    try:
        registration = services.undo_check_in(scope, fair_id, registration_id)
    except services.CheckInError as error:
        return _desk_page(scope, fair_id, error=error, status=messages.error_status(error))
    desk_audit("check_in_undone", registration=registration.id)
    flash(_("The check-in of %(name)s was undone.",
            name=f"{registration.given_name} {registration.family_name}"), "success")
    return redirect(url_for("checkin.desk", fair_id=fair_id))


@bp.get("/fairs/<int:fair_id>/check-in/counts")
def desk_counts(fair_id: int) -> Response:
    """The live counts as JSON, polled by the desk page's script."""
    counts = services.counts(_scope_at_desk(fair_id), fair_id)
    return jsonify(registered=counts.registered, checked_in=counts.checked_in,
                   waitlisted=counts.waitlisted, walk_ins=counts.walk_ins)


def _managing_scope(fair_id: int) -> Scope:
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    scope = scope_for(current_user)
    try:
        codes.managed_fair(scope, fair_id)
    except codes.NotManaged:
        abort(404)
    return scope


@bp.route("/fairs/<int:fair_id>/check-in/codes", methods=["GET", "POST"])
def fair_day_codes(fair_id: int):  # type: ignore[no-untyped-def]
    """The fair's fair-day codes; POST creates one and shows it once."""
    scope = _managing_scope(fair_id)
    form = ButtonForm()
    new_code = None
    if form.validate_on_submit():
        _code, new_code = codes.create_code(scope, fair_id)
    return render_template(
        "checkin/codes.html", fair=codes.managed_fair(scope, fair_id), form=form,
        codes=codes.codes_of(scope, fair_id), new_code=new_code,
        fair_today=services.fair_today(),
    )


@bp.post("/fairs/<int:fair_id>/check-in/codes/<int:code_id>/revoke")
def revoke_fair_day_code(fair_id: int, code_id: int):  # type: ignore[no-untyped-def]
    """Revoke a fair-day code: the helpers using it lose access at once."""
    scope = _managing_scope(fair_id)
    if not ButtonForm().validate():
        abort(400)
    try:
        codes.revoke_code(scope, fair_id, code_id)
    except codes.InvalidCode:
        abort(404)
    flash(_("The code was revoked."), "success")
    return redirect(url_for("checkin.fair_day_codes", fair_id=fair_id))


@bp.route("/check-in/code", methods=["GET", "POST"])
@limiter.limit(CHECKIN_CODE_LIMIT, methods=["POST"])
def enter_code():  # type: ignore[no-untyped-def]
    """Enter a fair-day code: opens the desk of its fair for this browser, today only."""
    form = FairDayCodeForm()
    error_text = None
    if form.validate_on_submit():
        try:
            code = codes.redeem(form.entered())
        except codes.CodeError as error:
            error_text = messages.code_error_message(error)
        else:
            session[CODE_SESSION_KEY] = code.id
            return redirect(url_for("checkin.desk", fair_id=code.fair_id))
    status = 422 if form.errors or error_text else 200
    return render_template("checkin/code.html", form=form, error_text=error_text), status
