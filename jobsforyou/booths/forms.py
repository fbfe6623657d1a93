"""The employer's booth request form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange

from jobsforyou import codes
from jobsforyou.formfields import MultiCheckboxField, select_choices


class BoothRequestForm(FlaskForm):
    """Staff, languages at the booth, needs and remarks."""

    staff_count = IntegerField(
        _l("People at your booth"),
        default=2,
        validators=[
            InputRequired(message=_l("Enter how many people will be at your booth.")),
            NumberRange(min=1, max=20, message=_l("Enter a number from 1 to 20.")),
        ],
    )
    languages = MultiCheckboxField(_l("Languages spoken at your booth"))
    needs_power = BooleanField(_l("We need a power socket"))
    remarks = TextAreaField(_l("Remarks for the organisers"), validators=[Length(max=1000)])

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.languages.choices = select_choices(codes.language_choices(codes.SPOKEN_LANGUAGES))


class ConfirmForm(FlaskForm):
    """A button that only needs the CSRF token (cancel, remove)."""
