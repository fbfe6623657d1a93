"""The public list of a fair's vacancies, for job seekers in their language."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_babel import get_locale

from jobsforyou.booths.attendance import open_vacancies_at_fair
from jobsforyou.fairs import services as fair_services
from jobsforyou.occupations.services import occupation_label
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
    return render_template(
        "vacancies/fair_vacancies.html", fair=fair, vacancies=vacancies,
        occupation_names={v.id: occupation_label(v.occupation_id, language) for v in vacancies},
        german_requirement_label=german_requirement_label,
    )
