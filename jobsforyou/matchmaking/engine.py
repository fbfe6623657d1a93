"""One Matcher per application, built on first use (not at start-up) from the app's config."""

from __future__ import annotations

import threading
from pathlib import Path

from flask import current_app

import matching

_LOCK = threading.Lock()
EXTENSION_KEY = "jobsforyou_matcher"


def get_matcher() -> matching.Matcher:
    """The app's Matcher: shipped vocabulary, region files, weights from MATCHING_WEIGHTS."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    matcher = app.extensions.get(EXTENSION_KEY)
    if matcher is None:
        with _LOCK:
            matcher = app.extensions.get(EXTENSION_KEY)
            if matcher is None:
                region_files = sorted(Path(app.config["REGION_DIRECTORY"]).glob("*.json"))
                matcher = matching.Matcher(
                    gazetteer=matching.Gazetteer.from_region_files(region_files),
                    weights=matching.Weights(**app.config.get("MATCHING_WEIGHTS", {})),
                )
                app.extensions[EXTENSION_KEY] = matcher
    return matcher
