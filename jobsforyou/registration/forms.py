"""The job seeker's registration and profile forms."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from jobsforyou import codes
from jobsforyou.formfields import (
    MultiCheckboxField,
    TranslatedSubform,
    clean_digits,
    select_choices,
    split_skills,
    unique,
)
from jobsforyou.regions.services import municipalities_for_choice
from jobsforyou.registration.models import ConsentPurpose, Registration
from jobsforyou.registration.phones import normalize_phone
from jobsforyou.registration.profile import Experience, Qualification, SeekerProfile
from jobsforyou.security import new_token

NONCE_PATTERN = re.compile(r"\A[A-Za-z0-9_-]{22,64}\Z")


class ExperienceEntryForm(TranslatedSubform):
    """One occupation the seeker has worked in, with years."""

    occupation = StringField(_l("Occupation"), validators=[Optional(), Length(max=120)])
    years = IntegerField(
        _l("Years"),
        validators=[
            Optional(),
            NumberRange(min=0, max=60, message=_l("Enter a number of years from 0 to 60.")),
        ],
    )


class QualificationEntryForm(TranslatedSubform):
    """A vocational or academic qualification and its recognition status in Germany."""

    name = StringField(_l("Qualification"), validators=[Optional(), Length(max=150)])
    recognition = SelectField(
        _l("Recognition in Germany"),
        choices=select_choices(codes.RECOGNITION_STATUSES.items()),
        default="unknown",
    )


class ProfileForm(FlaskForm):
    """Everything a seeker tells about themselves; used to register and to edit."""

    given_name = StringField(
        _l("Given name"),
        validators=[DataRequired(message=_l("Enter your given name.")), Length(max=100)],
    )
    family_name = StringField(
        _l("Family name"),
        validators=[DataRequired(message=_l("Enter your family name.")), Length(max=100)],
    )
    phone = TelField(_l("Mobile phone number"), validators=[Optional(), Length(max=40)])
    email = EmailField(
        _l("E-mail address"),
        validators=[
            Optional(),
            Length(max=254),
            Email(
                message=_l("Enter an e-mail address like name@example.org."),
                check_deliverability=False,
            ),
        ],
    )
    municipality = SelectField(_l("Town or municipality where you live"), coerce=int, default=0)
    postcode = StringField(
        _l("Postcode"),
        filters=[clean_digits],
        validators=[
            Optional(),
            Regexp(r"\A[0-9]{5}\Z", message=_l("A German postcode has five digits.")),
        ],
    )
    german_level = SelectField(
        _l("Your German"),
        validators=[InputRequired(message=_l("Choose your German level."))],
    )
    languages = MultiCheckboxField(_l("Other languages you speak"))
    desired_occupations = FieldList(
        StringField(_l("Desired occupation"), validators=[Optional(), Length(max=120)]),
        min_entries=3,
        max_entries=3,
    )
    experience = FieldList(FormField(ExperienceEntryForm), min_entries=3, max_entries=3)
    skills = TextAreaField(_l("Skills"), validators=[Optional(), Length(max=1000)])
    qualifications = FieldList(FormField(QualificationEntryForm), min_entries=2, max_entries=2)
    driving_licences = MultiCheckboxField(
        _l("Driving licences"), choices=select_choices((c, c) for c in codes.DRIVING_LICENCES)
    )
    employment_types = MultiCheckboxField(
        _l("Kind of work you are looking for"),
        choices=select_choices(codes.EMPLOYMENT_TYPES.items()),
    )
    available_from = DateField(
        _l("Earliest start"),
        validators=[Optional()],
        render_kw={"autocomplete": "off"},
    )
    max_commute_km = SelectField(_l("How far can you travel to work?"), default="")
    interpreter_language = SelectField(_l("I need an interpreter at the fair for"), default="")
    needs_childcare = BooleanField(_l("I need childcare during the fair"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.german_level.choices = select_choices(
            (level, codes.german_level_label(level))
            for level in (*codes.GERMAN_LEVELS, codes.GERMAN_LEVEL_UNKNOWN)
        )
        self.languages.choices = select_choices(codes.language_choices(codes.SPOKEN_LANGUAGES))
        self.max_commute_km.choices = select_choices(
            [("", _l("Not sure"))]
            + [(str(km), _l("up to %(km)s km", km=km)) for km in codes.COMMUTE_DISTANCES_KM]
        )
        self.interpreter_language.choices = select_choices(
            [("", _l("No interpreter needed"))]
            + codes.language_choices(codes.INTERPRETER_LANGUAGES)
        )

    def validate_phone(self, field: TelField) -> None:
        """A phone number must have enough digits to be dialled."""
        if field.data and normalize_phone(field.data) is None:
            raise ValidationError(
                str(_l("Enter a phone number like 0176 1234567 or +49 176 1234567."))
            )

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        """Field checks, then the cross-field rules: a way to reach the seeker, a home place."""
        valid = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.phone.data or "").strip():
            self.email.errors = [
                *self.email.errors,
                str(_l("Enter a phone number or an e-mail address (or both).")),
            ]
            valid = False
        for entry in self.experience:
            if entry.form.years.data is not None and not (entry.form.occupation.data or "").strip():
                entry.form.occupation.errors = [
                    *entry.form.occupation.errors,
                    str(_l("Enter the occupation for these years.")),
                ]
                valid = False
        if not self.postcode.data and not self.municipality.data:
            self.postcode.errors = [
                *self.postcode.errors,
                str(_l("Choose your town or enter your postcode.")),
            ]
            valid = False
        return valid


class OptionalConsentFields:
    """The two optional consents, one box each, none ticked in advance."""

    consent_share = BooleanField(
        _l("Employers at this fair may see my profile to prepare their talks with me.")
    )
    consent_keep = BooleanField(
        _l("Keep my profile after this fair so that I can take part in later fairs.")
    )

    def optional_consents(self) -> set[ConsentPurpose]:
        """The optional purposes whose box is ticked."""
        ticked = {
            ConsentPurpose.SHARE_WITH_EMPLOYERS: self.consent_share.data,
            ConsentPurpose.KEEP_FOR_LATER_FAIRS: self.consent_keep.data,
        }
        return {purpose for purpose, given in ticked.items() if given}


class RegistrationForm(OptionalConsentFields, ProfileForm):
    """The profile plus consent, one box per purpose, none ticked in advance."""

    consent_processing = BooleanField(
        _l("I agree that my data is processed to register me for this fair."),
        validators=[DataRequired(message=_l("Without this consent we cannot register you."))],
    )

    # one-time nonce made when the form is shown: the same form sent twice registers once
    form_nonce = HiddenField()

    def consents(self) -> set[ConsentPurpose]:
        """Every purpose consented to: processing (required) and the optional ones ticked."""
        return {ConsentPurpose.PROCESSING, *self.optional_consents()}

    def submission_nonce(self) -> str:
        """The form's one-time nonce; a fresh one when the form is new or the nonce malformed."""
        nonce = self.form_nonce.data or ""
        if not NONCE_PATTERN.match(nonce):
            nonce = new_token()
            self.form_nonce.data = nonce
        return nonce


