"""Security headers on every response."""

from __future__ import annotations

from flask import Flask, Response

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


def no_store(response: Response) -> Response:
    """Keep a page out of browser and proxy caches (personal pages, forms, exports)."""
    response.headers["Cache-Control"] = "no-store"
    return response


def register(app: Flask) -> None:
    """Attach the headers to every response."""
    app.after_request(add_security_headers)
