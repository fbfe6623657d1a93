"""Ranked suggestions: a fair's vacancies for a seeker, consenting candidates for a vacancy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

import matching
from jobsforyou.booths.attendance import booth_numbers, fairs_attended_by, open_vacancies_at_fair
from jobsforyou.extensions import db
from jobsforyou.matchmaking.adapter import (
    candidate_from_registration,
    model_id,
    vacancy_from_model,
)
from jobsforyou.matchmaking.engine import get_matcher
from jobsforyou.matchmaking.explanations import RenderedExplanation, render_explanation
from jobsforyou.registration.models import ConsentPurpose, Registration, RegistrationStatus
from jobsforyou.scoping import Scope, scoped
from jobsforyou.vacancies.models import Vacancy

# Fairs that ended this many days ago still count, so employers can follow up their candidates.
FOLLOW_UP_DAYS = 30


@dataclass(frozen=True)
class Suggestion:
    """A ranked counterpart with its score and the reasons and gaps in the reader's language."""

    score: float
    reasons: tuple[RenderedExplanation, ...]
    gaps: tuple[RenderedExplanation, ...]


@dataclass(frozen=True)
class VacancySuggestion(Suggestion):
    """A vacancy at the seeker's fair that fits them; the occupation in the seeker's language."""

    vacancy: Vacancy
    occupation_name: str | None = None
    booth: str | None = None


@dataclass(frozen=True)
class CandidateSuggestion(Suggestion):
    """A registered seeker who agreed to share their profile and fits a vacancy."""

    registration: Registration


def _rendered(match: matching.Match, language: str) -> tuple[tuple[RenderedExplanation, ...], ...]:
    vocabulary = get_matcher().vocabulary
    return (
        tuple(render_explanation(e, vocabulary, language) for e in match.reasons),
        tuple(render_explanation(e, vocabulary, language) for e in match.gaps),
    )


def vacancies_for_registration(
    registration: Registration, language: str, limit: int
) -> list[VacancySuggestion]:
    """The fair's vacancies ranked for one seeker, best first (for the seeker's own page)."""
    vacancies = {vacancy.id: vacancy for vacancy in open_vacancies_at_fair(registration.fair)}
    if not vacancies:
        return []
    [ranking] = get_matcher().rank_vacancies(
        [candidate_from_registration(registration)],
        [vacancy_from_model(vacancy) for vacancy in vacancies.values()],
        top=limit,
    )
    vocabulary = get_matcher().vocabulary
    booths = booth_numbers(registration.fair_id)
    suggestions = []
    for match in ranking.matches:
        reasons, gaps = _rendered(match, language)
        vacancy = vacancies[model_id(match.vacancy_id)]
        occupation = vocabulary.occupation(vacancy.occupation_id) if vacancy.occupation_id else None
        suggestions.append(
            VacancySuggestion(
                score=match.score,
                reasons=reasons,
                gaps=gaps,
                vacancy=vacancy,
                occupation_name=occupation.display_name(language) if occupation else None,
                booth=booths.get(vacancy.employer_id),
            )
        )
    return suggestions


def consenting_candidates(fair_ids: list[int], scope: Scope) -> list[Registration]:
    """Registrations of these fairs whose seekers agreed to share their profile with employers.

    The reader's own scope applies: an employer user's admits consenting seekers of the fairs
    they attend, business-development staff's those of their county's fairs.
    """
    if not fair_ids:
        return []
    registrations = db.session.scalars(
        scoped(
            select(Registration).where(
                Registration.fair_id.in_(fair_ids),
                Registration.status != RegistrationStatus.WITHDRAWN,
            ),
            scope,
        )
    )
    return [r for r in registrations if r.has_consent(ConsentPurpose.SHARE_WITH_EMPLOYERS)]


def candidates_for_vacancy(
    vacancy: Vacancy, scope: Scope, language: str, limit: int, today: dt.date
) -> list[CandidateSuggestion]:
    """Consenting seekers of the fairs the vacancy's employer attends, ranked for the vacancy."""
    fairs = fairs_attended_by(vacancy.employer_id, today - dt.timedelta(days=FOLLOW_UP_DAYS))
    registrations = {r.id: r for r in consenting_candidates([fair.id for fair in fairs], scope)}
    if not registrations:
        return []
    [ranking] = get_matcher().rank_candidates(
        [candidate_from_registration(r) for r in registrations.values()],
        [vacancy_from_model(vacancy)],
        top=limit,
    )
    suggestions = []
    for match in ranking.matches:
        reasons, gaps = _rendered(match, language)
        suggestions.append(
            CandidateSuggestion(
                score=match.score,
                reasons=reasons,
                gaps=gaps,
                registration=registrations[model_id(match.candidate_id)],
            )
        )
    return suggestions
