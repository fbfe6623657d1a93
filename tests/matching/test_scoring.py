"""Scoring: each signal, unknown fields neutral, reasons and gaps, licences, distance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matching import (
    Candidate,
    Experience,
    Gazetteer,
    Matcher,
    Qualification,
    Vacancy,
    Vocabulary,
    Weights,
)
from matching.geo import ROAD_FACTOR, haversine_km
from matching.licences import implied_licences
from matching.results import Match


def codes(match: Match) -> tuple[set[str], set[str]]:
    return {r.code for r in match.reasons}, {g.code for g in match.gaps}


def param(match: Match, code: str) -> dict[str, object]:
    for e in (*match.reasons, *match.gaps):
        if e.code == code:
            return dict(e.params)
    raise AssertionError(f"{code} not in {match}")


DRIVER = Candidate("c", desired_occupations=("водій фури",))
TRUCK_JOB = Vacancy("v", title="Berufskraftfahrer (m/w/d)")


def test_same_occupation_across_languages(matcher: Matcher) -> None:
    match = matcher.score(DRIVER, TRUCK_JOB)
    assert match.score > 0.9
    assert param(match, "occupation_match") == {"occupation": "truck_driver"}


def test_related_and_unrelated_occupations_order(matcher: Matcher) -> None:
    same = matcher.score(DRIVER, TRUCK_JOB).score
    related = matcher.score(DRIVER, Vacancy("v", title="Staplerfahrer")).score
    other = matcher.score(DRIVER, Vacancy("v", title="Friseur")).score
    assert same > related > other
    assert (
        "occupation_related" in codes(matcher.score(DRIVER, Vacancy("v", title="Staplerfahrer")))[0]
    )


def test_unknown_title_scored_by_text_similarity(matcher: Matcher) -> None:
    match = matcher.score(
        Candidate("c", desired_occupations=("Imker",)), Vacancy("v", title="Imker (m/w/d)")
    )
    assert match.score > 0.8
    assert "occupation_similar_title" in codes(match)[0]


def test_missing_fields_are_neutral(matcher: Matcher) -> None:
    base = matcher.score(DRIVER, TRUCK_JOB).score
    # the vacancy asks things the candidate did not say: no change
    vacancy = replace(
        TRUCK_JOB,
        german_level_min="B1",
        driving_licences_required=("CE",),
        postcode="49124",
        employment_type="full_time",
        start_date=date(2027, 1, 1),
        required_skills=("MAG-Schweißen",),
        qualification_required=True,
    )
    assert matcher.score(DRIVER, vacancy).score == pytest.approx(base)
    # the candidate says things the vacancy did not ask: no change
    candidate = replace(
        DRIVER,
        german_level="A1",
        driving_licences=("B",),
        postcode="49565",
        employment_types=("part_time",),
        available_from=date(2027, 6, 1),
        skills=("MIG welding",),
        qualifications=(Qualification("Driver", "none"),),
    )
    assert matcher.score(candidate, TRUCK_JOB).score == pytest.approx(base)
    assert matcher.score(candidate, TRUCK_JOB).gaps == ()


def test_german_level(matcher: Matcher) -> None:
    job = replace(TRUCK_JOB, german_level_min="B1")
    ok = matcher.score(replace(DRIVER, german_level="B2"), job)
    below = matcher.score(replace(DRIVER, german_level="A2"), job)
    assert param(ok, "german_level_ok") == {"required": "B1", "actual": "B2"}
    assert param(below, "german_level_below") == {
        "required": "B1",
        "actual": "A2",
        "levels_missing": 1,
    }
    assert below.score < ok.score


@pytest.mark.parametrize(
    ("held", "required", "ok"),
    [
        (("CE",), "C", True),
        (("CE",), "B", True),
        (("C",), "CE", False),
        (("B",), "C1", False),
        (("C1E",), "BE", True),
        (("DE",), "D", True),
        (("A",), "AM", True),
    ],
)
def test_licence_implications(
    matcher: Matcher, held: tuple[str, ...], required: str, ok: bool
) -> None:
    match = matcher.score(
        replace(DRIVER, driving_licences=held),
        replace(TRUCK_JOB, driving_licences_required=(required,)),
    )
    if ok:
        assert "licence_ok" in codes(match)[0]
    else:
        assert param(match, "licence_missing") == {"licence": required}


def test_implied_licences_closure() -> None:
    assert implied_licences(["CE"]) >= {"C", "C1", "C1E", "B", "BE", "T", "L", "AM"}
    assert "C" not in implied_licences(["B"])


def test_distance(matcher: Matcher, gazetteer: Gazetteer) -> None:
    near = matcher.score(
        replace(DRIVER, postcode="49565", max_commute_km=25),
        replace(TRUCK_JOB, municipality="Bramsche"),
    )
    assert param(near, "within_reach") == {"distance_km": 0, "max_km": 25, "max_km_given": 1}
    far = matcher.score(
        replace(DRIVER, postcode="49610", max_commute_km=25), replace(TRUCK_JOB, postcode="49328")
    )
    gap = param(far, "too_far")
    expected = haversine_km(52.676, 7.956, 52.202, 8.336) * ROAD_FACTOR
    assert gap == {"distance_km": round(expected), "max_km": 25, "max_km_given": 1}
    assert far.score < near.score
    # "not sure": the default reach is used for the score but is not the candidate's wish
    unsure = matcher.score(
        replace(DRIVER, postcode="49610", max_commute_km=None), replace(TRUCK_JOB, postcode="49328")
    )
    assert param(unsure, "too_far")["max_km_given"] == 0
    unknown = matcher.score(replace(DRIVER, postcode="99999"), replace(TRUCK_JOB, postcode="49328"))
    assert not {"too_far", "within_reach"} & (codes(unknown)[0] | codes(unknown)[1])


def test_gazetteer_lookup(gazetteer: Gazetteer) -> None:
    assert gazetteer.locate("49326", None) is not None
    place = gazetteer.locate(None, "GEORGSMARIENHUETTE")
    assert place is not None and place.ags == "03459019"
    assert gazetteer.locate("00000", "Atlantis") is None


def test_skills(matcher: Matcher) -> None:
    job = replace(
        TRUCK_JOB, required_skills=("MAG-Schweißen", "Staplerschein"), optional_skills=("HACCP",)
    )
    match = matcher.score(replace(DRIVER, skills=("MAG welding", "Imkerei")), job)
    assert param(match, "skills_matched") == {"skills": ("mag_welding",)}
    assert param(match, "skills_missing") == {"skills": ("forklift_licence",)}
    unknown_skill = matcher.score(
        replace(DRIVER, skills=("Imkerei",)), replace(TRUCK_JOB, required_skills=("imkerei",))
    )
    assert param(unknown_skill, "skills_matched") == {"skills": ("Imkerei",)}


def test_employment_type_start_languages_recognition(matcher: Matcher) -> None:
    job = replace(
        TRUCK_JOB,
        employment_type="full_time",
        start_date=date(2027, 1, 1),
        languages_helpful=("uk",),
        qualification_required=True,
    )
    good = matcher.score(
        replace(
            DRIVER,
            employment_types=("full_time",),
            languages=("uk",),
            available_from=date(2026, 12, 1),
            qualifications=(Qualification("Driver", "recognised"),),
        ),
        job,
    )
    assert {"employment_type_match", "available_in_time", "languages_helpful"} <= codes(good)[0]
    bad = matcher.score(
        replace(
            DRIVER,
            employment_types=("mini_job",),
            available_from=date(2027, 2, 1),
            qualifications=(Qualification("Driver", "in_progress"),),
        ),
        job,
    )
    assert {"employment_type_mismatch", "starts_later", "recognition_needed"} <= codes(bad)[1]
    assert param(bad, "starts_later")["start_date"] == "2027-01-01"
    assert bad.score < good.score


def test_weights_can_be_overridden(vocabulary: Vocabulary, gazetteer: Gazetteer) -> None:
    job = replace(TRUCK_JOB, german_level_min="C1")
    cand = replace(DRIVER, german_level="A1")
    default = Matcher(vocabulary, gazetteer).score(cand, job).score
    german_heavy = Matcher(vocabulary, gazetteer, Weights(german_level=2.0)).score(cand, job).score
    assert german_heavy < default


def test_hard_filter_removes_pair(vocabulary: Vocabulary, gazetteer: Gazetteer) -> None:
    job = replace(TRUCK_JOB, id="v1", driving_licences_required=("CE",))
    cand = replace(DRIVER, driving_licences=("B",))
    soft = Matcher(vocabulary, gazetteer).rank_vacancies([cand], [job])
    assert [m.vacancy_id for m in soft[0].matches] == ["v1"]  # near miss stays visible
    hard = Matcher(vocabulary, gazetteer, Weights(hard_filters=frozenset({"licence"})))
    assert hard.rank_vacancies([cand], [job])[0].matches == ()


def test_licence_written_as_a_skill(matcher: Matcher) -> None:
    job = replace(TRUCK_JOB, required_skills=("Führerschein CE", "MAG-Schweißen"))
    holder = matcher.score(replace(DRIVER, skills=("MAG welding",), driving_licences=("CE",)), job)
    assert param(holder, "skills_matched") == {"skills": ("licence_ce", "mag_welding")}
    assert "licence_ok" in codes(holder)[0]
    lacking = matcher.score(replace(DRIVER, skills=("MAG welding",), driving_licences=("B",)), job)
    assert param(lacking, "licence_missing") == {"licence": "CE"}


def test_experience_counts_a_little_less_than_a_wish(matcher: Matcher) -> None:
    wished = matcher.score(DRIVER, TRUCK_JOB)
    done = matcher.score(Candidate("c", experience=(Experience("водій фури", 5),)), TRUCK_JOB)
    assert param(done, "experience_match") == {"occupation": "truck_driver", "years": 5}
    assert done.score < wished.score
