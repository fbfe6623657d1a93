"""The figures as a formula-safe CSV or XLSX file, in the reader's language, suppressed alike."""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import gettext as _

from jobsforyou.fairs.models import Fair
from jobsforyou.imports.exporting import write_table
from jobsforyou.statistics import labels
from jobsforyou.statistics.figures import Figure


def export_headers() -> list[str]:
    """The column headers in the reader's language."""
    return [_("Fair"), _("Date"), _("Municipality"), _("Figure"), _("Category"), _("Series"),
            _("Number")]


def figure_rows(fair: Fair | None, figures: Sequence[Figure]) -> list[list[object]]:
    """One line per value of every figure; `fair` None: the sum over the fairs in the file."""
    where = ([fair.title, fair.date, fair.municipality.name] if fair is not None
             else [_("All fairs in this selection"), None, None])
    return [
        [*where, figure.title, row.label, series,
         str(labels.FEWER_THAN) if value is None else value]
        for figure in figures
        for row in figure.rows
        for series, value in zip(figure.series, row.values, strict=True)
    ]


def statistics_file(sections: Sequence[tuple[Fair | None, Sequence[Figure]]], kind: str) -> bytes:
    """The file of some sections (a fair, or the sum), cells neutralised against formulas."""
    rows = [line for fair, figures in sections for line in figure_rows(fair, figures)]
    return write_table(export_headers(), rows, kind)
