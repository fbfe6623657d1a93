"""Ranked suggestions: a fair's vacancies for a seeker, consenting candidates for a vacancy."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import select

import matching
from jobsforyou.booths.attendance import booth_numbers, fairs_attended_by, open_vacancies_at_fair
from jobsforyou.booths.models import BoothRequest, BoothRequestStatus
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.matchmaking.adapter import (
    candidate_from_registration,
    model_id,
    vacancy_from_model,
)
from jobsforyou.matchmaking.engine import get_matcher
from jobsforyou.matchmaking.explanations import RenderedExplanation, render_explanation
from jobsforyou.registration.models import ConsentPurpose, Registration, RegistrationStatus
from jobsforyou.scoping import SYSTEM, Scope, scoped
from jobsforyou.vacancies.models import Vacancy

# Reasons that are evidence that a seeker and a job belong together. A pair whose only reasons
# are "speaks a helpful language" or "the kind of work fits" is not suggested: a list ends where
# the evidence ends instead of being padded.
EVIDENCE = frozenset({
    "occupation_match", "experience_match", "occupation_related", "occupation_similar_title",
    "skills_matched",
})


def has_evidence(match: matching.Match) -> bool:
    """Whether a match has a reason that ties the seeker's occupation or skills to the job."""
    return any(reason.code in EVIDENCE for reason in match.reasons)


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
class WishedOccupation:
    """An occupation in the seeker's own words, with the German name of what it was read as."""

    words: str
    german_name: str | None


@dataclass(frozen=True)
class CandidateSuggestion(Suggestion):
    """A registered seeker who agreed to share their profile and fits a vacancy."""

    registration: Registration
    wished: tuple[WishedOccupation, ...] = ()


# resolutions at least this confident are named; weaker ones would mislead the employer
RECOGNISED_CONFIDENCE = 0.75


def wished_occupations(registration: Registration) -> tuple[WishedOccupation, ...]:
    """The seeker's wished occupations, each with the German name of the recognised occupation
    (None where the words were not recognised with confidence, or are German already)."""
    vocabulary = get_matcher().vocabulary
    wished = []
    for words in registration.desired_occupations:
        found = vocabulary.resolve_occupation(words, registration.language, limit=1)
        name = None
        if found and found[0][1] >= RECOGNISED_CONFIDENCE:
            name = found[0][0].display_name("de")
            if name.casefold() == words.strip().casefold():
                name = None
        wished.append(WishedOccupation(words, name))
    return tuple(wished)


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
    for match in filter(has_evidence, ranking.matches):
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
    for match in filter(has_evidence, ranking.matches):
        reasons, gaps = _rendered(match, language)
        suggestions.append(
            CandidateSuggestion(
                score=match.score,
                reasons=reasons,
                gaps=gaps,
                registration=registrations[model_id(match.candidate_id)],
                wished=wished_occupations(registrations[model_id(match.candidate_id)]),
            )
        )
    return suggestions


class NoCandidatesReason(enum.StrEnum):
    """Why a vacancy has no candidates to show, so the page can say what to do."""

    NO_BOOTH = "no_booth"  # the employer has asked for no booth at a coming fair
    BOOTH_NOT_APPROVED = "booth_not_approved"  # asked, but not approved yet
    NOBODY_SHARED = "nobody_shared"  # booth held, but no seeker has shared their profile yet
    NONE_FIT = "none_fit"  # seekers shared their profiles, none fits this vacancy


def why_no_candidates(vacancy: Vacancy, scope: Scope, today: dt.date) -> NoCandidatesReason:
    """The reason an empty candidate list is empty (call it only when the list is empty)."""
    since = today - dt.timedelta(days=FOLLOW_UP_DAYS)
    fairs = fairs_attended_by(vacancy.employer_id, since)
    if not fairs:
        waiting = db.session.scalar(scoped(
            select(BoothRequest.id).where(
                BoothRequest.employer_id == vacancy.employer_id,
                BoothRequest.status.in_(
                    (BoothRequestStatus.REQUESTED, BoothRequestStatus.WAITLISTED)),
                BoothRequest.fair_id.in_(select(Fair.id).where(Fair.date >= today)),
            ).limit(1),
            SYSTEM,  # the employer's own requests; only whether one exists is used
        ))
        return (NoCandidatesReason.BOOTH_NOT_APPROVED if waiting is not None
                else NoCandidatesReason.NO_BOOTH)
    if not consenting_candidates([fair.id for fair in fairs], scope):
        return NoCandidatesReason.NOBODY_SHARED
    return NoCandidatesReason.NONE_FIT
