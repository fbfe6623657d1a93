"""Development only: mails are printed to the console and listed on a page, so that sign-up and
invitation links can be followed on a developer's machine (the outbox lives in memory)."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template

from jobsforyou.mail import outbox

bp = Blueprint("dev_outbox", __name__, url_prefix="/dev")


@bp.get("/outbox")
def index():  # type: ignore[no-untyped-def]
    """The mails this process has sent, newest first."""
    return render_template("dev/outbox.html", mails=list(reversed(outbox())))


def register(app: Flask) -> None:
    """In development only: the outbox page, and mails printed when they are delivered."""
    if app.config.get("ENV_NAME") != "development":
        return
    app.register_blueprint(bp)
    app.config["MAIL_PRINT"] = True
