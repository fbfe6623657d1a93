"""Reasons and gaps read as sentences: no raw codes, no wish the seeker never expressed."""

from __future__ import annotations

import pytest
from flask import Flask

from jobsforyou.matchmaking.explanations import render_explanation
from matching import Explanation, load_default_vocabulary


def text(app: Flask, language: str, code: str, **params: object) -> str:
    with app.test_request_context(headers={"Accept-Language": language}):
        return render_explanation(Explanation(code, params), load_default_vocabulary(),
                                  language).text


@pytest.mark.parametrize("language", ["en", "de", "ar", "uk"])
def test_no_german_yet_is_not_shown_as_a_code(app: Flask, language: str) -> None:
    sentence = text(app, language, "german_level_below", required="A2", actual="none",
                    levels_missing=2)
    assert "none" not in sentence and "A2" in sentence


def test_no_german_yet_in_english(app: Flask) -> None:
    assert text(app, "en", "german_level_below", required="A2", actual="none",
                levels_missing=2) == "German A2 required, no German so far: 2 levels missing."


def test_a_default_reach_is_not_called_a_wish(app: Flask) -> None:
    assert text(app, "en", "too_far", distance_km=35, max_km=30, max_km_given=0) == (
        "About 35 km away.")
    assert text(app, "en", "too_far", distance_km=35, max_km=30, max_km_given=1) == (
        "About 35 km away, more than the 30 km wished.")
