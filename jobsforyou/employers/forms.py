"""The employer profile form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, TelField, TextAreaField
from wtforms.validators import URL, DataRequired, Email, Length, Optional, Regexp

from jobsforyou.codes import SPOKEN_LANGUAGES, language_choices
from jobsforyou.employers.services import EmployerProfile
from jobsforyou.formfields import MultiCheckboxField, select_choices

EMPLOYER_SIZES = {
    "1-9": _l("1 to 9 employees"),
    "10-49": _l("10 to 49 employees"),
    "50-249": _l("50 to 249 employees"),
    "250+": _l("250 employees or more"),
}


class EmployerForm(FlaskForm):
    """Name, address, sector, size, contact and the languages spoken at the booth."""

    name = StringField(_l("Name of the company or organisation"),
                       validators=[DataRequired(message=_l("Enter the name.")), Length(max=200)])
    street = StringField(_l("Street and number"), validators=[Optional(), Length(max=200)])
    postcode = StringField(
        _l("Postcode"),
        validators=[Optional(),
                    Regexp(r"^\d{5}$", message=_l("A German postcode has five digits."))],
    )
    municipality = SelectField(_l("Town or municipality"), coerce=int, default=0)
    sector = StringField(_l("Sector"), validators=[Optional(), Length(max=100)])
    size = SelectField(_l("Size"), default="")
    contact_name = StringField(_l("Contact person"), validators=[Optional(), Length(max=200)])
    contact_email = EmailField(
        _l("Contact e-mail address"),
        validators=[Optional(), Length(max=254),
                    Email(message=_l("Enter an e-mail address like name@example.org."),
                          check_deliverability=False)],
    )
    contact_phone = TelField(_l("Contact phone number"), validators=[Optional(), Length(max=40)])
    website = StringField(
        _l("Website"),
        validators=[Optional(), Length(max=300),
                    URL(message=_l("Enter a web address like https://www.example.org."))],
    )
    booth_languages = MultiCheckboxField(_l("Languages your staff at the booth speak"))
    description = TextAreaField(_l("About the company (in German)"),
                                validators=[Optional(), Length(max=3000)])

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.size.choices = select_choices([("", _l("Not stated"))] + list(EMPLOYER_SIZES.items()))
        self.booth_languages.choices = select_choices(language_choices(SPOKEN_LANGUAGES))


def profile_from_form(form: EmployerForm) -> EmployerProfile:
    """The plain profile a submitted form describes."""
    return EmployerProfile(
        name=form.name.data or "",
        street=form.street.data or "",
        postcode=form.postcode.data or "",
        municipality_id=form.municipality.data or None,
        sector=form.sector.data or "",
        size=form.size.data or "",
        contact_name=form.contact_name.data or "",
        contact_email=form.contact_email.data or "",
        contact_phone=form.contact_phone.data or "",
        website=form.website.data or "",
        booth_languages=tuple(form.booth_languages.data or ()),
        description=form.description.data or "",
    )
