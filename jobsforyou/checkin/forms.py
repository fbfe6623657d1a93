"""Forms of the check-in desk and the fair-day codes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired, Length


class ScanForm(FlaskForm):
    """The ticket field: a scanner types the QR content and Enter, or a helper types the code."""

    code = StringField(_l("Ticket code or QR code"), validators=[
        InputRequired(message=_l("Scan the ticket or type its code.")), Length(max=100)])

    def ticket(self) -> str:
        """What was scanned or typed."""
        return str(self.code.data or "")


class SearchForm(FlaskForm):
    """The name search (GET, no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name, phone number or ticket code"), validators=[Length(max=100)])

    def query(self) -> str:
        """The search text, or empty when invalid."""
        return "" if self.q.errors else str(self.q.data or "")


class ButtonForm(FlaskForm):
    """A button that only needs the CSRF token (check in, undo, create or revoke a code)."""


class FairDayCodeForm(FlaskForm):
    """The fair-day code a helper was given."""

    code = StringField(_l("Fair-day code"), validators=[
        InputRequired(message=_l("Enter the code you were given.")), Length(max=40)])

    def entered(self) -> str:
        """The code as typed."""
        return str(self.code.data or "")
