"""The n-gram TF-IDF equals scikit-learn's; the vocabulary cache rebuilds on change."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.ngrams import CharNgramTfidf
from matching.vocabulary_cache import cached_build

CORPUS = ["lagerarbeiter lager arbeiter", "koch", "a", "voditel fury", "حلاق مصفف", "x y z"]
QUERIES = ["lagerhelfer", "zzz", "koch koch", "حلاق", ""]


@pytest.mark.parametrize("ngram_range", [(2, 4), (3, 5)])
def test_char_ngram_tfidf_equals_scikit_learn(ngram_range: tuple[int, int]) -> None:
    reference = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range, sublinear_tf=True)
    ours = CharNgramTfidf(*ngram_range)
    expected_docs = reference.fit_transform(CORPUS).toarray()
    docs = ours.fit_transform(CORPUS).toarray()
    order = [ours.vocabulary[g] for g in reference.get_feature_names_out()]
    assert np.allclose(docs[:, order], expected_docs, atol=1e-6)
    expected_queries = reference.transform(QUERIES).toarray()
    assert np.allclose(ours.transform(QUERIES).toarray()[:, order], expected_queries, atol=1e-6)


def test_cached_build_reuses_and_rebuilds(tmp_path: Path) -> None:
    data = tmp_path / "occupations_x.jsonl"
    data.write_text("one\n")
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"n": len(calls)}

    cache = tmp_path / "cache"
    assert cached_build(cache, [data], build) == {"n": 1}
    assert cached_build(cache, [data], build) == {"n": 1}  # from the cache
    data.write_text("two\n")
    assert cached_build(cache, [data], build) == {"n": 2}  # data changed: rebuilt
    assert len(list(cache.glob("vocabulary-*.pickle"))) == 1
