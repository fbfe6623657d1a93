"""Weights of the scoring signals and the relation factors of the occupation signal."""

from __future__ import annotations

from dataclasses import dataclass, field

from matching.fusion import Fusion, default_fusion

HARD_FILTERS: tuple[str, ...] = ("licence", "german_level", "distance", "employment_type")


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the signals of a (candidate, vacancy) score; callers may override any.

    The score is the weighted mean of the signals that are known for the pair, so an unknown
    field is neither rewarded nor punished. ``hard_filters`` lists gaps that remove a pair
    completely (any of ``HARD_FILTERS``); by default none do: near misses stay visible.
    """

    occupation: float = 0.50
    skills: float = 0.12
    german_level: float = 0.10
    distance: float = 0.08
    licence: float = 0.06
    employment_type: float = 0.04
    start_date: float = 0.03
    languages: float = 0.03
    recognition: float = 0.04
    # occupation signal: factor per relation between the two resolved occupations
    same_occupation: float = 1.0
    same_group: float = 0.78
    related_occupation: float = 0.70
    same_isco_minor: float = 0.45
    experience_factor: float = 0.9
    # score lost per missing German level (B1 required, A2 held: 1 level)
    german_level_step: float = 0.35
    # score lost per 30 days that a candidate becomes available after the start date
    start_delay_per_month: float = 0.25
    hard_filters: frozenset[str] = field(default_factory=frozenset)
    # how the occupation signal fuses concept and text evidence (calibrated, matching/fusion.py)
    fusion: Fusion = field(default_factory=default_fusion)
