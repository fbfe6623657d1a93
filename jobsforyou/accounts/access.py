"""Who may open a view: role checks for signed-in users."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user, login_required

from jobsforyou.accounts.models import Role

ViewT = TypeVar("ViewT", bound=Callable[..., Any])


def roles_required(*roles: Role) -> Callable[[ViewT], ViewT]:
    """Require sign-in and one of the roles (admins may do what staff may do); else 403."""

    def decorator(view: ViewT) -> ViewT:
        @wraps(view)
        @login_required
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles and current_user.role != Role.ADMIN:
                abort(403)
            return view(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator
