"""The ``Matcher``: vocabulary + gazetteer + weights, with cached text resolution.

Build it once (the web app keeps one per process) and call ``rank_vacancies``,
``rank_candidates`` or ``allocate_fair``. Pipeline per call: resolve each distinct text once,
lay both sides out as arrays, shortlist pairs that share an occupation concept or a skill
(sparse product), score only those vectorised, keep the top per row, explain those.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

from matching.explain import explain_pairs
from matching.fair import allocate
from matching.geo import Gazetteer
from matching.german_titles import COMMON_PLACES
from matching.models import Candidate, Vacancy
from matching.profiles import Tables, build_tables
from matching.relations import RelationMatrix
from matching.resolver import Resolver
from matching.results import CandidateMatches, FairPlan, Match, VacancyMatches
from matching.scoring import PairScores, score_pairs
from matching.shortlist import PairFinder
from matching.text_index import TextPreparer
from matching.vocabulary import Vocabulary, load_default_vocabulary
from matching.weights import Weights

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

ROW_BLOCK = 4096


def shortlist_size(top: int) -> int:
    """How many pairs per row are scored exactly to find the best ``top``."""
    return max(60, 6 * top)


def best_per_row(s: PairScores, top: int, rows_are_candidates: bool = True) -> IntArray:
    """Indices into ``s`` of the best ``top`` pairs of each candidate (or vacancy), best first
    (ties broken by title similarity, then by the other side's index for a stable order)."""
    keep = np.nonzero(~s.excluded)[0]
    rows, cols = (s.cand, s.vac) if rows_are_candidates else (s.vac, s.cand)
    order = keep[np.lexsort((cols[keep], -s.title_similarity[keep], -s.score[keep], rows[keep]))]
    sorted_rows = rows[order]
    first = np.searchsorted(sorted_rows, sorted_rows, side="left")
    return order[(np.arange(len(order)) - first) < top]


def group_by(keys: IntArray, matches: list[Match]) -> dict[int, list[Match]]:
    """Matches grouped by their key (candidate or vacancy index), order kept."""
    grouped: dict[int, list[Match]] = {}
    for key, match in zip(keys.tolist(), matches, strict=True):
        grouped.setdefault(key, []).append(match)
    return grouped


class Matcher:
    """Matches candidates and vacancies; holds vocabulary, gazetteer, weights and caches."""

    def __init__(
        self,
        vocabulary: Vocabulary | None = None,
        gazetteer: Gazetteer | None = None,
        weights: Weights | None = None,
    ) -> None:
        self.vocabulary = vocabulary if vocabulary is not None else load_default_vocabulary()
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.from_region_files(())
        self.weights = weights if weights is not None else Weights()
        places = COMMON_PLACES | self.gazetteer.place_names()
        self.resolver = Resolver(self.vocabulary, TextPreparer(self.vocabulary.lexicon, places))
        self.relations = RelationMatrix(self.vocabulary)
        self._relation_sparse = self.relations.sparse(self.weights)

    def clear_cache(self) -> None:
        """Forget the cached text resolutions (they grow with the distinct texts seen)."""
        self.resolver.clear()

    def tables(self, candidates: Sequence[Candidate], vacancies: Sequence[Vacancy]) -> Tables:
        """Both sides as arrays (texts resolved through the cache)."""
        return build_tables(
            candidates, vacancies, self.resolver, self.gazetteer, self.weights.experience_factor
        )

    def score_pairs(self, t: Tables, cand: IntArray, vac: IntArray) -> PairScores:
        """Score the given (candidate, vacancy) index pairs without any index (all signals)."""
        return score_pairs(t, self.relations, cand, vac, self.weights)

    def _title_fallback_for_candidate(self, t: Tables, c: int) -> FloatArray:
        """Similarity of every vacancy title to the candidate's resolved occupations' names
        and to the candidate's own words (TF-IDF cosine)."""
        sims = np.zeros(t.vac_title_similarity.shape[0])
        idx, conf = t.cand_concepts.index[c], t.cand_concepts.conf[c]
        if idx[0] >= 0:
            sims = (t.vac_title_similarity[:, idx[idx >= 0]] * conf[idx >= 0]).max(axis=1)
        for vectors in t.cand_text_vectors:
            if vectors[c].nnz:
                direct = (t.vac_title_vectors @ vectors[c].T).toarray().ravel()
                sims = np.maximum(sims, direct)
        return np.asarray(sims, dtype=np.float64)

    def _title_fallback_for_vacancy(self, t: Tables, v: int) -> FloatArray:
        """Similarity of the vacancy's title to every candidate's resolved occupations' names
        and to every candidate's own words (TF-IDF cosine)."""
        idx, conf = t.cand_concepts.index, t.cand_concepts.conf
        similarity = t.vac_title_similarity[v]
        sims = np.where(idx >= 0, similarity[np.maximum(idx, 0)] * conf, 0.0).max(axis=1)
        title = t.vac_title_vectors[v]
        if title.nnz:
            for vectors in t.cand_text_vectors:
                sims = np.maximum(sims, (vectors @ title.T).toarray().ravel())
        return np.asarray(sims, dtype=np.float64)

    def pair_finder(self, t: Tables, rows_are_candidates: bool) -> PairFinder:
        """The shortlist for rows of candidates (or of vacancies) over ``t``."""
        n_occ = len(self.vocabulary.occupations)
        cand_concepts = t.cand_concepts.sparse(n_occ)
        vac_concepts = t.vac_concepts.sparse(n_occ)
        vac_skills = (t.vac_required + t.vac_optional).tocsr()
        cand_text = sum(t.cand_text_vectors[1:], t.cand_text_vectors[0]).tocsr()
        if rows_are_candidates:
            return PairFinder(
                cand_concepts, vac_concepts, self._relation_sparse, t.cand_skills, vac_skills,
                lambda c: self._title_fallback_for_candidate(t, c), cand_text, t.vac_title_vectors,
            )  # fmt: skip
        return PairFinder(
            vac_concepts, cand_concepts, self._relation_sparse.T.tocsr(), vac_skills,
            t.cand_skills, lambda v: self._title_fallback_for_vacancy(t, v),
            t.vac_title_vectors, cand_text,
        )  # fmt: skip

    def explained_matches(
        self,
        t: Tables,
        s: PairScores,
        chosen: IntArray,
        candidates: Sequence[Candidate],
        vacancies: Sequence[Vacancy],
    ) -> list[Match]:
        """``Match`` objects with explanations for the pairs ``chosen`` (indices into ``s``)."""
        explained = explain_pairs(s, chosen, t, self.vocabulary)
        rows = zip(s.cand[chosen].tolist(), s.vac[chosen].tolist(), s.score[chosen].tolist(),
                   explained, strict=True)  # fmt: skip
        return [
            Match(candidates[c].id, vacancies[v].id, score, reasons, gaps)
            for c, v, score, (reasons, gaps) in rows
        ]

    def iter_rank_vacancies(
        self, candidates: Sequence[Candidate], vacancies: Sequence[Vacancy], top: int = 10
    ) -> Iterator[CandidateMatches]:
        """Like ``rank_vacancies`` but yields one result per candidate as it is ready."""
        return self.iter_rank_tables(self.tables(candidates, vacancies), candidates, vacancies, top)

    def iter_rank_tables(
        self, t: Tables, candidates: Sequence[Candidate], vacancies: Sequence[Vacancy], top: int
    ) -> Iterator[CandidateMatches]:
        """Rank vacancies per candidate on tables built by ``tables(candidates, vacancies)``."""
        for c, matches in self._iter_rows(t, True, candidates, vacancies, top):
            yield CandidateMatches(candidates[c].id, matches)

    def rank_vacancies(
        self, candidates: Sequence[Candidate], vacancies: Sequence[Vacancy], top: int = 10
    ) -> list[CandidateMatches]:
        """For each candidate (in input order) the best ``top`` vacancies, best first."""
        return list(self.iter_rank_vacancies(candidates, vacancies, top))

    def iter_rank_candidates(
        self, candidates: Sequence[Candidate], vacancies: Sequence[Vacancy], top: int = 10
    ) -> Iterator[VacancyMatches]:
        """Like ``rank_candidates`` but yields one result per vacancy as it is ready."""
        t = self.tables(candidates, vacancies)
        for v, matches in self._iter_rows(t, False, candidates, vacancies, top):
            yield VacancyMatches(vacancies[v].id, matches)

    def rank_candidates(
        self, candidates: Sequence[Candidate], vacancies: Sequence[Vacancy], top: int = 10
    ) -> list[VacancyMatches]:
        """For each vacancy (in input order) the best ``top`` candidates, best first."""
        return list(self.iter_rank_candidates(candidates, vacancies, top))

    def _iter_rows(
        self,
        t: Tables,
        rows_are_candidates: bool,
        candidates: Sequence[Candidate],
        vacancies: Sequence[Vacancy],
        top: int,
    ) -> Iterator[tuple[int, tuple[Match, ...]]]:
        """Per row (candidate or vacancy index, in order) its best ``top`` matches."""
        finder = self.pair_finder(t, rows_are_candidates)
        n_rows = len(candidates) if rows_are_candidates else len(vacancies)
        for start in range(0, n_rows, ROW_BLOCK):
            stop = min(start + ROW_BLOCK, n_rows)
            rows, cols = finder.pairs(start, stop, shortlist_size(top), top)
            s = self.score_pairs(t, *((rows, cols) if rows_are_candidates else (cols, rows)))
            key = s.cand if rows_are_candidates else s.vac
            best = best_per_row(s, top, rows_are_candidates)
            per_row = group_by(key[best], self.explained_matches(t, s, best, candidates, vacancies))
            for r in range(start, stop):
                yield r, tuple(per_row.get(r, ()))

    def score(self, candidate: Candidate, vacancy: Vacancy) -> Match:
        """Score and explain one pair (no shortlist: the pair is always scored)."""
        t = self.tables([candidate], [vacancy])
        zero = np.zeros(1, dtype=np.int64)
        scores = self.score_pairs(t, zero, zero)
        return self.explained_matches(t, scores, zero, [candidate], [vacancy])[0]

    def allocate_fair(
        self,
        candidates: Sequence[Candidate],
        vacancies: Sequence[Vacancy],
        per_vacancy: int = 10,
        per_candidate: int = 5,
        min_score: float = 0.25,
    ) -> FairPlan:
        """Plan a fair: each candidate's route (≤ ``per_candidate`` booths) and each vacancy's
        list (≤ ``per_vacancy`` × openings), using both sides' preferences (see matching.fair)."""
        t = self.tables(candidates, vacancies)
        c1, v1 = self.pair_finder(t, True).pairs(
            0, len(candidates), shortlist_size(per_candidate), per_candidate
        )
        v2, c2 = self.pair_finder(t, False).pairs(
            0, len(vacancies), shortlist_size(per_vacancy), per_vacancy
        )
        pairs = np.unique(np.stack([np.concatenate([c1, c2]), np.concatenate([v1, v2])]), axis=1)
        s = self.score_pairs(t, pairs[0], pairs[1])
        capacity = np.array([per_vacancy * max(v.openings, 1) for v in vacancies], dtype=np.int64)
        score = np.where(s.excluded, 0.0, s.score)
        chosen = np.nonzero(allocate(s.cand, s.vac, score, capacity, per_candidate, min_score))[0]
        chosen = chosen[np.argsort(-score[chosen], kind="stable")]
        matches = self.explained_matches(t, s, chosen, candidates, vacancies)
        routes = group_by(s.cand[chosen], matches)
        lists = group_by(s.vac[chosen], matches)
        return FairPlan(
            routes=tuple(CandidateMatches(c.id, tuple(routes.get(i, ())))
                         for i, c in enumerate(candidates)),
            invitations=tuple(VacancyMatches(v.id, tuple(lists.get(i, ())))
                              for i, v in enumerate(vacancies)),
        )  # fmt: skip


@cache
def default_matcher() -> Matcher:
    """A matcher with the shipped vocabulary, no region (distance unknown) and default weights."""
    return Matcher()


def rank_vacancies(
    candidates: Sequence[Candidate], vacancies: Sequence[Vacancy], top: int = 10
) -> list[CandidateMatches]:
    """For each candidate the best ``top`` vacancies (default matcher)."""
    return default_matcher().rank_vacancies(candidates, vacancies, top)


def rank_candidates(
    candidates: Sequence[Candidate], vacancies: Sequence[Vacancy], top: int = 10
) -> list[VacancyMatches]:
    """For each vacancy the best ``top`` candidates (default matcher)."""
    return default_matcher().rank_candidates(candidates, vacancies, top)


def allocate_fair(
    candidates: Sequence[Candidate],
    vacancies: Sequence[Vacancy],
    per_vacancy: int = 10,
    per_candidate: int = 5,
) -> FairPlan:
    """Plan a fair with the default matcher (see ``Matcher.allocate_fair``)."""
    return default_matcher().allocate_fair(candidates, vacancies, per_vacancy, per_candidate)
