"""Statistics pages: per fair (in the fair's console) and across the fairs of the user's scope,
optionally per municipality; every figure as a chart, a table and a CSV/XLSX download."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.fairs.models import Fair
from jobsforyou.headers import attachment
from jobsforyou.i18n import current_language
from jobsforyou.imports.exporting import MIMETYPES
from jobsforyou.regions.models import Municipality
from jobsforyou.scoping import scope_for
from jobsforyou.statistics import figures as stats
from jobsforyou.statistics.charts import bar_chart
from jobsforyou.statistics.exporting import statistics_file
from jobsforyou.times import site_zone

bp = Blueprint("statistics", __name__)


def _today() -> dt.date:
    return dt.datetime.now(site_zone()).date()


def _fair(fair_id: int) -> Fair:
    fair = stats.fair_of(scope_for(current_user), fair_id)
    if fair is None:
        abort(404)
    return fair


def _charts(figures: list[stats.Figure]) -> list[tuple[stats.Figure, object]]:
    rtl = current_language().direction == "rtl"
    return [(figure, bar_chart(figure, rtl)) for figure in figures]


def _selection() -> tuple[list[Fair], list[Municipality], Municipality | None]:
    """The fairs in scope, their municipalities, and the one chosen by ?municipality."""
    all_fairs = stats.fairs_of(scope_for(current_user))
    towns = sorted({fair.municipality for fair in all_fairs}, key=lambda m: m.name)
    chosen_id = request.args.get("municipality", type=int)
    chosen = next((town for town in towns if town.id == chosen_id), None)
    if chosen_id is not None and chosen is None:
        abort(404)
    fairs = [fair for fair in all_fairs if chosen is None or fair.municipality_id == chosen.id]
    return fairs, towns, chosen


@bp.get("/organiser/statistics")
@roles_required(Role.ORGANISER)
def overview():  # type: ignore[no-untyped-def]
    """The figures summed over the fairs of the user's scope (or of one municipality)."""
    fairs, towns, chosen = _selection()
    today = _today()
    return render_template("statistics/overview.html", fairs=fairs, towns=towns, chosen=chosen,
                           summary=stats.per_fair_summary(fairs, today),
                           charts=_charts(stats.figures_for(fairs, today)))


@bp.get("/organiser/statistics/figures.<any(csv, xlsx):kind>")
@roles_required(Role.ORGANISER)
def overview_export(kind: str):  # type: ignore[no-untyped-def]
    """Every figure of every fair in the selection, and their sum, as a file."""
    fairs, _towns, chosen = _selection()
    today = _today()
    sections = [(None, stats.figures_for(fairs, today))]
    sections += [(fair, stats.figures_for([fair], today)) for fair in fairs]
    name = f"statistics-municipality-{chosen.id}" if chosen else "statistics"
    return attachment(statistics_file(sections, kind), f"{name}.{kind}", MIMETYPES[kind])


@bp.get("/organiser/fairs/<int:fair_id>/statistics")
@roles_required(Role.ORGANISER)
def fair_figures(fair_id: int):  # type: ignore[no-untyped-def]
    """The figures of one fair."""
    fair = _fair(fair_id)
    return render_template("statistics/fair.html", fair=fair,
                           charts=_charts(stats.figures_for([fair], _today())))


@bp.get("/organiser/fairs/<int:fair_id>/statistics.<any(csv, xlsx):kind>")
@roles_required(Role.ORGANISER)
def fair_export(fair_id: int, kind: str):  # type: ignore[no-untyped-def]
    """The figures of one fair as a file."""
    fair = _fair(fair_id)
    content = statistics_file([(fair, stats.figures_for([fair], _today()))], kind)
    return attachment(content, f"statistics-fair-{fair.id}.{kind}", MIMETYPES[kind])


@bp.app_template_filter("statistics_value")
def statistics_value(value: stats.Value) -> str:
    """A shown figure in the reader's number format, or "fewer than 5"."""
    return stats.value_text(value)
