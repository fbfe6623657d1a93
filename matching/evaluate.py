"""Quality evaluation: the matcher against two baselines on the same data.

Queries: every vacancy title is ranked for the query text; success@k if a title with the
query's label is in the top k; MRR over the first relevant title. The matcher is run through the
same path as the CLI (a candidate with ``desired_occupations=[text]``, vacancies with a title
only). Baselines: rapidfuzz WRatio and character TF-IDF (char_wb 3–5, cosine), both on the
case-folded raw strings. German titles: each title is ranked against the German labels.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from matching.matcher import Matcher
from matching.models import Candidate, Vacancy

EVAL_TOP = 100
Ranker = Callable[[Sequence[str], Sequence[str]], list[list[int]]]


@dataclass(frozen=True, slots=True)
class Figures:
    """success@1, success@5 and MRR over ``n`` queries."""

    n: int
    success_at_1: float
    success_at_5: float
    success_at_10: float
    mrr: float


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def figures(rankings: Sequence[Sequence[int]], relevant: Sequence[set[int]]) -> Figures:
    """Figures for ranked item indices against the relevant item indices per query."""
    s1 = s5 = s10 = rr = 0.0
    for ranking, good in zip(rankings, relevant, strict=True):
        first = next((i for i, item in enumerate(ranking) if item in good), None)
        if first is not None:
            rr += 1.0 / (first + 1)
            s1 += first == 0
            s5 += first < 5
            s10 += first < 10
    n = max(len(rankings), 1)
    return Figures(len(rankings), s1 / n, s5 / n, s10 / n, rr / n)


def matcher_ranker(matcher: Matcher) -> Ranker:
    """Rank items for queries through ``Matcher.rank_vacancies`` (the CLI's path)."""

    def rank(queries: Sequence[str], items: Sequence[str]) -> list[list[int]]:
        candidates = [Candidate(id=str(i), desired_occupations=(q,)) for i, q in enumerate(queries)]
        vacancies = [Vacancy(id=str(i), title=t) for i, t in enumerate(items)]
        results = matcher.rank_vacancies(candidates, vacancies, top=EVAL_TOP)
        return [[int(m.vacancy_id) for m in r.matches] for r in results]

    return rank


def _rank_matrix(scores: npt.NDArray[np.float64]) -> list[list[int]]:
    order = np.argsort(-scores, axis=1, kind="stable")[:, :EVAL_TOP]
    return [row.tolist() for row in order]


def rapidfuzz_ranker(queries: Sequence[str], items: Sequence[str]) -> list[list[int]]:
    """Baseline: rapidfuzz WRatio on case-folded raw strings."""
    scores = process.cdist(
        [q.casefold() for q in queries],
        [t.casefold() for t in items],
        scorer=fuzz.WRatio,
        workers=1,
    )
    return _rank_matrix(np.asarray(scores, dtype=np.float64))


def tfidf_ranker(queries: Sequence[str], items: Sequence[str]) -> list[list[int]]:
    """Baseline: character n-gram TF-IDF (char_wb 3–5) cosine on case-folded raw strings."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # only the baseline needs it

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectorizer.fit([t.casefold() for t in (*items, *queries)])
    q = vectorizer.transform([x.casefold() for x in queries])
    d = vectorizer.transform([x.casefold() for x in items])
    return _rank_matrix(np.asarray((q @ d.T).toarray(), dtype=np.float64))


def evaluate_queries(
    queries: Sequence[dict[str, str]], titles: Sequence[dict[str, str]], rankers: dict[str, Ranker]
) -> dict[str, dict[str, Figures]]:
    """Per ranker the figures per language, for "all", and per query kind ("kind:typo")."""
    by_label: dict[str, set[int]] = defaultdict(set)
    for i, title in enumerate(titles):
        by_label[title["label"]].add(i)
    items = [t["title"] for t in titles]
    out: dict[str, dict[str, Figures]] = {}
    for name, ranker in rankers.items():
        rankings = ranker([q["text"] for q in queries], items)
        relevant = [by_label.get(q["label"], set()) for q in queries]
        groups = {language: [i for i, q in enumerate(queries) if q["language"] == language]
                  for language in sorted({q["language"] for q in queries})}  # fmt: skip
        groups["all"] = list(range(len(queries)))
        for kind in sorted({q.get("kind", "") for q in queries} - {""}):
            groups[f"kind:{kind}"] = [i for i, q in enumerate(queries) if q.get("kind") == kind]
        out[name] = {
            group: figures([rankings[i] for i in chosen], [relevant[i] for i in chosen])
            for group, chosen in groups.items()
        }
    return out


def evaluate_german_titles(
    german_titles: Sequence[dict[str, str]],
    labels: Sequence[dict[str, str]],
    rankers: dict[str, Ranker],
) -> dict[str, Figures]:
    """Each German title ranked against the German labels; figures per ranker."""
    items = [label["de"] for label in labels]
    position = {label["label"]: i for i, label in enumerate(labels)}
    relevant = [{position[g["label"]]} if g["label"] in position else set() for g in german_titles]
    return {
        name: figures(ranker([g["title"] for g in german_titles], items), relevant)
        for name, ranker in rankers.items()
    }


def run_evaluation(
    matcher: Matcher, queries: Path, titles: Path, german_titles: Path, labels: Path
) -> dict[str, object]:
    """Run the matcher and both baselines on the evaluation files; a JSON-ready dict."""
    rankers: dict[str, Ranker] = {
        "matcher": matcher_ranker(matcher),
        "rapidfuzz": rapidfuzz_ranker,
        "tfidf": tfidf_ranker,
    }
    result: dict[str, object] = {}
    if queries.exists() and titles.exists():
        per = evaluate_queries(_read(queries), _read(titles), rankers)
        result["queries"] = {
            r: {lang: _as_dict(f) for lang, f in langs.items()} for r, langs in per.items()
        }
    if german_titles.exists() and labels.exists():
        german = evaluate_german_titles(_read(german_titles), _read(labels), rankers)
        result["german_titles"] = {r: _as_dict(f) for r, f in german.items()}
    return result


def _as_dict(f: Figures) -> dict[str, float | int]:
    return {
        "n": f.n,
        "success_at_1": round(f.success_at_1, 3),
        "success_at_5": round(f.success_at_5, 3),
        "success_at_10": round(f.success_at_10, 3),
        "mrr": round(f.mrr, 3),
    }


def _row(label: str, f: dict[str, float]) -> str:
    return (
        f"{label:<32}{f['n']:>5.0f}{f['success_at_1']:>7.3f}{f['success_at_5']:>7.3f}"
        f"{f['success_at_10']:>7.3f}{f['mrr']:>7.3f}"
    )


def format_table(result: dict[str, object]) -> str:
    """Human-readable table of ``run_evaluation``'s result."""
    header = f"{'':<32}{'n':>5}{'s@1':>7}{'s@5':>7}{'s@10':>7}{'MRR':>7}"
    lines: list[str] = []
    queries = result.get("queries")
    if isinstance(queries, dict) and queries:
        lines += ["queries → vacancy titles (group / ranker)", header]
        for group in next(iter(queries.values())):
            for ranker, per in queries.items():
                lines.append(_row(f"{group} / {ranker}", per[group]))
    german = result.get("german_titles")
    if isinstance(german, dict):
        lines += ["", "German titles → German labels (ranker)", header]
        lines += [_row(ranker, f) for ranker, f in german.items()]
    return "\n".join(lines)
