"""Allocation for a whole fair: reciprocal preferences and a capacity-aware greedy.

Each side ranks the other: a candidate's preference for a vacancy is its rank-normalised
position among the candidate's scored vacancies (best = 1.0), and likewise for the vacancy.
The reciprocal preference is their harmonic mean; pairs are taken in order of reciprocal
preference × score. Phase 1 gives every candidate at most one booth, phase 2 fills up to
``per_candidate`` — so one strong candidate cannot fill every employer's list while others
get none. A vacancy takes at most ``per_vacancy × openings`` candidates.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def rank_preference(groups: IntArray, score: FloatArray) -> FloatArray:
    """Per pair 1 − rank/size within its group (best in the group = 1.0)."""
    order = np.lexsort((-score, groups))
    sorted_groups = groups[order]
    starts = np.searchsorted(sorted_groups, sorted_groups, side="left")
    sizes = np.bincount(groups)[sorted_groups]
    rank = np.arange(len(order)) - starts
    pref = np.empty(len(order))
    pref[order] = 1.0 - rank / np.maximum(sizes, 1)
    return pref


def reciprocal_preference(cand: IntArray, vac: IntArray, score: FloatArray) -> FloatArray:
    """Harmonic mean of the candidate's and the vacancy's rank-normalised preference."""
    if len(score) == 0:
        return np.zeros(0)
    pc = rank_preference(cand, score)
    pv = rank_preference(vac, score)
    return 2 * pc * pv / np.maximum(pc + pv, 1e-12)


def allocate(
    cand: IntArray,
    vac: IntArray,
    score: FloatArray,
    capacity: IntArray,
    per_candidate: int,
    min_score: float,
) -> npt.NDArray[np.bool_]:
    """Which pairs to keep: capacity-aware two-phase greedy on reciprocal preference."""
    chosen = np.zeros(len(score), dtype=np.bool_)
    eligible = score >= min_score
    priority = reciprocal_preference(cand, vac, score) * score
    order = np.argsort(-priority, kind="stable")
    order = order[eligible[order]]
    taken_by_candidate = np.zeros(int(cand.max(initial=-1)) + 1, dtype=np.int64)
    left = capacity.copy()
    for cap in (1, per_candidate):
        for k in order.tolist():
            c, v = cand[k], vac[k]
            if chosen[k] or taken_by_candidate[c] >= cap or left[v] <= 0:
                continue
            chosen[k] = True
            taken_by_candidate[c] += 1
            left[v] -= 1
    return chosen
