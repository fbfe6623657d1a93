"""Character n-gram TF-IDF shortlist plus rapidfuzz rescoring over vocabulary names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from matching.german_titles import (
    COMMON_PLACES,
    LongestFirst,
    collapse_doublet,
    decompound,
    drop_function_words,
    fold_gender_suffixes,
    strip_advert_noise,
    strip_gender_forms,
)
from matching.ngrams import CharNgramTfidf
from matching.normalise import fold_text

FloatArray = npt.NDArray[np.float32]


class PreparedText(NamedTuple):
    """A text ready for comparison: ``base`` is folded and cleaned, ``expanded`` adds the parts
    of German compounds ("lagermitarbeiter lager mitarbeiter")."""

    base: str
    expanded: str


class TextPreparer:
    """Turns raw titles and queries into ``PreparedText`` (gender forms, noise, compounds)."""

    def __init__(self, lexicon: frozenset[str], places: Iterable[str] = COMMON_PLACES) -> None:
        self.lexicon = lexicon
        self.places = LongestFirst(places)
        self._parts: dict[str, tuple[str, ...]] = {}

    def prepare(self, text: str) -> PreparedText:
        """Normalise ``text`` for the index."""
        folded = fold_gender_suffixes(fold_text(strip_gender_forms(text)))
        base = collapse_doublet(drop_function_words(strip_advert_noise(folded, self.places)))
        parts: list[str] = []
        for word in base.split():
            split = self._parts.get(word)
            if split is None:
                split = self._parts[word] = decompound(word, self.lexicon)
            parts.extend(split)
        expanded = f"{base} {' '.join(parts)}" if parts else base
        return PreparedText(base, expanded)


def fuzzy_similarity(query: PreparedText, name: PreparedText, subsets: bool = True) -> float:
    """rapidfuzz similarity in 0..1 tolerant of typos, word order and compound splits; with
    ``subsets`` a query contained in a name (or the reverse) also counts (token set, × 0.9)."""
    if query.base == name.base:
        return 1.0
    whole = max(
        fuzz.ratio(query.base, name.base),
        fuzz.token_sort_ratio(query.expanded, name.expanded),
    )
    if subsets:
        whole = max(whole, 0.9 * fuzz.token_set_ratio(query.expanded, name.expanded))
    return whole / 100.0


PHRASE_MIN_WORDS = 4
PHRASE_WINDOW_FACTOR = 0.8


def phrase_windows(text: PreparedText) -> list[PreparedText]:
    """Runs of 1–3 words of a sentence-like text ("I drove trucks for 10 years"), each resolved
    on its own and counted at ``PHRASE_WINDOW_FACTOR``; short texts get none."""
    words = text.base.split()
    if len(words) < PHRASE_MIN_WORDS:
        return []
    windows = {
        " ".join(words[i : i + n])
        for n in (1, 2, 3)
        for i in range(len(words) - n + 1)
        if all(len(w) >= 3 for w in (words[i], words[i + n - 1]))
    }
    return [PreparedText(w, w) for w in sorted(windows)]


class NameIndex:
    """Names (of occupations or skills) in all languages, searchable by any text.

    ``owners[i]`` is the entry (occupation or skill index) the i-th name belongs to.
    """

    SHORTLIST = 24
    CHUNK = 512

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
        self.vectorizer = CharNgramTfidf(3, 5)
        corpus = [n.expanded for n in self.names] or [" "]
        self.matrix = self.vectorizer.fit_transform(corpus).tocsr()
        self.matrix_t = self.matrix.T.tocsr()
        self._exact: dict[str, list[int]] = {}
        for name, owner in zip(self.names, owners, strict=True):
            found = self._exact.setdefault(name.base, [])
            if owner not in found:
                found.append(owner)
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
        """For each text the best ``limit`` owners with a confidence in 0..1, best first.

        A text equal to a name (after normalisation) resolves to that name's owners with
        confidence 1.0; other texts go through the TF-IDF shortlist and rapidfuzz rescoring.
        """
        results: list[list[tuple[int, float]]] = [
            [(owner, 1.0) for owner in self._exact.get(text.base, ())][:limit] for text in texts
        ]
        fuzzy = [i for i, found in enumerate(results) if not found and texts[i].base]
        if not fuzzy or not self.names:
            return results
        # (text index, query, factor, whether the query is a window that must match a whole name)
        queries = [(i, texts[i], 1.0, False) for i in fuzzy]
        queries += [
            (i, w, PHRASE_WINDOW_FACTOR, True) for i in fuzzy for w in phrase_windows(texts[i])
        ]
        best: dict[int, dict[int, float]] = {i: {} for i in fuzzy}
        for start in range(0, len(queries), self.CHUNK):
            chunk = queries[start : start + self.CHUNK]
            vectors = self.vectorizer.transform([text.expanded for _, text, _, _ in chunk])
            sims = (vectors @ self.matrix_t).tocsr()
            for row, (i, text, factor, window) in enumerate(chunk):
                lo, hi = sims.indptr[row], sims.indptr[row + 1]
                names, values = sims.indices[lo:hi], sims.data[lo:hi]
                if hi - lo > self.SHORTLIST:
                    top = np.argpartition(-values, self.SHORTLIST - 1)[: self.SHORTLIST]
                    names, values = names[top], values[top]
                found = best[i]
                hits = self._rescore(text, names, values, limit, language, not window)
                for owner, score in hits:
                    if score * factor > found.get(owner, 0.0):
                        found[owner] = score * factor
        for i, found in best.items():
            results[i] = sorted(found.items(), key=lambda item: -item[1])[:limit]
        return results

    def _rescore(
        self,
        text: PreparedText,
        names: npt.NDArray[np.int32],
        cosines: FloatArray,
        limit: int,
        language: str | None,
        subsets: bool,
    ) -> list[tuple[int, float]]:
        best: dict[int, float] = {}
        for name_index, cos in zip(names.tolist(), cosines.tolist(), strict=True):
            if cos <= 0.0:
                continue
            name = self.names[name_index]
            fz = fuzzy_similarity(text, name, subsets)
            score = 1.0 if fz == 1.0 else 0.4 * cos + 0.6 * fz
            if language is not None and self.languages[name_index] == language:
                score = min(1.0, score + 0.02)
            owner = int(self.owners[name_index])
            if score > best.get(owner, 0.0):
                best[owner] = score
        ranked = sorted(best.items(), key=lambda item: -item[1])
        return ranked[:limit]
