"""Error handlers: translated pages for HTTP errors, expired forms and unexpected exceptions."""

from __future__ import annotations

from flask import Flask, Response, current_app, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from jobsforyou import audit, transactions
from jobsforyou.error_pages import error_message, render_error


def refuse_untrusted_host(_error: SecurityError) -> Response:
    """A Host outside TRUSTED_HOSTS: a plain 400 (no URL can be built for it) and one log line."""
    transactions.mark_failed()
    current_app.logger.warning(
        "Refused a request for the untrusted host %r", request.environ.get("HTTP_HOST", "")
    )
    title, explanation = error_message(400)
    return Response(f"{title}\n\n{explanation}\n", status=400, mimetype="text/plain")


def register(app: Flask) -> None:
    """Register handlers for HTTP errors, expired forms and unexpected exceptions."""

    app.register_error_handler(SecurityError, refuse_untrusted_host)

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
        if error.code in (401, 403, 404, 405) and request.endpoint not in (None, "static"):
            audit.record_refusal(error.code, request.path)
        return render_error(error.code or 500)

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def handle_database_down(error: Exception):  # type: ignore[no-untyped-def]
        current_app.logger.warning("Database unavailable: %s", type(error).__name__)
        try:
            transactions.rollback()
        except (OperationalError, InterfaceError):
            pass  # the connection is gone; the pool replaces it (pool_pre_ping)
        if request.path.startswith("/api/"):
            return {"error": "unavailable"}, 503, {"Retry-After": "30"}
        return render_template("errors/unavailable.html"), 503, {"Retry-After": "30"}

    @app.errorhandler(InternalServerError)
    def handle_internal(_error: InternalServerError):  # type: ignore[no-untyped-def]
        transactions.rollback()  # before rendering: the page must not read a broken session
        return render_error(500)
