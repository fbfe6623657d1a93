"""A fair's match plan: each seeker's booths and each employer's candidates (reciprocal, capped),
with the organisers' decisions applied (removed pairs left out, pinned pairs added and first)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

import matching
from jobsforyou.booths.attendance import booth_numbers, open_vacancies_at_fair
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.matchmaking.adapter import candidate_from_registration, model_id, vacancy_from_model
from jobsforyou.matchmaking.engine import get_matcher
from jobsforyou.matchmaking.explanations import RenderedExplanation, render_explanation
from jobsforyou.matchmaking.services import has_evidence
from jobsforyou.printing.decisions import decisions_of
from jobsforyou.printing.models import Decision
from jobsforyou.registration.models import Registration, RegistrationStatus
from jobsforyou.registration.search import name_key
from jobsforyou.scoping import Scope, scoped
from jobsforyou.vacancies.models import Vacancy

# A seeker gets at most this many booths on their card; a vacancy lists this many per opening.
BOOTHS_PER_SEEKER = 5
CANDIDATES_PER_OPENING = 10


@dataclass(frozen=True)
class PlannedPair:
    """One planned visit: a seeker at a vacancy's booth, with the raw matching explanation."""

    registration: Registration
    vacancy: Vacancy
    booth: str | None
    match: matching.Match
    pinned: bool = False  # chosen by the organisers (kept whatever the matching suggests)

    def reasons(self, language: str) -> tuple[RenderedExplanation, ...]:
        """The reasons as sentences in a language."""
        vocabulary = get_matcher().vocabulary
        return tuple(render_explanation(e, vocabulary, language) for e in self.match.reasons)

    def gaps(self, language: str) -> tuple[RenderedExplanation, ...]:
        """The gaps as sentences in a language."""
        vocabulary = get_matcher().vocabulary
        return tuple(render_explanation(e, vocabulary, language) for e in self.match.gaps)


@dataclass
class FairPlan:
    """The planned pairs of a fair, by seeker (route order) and by employer (best first)."""

    fair: Fair
    by_registration: dict[int, list[PlannedPair]] = field(default_factory=dict)
    by_employer: dict[int, list[PlannedPair]] = field(default_factory=dict)
    # employer id -> the seekers whose pair with the employer the organisers removed
    removed: dict[int, list[Registration]] = field(default_factory=dict)


def _booth_sort_key(pair: PlannedPair) -> tuple[int, str]:
    booth = pair.booth or ""
    return (int(booth) if booth.isdigit() else 10**9, booth)


def _name_order(registration: Registration) -> tuple[str, str, int]:
    return (name_key(registration.family_name), name_key(registration.given_name),
            registration.id)


def registrations_of(fair: Fair, scope: Scope) -> list[Registration]:
    """The fair's confirmed seekers by the search key of family and given name (transliterated,
    so that Latin and Cyrillic names share one A to Z)."""
    return sorted(db.session.scalars(scoped(
        select(Registration).where(
            Registration.fair_id == fair.id,
            Registration.status == RegistrationStatus.CONFIRMED,
        ).order_by(Registration.family_name, Registration.given_name, Registration.id),
        scope,
    )), key=_name_order)


def _employer_order(pair: PlannedPair) -> tuple[bool, float]:
    return (not pair.pinned, -pair.match.score)


def _pinned_pair(candidate: matching.Candidate, registration: Registration,
                 vacancies: list[Vacancy], booth: str | None) -> PlannedPair:
    """A pinned pair the allocation did not make: the employer's best-fitting vacancy."""
    scored = [(get_matcher().score(candidate, vacancy_from_model(v)), v) for v in vacancies]
    match, vacancy = max(scored, key=lambda item: (item[0].score, -item[1].id))
    return PlannedPair(registration, vacancy, booth, match, pinned=True)


def plan_fair(fair: Fair, registrations: list[Registration]) -> FairPlan:
    """Allocate the fair (matching.allocate_fair), keep only pairs with real evidence, and apply
    the organisers' decisions: removed pairs are left out, pinned pairs are kept or added."""
    plan = FairPlan(fair)
    vacancies = {vacancy.id: vacancy for vacancy in open_vacancies_at_fair(fair)}
    if not vacancies or not registrations:
        return plan
    by_id = {registration.id: registration for registration in registrations}
    decisions = {key: d.decision for key, d in decisions_of(fair).items() if key[1] in by_id}
    candidates = {r.id: candidate_from_registration(r) for r in registrations}
    result = get_matcher().allocate_fair(
        list(candidates.values()),
        [vacancy_from_model(v) for v in vacancies.values()],
        per_vacancy=CANDIDATES_PER_OPENING, per_candidate=BOOTHS_PER_SEEKER,
    )
    booths = booth_numbers(fair.id)
    by_registration: dict[int, list[PlannedPair]] = defaultdict(list)
    by_employer: dict[int, list[PlannedPair]] = defaultdict(list)
    planned: set[tuple[int, int]] = set()

    def add(pair: PlannedPair) -> None:
        by_registration[pair.registration.id].append(pair)
        by_employer[pair.vacancy.employer_id].append(pair)
        planned.add((pair.vacancy.employer_id, pair.registration.id))

    for route in result.routes:
        for match in filter(has_evidence, route.matches):
            vacancy = vacancies[model_id(match.vacancy_id)]
            registration = by_id[model_id(match.candidate_id)]
            decision = decisions.get((vacancy.employer_id, registration.id))
            if decision == Decision.REMOVED:
                continue
            add(PlannedPair(registration, vacancy, booths.get(vacancy.employer_id), match,
                            pinned=decision == Decision.PINNED))
    by_employer_vacancies: dict[int, list[Vacancy]] = defaultdict(list)
    for vacancy in vacancies.values():
        by_employer_vacancies[vacancy.employer_id].append(vacancy)
    for (employer_id, registration_id), decision in decisions.items():
        if decision == Decision.REMOVED:
            plan.removed.setdefault(employer_id, []).append(by_id[registration_id])
        elif (employer_id, registration_id) not in planned and by_employer_vacancies[employer_id]:
            add(_pinned_pair(candidates[registration_id], by_id[registration_id],
                             by_employer_vacancies[employer_id], booths.get(employer_id)))
    plan.by_registration = {rid: sorted(pairs, key=_booth_sort_key)
                            for rid, pairs in by_registration.items()}
    plan.by_employer = {eid: sorted(pairs, key=_employer_order)
                        for eid, pairs in by_employer.items()}
    plan.removed = {eid: sorted(found, key=_name_order) for eid, found in plan.removed.items()}
    return plan
