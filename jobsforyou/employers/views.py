"""Employer profiles: employer users see and edit their own; county staff manage all."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.employers import services
from jobsforyou.employers.forms import EMPLOYER_SIZES, EmployerForm, profile_from_form
from jobsforyou.employers.models import Employer
from jobsforyou.formfields import select_choices
from jobsforyou.regions.services import municipalities_for_choice
from jobsforyou.scoping import scope_for

bp = Blueprint("employers", __name__, url_prefix="/employers")

MANAGERS = (Role.EMPLOYER, Role.BUSINESS_DEVELOPMENT)


def _fill_choices(form: EmployerForm) -> None:
    form.municipality.choices = select_choices(
        [(0, _("Not in the list"))] + [(m.id, m.name) for m in municipalities_for_choice()]
    )


def _load(employer_id: int) -> Employer:
    try:
        return services.employer_in_scope(scope_for(current_user), employer_id)
    except services.EmployerNotFound:
        abort(404)


@bp.get("")
@roles_required(Role.BUSINESS_DEVELOPMENT)
def index():  # type: ignore[no-untyped-def]
    """All employers of the county, searchable by name, sector or contact."""
    search = request.args.get("q", "")[:100]
    employers = services.employers_in_scope(scope_for(current_user), search)
    return render_template("employers/index.html", employers=employers, search=search)


@bp.get("/mine")
@roles_required(Role.EMPLOYER)
def mine():  # type: ignore[no-untyped-def]
    """An employer user's own company profile."""
    if current_user.employer_id is None:
        return redirect(url_for("employers.index"))
    return redirect(url_for("employers.detail", employer_id=current_user.employer_id))


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.BUSINESS_DEVELOPMENT)
def create():  # type: ignore[no-untyped-def]
    """Business-development staff enter an employer."""
    if current_user.region_id is None:
        abort(403)
    form = EmployerForm()
    _fill_choices(form)
    if form.validate_on_submit():
        employer = services.create_employer(current_user.region_id, profile_from_form(form))
        flash(_("The employer has been saved."), "success")
        return redirect(url_for("employers.detail", employer_id=employer.id))
    return render_template("employers/form.html", form=form, employer=None)


@bp.get("/<int:employer_id>")
@roles_required(*MANAGERS)
def detail(employer_id: int):  # type: ignore[no-untyped-def]
    """An employer's profile."""
    return render_template("employers/detail.html", employer=_load(employer_id))


@bp.route("/<int:employer_id>/edit", methods=["GET", "POST"])
@roles_required(*MANAGERS)
def edit(employer_id: int):  # type: ignore[no-untyped-def]
    """Edit an employer's profile."""
    employer = _load(employer_id)
    form = EmployerForm(data=None if request.method == "POST" else services.profile_of(employer))
    _fill_choices(form)
    if form.validate_on_submit():
        services.update_employer(employer, profile_from_form(form))
        flash(_("Your changes have been saved."), "success")
        return redirect(url_for("employers.detail", employer_id=employer.id))
    return render_template("employers/form.html", form=form, employer=employer)


@bp.app_template_global("size_label")
def size_label(size: str) -> str:
    """The translated size class of an employer."""
    return str(EMPLOYER_SIZES.get(size, size))
