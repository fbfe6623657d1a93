"""Reasons and gaps of a match: the library's neutral codes in the reader's language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import format_date, gettext, ngettext
from flask_babel import lazy_gettext as _l

import matching


@dataclass(frozen=True)
class RenderedExplanation:
    """One reason or gap as a sentence, with its code kept for styling and tests."""

    code: str
    text: str


def _occupation_name(vocabulary: matching.Vocabulary, occupation_id: Any, language: str) -> str:
    occupation = vocabulary.occupation(str(occupation_id)) if occupation_id else None
    return occupation.display_name(language) if occupation else str(occupation_id or "")


def _skill_names(vocabulary: matching.Vocabulary, skills: Any, language: str) -> str:
    names = []
    for label in skills or ():
        skill = vocabulary.skill(str(label))
        names.append(skill.display_name(language) if skill else str(label))
    return ", ".join(names)


def _date(value: Any) -> str:
    import datetime as dt

    try:
        return format_date(dt.date.fromisoformat(str(value)), format="medium")
    except ValueError:
        return str(value)


Renderer = Callable[[Mapping[str, Any], matching.Vocabulary, str], str]

RECOGNITION_GAPS = {
    "in_progress": _l("The recognition of the qualification is still in progress."),
    "none": _l("The qualification needs to be recognised in Germany."),
}

RENDERERS: dict[str, Renderer] = {
    "occupation_match": lambda p, v, lang: gettext(
        "Occupation fits: %(occupation)s", occupation=_occupation_name(v, p.get("occupation"), lang)
    ),
    "experience_match": lambda p, v, lang: ngettext(
        "Experience as %(occupation)s (%(num)s year)",
        "Experience as %(occupation)s (%(num)s years)",
        int(round(float(p.get("years") or 0))),
        occupation=_occupation_name(v, p.get("occupation"), lang),
    ),
    "occupation_related": lambda p, v, lang: gettext(
        "Related occupation: %(occupation)s",
        occupation=_occupation_name(v, p.get("occupation"), lang),
    ),
    "occupation_similar_title": lambda p, v, lang: gettext("The job title is similar."),
    "skills_matched": lambda p, v, lang: gettext(
        "Matching skills: %(skills)s", skills=_skill_names(v, p.get("skills"), lang)
    ),
    "skills_missing": lambda p, v, lang: gettext(
        "Skills still missing: %(skills)s", skills=_skill_names(v, p.get("skills"), lang)
    ),
    "german_level_ok": lambda p, v, lang: gettext(
        "German level is enough (%(required)s required).", required=p.get("required")
    ),
    "german_level_below": lambda p, v, lang: (
        ngettext(
            "German %(required)s required, no German so far: %(num)s level missing.",
            "German %(required)s required, no German so far: %(num)s levels missing.",
            int(p.get("levels_missing") or 1),
            required=p.get("required"),
        )
        if p.get("actual") == "none"
        else ngettext(
            "German %(required)s required, %(actual)s so far: %(num)s level missing.",
            "German %(required)s required, %(actual)s so far: %(num)s levels missing.",
            int(p.get("levels_missing") or 1),
            required=p.get("required"),
            actual=p.get("actual"),
        )
    ),
    "languages_helpful": lambda p, v, lang: gettext("Speaks a language that helps in this job."),
    "within_reach": lambda p, v, lang: gettext(
        "Within reach: about %(distance)s km.", distance=p.get("distance_km")
    ),
    "too_far": lambda p, v, lang: (
        gettext(
            "About %(distance)s km away, more than the %(limit)s km wished.",
            distance=p.get("distance_km"),
            limit=p.get("max_km"),
        )
        if p.get("max_km_given", 1)
        else gettext("About %(distance)s km away.", distance=p.get("distance_km"))
    ),
    "employment_type_match": lambda p, v, lang: gettext("The kind of work fits."),
    "employment_type_mismatch": lambda p, v, lang: gettext(
        "The kind of work differs (for example part time instead of full time)."
    ),
    "licence_ok": lambda p, v, lang: gettext("The driving licence fits."),
    "licence_missing": lambda p, v, lang: gettext(
        "Driving licence %(licence)s needed.", licence=p.get("licence")
    ),
    "available_in_time": lambda p, v, lang: gettext("Available in time."),
    "starts_later": lambda p, v, lang: gettext(
        "Available from %(available)s; the job starts on %(start)s.",
        available=_date(p.get("available_from")),
        start=_date(p.get("start_date")),
    ),
    "qualification_recognised": lambda p, v, lang: gettext("Qualification recognised in Germany."),
    "recognition_needed": lambda p, v, lang: str(
        RECOGNITION_GAPS.get(str(p.get("recognition")), RECOGNITION_GAPS["none"])
    ),
}


def render_explanation(
    explanation: matching.Explanation, vocabulary: matching.Vocabulary, language: str
) -> RenderedExplanation:
    """A sentence in the current locale for one reason or gap (unknown codes are named plainly)."""
    renderer = RENDERERS.get(explanation.code)
    text = renderer(explanation.params, vocabulary, language) if renderer else explanation.code
    return RenderedExplanation(explanation.code, text)
