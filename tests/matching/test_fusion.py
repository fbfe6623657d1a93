"""The occupation signal adds concept evidence to the text and never loses to plain TF-IDF."""

from __future__ import annotations

import numpy as np
import pytest

from matching import Candidate, Matcher, Vacancy
from matching.evaluate import matcher_ranker, tfidf_ranker
from matching.fusion import CONCEPT_ALONE, default_fusion

# Titles of the shipped vocabulary's concepts next to a sibling the concept confuses them with
SIBLINGS = [
    "Astrologe/Astrologin", "Hydrologe/Hydrologin", "Färber/Färberin",
    "Textilveredler/Textilveredlerin", "Heilpädagoge/Heilpädagogin",
    "Umweltpädagoge/Umweltpädagogin", "Fleischer/Fleischerin", "Schlachter/Schlachterin",
    "Bulldozerfahrer/Bulldozerfahrerin", "Vervielfältiger/Vervielfältigerin",
]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hydrologe/Hydrologin", "Hydrologe/Hydrologin"),
        ("Hydrologin", "Hydrologe/Hydrologin"),
        ("Textilveredler (m/w/d)", "Textilveredler/Textilveredlerin"),
        ("Umweltpädagogin", "Umweltpädagoge/Umweltpädagogin"),
        ("SCHLACHTER", "Schlachter/Schlachterin"),
        ("Vervielfältiger", "Vervielfältiger/Vervielfältigerin"),
    ],
)
def test_an_identical_title_after_normalisation_ranks_first(
    real_matcher: Matcher, query: str, expected: str
) -> None:
    ranking = matcher_ranker(real_matcher)([query], SIBLINGS)[0]
    assert SIBLINGS[ranking[0]] == expected


def test_german_titles_rank_at_least_as_plain_tfidf_ranks_them(real_matcher: Matcher) -> None:
    # invented trades no concept knows, and real titles whose concept has confusable siblings
    pool = ["Quorkelschleifer/Quorkelschleiferin", "Quorkelprüfer", "Bramsenschleifer",
            "Bramsenwickler (m/w/d)", "Zwirbelgießer", "Zwirbelputzer", "Lagerhelfer (m/w/d)",
            "Kriminalbeamter/Kriminalbeamtin", "Kriminalkommissarin", "Dirigentin",
            "Disponentin", "Archäologe/Archäologin", "Historiker/Historikerin"]  # fmt: skip
    queries = ["Quorkelschleifer", "Bramsenwickler", "Zwirbelgießerin", "Quorkelprüferin",
               "Kriminalbeamtin", "Dirigent", "Archäologe"]  # fmt: skip
    ours = matcher_ranker(real_matcher)(queries, pool)
    plain = tfidf_ranker(queries, pool)
    for query, mine, theirs in zip(queries, ours, plain, strict=True):
        assert mine and mine[0] == theirs[0], query


def test_a_concept_adds_to_the_text_and_does_not_replace_it(real_matcher: Matcher) -> None:
    seeker = Candidate("c", desired_occupations=("Schlachter",))
    same_words = real_matcher.score(seeker, Vacancy("a", title="Schlachter im Schlachthof"))
    other_words = real_matcher.score(seeker, Vacancy("b", title="Fleischer/Fleischerin"))
    assert same_words.score > other_words.score


def test_writing_in_ones_own_script_keeps_the_concepts_level(real_matcher: Matcher) -> None:
    job = Vacancy("v", title="Berufskraftfahrer (m/w/d)")
    ukrainian = real_matcher.score(Candidate("u", desired_occupations=("водій фури",)), job)
    arabic = real_matcher.score(Candidate("a", desired_occupations=("سائق شاحنة",)), job)
    for match in (ukrainian, arabic):
        assert match.score >= CONCEPT_ALONE
        assert match.reasons[0].code == "occupation_match"


def test_the_shipped_coefficients_weigh_every_piece_of_evidence_positively() -> None:
    fusion = default_fusion()
    assert min(fusion.concept, fusion.named, fusion.direct, fusion.exact) > 0
    ones, zeros = np.ones(1), np.zeros(1)
    no = np.zeros(1, dtype=np.bool_)
    yes = np.ones(1, dtype=np.bool_)
    full = fusion.combine(ones, ones, ones, no, yes, yes)
    text_less = fusion.combine(ones, ones, zeros, no, yes, yes)
    assert full[0] > text_less[0]
    assert fusion.combine(zeros, zeros, ones * 0.2, yes, yes, yes)[0] == 1.0


@pytest.mark.parametrize(
    ("query", "same_group"),
    [
        ("начальник будівництва", "Bauleiter (m/w/d)"),  # uk: site manager → 1323
        ("керівник служби персоналу", "Personalleiter/in"),  # uk: head of personnel → 1212
        ("директор з комунікацій", "Marketingleiter/in"),  # uk: head of communications → 1222
    ],
)
def test_a_query_that_reaches_no_occupation_reaches_its_isco_group(
    real_matcher: Matcher, query: str, same_group: str
) -> None:
    hits = real_matcher.vocabulary.resolve_occupation(query, limit=3)
    assert hits and all(o.id.startswith("isco:") for o, _ in hits)  # only the group knows it
    pool = ["Lagerhelfer (m/w/d)", "Koch/Köchin", same_group, "Reinigungskraft (m/w/d)"]
    ranking = matcher_ranker(real_matcher)([query], pool)[0]
    assert ranking and pool[ranking[0]] == same_group


def test_every_isco_unit_group_is_named_in_every_language() -> None:
    from matching.isco_groups import coverage
    from matching.vocabulary import DATA_DIR, LANGUAGES

    named = coverage(DATA_DIR / "isco08")
    assert {language: groups for language, (groups, _) in named.items()} == dict.fromkeys(
        LANGUAGES, 436)
