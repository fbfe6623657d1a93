"""The vacancy form and the labels of vacancy choices."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from jobsforyou.codes import (
    DRIVING_LICENCES,
    EMPLOYMENT_TYPES,
    SPOKEN_LANGUAGES,
    language_choices,
)
from jobsforyou.formfields import MultiCheckboxField, select_choices, split_skills
from jobsforyou.vacancies.models import Vacancy, VacancyStatus
from jobsforyou.vacancies.services import GERMAN_LEVELS, VacancyDetails

STATUS_LABELS = {
    VacancyStatus.DRAFT: _l("Draft (not shown to job seekers)"),
    VacancyStatus.OPEN: _l("Open"),
    VacancyStatus.FILLED: _l("Filled"),
    VacancyStatus.CLOSED: _l("Closed"),
}


def status_label(status: VacancyStatus | str) -> str:
    """The translated name of a vacancy status."""
    return str(STATUS_LABELS[VacancyStatus(status)])


def german_requirement_label(level: str | None) -> str:
    """The translated minimum German level of a vacancy."""
    if not level:
        return str(_l("Not stated"))
    if level == "none":
        return str(_l("No German needed"))
    return level


class VacancyForm(FlaskForm):
    """A vacancy as the employer describes it, in German."""

    employer = SelectField(_l("Employer"), coerce=int, default=0)
    title = StringField(
        _l("Job title (as you would advertise it, in German)"),
        validators=[DataRequired(message=_l("Enter the job title.")), Length(max=200)],
    )
    occupation = SelectField(_l("Occupation"), default="")
    description = TextAreaField(_l("Description (in German)"),
                                validators=[Optional(), Length(max=5000)])
    required_skills = TextAreaField(_l("Required skills"),
                                    validators=[Optional(), Length(max=2000)])
    optional_skills = TextAreaField(_l("Helpful skills"),
                                    validators=[Optional(), Length(max=2000)])
    german_level_min = SelectField(_l("Minimum German level"), default="")
    languages_helpful = MultiCheckboxField(_l("Other languages that help in this job"))
    municipality = SelectField(_l("Place of work"), coerce=int, default=0)
    postcode = StringField(
        _l("Postcode of the place of work"),
        validators=[Optional(),
                    Regexp(r"^\d{5}$", message=_l("A German postcode has five digits."))],
    )
    employment_type = SelectField(_l("Kind of employment"), default="full_time")
    hours = StringField(_l("Working hours and shifts"), validators=[Optional(), Length(max=200)])
    start_date = DateField(_l("Start date"), validators=[Optional()])
    openings = IntegerField(
        _l("Number of openings"), default=1,
        validators=[DataRequired(message=_l("Enter a number from 1 to 999.")),
                    NumberRange(min=1, max=999, message=_l("Enter a number from 1 to 999."))],
    )
    driving_licences_required = MultiCheckboxField(_l("Driving licences needed"))
    qualification_required = BooleanField(_l("A vocational qualification is needed"))
    career_changers_welcome = BooleanField(_l("Career changers are welcome"))
    status = SelectField(_l("Status"), default=VacancyStatus.DRAFT.value)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.german_level_min.choices = select_choices(
            [("", _l("Not stated")), ("none", _l("No German needed"))]
            + [(level, level) for level in GERMAN_LEVELS if level != "none"]
        )
        self.languages_helpful.choices = select_choices(language_choices(SPOKEN_LANGUAGES))
        self.employment_type.choices = select_choices(EMPLOYMENT_TYPES.items())
        self.driving_licences_required.choices = select_choices((c, c) for c in DRIVING_LICENCES)
        self.status.choices = select_choices((s.value, label) for s, label in STATUS_LABELS.items())


def details_from_form(form: VacancyForm) -> VacancyDetails:
    """The plain vacancy details a submitted form describes."""
    return VacancyDetails(
        title=form.title.data or "",
        occupation_id=form.occupation.data or None,
        description=form.description.data or "",
        required_skills=split_skills(form.required_skills.data or ""),
        optional_skills=split_skills(form.optional_skills.data or ""),
        german_level_min=form.german_level_min.data or None,
        languages_helpful=tuple(form.languages_helpful.data or ()),
        postcode=form.postcode.data or "",
        municipality_id=form.municipality.data or None,
        employment_type=form.employment_type.data,
        hours=form.hours.data or "",
        start_date=form.start_date.data,
        openings=form.openings.data or 1,
        driving_licences_required=tuple(form.driving_licences_required.data or ()),
        qualification_required=bool(form.qualification_required.data),
        career_changers_welcome=bool(form.career_changers_welcome.data),
        status=VacancyStatus(form.status.data),
    )


def form_data_from_vacancy(vacancy: Vacancy) -> dict[str, object]:
    """Initial form data to edit a vacancy."""
    return {
        "employer": vacancy.employer_id,
        "title": vacancy.title,
        "occupation": vacancy.occupation_id or "",
        "description": vacancy.description,
        "required_skills": "\n".join(vacancy.required_skills),
        "optional_skills": "\n".join(vacancy.optional_skills),
        "german_level_min": vacancy.german_level_min or "",
        "languages_helpful": vacancy.languages_helpful,
        "municipality": vacancy.municipality_id or 0,
        "postcode": vacancy.postcode,
        "employment_type": vacancy.employment_type,
        "hours": vacancy.hours,
        "start_date": vacancy.start_date,
        "openings": vacancy.openings,
        "driving_licences_required": vacancy.driving_licences_required,
        "qualification_required": vacancy.qualification_required,
        "career_changers_welcome": vacancy.career_changers_welcome,
        "status": vacancy.status.value,
    }


class VacancyStatusForm(FlaskForm):
    """Change only the status of a vacancy."""

    status = SelectField(
        _l("Status"), choices=select_choices((s.value, label) for s, label in STATUS_LABELS.items())
    )
