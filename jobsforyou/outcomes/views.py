"""Outcome pages: per candidate, at the booth by the seeker's ticket, and the organiser's table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from jobsforyou import audit
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths.attendance import attended_fair_ids, attending_employers
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.formfields import select_choices
from jobsforyou.headers import attachment
from jobsforyou.imports.exporting import MIMETYPES
from jobsforyou.outcomes import services
from jobsforyou.outcomes.exporting import outcome_export
from jobsforyou.outcomes.forms import BoothOutcomeForm, OutcomeForm, StaffOutcomeForm, TicketForm
from jobsforyou.outcomes.messages import (
    FOLLOW_UP_LABELS,
    STATUS_LABELS,
    error_status,
    outcome_error_message,
)
from jobsforyou.outcomes.models import NO_VACANCY
from jobsforyou.registration.models import Registration
from jobsforyou.scoping import SYSTEM, scope_for, scoped
from jobsforyou.times import site_zone
from jobsforyou.vacancies.models import Vacancy, VacancyStatus

bp = Blueprint("outcomes", __name__)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _own_employer() -> Employer:
    """The signed-in employer user's company (admins have none here: 403)."""
    if current_user.employer_id is None:
        abort(403)
    employer = db.session.scalar(scoped(
        select(Employer).where(Employer.id == current_user.employer_id), scope_for(current_user)))
    if employer is None:
        abort(404)
    return employer


def _visible_registration(registration_id: int, **conditions: Any) -> Registration:
    registration = db.session.scalar(scoped(
        select(Registration).where(Registration.id == registration_id).filter_by(**conditions),
        scope_for(current_user),
    ))
    if registration is None:
        abort(404)
    return registration


def _open_vacancies(employer_ids: list[int]) -> list[Vacancy]:
    return list(db.session.scalars(scoped(
        select(Vacancy).where(Vacancy.employer_id.in_(employer_ids),
                              Vacancy.status == VacancyStatus.OPEN)
        .order_by(Vacancy.title, Vacancy.id),
        SYSTEM,  # the employers were checked: their own, or attending the organiser's fair
    )))


def _chosen_vacancy(vacancy_id: int, employer: Employer) -> Vacancy | None:
    if not vacancy_id:
        return None
    vacancy = db.session.scalar(scoped(  # checked against the employer right below
        select(Vacancy).where(Vacancy.id == vacancy_id), SYSTEM))
    if vacancy is None or vacancy.employer_id != employer.id:
        abort(404)
    return vacancy


def _record(form: OutcomeForm, registration: Registration, employer: Employer,
            vacancy: Vacancy | None) -> str | None:
    """Record the form's outcome; the error message if it was refused (None: saved)."""
    try:
        outcome = services.record_outcome(registration, employer, vacancy, form.values(),
                                          current_user.id, _now())
    except services.OutcomeError as error:
        return outcome_error_message(error)
    audit.record("outcome_recorded", registration=registration.id, employer=employer.id,
                 outcome=outcome.id)
    flash(_("Saved: %(status)s.", status=STATUS_LABELS[outcome.status]), "success")
    return None


@bp.app_template_global("candidate_outcomes")
def candidate_outcomes(vacancy: Vacancy, registrations: list[Registration]) -> dict[int, Any]:
    """Registration id → (form, current outcome) for the candidate list of a vacancy."""
    if current_user.role not in (Role.EMPLOYER, Role.ADMIN):
        return {}
    current = services.employer_outcomes(scope_for(current_user), vacancy.employer_id,
                                         [r.id for r in registrations])
    panels = {}
    for registration in registrations:
        outcome = current.get((registration.id, vacancy.id))
        form = OutcomeForm(prefix=f"r{registration.id}", formdata=None,
                           status=outcome.status.value if outcome else None,
                           note=outcome.note if outcome else "")
        panels[registration.id] = (form, outcome)
    return panels


@bp.post("/vacancies/<int:vacancy_id>/candidates/<int:registration_id>/outcome")
@roles_required(Role.EMPLOYER)
def record_for_candidate(vacancy_id: int, registration_id: int):  # type: ignore[no-untyped-def]
    """Record the outcome with one candidate of the vacancy's list."""
    scope = scope_for(current_user)
    vacancy = db.session.scalar(scoped(select(Vacancy).where(Vacancy.id == vacancy_id), scope))
    if vacancy is None:
        abort(404)
    registration = _visible_registration(registration_id)
    if not services.visible_to_employer(registration.id, vacancy.employer_id):
        abort(404)
    form = OutcomeForm(prefix=f"r{registration.id}")
    if not form.validate_on_submit():
        abort(400)
    problem = _record(form, registration, vacancy.employer, vacancy)
    if problem:
        flash(problem, "error")
    return redirect(url_for("matchmaking.vacancy_candidates", vacancy_id=vacancy.id,
                            _anchor=f"candidate-{registration.id}"))


def _booth_form(employer_ids: list[int], with_employer: bool = False) -> BoothOutcomeForm:
    form = StaffOutcomeForm() if with_employer else BoothOutcomeForm()
    vacancies = _open_vacancies(employer_ids)
    form.vacancy.choices = select_choices(
        [(NO_VACANCY, _("No particular job"))]
        + [(v.id, f"{v.employer.name}: {v.title}" if with_employer else v.title)
           for v in vacancies])
    return form


