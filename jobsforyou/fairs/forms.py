"""Forms of the public fair pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField


class FairFilterForm(FlaskForm):
    """Filter the list of upcoming fairs by municipality (a GET form, no CSRF needed)."""

    class Meta:
        csrf = False

    municipality = SelectField(_l("Town or municipality"), coerce=int, default=0)