class LostLinkForm(FlaskForm):
    """Ask for the personal link again, by the e-mail address or the phone number of the
    registration (to a phone number without an address, it goes by SMS)."""

    email = EmailField(
        _l("E-mail address of your registration"),
        validators=[
            Optional(),
            Length(max=254),
            Email(
                message=_l("Enter an e-mail address like name@example.org."),
                check_deliverability=False,
            ),
        ],
    )
    phone = TelField(_l("Mobile phone number of your registration"),
                     validators=[Optional(), Length(max=40)])

    def validate_phone(self, field: TelField) -> None:
        """A phone number must have enough digits to be dialled."""
        if field.data and normalize_phone(field.data) is None:
            raise ValidationError(
                str(_l("Enter a phone number like 0176 1234567 or +49 176 1234567."))
            )

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        """Field checks, then: an e-mail address or a phone number."""
        valid = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.phone.data or "").strip():
            self.email.errors = [
                *self.email.errors,
                str(_l("Enter the e-mail address or the phone number of your registration.")),
            ]
            valid = False
        return valid


class DeleteRegistrationForm(FlaskForm):
    """Confirms deleting all data of a registration."""

    confirm = BooleanField(
        _l("Yes, delete my registration and all my data."),
        validators=[DataRequired(message=_l("Tick the box to confirm."))],
    )


class ConsentForm(OptionalConsentFields, FlaskForm):
    """Change the optional consents later."""

    @classmethod
    def for_registration(cls, registration: Registration) -> ConsentForm:
        """The form showing the consents a registration holds now."""
        return cls(data={
            "consent_share": registration.has_consent(ConsentPurpose.SHARE_WITH_EMPLOYERS),
            "consent_keep": registration.has_consent(ConsentPurpose.KEEP_FOR_LATER_FAIRS),
        })


def fill_place_choices(form: ProfileForm) -> None:
    """Offer the region's municipalities (and "not in the list") as the place of residence."""
    form.municipality.choices = select_choices(
        [(0, _("Not in the list / I don't know"))]
        + [(m.id, m.name) for m in municipalities_for_choice()]
    )


def profile_from_form(form: ProfileForm) -> SeekerProfile:
    """The plain profile a submitted form describes."""
    commute = form.max_commute_km.data
    return SeekerProfile(
        given_name=form.given_name.data or "",
        family_name=form.family_name.data or "",
        german_level=form.german_level.data,
        phone=form.phone.data or None,
        email=form.email.data or None,
        municipality_id=form.municipality.data or None,
        postcode=form.postcode.data or None,
        languages=unique(form.languages.data),
        desired_occupations=tuple(text for text in form.desired_occupations.data if text),
        experience=tuple(
            Experience(entry["occupation"], entry["years"])
            for entry in form.experience.data
            if entry["occupation"]
        ),
        skills=split_skills(form.skills.data or ""),
        qualifications=tuple(
            Qualification(entry["name"], entry["recognition"])
            for entry in form.qualifications.data
            if entry["name"]
        ),
        driving_licences=unique(form.driving_licences.data),
        employment_types=unique(form.employment_types.data),
        available_from=form.available_from.data,
        max_commute_km=int(commute) if commute else None,
        interpreter_language=form.interpreter_language.data or None,
        needs_childcare=bool(form.needs_childcare.data),
    )


def form_data_from_registration(registration: Registration) -> dict[str, object]:
    """Initial form data to edit an existing registration."""
    return {
        "given_name": registration.given_name,
        "family_name": registration.family_name,
        "phone": registration.phone,
        "email": registration.email,
        "municipality": registration.municipality_id or 0,
        "postcode": registration.postcode,
        "german_level": registration.german_level,
        "languages": registration.languages,
        "desired_occupations": registration.desired_occupations,
        "experience": registration.experience,
        "skills": "\n".join(registration.skills),
        "qualifications": registration.qualifications,
        "driving_licences": registration.driving_licences,
        "employment_types": registration.employment_types,
        "available_from": registration.available_from,
        "max_commute_km": str(registration.max_commute_km or ""),
        "interpreter_language": registration.interpreter_language or "",
        "needs_childcare": registration.needs_childcare,
    }
