"""Organisers' forms for talk slots: the schedule, and the new time of a talk."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, IntegerField, SelectField, StringField, TimeField
from wtforms.validators import InputRequired, Length, NumberRange, ValidationError

from jobsforyou.formfields import select_choices
from jobsforyou.talks.allocation import (
    MAX_SLOT_MINUTES,
    MIN_SLOT_MINUTES,
    Break,
    SlotPlan,
    parse_break,
)
from jobsforyou.talks.models import TalkSchedule


def _breaks(text: str) -> tuple[Break, ...]:
    return tuple(parse_break(part) for part in text.replace(";", ",").split(",") if part.strip())


class ScheduleForm(FlaskForm):
    """Slot length, first and last time of the talks, and breaks (local times)."""

    slot_minutes = IntegerField(_l("Length of a talk in minutes"), validators=[
        InputRequired(message=_l("Enter the length of a talk in minutes.")),
        NumberRange(min=MIN_SLOT_MINUTES, max=MAX_SLOT_MINUTES,
                    message=_l("Enter a number from 5 to 120."))])
    starts_at = TimeField(_l("First talk at"), validators=[
        InputRequired(message=_l("Enter when the first talk starts."))])
    ends_at = TimeField(_l("Last talk ends at"), validators=[
        InputRequired(message=_l("Enter when the last talk ends."))])
    breaks = StringField(_l("Breaks"), validators=[Length(max=300)])

    def validate_breaks(self, field: Field) -> None:
        """Each break as two times with a dash, breaks separated by commas."""
        try:
            _breaks(field.data or "")
        except ValueError as error:
            raise ValidationError(
                _l("Write each break as two times with a dash, for example 12:00-12:30, "
                   "and separate breaks with commas.")) from error

    def fill_from(self, schedule: TalkSchedule) -> None:
        """Show the stored schedule."""
        self.slot_minutes.data = schedule.slot_minutes
        self.starts_at.data, self.ends_at.data = schedule.starts_at, schedule.ends_at
        self.breaks.data = ", ".join(f"{start}-{end}" for start, end in schedule.breaks)

    def slot_plan(self) -> SlotPlan:
        """The entries as plain settings."""
        return SlotPlan(self.slot_minutes.data, self.starts_at.data, self.ends_at.data,
                        _breaks(self.breaks.data or ""))


class MoveTalkForm(FlaskForm):
    """The free slot a talk moves to."""

    starts_at = SelectField(_l("New time"), validators=[
        InputRequired(message=_l("Choose the new time of the talk."))])

    def set_choices(self, slots: list[dt.time], labels: list[str]) -> None:
        """Offer the free slots (values as HH:MM, labels in the reader's locale)."""
        self.starts_at.choices = select_choices(
            (slot.strftime("%H:%M"), label) for slot, label in zip(slots, labels, strict=True))

    def new_start(self) -> dt.time:
        """The chosen slot's start."""
        return dt.time.fromisoformat(self.starts_at.data)
