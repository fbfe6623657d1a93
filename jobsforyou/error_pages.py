"""Translated error pages (and JSON errors for the API) for a status code."""

from __future__ import annotations

from flask import jsonify, render_template, request
from flask_babel import gettext as _


def error_message(code: int) -> tuple[str, str]:
    """A translated title and explanation for an HTTP status code."""
    messages = {
        400: (
            _("The request could not be processed"),
            _("Something in the request was not as expected. Please go back and try again."),
        ),
        403: (_("Access denied"), _("You do not have permission to open this page.")),
        404: (
            _("Page not found"),
            _(
                "This page does not exist or is no longer available. Check the address "
                "or start again from the list of fairs."
            ),
        ),
        405: (
            _("The request could not be processed"),
            _("Something in the request was not as expected. Please go back and try again."),
        ),
        413: (_("The upload is too large"), _("Please choose a smaller file and try again.")),
        429: (
            _("Too many attempts"),
            _(
                "There were too many attempts from your connection. Please wait a few minutes "
                "and try again."
            ),
        ),
    }
    return messages.get(
        code,
        (
            _("Something went wrong on our side"),
            _(
                "Please try again in a few minutes. "
                "If the problem persists, contact the organisers."
            ),
        ),
    )


def render_error(code: int, detail: str | None = None):  # type: ignore[no-untyped-def]
    """Render the error page (or a JSON body for /api/ paths) for a status code."""
    title, text = error_message(code)
    if request.path.startswith("/api/"):
        return jsonify({"error": title, "detail": detail or text}), code
    return render_template("errors/error.html", code=code, title=title, text=detail or text), code
