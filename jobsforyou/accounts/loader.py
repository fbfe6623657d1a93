"""How Flask-Login finds the signed-in user."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobsforyou.accounts.models import User
from jobsforyou.extensions import db, login_manager


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The active user with this id, or None."""
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.active else None


login_manager.login_view = "accounts.login"
login_manager.login_message = _l("Please sign in to open this page.")
login_manager.login_message_category = "warning"
login_manager.localize_callback = str
