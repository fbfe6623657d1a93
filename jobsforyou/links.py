"""Absolute links for e-mails: built from the configured public address, never from the request.

A request's Host header is chosen by the client; a link built from it could send a seeker's
personal link to someone else's server. PUBLIC_BASE_URL (required in production) is the truth.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, url_for


def external_url(endpoint: str, **values: Any) -> str:
    """The absolute URL of an endpoint under PUBLIC_BASE_URL (development: the request's host)."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        return str(base).rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)
