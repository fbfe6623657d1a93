"""How Flask-Login finds the signed-in user."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

from jobsforyou.accounts.models import User
from jobsforyou.extensions import db, login_manager

MAX_ID = 2**31 - 1
SESSION_ID = re.compile(r"([0-9]{1,10})(?:\.([0-9]{1,10}))?")


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The active user of a session id "<id>.<session version>", or None.

    A bare "<id>" (sessions from before session versions existed) counts as version 0, so it
    ends as soon as the password changes.
    """
    match = SESSION_ID.fullmatch(user_id)
    if match is None or int(match[1]) > MAX_ID:
        return None
    user = db.session.get(User, int(match[1]))
    if user is None or not user.active or user.session_version != int(match[2] or 0):
        return None
    return user


login_manager.login_view = "accounts.login"
login_manager.login_message = _l("Please sign in to open this page.")
login_manager.login_message_category = "warning"
login_manager.localize_callback = str
