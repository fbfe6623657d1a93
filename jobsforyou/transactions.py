"""One transaction per request (or command): commit at the boundary, side effects after it.

Views and services never commit. Services change the session and flush; the request boundary
(`finish_request`, an after-request hook) commits once when the view answered, and rolls back
when it ended in an exception (an `abort`, a failed form token, a crash) or a server error.
Mails and other effects that must not happen for a change that was not saved are queued with
`after_commit` and run only once the commit succeeded. Commands call `commit()` themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, Response, current_app, g, session
from sqlalchemy.exc import OperationalError

from jobsforyou.error_pages import render_error
from jobsforyou.extensions import db

PENDING_KEY = "jobsforyou_after_commit"


def after_commit(effect: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Run `effect(*args, **kwargs)` once the current transaction has been committed."""
    db.session.info.setdefault(PENDING_KEY, []).append((effect, args, kwargs))


def commit() -> None:
    """Commit the session, then run the effects queued for this transaction."""
    db.session.commit()
    for effect, args, kwargs in db.session.info.pop(PENDING_KEY, []):
        effect(*args, **kwargs)


def rollback() -> None:
    """Roll the session back and forget the effects queued for this transaction."""
    db.session.info.pop(PENDING_KEY, None)
    db.session.rollback()


def mark_failed() -> None:
    """The request ends in an error: nothing it changed may be saved."""
    g.jobsforyou_request_failed = True


def finish_request(response: Response) -> Response:
    """The request boundary: commit when the view answered, roll back when it failed."""
    failed = g.pop("jobsforyou_request_failed", False) or response.status_code >= 500
    if failed or not db.session.is_active:  # not active: a flush failed, nothing can be saved
        rollback()
        return response
    try:
        commit()
    except OperationalError:
        # a lock or the database itself did not answer in time: nothing was saved
        rollback()
        current_app.logger.warning("Commit at the end of the request failed", exc_info=True)
        session.pop("_flashes", None)  # the page's "saved" messages are no longer true
        return current_app.make_response(render_error(503))
    return response


def register(app: Flask) -> None:
    """Install the request boundary."""
    app.after_request(finish_request)
