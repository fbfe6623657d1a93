"""Each side's best occupations (concepts) with confidence, source and years of experience."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching.models import Candidate, Vacancy
from matching.resolver import Resolution, Resolver

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
ConceptRow = list[tuple[int, float, int, float]]

CANDIDATE_CONCEPTS = 6
VACANCY_CONCEPTS = 4
# resolution confidence at or below which a concept counts (almost) nothing
CONFIDENCE_FLOOR = 0.4
DESIRED, EXPERIENCE = 0, 1  # the source of a candidate's concept (a vacancy's: its title, 0)


def _top_concepts(found: dict[int, tuple[float, int, float]], k: int) -> ConceptRow:
    ranked = sorted(found.items(), key=lambda item: -item[1][0])
    if not ranked:
        return []
    floor = max(0.25, 0.5 * ranked[0][1][0])
    return [(i, calibrate(c), src, yrs) for i, (c, src, yrs) in ranked[:k] if c >= floor]


def calibrate(confidence: float) -> float:
    """Map a resolution confidence to the weight of its concept: weak resolutions (below
    ``CONFIDENCE_FLOOR``) are mostly noise and count little."""
    span = 1.0 - CONFIDENCE_FLOOR
    return min(1.0, max(0.05, (confidence - CONFIDENCE_FLOOR) / span))


def _merge(
    found: dict[int, tuple[float, int, float]],
    hits: Resolution,
    factor: float,
    source: int,
    years: float,
) -> None:
    for index, conf in hits:
        value = conf * factor
        if value > found.get(index, (0.0, 0, 0.0))[0]:
            found[index] = (value, source, years)


@dataclass(slots=True)
class ConceptTable:
    """Top occupations per row: index (-1 = none), confidence, source (0 desired/title,
    1 experience) and years of experience."""

    index: IntArray
    conf: FloatArray
    source: npt.NDArray[np.int8]
    years: FloatArray

    @classmethod
    def build(cls, rows: list[ConceptRow], k: int) -> ConceptTable:
        """Pad per-row concept lists into arrays of width ``k``."""
        n = len(rows)
        table = cls(
            np.full((n, k), -1, dtype=np.int64),
            np.zeros((n, k)),
            np.zeros((n, k), dtype=np.int8),
            np.zeros((n, k)),
        )
        for r, row in enumerate(rows):
            for j, (index, conf, source, years) in enumerate(row):
                table.index[r, j] = index
                table.conf[r, j] = conf
                table.source[r, j] = source
                table.years[r, j] = years
        return table

    def sparse(self, n_occupations: int) -> sp.csr_matrix:
        """(rows × occupations) confidences as a sparse matrix."""
        rows, cols = np.nonzero(self.index >= 0)
        return sp.csr_matrix(
            (self.conf[rows, cols], (rows, self.index[rows, cols])),
            shape=(self.index.shape[0], n_occupations),
        )


def occupation_texts(candidates: Sequence[Candidate], vacancies: Sequence[Vacancy],
                     resolver: Resolver) -> list[str]:
    """Every text of both sides that names an occupation (a vacancy's vocabulary id excepted)."""
    vocabulary = resolver.vocabulary
    texts = [t for c in candidates for t in c.desired_occupations]
    texts += [e.occupation for c in candidates for e in c.experience]
    texts += [v.title for v in vacancies if v.title]
    texts += [
        v.occupation for v in vacancies
        if v.occupation and vocabulary.occupation_position(v.occupation) is None
    ]  # fmt: skip
    return texts


def candidate_concepts(candidates: Sequence[Candidate], resolved: dict[str, Resolution],
                       experience_factor: float) -> ConceptTable:
    """Per candidate the best occupations of their wishes and (discounted) experience."""
    rows = []
    for c in candidates:
        found: dict[int, tuple[float, int, float]] = {}
        for text in c.desired_occupations:
            _merge(found, resolved[text], 1.0, DESIRED, 0.0)
        for exp in c.experience:
            _merge(found, resolved[exp.occupation], experience_factor, EXPERIENCE,
                   exp.years or 0.0)
        rows.append(_top_concepts(found, CANDIDATE_CONCEPTS))
    return ConceptTable.build(rows, CANDIDATE_CONCEPTS)


def vacancy_concepts(vacancies: Sequence[Vacancy], resolved: dict[str, Resolution],
                     resolver: Resolver) -> ConceptTable:
    """Per vacancy the best occupations of its title and its stated occupation."""
    rows = []
    for v in vacancies:
        found: dict[int, tuple[float, int, float]] = {}
        if v.title:
            _merge(found, resolved[v.title], 1.0, DESIRED, 0.0)
        if v.occupation:
            position = resolver.vocabulary.occupation_position(v.occupation)
            hits = [(position, 1.0)] if position is not None else resolved[v.occupation]
            _merge(found, hits, 1.0, DESIRED, 0.0)
        rows.append(_top_concepts(found, VACANCY_CONCEPTS))
    return ConceptTable.build(rows, VACANCY_CONCEPTS)
