"""Organiser forms: a booth of the plan, a decision on a booth request."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from jobsforyou.booths.choices import BOOTH_KIND_LABELS
from jobsforyou.booths.models import BoothKind
from jobsforyou.formfields import select_choices
from jobsforyou.organisers.services import Decision

MAX_ID = 2**31 - 1  # database ids are 32-bit integers; larger numbers cannot name a booth


class BoothForm(FlaskForm):
    """A booth to add to the plan."""

    number = IntegerField(
        _l("Booth number"),
        validators=[InputRequired(message=_l("Enter the booth number.")),
                    NumberRange(min=1, max=999, message=_l("Enter a number from 1 to 999."))],
    )
    kind = SelectField(
        _l("Kind of booth"),
        choices=select_choices((kind.value, label) for kind, label in BOOTH_KIND_LABELS.items()),
        default=BoothKind.STANDARD.value,
    )
    size = StringField(_l("Size"), default="3×2 m", validators=[Length(max=40)])
    has_power = BooleanField(_l("Power socket available"))


class DecisionForm(FlaskForm):
    """Approve (with a booth), put on the waiting list, decline (with a reason) or cancel."""

    # The service decides whether the booth is (still) free; a stale choice gets its message.
    booth = SelectField(
        _l("Booth"), coerce=int, default=0, validate_choice=False,
        validators=[NumberRange(min=0, max=MAX_ID, message=_l(
            "This booth is no longer free. Please choose another booth or put the request "
            "on the waiting list."))],
    )
    booths_granted = IntegerField(
        _l("Booths this employer may hold at this fair"),
        default=1,
        validators=[Optional(),
                    NumberRange(min=1, max=5, message=_l("Enter a number from 1 to 5."))],
    )
    reason = TextAreaField(_l("Reason for declining"), validators=[Length(max=1000)])
    approve = SubmitField(_l("Approve and assign the booth"))
    waitlist = SubmitField(_l("Put on the waiting list"))
    decline = SubmitField(_l("Decline"))
    cancel = SubmitField(_l("Cancel the booth"))

    def decision(self) -> Decision | None:
        """The decision of the button that was pressed (None: no known button)."""
        pressed = {Decision.APPROVE: self.approve, Decision.WAITLIST: self.waitlist,
                   Decision.DECLINE: self.decline, Decision.CANCEL: self.cancel}
        return next((decision for decision, button in pressed.items() if button.data), None)

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        """Field checks; declining needs a reason that the employer will read."""
        valid = super().validate(extra_validators)
        if self.decline.data and not (self.reason.data or "").strip():
            self.reason.errors = [*self.reason.errors, str(_l("Tell the employer why."))]
            valid = False
        return valid
