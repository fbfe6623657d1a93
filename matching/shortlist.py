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
# the own words against the titles (TF-IDF cosine) also shortlist a pair, so that a title the
# vocabulary does not know is still found; each text keeps its most specific n-grams only
TEXT_SHARE_WEIGHT = 1.0
TEXT_NGRAMS_KEPT = 16
ROW_CHUNK = 2048
MIN_FALLBACK_SIMILARITY = 0.2
TIE_ALLOWANCE = 8


def strongest_per_row(matrix: sp.csr_matrix, keep: int = TEXT_NGRAMS_KEPT) -> sp.csr_matrix:
    """The ``keep`` largest entries of each row (the rarest n-grams of a TF-IDF row)."""
    matrix = matrix.tocsr()
    rows, cols, values = [], [], []
    for r in range(matrix.shape[0]):
        lo, hi = matrix.indptr[r], matrix.indptr[r + 1]
        data, indices = matrix.data[lo:hi], matrix.indices[lo:hi]
        if hi - lo > keep:
            best = np.argpartition(-data, keep - 1)[:keep]
            data, indices = data[best], indices[best]
        rows.append(np.full(len(data), r, dtype=np.int64))
        cols.append(indices)
        values.append(data)
    if not rows:
        return sp.csr_matrix(matrix.shape, dtype=np.float32)
    return sp.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=matrix.shape
    )


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


class PairFinder:
    """Shortlists columns for rows (candidates for vacancies, or the reverse).

    The row side's occupations are widened through the relation matrix once; per block of rows
    the sparse product with the column side's occupations (plus shared skills) is taken and the
    best ``keep`` columns per row kept; rows with fewer than ``wanted`` pairs are topped up by
    ``similarity_of_row`` (a similarity array over all columns).
    """

    def __init__(
        self,
        row_concepts: sp.csr_matrix,
        col_concepts: sp.csr_matrix,
        relations: sp.csr_matrix,
        row_skills: sp.csr_matrix,
        col_skills: sp.csr_matrix,
        similarity_of_row: Callable[[int], FloatArray],
        row_text: sp.csr_matrix | None = None,
        col_text: sp.csr_matrix | None = None,
    ) -> None:
        self.widened = (row_concepts @ relations).tocsr()
        self.row_text = strongest_per_row(row_text) if row_text is not None else None
        self.col_text_t = strongest_per_row(col_text).T.tocsr() if col_text is not None else None
        self.col_concepts_t = col_concepts.T.tocsr()
        self.row_skills = row_skills
        self.col_skills_t = col_skills.T.tocsr()
        self.use_skills = row_skills.nnz > 0 and col_skills.nnz > 0
        self.similarity_of_row = similarity_of_row

    def pairs(self, start: int, stop: int, keep: int, wanted: int) -> tuple[IntArray, IntArray]:
        """(row, column) pairs for rows ``start:stop`` (absolute row indices)."""
        all_rows: list[IntArray] = []
        all_cols: list[IntArray] = []
        for lo in range(start, stop, ROW_CHUNK):
            hi = min(lo + ROW_CHUNK, stop)
            product = self.widened[lo:hi] @ self.col_concepts_t
            if self.use_skills:
                product = product + SKILL_SHARE_WEIGHT * (
                    self.row_skills[lo:hi] @ self.col_skills_t
                )
            if self.row_text is not None and self.col_text_t is not None:
                product = product + TEXT_SHARE_WEIGHT * (self.row_text[lo:hi] @ self.col_text_t)
            rows, cols = top_per_row(product.tocsr(), keep)
            all_rows.append(rows + lo)
            all_cols.append(cols)
        rows = np.concatenate(all_rows) if all_rows else np.zeros(0, dtype=np.int64)
        cols = np.concatenate(all_cols) if all_cols else np.zeros(0, dtype=np.int64)
        return self._top_up(rows, cols, start, stop, keep, wanted)

    def _top_up(
        self, rows: IntArray, cols: IntArray, start: int, stop: int, keep: int, wanted: int
    ) -> tuple[IntArray, IntArray]:
        counts = np.bincount(rows - start, minlength=stop - start)
        extra_rows: list[IntArray] = [rows]
        extra_cols: list[IntArray] = [cols]
        for r in (np.nonzero(counts < wanted)[0] + start).tolist():
            sims = self.similarity_of_row(r).copy()
            sims[cols[rows == r]] = 0.0
            n = min(keep, len(sims))
            if n == 0:
                continue
            best = np.argpartition(-sims, n - 1)[:n]
            best = best[sims[best] >= MIN_FALLBACK_SIMILARITY]
            extra_rows.append(np.full(len(best), r, dtype=np.int64))
            extra_cols.append(best.astype(np.int64))
        return np.concatenate(extra_rows), np.concatenate(extra_cols)
