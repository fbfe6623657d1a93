"""The form that starts a batch print job of a fair."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField
from wtforms.validators import InputRequired

from jobsforyou.formfields import select_choices
from jobsforyou.printing.models import PrintJobKind

# the choice's value -> what the job prints and in which layout
BATCH_CHOICES: dict[str, tuple[PrintJobKind, str]] = {
    "route_cards_a6": (PrintJobKind.ROUTE_CARDS, "a6"),
    "route_cards_a4": (PrintJobKind.ROUTE_CARDS, "a4"),
    "match_lists": (PrintJobKind.MATCH_LISTS, ""),
}


class BatchForm(FlaskForm):
    """Which batch PDF to make."""

    document = RadioField(
        _l("Documents"),
        choices=select_choices([
            ("route_cards_a6", _l("All route cards (A6, four to an A4 sheet for cutting)")),
            ("route_cards_a4", _l("All route cards (one to an A4 page)")),
            ("match_lists", _l("All employers' match lists")),
        ]),
        default="route_cards_a6",
        validators=[InputRequired(message=_l("Choose what to print."))],
    )
    start = SubmitField(_l("Start making the PDF"))

    def values(self) -> tuple[PrintJobKind, str]:
        """The chosen kind of document and its layout."""
        return BATCH_CHOICES[self.document.data]
