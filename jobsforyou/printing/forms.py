"""Organiser forms of printing: pin, remove or restore a pair on the match overview, pin another
seeker, and start a batch print job of a fair."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, SubmitField
from wtforms.validators import AnyOf, InputRequired, NumberRange

from jobsforyou.employers.models import Employer
from jobsforyou.formfields import select_choices
from jobsforyou.printing.models import PrintJobKind
from jobsforyou.registration.models import Registration

PIN, REMOVE, RESTORE = "pin", "remove", "restore"
NO_CHOICE = 0


class PairDecisionForm(FlaskForm):
    """The buttons beside a pair (the pressed button's value is the action)."""

    action = StringField(validators=[InputRequired(), AnyOf((PIN, REMOVE, RESTORE))])


class PinSeekerForm(FlaskForm):
    """Pin a registered seeker of the fair to an employer, suggested by the matching or not."""

    employer_id = SelectField(
        _l("Employer"), coerce=int, default=NO_CHOICE,
        validators=[NumberRange(min=1, message=_l("Choose the employer."))],
    )
    registration_id = SelectField(
        _l("Person"), coerce=int, default=NO_CHOICE,
        validators=[NumberRange(min=1, message=_l("Choose the person to pin to the employer."))],
    )

    def set_choices(self, employers: Iterable[Employer], seekers: Iterable[Registration]) -> None:
        """The fair's employers and confirmed seekers as choices, each after an empty choice."""
        self.employer_id.choices = select_choices(
            [(NO_CHOICE, _l("Choose an employer")), *((e.id, e.name) for e in employers)]
        )
        self.registration_id.choices = select_choices(
            [(NO_CHOICE, _l("Choose a person")),
             *((s.id, f"{s.family_name}, {s.given_name}") for s in seekers)]
        )


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
