"""GET /api/occupations: suggestions while typing (used by static/js/suggest.js)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_babel import get_locale

from jobsforyou.i18n import supported_language
from jobsforyou.occupations.services import suggest_for_title

bp = Blueprint("occupations", __name__)


@bp.get("/api/occupations")
def suggestions():  # type: ignore[no-untyped-def]
    """Up to 8 occupations for the text in `q`, named in `lang` (or the page's language)."""
    language = supported_language(request.args.get("lang")) or str(get_locale())
    found = suggest_for_title(request.args.get("q", ""), language, limit=8)
    return jsonify({
        "suggestions": [{"id": s.id, "label": s.label, "code": s.code} for s in found]
    })
