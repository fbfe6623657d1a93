"""Signing up, in and out; confirming the address; forgotten passwords; accepting invitations."""

from __future__ import annotations

import datetime as dt

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from jobsforyou import audit
from jobsforyou.accounts import emails, services, session_limits, tokens
from jobsforyou.accounts.forms import (
    AcceptInvitationForm,
    EmailOnlyForm,
    LoginForm,
    NewPasswordForm,
    password_message,
)
from jobsforyou.accounts.models import Role, TokenPurpose, User
from jobsforyou.extensions import limiter
from jobsforyou.limits import LOGIN_LIMIT
from jobsforyou.security import safe_next_url

bp = Blueprint("accounts", __name__)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def home_url(user: User) -> str:
    """Where a user lands after signing in."""
    if user.role == Role.EMPLOYER:
        return url_for("vacancies.index")
    if user.role == Role.ADMIN:
        return url_for("admin.users")
    if user.role == Role.BUSINESS_DEVELOPMENT:
        return url_for("employers.index")
    if user.role == Role.ORGANISER:
        return url_for("organisers.fairs")
    if user.role == Role.CHECKIN and user.fair_id is not None:
        return url_for("checkin.desk", fair_id=user.fair_id)
    return url_for("fairs.index")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def login():  # type: ignore[no-untyped-def]
    """Sign in with e-mail and password; `next` may only be a path on this site."""
    form = LoginForm()
    unconfirmed = False
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data or "", form.password.data or "")
        except services.EmailNotConfirmed:
            unconfirmed = True
            audit.record("login_refused_unconfirmed",
                         address=audit.address_digest(form.email.data or ""))
        except services.InvalidCredentials:
            form.password.errors = [_("The e-mail address or the password is not correct.")]
            audit.record("login_failed", address=audit.address_digest(form.email.data or ""))
        else:
            login_user(user)
            session_limits.start()
            audit.record("login")
            return redirect(safe_next_url(request.args.get("next")) or home_url(user))
    resend_form = EmailOnlyForm(formdata=None, data={"email": form.email.data})
    return render_template("accounts/login.html", form=form, unconfirmed=unconfirmed,
                           resend_form=resend_form)


@bp.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    """Sign out (POST with a CSRF token, so other sites cannot sign anybody out)."""
    language = session.get("lang")
    if current_user.is_authenticated:
        services.sign_out_everywhere(current_user)  # a copied session cookie is refused too
    logout_user()
    if language:
        session["lang"] = language
    flash(_("You have signed out."), "success")
    return redirect(url_for("fairs.index"))


@bp.get("/confirm/<token>")
def confirm_email(token: str):  # type: ignore[no-untyped-def]
    """Confirm the address from the link in the mail."""
    try:
        services.confirm_email(token, _now())
    except services.InvalidToken:
        return render_template("accounts/link_invalid.html", resend=True), 404
    flash(_("Thank you, your e-mail address is confirmed. You can sign in now."), "success")
    return redirect(url_for("accounts.login"))


@bp.post("/confirm/resend")
@limiter.limit(LOGIN_LIMIT)
def resend_confirmation():  # type: ignore[no-untyped-def]
    """Send the confirmation link again; the answer is the same for every address."""
    form = EmailOnlyForm()
    if form.validate_on_submit():
        user = services.user_by_email(form.email.data or "")
        if user is not None and user.email_confirmed_at is None and user.password_hash:
            emails.send_confirmation_mail(user, tokens.confirmation_token(user))
        return render_template("accounts/check_mail.html", email=form.email.data)
    return redirect(url_for("accounts.login"))


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def forgot_password():  # type: ignore[no-untyped-def]
    """Ask for a reset link; the answer does not tell whether the address has an account."""
    form = EmailOnlyForm()
    if form.validate_on_submit():
        found = services.request_password_reset(form.email.data or "", _now())
        if found is not None:
            emails.send_reset_mail(*found)
        else:  # comparable work, so that the time taken does not tell either
            emails.render_without_sending("accounts/mail/reset.txt", str(get_locale()))
        return render_template("accounts/check_mail.html", email=form.email.data, reset=True)
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):  # type: ignore[no-untyped-def]
    """Choose a new password with the one-time link."""
    try:
        services.user_for_token(token, TokenPurpose.PASSWORD_RESET, _now())
    except services.InvalidToken:
        return render_template("accounts/link_invalid.html"), 404
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            services.reset_password(token, form.password.data or "", _now())
        except services.WeakPassword as error:
            form.password.errors = [password_message(error.issue)]
        else:
            flash(_("Your password has been changed. You can sign in now."), "success")
            return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_password.html", form=form)


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):  # type: ignore[no-untyped-def]
    """The invited person chooses a password and is signed in."""
    try:
        invited = services.user_for_token(token, TokenPurpose.INVITATION, _now())
    except services.InvalidToken:
        return render_template("accounts/link_invalid.html"), 404
    form = AcceptInvitationForm(data=None if request.method == "POST"
                                else {"display_name": invited.display_name})
    if form.validate_on_submit():
        try:
            user = services.accept_invitation(token, form.password.data or "",
                                              form.display_name.data or "", _now())
        except services.WeakPassword as error:
            form.password.errors = [password_message(error.issue)]
        else:
            login_user(user)
            session_limits.start()
            flash(_("Welcome! Your account is ready."), "success")
            return redirect(home_url(user))
    return render_template("accounts/accept_invitation.html", form=form, invited=invited)


@bp.app_template_global("has_endpoint")
def has_endpoint(endpoint: str) -> bool:
    """Whether a feature's page exists (the navigation links only to registered pages)."""
    return endpoint in current_app.view_functions