@bp.route("/booth/outcome", methods=["GET", "POST"])
@roles_required(Role.EMPLOYER)
def booth_scan():  # type: ignore[no-untyped-def]
    """At the booth: scan the seeker's ticket, see who it is, record the outcome."""
    employer = _own_employer()
    ticket = TicketForm()
    registration, status = None, 200
    if ticket.validate_on_submit():
        fair_ids = list(db.session.scalars(scoped(attended_fair_ids(employer.id), SYSTEM)))  # own
        try:
            registration = services.seeker_by_ticket(ticket.code.data, fair_ids, employer.id)
        except services.OutcomeError as error:
            ticket.code.errors = [outcome_error_message(error)]
            status = error_status(error)
    return _booth_page(employer, ticket, registration, None), status


def _booth_page(employer: Employer, ticket: TicketForm, registration: Registration | None,
                form: BoothOutcomeForm | None) -> str:
    current: list[Any] = []
    if registration is not None:
        form = form or _booth_form([employer.id])
        current = sorted(services.employer_outcomes(scope_for(current_user), employer.id,
                                                    [registration.id]).values(),
                         key=lambda o: o.vacancy_key)
    return render_template("outcomes/booth.html", ticket=ticket, registration=registration,
                           form=form, current=current)


@bp.post("/booth/outcome/<int:registration_id>")
@roles_required(Role.EMPLOYER)
def booth_record(registration_id: int):  # type: ignore[no-untyped-def]
    """Record an outcome at the booth for a seeker in the employer's scope."""
    employer = _own_employer()
    registration = _visible_registration(registration_id)
    form = _booth_form([employer.id])
    if form.validate_on_submit():
        problem = _record(form, registration, employer, _chosen_vacancy(form.vacancy.data,
                                                                        employer))
        if problem is None:
            return redirect(url_for("outcomes.booth_scan"))
        form.status.errors = [problem]
    return _booth_page(employer, TicketForm(formdata=None), registration, form), 422


def _fair(fair_id: int) -> Fair:
    fair = services.fair_in_scope(scope_for(current_user), fair_id)
    if fair is None:
        abort(404)
    return fair


zone = site_zone  # the time zone in which staff read times


@bp.get("/organiser/fairs/<int:fair_id>/outcomes")
@roles_required(Role.ORGANISER)
def fair_outcomes(fair_id: int):  # type: ignore[no-untyped-def]
    """The fair's outcomes, with counts per status."""
    fair = _fair(fair_id)
    scope = scope_for(current_user)
    return render_template("outcomes/fair.html", fair=fair,
                           outcomes=services.outcomes_for_fair(scope, fair.id),
                           counts=services.outcome_counts(scope, fair.id),
                           labels=STATUS_LABELS, follow_up_labels=FOLLOW_UP_LABELS)


@bp.get("/organiser/fairs/<int:fair_id>/outcomes.<any(csv, xlsx):kind>")
@roles_required(Role.ORGANISER)
def fair_export(fair_id: int, kind: str):  # type: ignore[no-untyped-def]
    """The fair's outcomes as a formula-safe CSV or XLSX file."""
    fair = _fair(fair_id)
    outcomes = services.outcomes_for_fair(scope_for(current_user), fair.id)
    audit.record("outcomes_exported", fair=fair.id,
                 registrations=sorted({o.registration_id for o in outcomes}), file=kind)
    return attachment(outcome_export(outcomes, kind, zone()), f"outcomes-fair-{fair.id}.{kind}",
                      MIMETYPES[kind])


def _staff_form(fair: Fair) -> StaffOutcomeForm:
    employers = attending_employers(fair)
    form = _booth_form([e.id for e in employers], with_employer=True)
    assert isinstance(form, StaffOutcomeForm)
    form.employer.choices = select_choices(
        [(0, _("Choose the employer"))] + [(e.id, e.name) for e in employers])
    return form


def _staff_page(fair: Fair, ticket: TicketForm, registration: Registration | None,
                form: StaffOutcomeForm | None) -> str:
    if registration is not None:
        form = form or _staff_form(fair)
    return render_template("outcomes/staff_scan.html", fair=fair, ticket=ticket,
                           registration=registration, form=form)


@bp.route("/organiser/fairs/<int:fair_id>/outcomes/scan", methods=["GET", "POST"])
@roles_required(Role.ORGANISER)
def fair_scan(fair_id: int):  # type: ignore[no-untyped-def]
    """For an employer: find the seeker by ticket, then record the employer's outcome."""
    fair = _fair(fair_id)
    ticket = TicketForm()
    registration, status = None, 200
    if ticket.validate_on_submit():
        try:
            registration = services.seeker_by_ticket(ticket.code.data, [fair.id], None)
        except services.OutcomeError as error:
            ticket.code.errors = [outcome_error_message(error)]
            status = error_status(error)
    return _staff_page(fair, ticket, registration, None), status


@bp.post("/organiser/fairs/<int:fair_id>/outcomes/<int:registration_id>")
@roles_required(Role.ORGANISER)
def fair_record(fair_id: int, registration_id: int):  # type: ignore[no-untyped-def]
    """Record an outcome for an employer attending the fair."""
    fair = _fair(fair_id)
    registration = _visible_registration(registration_id, fair_id=fair.id)
    form = _staff_form(fair)
    if form.validate_on_submit():
        employer = next((e for e in attending_employers(fair) if e.id == form.employer.data),
                        None)
        if employer is None:
            form.employer.errors = [_("Choose an employer who holds a booth at this fair.")]
        else:
            problem = _record(form, registration, employer,
                              _chosen_vacancy(form.vacancy.data, employer))
            if problem is None:
                return redirect(url_for("outcomes.fair_outcomes", fair_id=fair.id))
            form.status.errors = [problem]
    return _staff_page(fair, TicketForm(formdata=None), registration, form), 422


@bp.app_template_filter("outcome_label")
def outcome_label(status: Any) -> str:
    """The translated name of an outcome status."""
    return str(STATUS_LABELS[status])
