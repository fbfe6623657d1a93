"""The privacy notice in the reader's language."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from jobsforyou.retention.policy import retention_policy

bp = Blueprint("privacy", __name__)


@bp.get("/privacy")
def notice():  # type: ignore[no-untyped-def]
    """The privacy notice that job seekers consent against (versioned)."""
    return render_template(
        "privacy/notice.html",
        text_version=current_app.config["CONSENT_TEXT_VERSION"],
        retention=retention_policy(current_app.config),
        controller=current_app.config["PRIVACY_CONTROLLER"],
        contact=current_app.config["PRIVACY_CONTACT"],
    )
