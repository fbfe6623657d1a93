"""Vacancies for employer users (their own) and business-development staff (the county's)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.codes import EMPLOYMENT_TYPES
from jobsforyou.employers import services as employer_services
from jobsforyou.formfields import select_choices
from jobsforyou.occupations import services as occupations
from jobsforyou.regions.services import municipalities_for_choice
from jobsforyou.scoping import scope_for
from jobsforyou.vacancies import services
from jobsforyou.vacancies.forms import (
    VacancyForm,
    VacancyStatusForm,
    details_from_form,
    form_data_from_vacancy,
    german_requirement_label,
    status_label,
)
from jobsforyou.vacancies.models import Vacancy, VacancyStatus

bp = Blueprint("vacancies", __name__, url_prefix="/vacancies")

MANAGERS = (Role.EMPLOYER, Role.BUSINESS_DEVELOPMENT)


MAX_ID = 2**31 - 1  # database ids are 32-bit integers


def _id_arg(name: str) -> int | None:
    """An id from the query string; None when absent or not a number, 0 (finds nothing) when
    the number is too large to be an id."""
    value = request.args.get(name, type=int)
    if value is None:
        return None
    return value if 0 <= value <= MAX_ID else 0


def _load(vacancy_id: int) -> Vacancy:
    try:
        return services.vacancy_in_scope(scope_for(current_user), vacancy_id)
    except services.VacancyNotFound:
        abort(404)


def _fill_occupation_choices(
    form: VacancyForm, stored_id: str | None
) -> list[occupations.OccupationSuggestion]:
    """Offer the occupations the title suggests (and the stored one); return the suggestions."""
    language = str(get_locale())
    suggestions = occupations.resolve_title(form.title.data or "", language)
    choices = [(s.id, _("%(name)s (KldB %(code)s)", name=s.label, code=s.code))
               for s in suggestions]
    for wanted in {stored_id, form.occupation.data} - {None, ""}:
        label = occupations.occupation_label(wanted, language)
        if label and wanted not in {s.id for s in suggestions}:
            choices.append((wanted, _("%(name)s (KldB %(code)s)", name=label,
                                      code=occupations.occupation_code(wanted))))
    empty = _("No occupation chosen") if choices else _("Enter the job title first")
    form.occupation.choices = select_choices([("", empty), *choices])
    return suggestions


def _fill_choices(form: VacancyForm) -> None:
    form.municipality.choices = select_choices(
        [(0, _("Not in the list"))] + [(m.id, m.name) for m in municipalities_for_choice()]
    )


@bp.get("")
@roles_required(*MANAGERS)
def index():  # type: ignore[no-untyped-def]
    """The vacancies the user may manage, optionally of one employer."""
    employer_id = _id_arg("employer")
    vacancies = services.vacancies_in_scope(scope_for(current_user), employer_id=employer_id)
    return render_template("vacancies/index.html", vacancies=vacancies, status_label=status_label)


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*MANAGERS)
def create():  # type: ignore[no-untyped-def]
    """Enter a vacancy; staff choose the employer, employer users write for their own."""
    scope = scope_for(current_user)
    form = VacancyForm(data=None if request.method == "POST"
                       else {"employer": _id_arg("employer") or 0})
    _fill_choices(form)
    if current_user.role == Role.EMPLOYER:
        del form.employer
    else:
        form.employer.choices = select_choices(
            [(0, _("Choose the employer"))]
            + [(e.id, e.name) for e in employer_services.employers_in_scope(scope)]
        )
    _fill_occupation_choices(form, None)
    if form.validate_on_submit():
        employer_id = current_user.employer_id if form.employer is None else form.employer.data
        try:
            employer = employer_services.employer_in_scope(scope, employer_id or 0)
        except employer_services.EmployerNotFound:
            if form.employer is None:
                abort(403)
            form.employer.errors = [_("Choose the employer.")]
        else:
            vacancy = services.create_vacancy(employer, details_from_form(form))
            if vacancy.occupation_id is None:
                flash(_("The vacancy has been saved. Please choose the occupation that fits "
                        "the title."), "success")
                return redirect(url_for("vacancies.edit", vacancy_id=vacancy.id))
            flash(_("The vacancy has been saved."), "success")
            return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=None)


@bp.get("/<int:vacancy_id>")
@roles_required(*MANAGERS)
def detail(vacancy_id: int):  # type: ignore[no-untyped-def]
    """A vacancy with its status actions."""
    vacancy = _load(vacancy_id)
    return render_template(
        "vacancies/detail.html", vacancy=vacancy, status_label=status_label,
        german_requirement_label=german_requirement_label, statuses=list(VacancyStatus),
        occupation=occupations.occupation_label(vacancy.occupation_id, str(get_locale())),
        occupation_code=occupations.occupation_code(vacancy.occupation_id),
    )


@bp.route("/<int:vacancy_id>/edit", methods=["GET", "POST"])
@roles_required(*MANAGERS)
def edit(vacancy_id: int):  # type: ignore[no-untyped-def]
    """Edit a vacancy; the occupation list follows the saved title."""
    vacancy = _load(vacancy_id)
    form = VacancyForm(data=None if request.method == "POST" else form_data_from_vacancy(vacancy))
    del form.employer
    _fill_choices(form)
    suggestions = _fill_occupation_choices(form, vacancy.occupation_id)
    if request.method == "GET" and not vacancy.occupation_id and suggestions:
        form.occupation.data = suggestions[0].id
    if form.validate_on_submit():
        services.update_vacancy(vacancy, details_from_form(form))
        flash(_("Your changes have been saved."), "success")
        return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=vacancy)


@bp.post("/<int:vacancy_id>/status")
@roles_required(*MANAGERS)
def change_status(vacancy_id: int):  # type: ignore[no-untyped-def]
    """Open, close, mark as filled or return to draft."""
    vacancy = _load(vacancy_id)
    form = VacancyStatusForm()
    if form.validate_on_submit():
        services.set_status(vacancy, VacancyStatus(form.status.data))
        flash(_("The status is now: %(status)s.", status=status_label(vacancy.status)), "success")
    return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))


@bp.app_template_global("employment_label")
def employment_label(employment_type: str) -> str:
    """The translated name of a kind of employment."""
    return str(EMPLOYMENT_TYPES.get(employment_type, employment_type))


bp.add_app_template_global(german_requirement_label, "german_requirement_label")
