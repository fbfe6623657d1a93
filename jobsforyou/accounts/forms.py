"""Forms to sign up, sign in, reset a password and invite colleagues or staff."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, Field, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from jobsforyou.accounts.policy import (
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    PasswordIssue,
    password_issue,
)

PASSWORD_MESSAGES = {
    PasswordIssue.TOO_SHORT: _l("The password must have at least %(min)s characters.",
                                min=PASSWORD_MIN_LENGTH),
    PasswordIssue.TOO_LONG: _l("The password may have at most %(max)s characters.",
                               max=PASSWORD_MAX_LENGTH),
    PasswordIssue.COMMON: _l("This password is used by many people and easy to guess. "
                             "Please choose another one."),
}


def password_message(issue: PasswordIssue) -> str:
    """The translated explanation of a password rule."""
    return str(PASSWORD_MESSAGES[issue])


def check_new_password(_form: FlaskForm, field: Field) -> None:
    """WTForms validator: the password policy with translated messages."""
    issue = password_issue(field.data or "")
    if issue is not None:
        raise ValidationError(password_message(issue))


def _email_field(label: object = None) -> EmailField:
    return EmailField(
        label or _l("E-mail address"),
        validators=[
            DataRequired(message=_l("Enter your e-mail address.")),
            Length(max=254),
            Email(message=_l("Enter an e-mail address like name@example.org."),
                  check_deliverability=False),
        ],
    )


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("Choose a password.")), check_new_password],
        render_kw={"autocomplete": "new-password"},
    )
    repeat = PasswordField(
        _l("Repeat the password"),
        validators=[EqualTo("password", message=_l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, repeat


class LoginForm(FlaskForm):
    """E-mail address and password."""

    email = EmailField(_l("E-mail address"),
                       validators=[DataRequired(message=_l("Enter your e-mail address.")),
                                   Length(max=254)],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"),
                             validators=[DataRequired(message=_l("Enter your password."))],
                             render_kw={"autocomplete": "current-password"})


class SignupForm(FlaskForm):
    """A new employer and its first user."""

    employer_name = StringField(
        _l("Name of your company or organisation"),
        validators=[DataRequired(message=_l("Enter the name of your company.")), Length(max=200)],
    )
    display_name = StringField(
        _l("Your name"), validators=[DataRequired(message=_l("Enter your name.")), Length(max=200)]
    )
    email = _email_field()
    password, password_repeat = _new_password_fields()


class EmailOnlyForm(FlaskForm):
    """An e-mail address (forgotten password, resend confirmation)."""

    email = _email_field()


class NewPasswordForm(FlaskForm):
    """Choose a new password (reset)."""

    password, password_repeat = _new_password_fields()


class AcceptInvitationForm(FlaskForm):
    """The invitee's name and password."""

    display_name = StringField(_l("Your name"), validators=[Length(max=200)])
    password, password_repeat = _new_password_fields()


class InviteColleagueForm(FlaskForm):
    """Invite a colleague to the same employer."""

    display_name = StringField(_l("Name"), validators=[Length(max=200)])
    email = _email_field(_l("E-mail address of your colleague"))


class InviteStaffForm(FlaskForm):
    """Invite a staff member with a role and a scope (admins only)."""

    display_name = StringField(_l("Name"), validators=[Length(max=200)])
    email = _email_field()
    role = SelectField(_l("Role"))
    municipality = SelectField(_l("Municipality (organisers)"), coerce=int, default=0)
    fair = SelectField(_l("Fair (check-in staff)"), coerce=int, default=0)
    language = SelectField(_l("Language of the invitation"), default="de")


class ConfirmActionForm(FlaskForm):
    """A form with only the CSRF token, for buttons that change something."""
