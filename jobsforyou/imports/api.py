"""POST /api/vacancies: another system pushes vacancies with a bearer token (no CSRF)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, jsonify, request
from flask_babel import gettext as _

from jobsforyou.extensions import csrf, limiter
from jobsforyou.imports import services, storage
from jobsforyou.imports.payload import nested_within
from jobsforyou.imports.report import Outcome
from jobsforyou.limits import configured_limit

bp = Blueprint("imports_api", __name__, url_prefix="/api")
MAX_ITEMS = 10_000
MAX_DEPTH = 32


def _error(status: int, message: str):  # type: ignore[no-untyped-def]
    response = jsonify({"error": message})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="jobsforyou"'
    return response


@bp.post("/vacancies")
@csrf.exempt
@limiter.limit(configured_limit("API_RATE_LIMIT", "60 per minute"))
def push_vacancies():  # type: ignore[no-untyped-def]
    """Create or update vacancies; answers each item's outcome (200, 207 some, 400 none valid)."""
    scheme, _sep, secret = request.headers.get("Authorization", "").partition(" ")
    token = None
    if scheme.lower() == "bearer" and secret.strip():
        token = storage.token_for_secret(secret.strip(), dt.datetime.now(dt.UTC))
    if token is None:
        return _error(401, _("A valid API token is needed (header Authorization: Bearer …)."))
    if not nested_within(request.get_data(), MAX_DEPTH):
        return _error(400, _("Send valid JSON, nested at most %(depth)s levels deep.",
                             depth=MAX_DEPTH))
    body = request.get_json(silent=True)
    items: Any = body.get("vacancies") if isinstance(body, dict) else body
    if not isinstance(items, list) or not items:
        return _error(400, _("Send a JSON list of vacancies, or an object with the list under "
                             "\"vacancies\"."))
    if len(items) > MAX_ITEMS:
        return _error(400, _("Send at most %(count)s vacancies at once.", count=MAX_ITEMS))
    report = services.plan_items(items, token.region_id)
    services.apply_report(report, token.region_id)
    ok = sum(1 for row in report.rows if row.outcome != Outcome.ERROR)
    status = 200 if not report.has_errors else (207 if ok else 400)
    return jsonify({
        "counts": report.counts,
        "items": [
            {"index": row.row, "id": row.ref or None, "outcome": row.outcome.value,
             "errors": [{"field": error.column, "message": str(error.message)}
                        for error in row.errors]}
            for row in report.rows
        ],
    }), status
