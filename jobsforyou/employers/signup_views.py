"""Employers create their own account: a company profile and its first user."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import get_locale

from jobsforyou.accounts import emails, tokens
from jobsforyou.accounts import services as accounts
from jobsforyou.accounts.forms import SignupForm, password_message
from jobsforyou.employers import services
from jobsforyou.extensions import limiter
from jobsforyou.limits import LOGIN_LIMIT

bp = Blueprint("employer_signup", __name__)


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def signup():  # type: ignore[no-untyped-def]
    """Employers create their account; the address must be confirmed before signing in."""
    form = SignupForm()
    if form.validate_on_submit():
        try:
            user = services.sign_up_employer(
                form.email.data or "", form.password.data or "", form.employer_name.data or "",
                form.display_name.data or "", language=str(get_locale()),
            )
        except accounts.EmailTaken:
            # The page must not tell whether the address has an account: the owner gets a mail.
            owner = accounts.user_by_email(form.email.data or "")
            if owner is not None and owner.active:
                emails.send_signup_attempt_mail(owner)
            else:
                emails.render_without_sending("accounts/mail/confirm.txt", str(get_locale()))
            return render_template("accounts/check_mail.html",
                                   email=accounts.normalize_email(form.email.data or ""))
        except accounts.WeakPassword as error:
            form.password.errors = [password_message(error.issue)]
        else:
            emails.send_confirmation_mail(user, tokens.confirmation_token(user))
            return render_template("accounts/check_mail.html", email=user.email)
    return render_template("employers/signup.html", form=form)
