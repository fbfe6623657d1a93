"""How two vocabulary occupations relate: same, same group (ISCO unit group or KldB 4-digit),
related (listed in ``related``), same ISCO minor group (3 digits), or not at all."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching.vocabulary import Vocabulary
from matching.weights import Weights

NONE, SAME, GROUP, RELATED, MINOR = 0, 1, 2, 3, 4
RELATION_NAMES = {SAME: "same", GROUP: "group", RELATED: "related", MINOR: "isco_minor"}


class RelationMatrix:
    """Dense (occupations × occupations) relation kinds, symmetric."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        occupations = vocabulary.occupations
        n = len(occupations)
        kind = np.zeros((n, n), dtype=np.int8)
        isco = np.array([o.isco for o in occupations], dtype=object)
        kldb4 = np.array([o.kldb[:4] for o in occupations], dtype=object)
        minor = np.array([o.isco[:3] for o in occupations], dtype=object)
        for i, occupation in enumerate(occupations):
            if occupation.isco[:3]:
                kind[i, (minor == occupation.isco[:3])] = MINOR
        for i, occupation in enumerate(occupations):
            for related_id in occupation.related:
                j = vocabulary.occupation_position(related_id)
                if j is not None:
                    kind[i, j] = kind[j, i] = RELATED
        for i, occupation in enumerate(occupations):
            group = np.zeros(n, dtype=np.bool_)
            if occupation.isco:
                group |= isco == occupation.isco
            if len(occupation.kldb) >= 4:
                group |= kldb4 == occupation.kldb[:4]
            kind[i, group] = GROUP
        np.fill_diagonal(kind, SAME)
        # an ISCO unit group (matching.isco_groups) is a back-off, never the same occupation:
        # two texts that reach only the group relate as the group's occupations do
        for i, occupation in enumerate(occupations):
            if occupation.level == "group":
                kind[i, i] = GROUP
        self.kind: npt.NDArray[np.int8] = kind

    def factors(self, weights: Weights) -> npt.NDArray[np.float64]:
        """Factor per relation kind (index = kind)."""
        return np.array(
            [0.0, weights.same_occupation, weights.same_group, weights.related_occupation,
             weights.same_isco_minor]
        )  # fmt: skip

    def sparse(self, weights: Weights) -> sp.csr_matrix:
        """The factors as a sparse matrix (for the shortlist product)."""
        return sp.csr_matrix(self.factors(weights)[self.kind])
