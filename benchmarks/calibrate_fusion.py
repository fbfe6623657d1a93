"""Fit the occupation fusion's coefficients on the first evaluation set; write them to config.

    python benchmarks/calibrate_fusion.py [--write]

Data: every shortlisted (query, title) pair of `benchmarks/eval/` (seeker queries against the
vacancy titles, German titles against the German labels) and of 400 German ESCO titles held out
of their occupation's labels (the calibration half of `benchmarks/esco_german_titles.py`), with
its four pieces of evidence (matching/fusion.py) and whether the title has the query's label. A
logistic regression in two steps gives the coefficients: fitted on the differences of relevant
minus irrelevant pairs of one query (a pairwise ranking loss, so the direction of the weights is
what orders titles), then on the pairs themselves over that one score (so the level is a
calibrated probability). The frozen set (`benchmarks/eval-frozen/`) is never read here. Prints
the coefficients and the MRR before and after; with
`--write` stores them in `matching/data/fusion.json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.esco_german_titles import held_out_titles  # noqa: E402
from matching.evaluate import EVAL_TOP, figures, matcher_ranker  # noqa: E402
from matching.fusion import FEATURES, FUSION_FILE, Fusion  # noqa: E402
from matching.geo import Gazetteer  # noqa: E402
from matching.matcher import Matcher, shortlist_size  # noqa: E402
from matching.models import Candidate, Vacancy  # noqa: E402

EVAL = ROOT / "benchmarks" / "eval"
REGION = ROOT / "config" / "regions" / "landkreis-osnabrueck.json"


def _read(name: str) -> list[dict[str, str]]:
    lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _tasks() -> list[tuple[list[str], list[str], list[set[int]]]]:
    """(queries, items, relevant item indices per query) of both parts of the first set."""
    titles, queries = _read("vacancy_titles.jsonl"), _read("queries.jsonl")
    labels, german = _read("labels.jsonl"), _read("german_titles.jsonl")
    items = [t["title"] for t in titles]
    relevant = [{i for i, t in enumerate(titles) if t["label"] == q["label"]} for q in queries]
    label_items = [label["de"] for label in labels]
    position = {label["label"]: i for i, label in enumerate(labels)}
    german_relevant = [{position[g["label"]]} if g["label"] in position else set() for g in german]
    return [
        ([q["text"] for q in queries], items, relevant),
        ([g["title"] for g in german], label_items, german_relevant),
        held_out_titles(0, 400),
    ]


def pair_features(
    matcher: Matcher, queries: Sequence[str], items: Sequence[str], relevant: Sequence[set[int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Evidence of every shortlisted pair (columns in FEATURES order) and its relevance."""
    candidates = [Candidate(id=str(i), desired_occupations=(q,)) for i, q in enumerate(queries)]
    vacancies = [Vacancy(id=str(i), title=t) for i, t in enumerate(items)]
    t = matcher.tables(candidates, vacancies)
    rows, cols = matcher.pair_finder(t, True).pairs(
        0, len(candidates), shortlist_size(EVAL_TOP), EVAL_TOP
    )
    s = matcher.score_pairs(t, rows, cols)
    x = np.stack([s.concept, s.named_similarity, s.text_similarity,
                  s.exact_title.astype(np.float64)], axis=1)  # fmt: skip
    y = np.array([v in relevant[c] for c, v in zip(rows.tolist(), cols.tolist(), strict=True)])
    return x, y, rows


def ranking_differences(
    x: np.ndarray, y: np.ndarray, rows: np.ndarray, per_query: int = 30
) -> np.ndarray:
    """Evidence of each relevant pair minus that of the query's strongest irrelevant pairs
    (by the current fused score: the ones that compete for the top)."""
    out = []
    for query in np.unique(rows):
        mine = rows == query
        good, bad = x[mine & y], x[mine & ~y]
        if len(good) == 0 or len(bad) == 0:
            continue
        strongest = bad[np.argsort(-bad.sum(axis=1), kind="stable")[:per_query]]
        out.append((good[:, None, :] - strongest[None, :, :]).reshape(-1, x.shape[1]))
    return np.concatenate(out) if out else np.zeros((0, x.shape[1]))


def mrr(matcher: Matcher) -> list[float]:
    """MRR of each part of the first set with ``matcher``."""
    rank = matcher_ranker(matcher)
    return [round(figures(rank(q, items), rel).mrr, 3) for q, items, rel in _tasks()]


def main() -> None:
    """Fit, report, optionally write."""
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    matcher = Matcher(gazetteer=Gazetteer.from_region_files([REGION]))
    parts = [pair_features(matcher, q, items, rel) for q, items, rel in _tasks()]
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    differences = np.concatenate([ranking_differences(*p) for p in parts])
    both = np.concatenate([differences, -differences])
    direction = LogisticRegression(C=1.0, fit_intercept=False, max_iter=1000).fit(
        both, np.r_[np.ones(len(differences)), np.zeros(len(differences))]
    ).coef_[0]
    level = LogisticRegression(C=1.0, max_iter=1000).fit((x @ direction)[:, None], y)
    scale = float(level.coef_[0][0])
    fusion = Fusion(float(level.intercept_[0]), *(float(c) * scale for c in direction))
    before = mrr(matcher)
    fitted = Matcher(gazetteer=matcher.gazetteer,
                     weights=replace(matcher.weights, fusion=fusion))  # fmt: skip
    after = mrr(fitted)
    print(f"pairs {len(y)} (relevant {int(y.sum())}); features {', '.join(FEATURES)}")
    print("coefficients", {k: round(v, 3) for k, v in fusion.as_dict().items()})
    print(f"MRR queries / German titles / ESCO calibration half: shipped {before} → fitted {after}")
    if args.write:
        data = {
            "note": "written by benchmarks/calibrate_fusion.py on the first evaluation set "
                    "(benchmarks/eval/); logistic regression over the shortlisted pairs",
            "date": dt.date.today().isoformat(),
            "pairs": int(len(y)),
            "coefficients": {k: round(v, 4) for k, v in fusion.as_dict().items()},
        }  # fmt: skip
        FUSION_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"written to {FUSION_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
