"""How the occupation signal fuses the vocabulary's evidence with the plain text similarity.

Four pieces of evidence per pair: ``concept`` (the resolved occupations' relation × their
confidences), ``named`` (the title against the names of the candidate's resolved occupations, in
every language), ``direct`` (the candidate's own words against the title: character TF-IDF fitted
on the call's texts, rapidfuzz for words that resolved poorly) and ``exact`` (identical after
normalisation: gender forms, (m/w/d), slash forms, case). They are added in logit space, so a
concept adds evidence to the text and never replaces it, and the result is scaled so that a pair
with all four at their maximum scores 1.0. Where the words cannot be compared at all (a
seeker who wrote in Arabic, Persian or Cyrillic script, a vacancy with an occupation but no
title), the concept keeps the level it had before text was fused in: ``CONCEPT_ALONE`` ×
concept plus the rest × the title's similarity to the concept's names (the concept alone where
there is no title): so writing in one's own script does not rank a seeker below
one who wrote German for the same occupation. (Latin-script languages other than German — en,
tr, ku — are compared as text, which favours titles sharing their words; a known limit.)

The coefficients are fitted on data, not set by hand: ``benchmarks/calibrate_fusion.py`` fits a
logistic regression on the shortlisted pairs of the first evaluation set (``benchmarks/eval/``;
never the frozen set) and writes ``matching/data/fusion.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

FUSION_FILE = Path(__file__).resolve().parent / "data" / "fusion.json"
FEATURES = ("concept", "named", "direct", "exact")
# the occupation signal of a certain concept match without any text evidence (below 1.0, so
# that the same concept with the same words ranks first)
CONCEPT_ALONE = 0.85


def _sigmoid(z: FloatArray) -> FloatArray:
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Fusion:
    """Logit coefficients of the occupation evidence (see the module docstring)."""

    bias: float
    concept: float
    named: float
    direct: float
    exact: float

    def logit(
        self, concept: FloatArray, named: FloatArray, direct: FloatArray, exact: BoolArray
    ) -> FloatArray:
        """The fused evidence in logit space."""
        return np.asarray(
            self.bias + self.concept * concept + self.named * named + self.direct * direct
            + self.exact * exact.astype(np.float64),
            dtype=np.float64,
        )  # fmt: skip

    def combine(
        self,
        concept: FloatArray,
        named: FloatArray,
        direct: FloatArray,
        exact: BoolArray,
        comparable: BoolArray,
        titled: BoolArray,
    ) -> FloatArray:
        """Occupation signal in 0..1: the fused probability, 1.0 for the best possible pair and
        for an identical title (the same words after normalisation are the same job)."""
        top = _sigmoid(np.array([self.bias + self.concept + self.named + self.direct + self.exact]))
        fused = _sigmoid(self.logit(concept, named, direct, exact)) / top[0]
        across_scripts = CONCEPT_ALONE * concept + (1 - CONCEPT_ALONE) * named
        alone = np.where(comparable, 0.0, np.where(titled, across_scripts, concept))
        return np.where(exact, 1.0, np.maximum(np.clip(fused, 0.0, 1.0), alone))

    def as_dict(self) -> dict[str, float]:
        """The coefficients, for the data file."""
        return {"bias": self.bias, **{name: getattr(self, name) for name in FEATURES}}


@cache
def default_fusion() -> Fusion:
    """The calibrated coefficients shipped in ``matching/data/fusion.json``."""
    data = json.loads(FUSION_FILE.read_text(encoding="utf-8"))
    return Fusion(**{key: float(data["coefficients"][key]) for key in ("bias", *FEATURES)})
