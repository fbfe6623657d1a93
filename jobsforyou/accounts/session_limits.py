"""Staff and employer sessions end after a time without activity and after a maximum length.

The session cookie carries when the user signed in and when they were last seen; a request
after the idle limit or the absolute limit signs them out and asks them to sign in again.
Signing out also ends every copy of the session cookie (see ``User.end_sessions``).
"""

from __future__ import annotations

import time

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, logout_user

SIGNED_IN_AT = "signed_in_at"
LAST_SEEN = "last_seen"


def start(now: float | None = None) -> None:
    """Mark the beginning of a signed-in session (call right after ``login_user``)."""
    moment = time.time() if now is None else now
    session[SIGNED_IN_AT] = int(moment)
    session[LAST_SEEN] = int(moment)


def expired(now: float) -> bool:
    """Whether the current session is past its idle or absolute limit."""
    config = current_app.config
    signed_in = session.get(SIGNED_IN_AT)
    last_seen = session.get(LAST_SEEN)
    if not isinstance(signed_in, int) or not isinstance(last_seen, int):
        return True  # a session from before the limits: sign in again
    idle = now - last_seen > config["STAFF_SESSION_IDLE_MINUTES"] * 60
    too_long = now - signed_in > config["STAFF_SESSION_MAX_HOURS"] * 3600
    return idle or too_long


def enforce() -> ResponseReturnValue | None:
    """Before each request: end an expired session, otherwise note the activity."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    now = time.time()
    if expired(now):
        language = session.get("lang")
        logout_user()
        session.pop(SIGNED_IN_AT, None)
        session.pop(LAST_SEEN, None)
        if language:
            session["lang"] = language
        flash(_("For your security you have been signed out. Please sign in again."), "warning")
        return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
    session[LAST_SEEN] = int(now)
    return None


def register(app: Flask) -> None:
    """Check the session's age before every request."""
    app.before_request(enforce)
