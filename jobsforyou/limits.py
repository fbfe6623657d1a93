"""Rate limits read from the configuration when a request comes (so each deployment sets them)."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app


def configured_limit(key: str, default: str | None = None) -> Callable[[], str]:
    """A Flask-Limiter limit provider for the setting `key` (e.g. "10 per minute")."""

    def limit() -> str:
        value = current_app.config.get(key, default)
        if value is None:
            raise KeyError(f"The rate limit {key} is not configured.")
        return str(value)

    limit.__name__ = f"limit_{key.lower()}"
    return limit


LOGIN_LIMIT = configured_limit("LOGIN_RATE_LIMIT")
CHECKIN_CODE_LIMIT = configured_limit("CHECKIN_CODE_RATE_LIMIT", "10 per 10 minutes")
