"""Development only: mails and SMS are printed to the console and listed on a page, so that
sign-up, invitation and personal links can be followed on a developer's machine (the outbox
lives in memory)."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template

from jobsforyou.mail import outbox
from jobsforyou.sms import sms_outbox

bp = Blueprint("dev_outbox", __name__, url_prefix="/dev")


@bp.get("/outbox")
def index():  # type: ignore[no-untyped-def]
    """The mails and SMS this process has sent, newest first."""
    return render_template("dev/outbox.html", mails=list(reversed(outbox())),
                           text_messages=list(reversed(sms_outbox())))


def register(app: Flask) -> None:
    """In development only: the outbox page, and mails printed when they are delivered (SMS
    are printed by their console backend, see jobsforyou/sms.py)."""
    if app.config.get("ENV_NAME") != "development":
        return
    app.register_blueprint(bp)
    app.config["MAIL_PRINT"] = True
