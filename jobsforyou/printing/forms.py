"""Organiser forms on the match overview: pin, remove or restore a pair; pin another seeker."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import AnyOf, InputRequired, NumberRange

from jobsforyou.formfields import select_choices
from jobsforyou.registration.models import Registration

PIN, REMOVE, RESTORE = "pin", "remove", "restore"
NO_CHOICE = 0


class PairDecisionForm(FlaskForm):
    """The buttons beside a pair (the pressed button's value is the action)."""

    action = StringField(validators=[InputRequired(), AnyOf((PIN, REMOVE, RESTORE))])


class PinSeekerForm(FlaskForm):
    """Pin a registered seeker of the fair to an employer, suggested by the matching or not."""

    registration_id = SelectField(
        _l("Person to pin"), coerce=int, default=NO_CHOICE,
        validators=[NumberRange(min=1, message=_l("Choose the person to pin to this employer."))],
    )

    def set_seekers(self, seekers: Iterable[Registration]) -> None:
        """The fair's confirmed seekers as choices, after an empty first choice."""
        self.registration_id.choices = select_choices(
            [(NO_CHOICE, _l("Choose a person")),
             *((s.id, f"{s.family_name}, {s.given_name}") for s in seekers)]
        )
