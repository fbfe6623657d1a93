"""Files that browsers ask for at fixed addresses (the icon at /favicon.ico)."""

from __future__ import annotations

from flask import Blueprint, current_app, send_from_directory

bp = Blueprint("site_files", __name__)


@bp.get("/favicon.ico")
def favicon():  # type: ignore[no-untyped-def]
    """The site's icon, from the static files (cached like them)."""
    return send_from_directory(str(current_app.static_folder) + "/img", "favicon.ico",
                               mimetype="image/vnd.microsoft.icon", max_age=86400)
