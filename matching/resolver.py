"""Texts resolved to occupations and skills of the vocabulary, each distinct text once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from matching.text_index import PreparedText, TextPreparer
from matching.vocabulary import Vocabulary

Resolution = list[tuple[int, float]]


class Resolver:
    """Resolves texts to occupations and skills, once per distinct text."""

    def __init__(self, vocabulary: Vocabulary, preparer: TextPreparer) -> None:
        self.vocabulary = vocabulary
        self.preparer = preparer
        self._prepared: dict[str, PreparedText] = {}
        self._occupations: dict[str, Resolution] = {}
        self._skills: dict[str, Resolution] = {}
        self._title_similarity: dict[str, npt.NDArray[np.float32]] = {}

    def clear(self) -> None:
        """Forget all cached resolutions."""
        for cache in (self._prepared, self._occupations, self._skills, self._title_similarity):
            cache.clear()

    def prepare(self, text: str) -> PreparedText:
        """The prepared form of ``text`` (cached)."""
        prepared = self._prepared.get(text)
        if prepared is None:
            prepared = self._prepared[text] = self.preparer.prepare(text)
        return prepared

    def occupations(self, texts: Sequence[str]) -> dict[str, Resolution]:
        """Resolutions of all ``texts`` (new ones resolved in one batch)."""
        new = sorted({t for t in texts if t not in self._occupations})
        if new:
            index = self.vocabulary.occupation_index
            hits = index.search_many([self.prepare(t) for t in new], 8)
            self._occupations.update(zip(new, hits, strict=True))
        return {t: self._occupations[t] for t in texts}

    def skills(self, texts: Sequence[str]) -> dict[str, Resolution]:
        """Skill resolutions of all ``texts``."""
        new = sorted({t for t in texts if t not in self._skills})
        if new:
            hits = self.vocabulary.skill_index.search_many([self.prepare(t) for t in new], 1)
            self._skills.update(zip(new, hits, strict=True))
        return {t: self._skills[t] for t in texts}

    def title_similarity(self, titles: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        """Per title the best TF-IDF cosine to any name of each occupation."""
        new = sorted({t for t in titles if t not in self._title_similarity})
        if new:
            rows = self.vocabulary.occupation_index.cosine_by_owner([self.prepare(t) for t in new])
            self._title_similarity.update(zip(new, rows, strict=True))
        return {t: self._title_similarity[t] for t in titles}
