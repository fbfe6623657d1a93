"""The public list of a fair's vacancies, for job seekers in their language."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_babel import get_locale

from jobsforyou.booths.attendance import booth_numbers, open_vacancies_at_fair
from jobsforyou.fairs import services as fair_services
from jobsforyou.occupations.services import occupation_label
from jobsforyou.public import job_listing
from jobsforyou.vacancies.forms import german_requirement_label

bp = Blueprint("fair_vacancies", __name__)


@bp.get("/fairs/<int:fair_id>/vacancies")
def fair_vacancies(fair_id: int):  # type: ignore[no-untyped-def]
    """Open vacancies of the employers attending a fair (German texts, names of occupations
    in the reader's language)."""
    try:
        fair = fair_services.public_fair(fair_id)
    except fair_services.FairNotFound:
        abort(404)
    language = str(get_locale())
    vacancies = open_vacancies_at_fair(fair)
    names = {v.id: occupation_label(v.occupation_id, language) for v in vacancies}
    occupations, kinds = job_listing.occupation_choices(names), job_listing.kinds_of_work(vacancies)
    occupation = request.args.get("occupation", "")
    kind = request.args.get("kind", "")
    occupation = occupation if occupation in occupations else ""
    kind = kind if kind in kinds else ""
    groups = job_listing.group_jobs(vacancies, names, booth_numbers(fair.id), occupation, kind)
    return render_template(
        "vacancies/fair_vacancies.html", fair=fair, total=len(vacancies), groups=groups,
        shown=sum(len(group.vacancies) for group in groups), occupation_names=names,
        occupations=occupations, kinds=kinds, chosen_occupation=occupation, chosen_kind=kind,
        german_requirement_label=german_requirement_label,
    )
