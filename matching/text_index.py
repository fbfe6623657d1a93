"""Character n-gram TF-IDF shortlist plus rapidfuzz rescoring over vocabulary names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.german_titles import (
    COMMON_PLACES,
    decompound,
    fold_gender_suffixes,
    strip_advert_noise,
    strip_gender_forms,
)
from matching.normalise import fold_text

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class PreparedText:
    """A text ready for comparison: ``base`` is folded and cleaned, ``expanded`` adds the parts
    of German compounds ("lagermitarbeiter lager mitarbeiter")."""

    base: str
    expanded: str


class TextPreparer:
    """Turns raw titles and queries into ``PreparedText`` (gender forms, noise, compounds)."""

    def __init__(self, lexicon: frozenset[str], places: Iterable[str] = COMMON_PLACES) -> None:
        self.lexicon = lexicon
        self.places = frozenset(places)

    def prepare(self, text: str) -> PreparedText:
        """Normalise ``text`` for the index."""
        folded = fold_gender_suffixes(fold_text(strip_gender_forms(text)))
        base = strip_advert_noise(folded, self.places)
        parts: list[str] = []
        for word in base.split():
            parts.extend(decompound(word, self.lexicon))
        expanded = f"{base} {' '.join(parts)}" if parts else base
        return PreparedText(base, expanded)


def fuzzy_similarity(query: PreparedText, name: PreparedText) -> float:
    """rapidfuzz similarity in 0..1 tolerant of typos, word order and compound splits."""
    if query.base == name.base:
        return 1.0
    return (
        max(
            fuzz.ratio(query.base, name.base),
            fuzz.token_sort_ratio(query.expanded, name.expanded),
            0.9 * fuzz.token_set_ratio(query.expanded, name.expanded),
        )
        / 100.0
    )


class NameIndex:
    """Names (of occupations or skills) in all languages, searchable by any text.

    ``owners[i]`` is the entry (occupation or skill index) the i-th name belongs to.
    """

    SHORTLIST = 24
    CHUNK = 2048

    def __init__(
        self,
        names: Sequence[PreparedText],
        owners: Sequence[int],
        languages: Sequence[str],
        n_owners: int,
    ) -> None:
        self.names = list(names)
        self.owners = np.asarray(owners, dtype=np.int64)
        self.languages = list(languages)
        self.n_owners = n_owners
        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32
        )
        corpus = [n.expanded for n in self.names] or [" "]
        self.matrix = self.vectorizer.fit_transform(corpus).tocsr()
        self.matrix_t = self.matrix.T.tocsr()
        order = np.argsort(self.owners, kind="stable")
        self._order = order
        self._owner_starts = np.searchsorted(self.owners[order], np.arange(n_owners))

    def cosine(self, texts: Sequence[PreparedText]) -> FloatArray:
        """Dense (texts × names) cosine similarities of the TF-IDF vectors."""
        vectors = self.vectorizer.transform([t.expanded for t in texts])
        return np.asarray((vectors @ self.matrix_t).toarray(), dtype=np.float32)

    def cosine_by_owner(self, texts: Sequence[PreparedText]) -> FloatArray:
        """Dense (texts × owners) maximum cosine over each owner's names."""
        out = np.zeros((len(texts), self.n_owners), dtype=np.float32)
        if not self.names or self.n_owners == 0:
            return out
        for start in range(0, len(texts), self.CHUNK):
            sims = self.cosine(texts[start : start + self.CHUNK])[:, self._order]
            out[start : start + sims.shape[0]] = np.maximum.reduceat(
                sims, self._owner_starts, axis=1
            )
        return out

    def search_many(
        self,
        texts: Sequence[PreparedText],
        limit: int,
        language: str | None = None,
    ) -> list[list[tuple[int, float]]]:
        """For each text the best ``limit`` owners with a confidence in 0..1, best first."""
        results: list[list[tuple[int, float]]] = []
        if not self.names:
            return [[] for _ in texts]
        k = min(self.SHORTLIST, len(self.names))
        for start in range(0, len(texts), self.CHUNK):
            chunk = texts[start : start + self.CHUNK]
            sims = self.cosine(chunk)
            top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            for row, text in enumerate(chunk):
                results.append(self._rescore(text, top[row], sims[row], limit, language))
        return results

    def _rescore(
        self,
        text: PreparedText,
        candidates: npt.NDArray[np.int64],
        sims: FloatArray,
        limit: int,
        language: str | None,
    ) -> list[tuple[int, float]]:
        best: dict[int, float] = {}
        if not text.base:
            return []
        for name_index in candidates.tolist():
            cos = float(sims[name_index])
            if cos <= 0.0:
                continue
            name = self.names[name_index]
            fz = fuzzy_similarity(text, name)
            score = 1.0 if fz == 1.0 else 0.4 * cos + 0.6 * fz
            if language is not None and self.languages[name_index] == language:
                score = min(1.0, score + 0.02)
            owner = int(self.owners[name_index])
            if score > best.get(owner, 0.0):
                best[owner] = score
        ranked = sorted(best.items(), key=lambda item: -item[1])
        return ranked[:limit]
