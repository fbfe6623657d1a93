"""Skill columns shared by both sides: vocabulary skills, then unresolved texts of their own."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from matching.licences import implied_licences
from matching.models import Candidate
from matching.resolver import Resolver

SKILL_CONFIDENCE = 0.82


class SkillSpace:
    """Columns for skills: vocabulary skills first, then unresolved texts by folded form."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.n_vocabulary = len(resolver.vocabulary.skills)
        self.text_columns: dict[str, int] = {}
        self.labels: list[str] = [s.id for s in resolver.vocabulary.skills]

    def columns(self, texts: Sequence[str]) -> dict[str, int]:
        """Column per text: its vocabulary skill if resolved confidently, else its own."""
        resolved = self.resolver.skills(texts)
        out: dict[str, int] = {}
        for text in texts:
            hits = resolved[text]
            if hits and hits[0][1] >= SKILL_CONFIDENCE:
                out[text] = hits[0][0]
                continue
            key = self.resolver.prepare(text).base or text.strip().casefold()
            if key not in self.text_columns:
                self.text_columns[key] = self.n_vocabulary + len(self.text_columns)
                self.labels.append(text.strip())
            out[text] = self.text_columns[key]
        return out

    def matrices(self, *sides: Sequence[Sequence[str]]) -> list[sp.csr_matrix]:
        """One binary (rows × skill columns) matrix per side, all over the same columns."""
        mapping = self.columns(sorted({t for side in sides for texts in side for t in texts}))
        out = []
        for side in sides:
            rows: list[int] = []
            cols: list[int] = []
            for r, texts in enumerate(side):
                for c in {mapping[t] for t in texts}:
                    rows.append(r)
                    cols.append(c)
            shape = (len(side), len(self.labels))
            out.append(sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape))
        return out


def row_columns(matrix: sp.csr_matrix, row: int) -> list[int]:
    """Column indices of the stored entries of one row of a CSR matrix."""
    columns: list[int] = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]].tolist()
    return columns


def candidate_skill_texts(candidates: Sequence[Candidate],
                          licence_names: dict[str, str]) -> list[tuple[str, ...]]:
    """Each candidate's skills, plus the licence skills of the classes held (only for
    candidates who listed skills: a missing skill list stays unknown)."""
    return [
        (*c.skills, *(licence_names[x] for x in sorted(implied_licences(c.driving_licences or ()))
                      if x in licence_names)) if c.skills else ()
        for c in candidates
    ]  # fmt: skip
