"""Matching of job seekers and vacancies: a pure library (no Flask, no database).

Typed frozen dataclasses in and out; see matching/README.md for the pipeline, the
explanation codes, the weights and the CLI.
"""

from matching.geo import Gazetteer
from matching.jsonl import InputError, read_candidates, read_vacancies
from matching.matcher import Matcher, allocate_fair, rank_candidates, rank_vacancies
from matching.models import Candidate, Experience, Qualification, Vacancy
from matching.results import CandidateMatches, Explanation, FairPlan, Match, VacancyMatches
from matching.vocabulary import Occupation, Skill, Vocabulary, load_default_vocabulary
from matching.weights import Weights

__all__ = [
    "Candidate",
    "CandidateMatches",
    "Experience",
    "Explanation",
    "FairPlan",
    "Gazetteer",
    "InputError",
    "Match",
    "Matcher",
    "Occupation",
    "Qualification",
    "Skill",
    "Vacancy",
    "VacancyMatches",
    "Vocabulary",
    "Weights",
    "allocate_fair",
    "load_default_vocabulary",
    "rank_candidates",
    "rank_vacancies",
    "read_candidates",
    "read_vacancies",
]
