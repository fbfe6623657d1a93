"""Organiser forms: a fair's details, its registration state, the registrations filter."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DateTimeLocalField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from jobsforyou import codes
from jobsforyou.fairs.models import Fair
from jobsforyou.formfields import MultiCheckboxField, select_choices
from jobsforyou.organisers.fair_admin import FairDetails
from jobsforyou.regions.models import Municipality
from jobsforyou.times import as_utc

MAX_CAPACITY = 5000


class FairForm(FlaskForm):
    """Where and when a fair takes place, how many seekers, its registration window."""

    title = StringField(_l("Title of the fair"), validators=[
        InputRequired(message=_l("Enter the title of the fair.")), Length(max=200)])
    municipality = SelectField(_l("Town or municipality"), coerce=int, validators=[
        InputRequired(message=_l("Choose the town or municipality."))])
    venue = StringField(_l("Venue"), validators=[
        InputRequired(message=_l("Enter the venue.")), Length(max=200)])
    address = StringField(_l("Address"), validators=[
        InputRequired(message=_l("Enter the address of the venue.")), Length(max=300)])
    date = DateField(_l("Date"), validators=[
        InputRequired(message=_l("Enter the date of the fair."))])
    starts_at = TimeField(_l("Opens at"), validators=[
        InputRequired(message=_l("Enter the time when the fair opens."))])
    ends_at = TimeField(_l("Closes at"), validators=[
        InputRequired(message=_l("Enter the time when the fair closes."))])
    registration_opens = DateTimeLocalField(
        _l("Registration opens"), format="%Y-%m-%dT%H:%M",
        validators=[InputRequired(message=_l("Enter when registration opens."))])
    registration_closes = DateTimeLocalField(
        _l("Registration closes"), format="%Y-%m-%dT%H:%M",
        validators=[InputRequired(message=_l("Enter when registration closes."))])
    capacity = IntegerField(_l("Places for job seekers"), validators=[
        InputRequired(message=_l("Enter the number of places.")),
        NumberRange(min=1, max=MAX_CAPACITY, message=_l("Enter a number from 1 to 5000."))])
    interpreter_languages = MultiCheckboxField(_l("Interpreters on site"))
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=4000)])
    directions = TextAreaField(_l("How to get there"), validators=[Optional(), Length(max=2000)])

    def set_choices(self, municipalities: list[Municipality]) -> None:
        """Offer the municipalities of the organiser's scope and the interpreter languages."""
        self.municipality.choices = select_choices((m.id, m.name) for m in municipalities)
        self.interpreter_languages.choices = select_choices(
            codes.language_choices(codes.INTERPRETER_LANGUAGES))

    def fill_from(self, fair: Fair, zone: ZoneInfo) -> None:
        """Show a fair's current details (registration window in local time)."""
        self.title.data, self.municipality.data = fair.title, fair.municipality_id
        self.venue.data, self.address.data = fair.venue, fair.address
        self.date.data, self.starts_at.data, self.ends_at.data = (
            fair.date, fair.starts_at, fair.ends_at)
        self.registration_opens.data = _local_input(fair.registration_opens, zone)
        self.registration_closes.data = _local_input(fair.registration_closes, zone)
        self.capacity.data = fair.capacity
        self.interpreter_languages.data = list(fair.interpreter_languages)
        self.description.data, self.directions.data = fair.description, fair.directions

    def details(self, zone: ZoneInfo) -> FairDetails:
        """The entries as plain values; local times of the window turned into UTC."""
        return FairDetails(
            municipality_id=self.municipality.data,
            title=self.title.data or "",
            venue=self.venue.data or "",
            address=self.address.data or "",
            date=self.date.data,
            starts_at=self.starts_at.data,
            ends_at=self.ends_at.data,
            registration_opens=_utc(self.registration_opens.data, zone),
            registration_closes=_utc(self.registration_closes.data, zone),
            capacity=self.capacity.data,
            interpreter_languages=tuple(self.interpreter_languages.data or ()),
            description=self.description.data or "",
            directions=self.directions.data or "",
        )

    def fair_end(self, zone: ZoneInfo) -> dt.datetime:
        """When the fair ends, in UTC (registration may not close later)."""
        return _utc(dt.datetime.combine(self.date.data, self.ends_at.data), zone)


def _utc(local: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return local.replace(tzinfo=zone).astimezone(dt.UTC)


def _local_input(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return as_utc(moment).astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)


class RegistrationFilterForm(FlaskForm):
    """Search and filters over a fair's registrations (GET, no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name, phone number or ticket code"), validators=[Length(max=100)])
    language = SelectField(_l("Language"), validators=[Optional()])
    german_level = SelectField(_l("German level"), validators=[Optional()])
    occupation = StringField(_l("Occupation"), validators=[Length(max=100)])
    interpreter = SelectField(_l("Interpreter"), validators=[Optional()])
    childcare = SelectField(_l("Childcare"), validators=[Optional()])
    checked_in = SelectField(_l("Checked in"), validators=[Optional()])
    status = SelectField(_l("Status"), validators=[Optional()])
    channel = SelectField(_l("Where they registered"), validators=[Optional()])

    def set_choices(self) -> None:
        """The choices of every filter, 'all' first."""
        every = [("", _l("All"))]
        self.language.choices = select_choices(
            every + codes.language_choices(codes.SPOKEN_LANGUAGES))
        self.german_level.choices = select_choices(every + [
            (level, codes.german_level_label(level))
            for level in (*codes.GERMAN_LEVELS, codes.GERMAN_LEVEL_UNKNOWN)])
        self.interpreter.choices = select_choices(every + [
            ("yes", _l("Needs an interpreter")), ("no", _l("Needs no interpreter"))])
        self.childcare.choices = select_choices(every + [
            ("yes", _l("Needs childcare")), ("no", _l("Needs no childcare"))])
        self.checked_in.choices = select_choices(every + [
            ("yes", _l("Checked in")), ("no", _l("Not checked in yet"))])
        self.status.choices = select_choices(every + [
            ("confirmed", _l("Confirmed")), ("waitlisted", _l("Waiting list")),
            ("withdrawn", _l("Withdrawn"))])
        self.channel.choices = select_choices(every + [
            ("desk", _l("Registered at the desk")), ("online", _l("Registered online"))])
