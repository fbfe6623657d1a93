"""Ranking in both directions and the fair allocation's fairness."""

from __future__ import annotations

import numpy as np
import pytest

from matching import Candidate, Matcher, Vacancy
from matching.fair import allocate, rank_preference

VACANCIES = [
    Vacancy("v_truck", title="Berufskraftfahrer (m/w/d)"),
    Vacancy("v_fork", title="Staplerfahrer/in"),
    Vacancy("v_hair", title="Friseur/in in Vollzeit"),
    Vacancy("v_cook", title="Koch/Köchin ab sofort"),
]
CANDIDATES = [
    Candidate("c_driver", desired_occupations=("водій фури",)),
    Candidate("c_barber", desired_occupations=("حلاق",)),
    Candidate("c_nothing"),
]


def test_rank_vacancies_best_first(matcher: Matcher) -> None:
    results = matcher.rank_vacancies(CANDIDATES, VACANCIES, top=2)
    assert [r.candidate_id for r in results] == ["c_driver", "c_barber", "c_nothing"]
    driver = [m.vacancy_id for m in results[0].matches]
    assert driver == ["v_truck", "v_fork"]
    scores = [m.score for m in results[0].matches]
    assert scores == sorted(scores, reverse=True)
    assert results[1].matches[0].vacancy_id == "v_hair"
    assert results[2].matches == ()  # nothing in common: a line with no matches


def test_rank_candidates(matcher: Matcher) -> None:
    results = matcher.rank_candidates(CANDIDATES, VACANCIES, top=5)
    assert [r.vacancy_id for r in results] == ["v_truck", "v_fork", "v_hair", "v_cook"]
    assert results[0].matches[0].candidate_id == "c_driver"
    assert results[2].matches[0].candidate_id == "c_barber"


def test_exact_title_beats_its_siblings(matcher: Matcher) -> None:
    vacancies = [
        Vacancy(str(i), title=t)
        for i, t in enumerate(
            [
                "Lagerhelfer",
                "Kommissionierer/Kommissioniererin",
                "Fachkraft - Lagerlogistik",
                "Lagerarbeiter/Lagerarbeiterin",
            ]
        )
    ]
    results = matcher.rank_vacancies(
        [Candidate("q", desired_occupations=("order picker",))], vacancies, top=4
    )
    assert results[0].matches[0].vacancy_id == "1"
    assert len({m.score for m in results[0].matches}) == 4  # no ties


def test_rank_preference() -> None:
    groups = np.array([0, 0, 0, 1])
    pref = rank_preference(groups, np.array([0.2, 0.9, 0.5, 0.1]))
    assert pref.tolist() == pytest.approx([1 / 3, 1.0, 2 / 3, 1.0])


def test_allocate_spreads_booths() -> None:
    # candidate 0 is the best for every vacancy; each vacancy has one slot
    cand = np.array([0, 0, 0, 1, 2, 3])
    vac = np.array([0, 1, 2, 0, 1, 2])
    score = np.array([0.95, 0.95, 0.95, 0.7, 0.7, 0.7])
    chosen = allocate(cand, vac, score, np.array([1, 1, 1]), per_candidate=3, min_score=0.25)
    assert chosen.sum() == 3
    assert sorted(set(cand[chosen].tolist())) != [0]
    assert (cand[chosen] == 0).sum() == 1  # the strong candidate gets one booth, not all


def test_allocate_fair_is_fair(matcher: Matcher) -> None:
    # one strong all-rounder fits every warehouse job; three others fit one job each
    star = Candidate(
        "star",
        desired_occupations=("Lagerhelfer", "Kommissionierer", "Staplerfahrer"),
        german_level="C1",
        driving_licences=("CE",),
    )
    others = [
        Candidate("a", desired_occupations=("Lagerhelfer",), german_level="A2"),
        Candidate("b", desired_occupations=("Kommissionierer",), german_level="A2"),
        Candidate("c", desired_occupations=("Staplerfahrer",), german_level="A2"),
    ]
    jobs = [
        Vacancy("lager", title="Lagerhelfer", german_level_min="A2"),
        Vacancy("pick", title="Kommissionierer", german_level_min="A2"),
        Vacancy("fork", title="Staplerfahrer", german_level_min="A2"),
    ]
    plan = matcher.allocate_fair([star, *others], jobs, per_vacancy=1, per_candidate=3)
    routes = {r.candidate_id: [m.vacancy_id for m in r.matches] for r in plan.routes}
    assert len(routes["star"]) <= 1
    assert routes["a"] == ["lager"] or routes["b"] == ["pick"] or routes["c"] == ["fork"]
    assert sum(1 for c in ("a", "b", "c") if routes[c]) >= 2
    for invitation in plan.invitations:
        assert len(invitation.matches) <= 1
    # naive top-1 per vacancy would give every list to the star
    naive = matcher.rank_candidates([star, *others], jobs, top=1)
    assert {r.matches[0].candidate_id for r in naive} == {"star"}


def test_openings_scale_the_list(matcher: Matcher) -> None:
    job = Vacancy("lager", title="Lagerhelfer", openings=2)
    people = [Candidate(f"p{i}", desired_occupations=("Lagerhelfer",)) for i in range(5)]
    plan = matcher.allocate_fair(people, [job], per_vacancy=2, per_candidate=1)
    assert len(plan.invitations[0].matches) == 4
