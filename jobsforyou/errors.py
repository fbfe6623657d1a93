"""Error handlers: translated pages for HTTP errors, expired forms and unexpected exceptions."""

from __future__ import annotations

from flask import Flask
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from jobsforyou import transactions
from jobsforyou.error_pages import render_error


def register(app: Flask) -> None:
    """Register handlers for HTTP errors, expired forms and unexpected exceptions."""

    @app.errorhandler(CSRFError)
    def handle_csrf(_error: CSRFError):  # type: ignore[no-untyped-def]
        transactions.mark_failed()
        return render_error(
            400,
            _(
                "The form has expired or was sent from another page. Please go back, "
                "reload the page and send the form again."
            ),
        )

    @app.errorhandler(HTTPException)
    def handle_http(error: HTTPException):  # type: ignore[no-untyped-def]
        transactions.mark_failed()
        return render_error(error.code or 500)

    @app.errorhandler(InternalServerError)
    def handle_internal(_error: InternalServerError):  # type: ignore[no-untyped-def]
        transactions.rollback()  # before rendering: the page must not read a broken session
        return render_error(500)
