"""Outcome forms: a status with a note, a scanned ticket code."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, NumberRange

from jobsforyou.formfields import select_choices
from jobsforyou.outcomes.messages import STATUS_LABELS
from jobsforyou.outcomes.models import OutcomeStatus
from jobsforyou.outcomes.services import OutcomeInput

MAX_ID = 2**31 - 1


class OutcomeForm(FlaskForm):
    """What came of the talk: a status and a short note."""

    status = SelectField(
        _l("Outcome"),
        choices=select_choices((status.value, label) for status, label in STATUS_LABELS.items()),
        validators=[InputRequired(message=_l("Choose an outcome."))],
    )
    note = StringField(_l("Note (optional)"), validators=[Length(
        max=300, message=_l("Please keep the note to 300 characters."))])
    save = SubmitField(_l("Save outcome"))

    def values(self) -> OutcomeInput:
        """The form as plain values for the service."""
        return OutcomeInput(OutcomeStatus(self.status.data), self.note.data or "")


class BoothOutcomeForm(OutcomeForm):
    """An outcome at the booth, about one of the employer's jobs or none in particular."""

    vacancy = SelectField(_l("Job"), coerce=int, default=0, validate_choice=False,
                          validators=[NumberRange(min=0, max=MAX_ID)])


class StaffOutcomeForm(BoothOutcomeForm):
    """An outcome that organisers record for an employer at their fair."""

    employer = SelectField(_l("Employer"), coerce=int, validate_choice=False,
                           validators=[NumberRange(min=1, max=MAX_ID,
                                                   message=_l("Choose the employer."))])


class TicketForm(FlaskForm):
    """A scanner's input or a typed ticket code."""

    code = StringField(_l("Ticket code or QR code"), validators=[
        InputRequired(message=_l("Scan the ticket or type its code.")), Length(max=100)])
    find = SubmitField(_l("Find"))
