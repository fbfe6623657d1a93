"""Forms of the import pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class UploadForm(FlaskForm):
    """Choose a CSV or XLSX file to preview."""

    file = FileField(
        _l("File with vacancies"),
        validators=[
            FileRequired(message=_l("Choose a file.")),
            FileAllowed(["csv", "xlsx"], message=_l("Only CSV files (.csv) and Excel workbooks "
                                                    "(.xlsx) can be imported.")),
        ],
    )


class ConfirmForm(FlaskForm):
    """Import the previewed file, or discard it (only the CSRF token)."""


class ApiTokenForm(FlaskForm):
    """Create a token for another system."""

    name = StringField(
        _l("Name of the system"),
        validators=[DataRequired(message=_l("Enter a name, for example the name of the "
                                            "system that will use the token.")),
                    Length(max=100)],
    )
