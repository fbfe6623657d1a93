"""Shortlist of pairs that share something, from sparse row×concept products.

Concepts are occupations (widened through the relation matrix: same group, related, ISCO minor
group) and skills. The product only touches pairs with a shared concept, so the cost grows with
the pairs that can match, not with all pairs. Rows that share nothing with enough columns are
topped up by the title similarity to their resolved occupations.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

SKILL_SHARE_WEIGHT = 0.3
ROW_CHUNK = 2048
MIN_FALLBACK_SIMILARITY = 0.2
TIE_ALLOWANCE = 8


def top_per_row(matrix: sp.csr_matrix, keep: int) -> tuple[IntArray, IntArray]:
    """(row, column) of the ``keep`` largest entries of each row of a CSR matrix; entries tied
    with the ``keep``-th are kept too (up to ``TIE_ALLOWANCE`` × ``keep``), so that exact
    scoring, not the order of the matrix, decides between equally shortlisted pairs."""
    rows: list[IntArray] = []
    cols: list[IntArray] = []
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for r in range(matrix.shape[0]):
        lo, hi = indptr[r], indptr[r + 1]
        if hi == lo:
            continue
        if hi - lo > keep:
            values = data[lo:hi]
            threshold = np.partition(values, hi - lo - keep)[hi - lo - keep]
            best = np.nonzero(values >= threshold * (1 - 1e-6))[0]
            if len(best) > TIE_ALLOWANCE * keep:
                best = np.argpartition(-values, TIE_ALLOWANCE * keep - 1)[: TIE_ALLOWANCE * keep]
            chosen = indices[lo:hi][best]
        else:
            chosen = indices[lo:hi]
        cols.append(chosen.astype(np.int64))
        rows.append(np.full(len(chosen), r, dtype=np.int64))
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(cols)


def shortlist_pairs(
    row_concepts: sp.csr_matrix,
    col_concepts: sp.csr_matrix,
    relations: sp.csr_matrix,
    row_skills: sp.csr_matrix,
    col_skills: sp.csr_matrix,
    keep: int,
) -> tuple[IntArray, IntArray]:
    """Up to ``keep`` columns per row with the largest shared-concept weight."""
    widened = (row_concepts @ relations).tocsr()
    col_t = col_concepts.T.tocsr()
    skills_t = col_skills.T.tocsr()
    use_skills = row_skills.nnz > 0 and col_skills.nnz > 0
    all_rows: list[IntArray] = []
    all_cols: list[IntArray] = []
    for start in range(0, row_concepts.shape[0], ROW_CHUNK):
        stop = min(start + ROW_CHUNK, row_concepts.shape[0])
        product = widened[start:stop] @ col_t
        if use_skills:
            product = product + SKILL_SHARE_WEIGHT * (row_skills[start:stop] @ skills_t)
        rows, cols = top_per_row(product.tocsr(), keep)
        all_rows.append(rows + start)
        all_cols.append(cols)
    if not all_rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(all_rows), np.concatenate(all_cols)


def top_up(
    rows: IntArray,
    cols: IntArray,
    n_rows: int,
    wanted: int,
    keep: int,
    similarity_of_row: Callable[[int], FloatArray],
) -> tuple[IntArray, IntArray]:
    """Add best-effort columns by text similarity for rows with fewer than ``wanted`` pairs.

    ``similarity_of_row(r)`` returns a similarity array over all columns.
    """
    counts = np.bincount(rows, minlength=n_rows)
    extra_rows: list[IntArray] = [rows]
    extra_cols: list[IntArray] = [cols]
    for r in np.nonzero(counts < wanted)[0].tolist():
        sims = similarity_of_row(r).copy()
        sims[cols[rows == r]] = 0.0
        n = min(keep, len(sims))
        if n == 0:
            continue
        best = np.argpartition(-sims, n - 1)[:n]
        best = best[sims[best] >= MIN_FALLBACK_SIMILARITY]
        extra_rows.append(np.full(len(best), r, dtype=np.int64))
        extra_cols.append(best.astype(np.int64))
    return np.concatenate(extra_rows), np.concatenate(extra_cols)
