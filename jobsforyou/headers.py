"""Security headers on every response: framing, sniffing, referrer, caching and HSTS."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from flask_login import current_user

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def add_security_headers(response: Response) -> Response:
    """No framing, no MIME sniffing, no referrer leaving the site, scripts only from here."""
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def attachment(content: bytes | str, filename: str, mimetype: str) -> Response:
    """A download: saved under ``filename``; kept out of caches by ``add_cache_policy``."""
    return Response(content, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def no_store(response: Response) -> Response:
    """Keep a page out of browser and proxy caches (personal pages, forms, exports)."""
    response.headers["Cache-Control"] = "no-store"
    return response


PERSONAL_PATH_PREFIX = "/r/"


def may_be_cached(response: Response) -> bool:
    """Only public pages for anonymous visitors and static files may be kept in a cache."""
    if request.endpoint == "static":
        return True
    if response.headers.get("Content-Disposition", "").lower().startswith("attachment"):
        return False  # exports, tickets, a seeker's own data
    if request.path.startswith(PERSONAL_PATH_PREFIX):
        return False  # a seeker's personal pages behind their secret link
    return not current_user.is_authenticated


def add_cache_policy(response: Response) -> Response:
    """Cache-Control: no-store on everything personal, signed in or downloaded."""
    if not may_be_cached(response):
        no_store(response)
    return response


def add_strict_transport_security(response: Response) -> Response:
    """On https (as the reverse proxy reports it), tell browsers to use https only."""
    seconds = int(current_app.config.get("HSTS_SECONDS", 0) or 0)
    if request.is_secure and seconds > 0:
        response.headers.setdefault(
            "Strict-Transport-Security", f"max-age={seconds}; includeSubDomains"
        )
    return response


def register(app: Flask) -> None:
    """Attach the headers to every response."""
    app.after_request(add_security_headers)
    app.after_request(add_cache_policy)
    app.after_request(add_strict_transport_security)
