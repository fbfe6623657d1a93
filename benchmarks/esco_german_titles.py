"""German titles against German titles, from ESCO: the matcher beside plain character TF-IDF.

    python benchmarks/esco_german_titles.py [--queries 400]

From `matching/data/esco/occupations.jsonl`, one German label of an occupation with at least
three is held out as the query; the pool is every other German label of all 3,039 occupations
(~18,000); a title of the query's occupation is relevant. Occupations are split in two halves
by their position: even ones give the calibration data of `benchmarks/calibrate_fusion.py`, odd
ones are measured here, so the figure is not the data the weights were fitted on.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matching.evaluate import figures, matcher_ranker, tfidf_ranker  # noqa: E402
from matching.matcher import Matcher  # noqa: E402

ESCO = ROOT / "matching" / "data" / "esco" / "occupations.jsonl"


def held_out_titles(half: int, limit: int) -> tuple[list[str], list[str], list[set[int]]]:
    """(queries, pool, relevant pool indices per query) for occupations of ``half`` (0 or 1)."""
    rng = random.Random(7)
    queries: list[str] = []
    owners: list[int] = []
    pool: list[str] = []
    pool_owner: list[int] = []
    seen: set[str] = set()
    for i, line in enumerate(ESCO.read_text(encoding="utf-8").splitlines()):
        german = json.loads(line)["de"]
        labels = [x for x in dict.fromkeys([german["preferred"], *german["alt"], *german["hidden"]])
                  if x not in seen]  # fmt: skip
        seen.update(labels)
        if len(labels) >= 3 and i % 2 == half and len(queries) < limit:
            queries.append(labels.pop(rng.randrange(1, len(labels))))
            owners.append(i)
        pool += labels
        pool_owner += [i] * len(labels)
    by_owner: dict[int, set[int]] = {}
    for j, owner in enumerate(pool_owner):
        by_owner.setdefault(owner, set()).add(j)
    return queries, pool, [by_owner.get(owner, set()) for owner in owners]


def main() -> None:
    """Print success@1, success@5 and MRR of both rankers on the measured half."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()
    queries, pool, relevant = held_out_titles(1, args.queries)
    print(f"{len(queries)} held-out German titles against {len(pool)} German labels")
    for name, ranker in (("matcher", matcher_ranker(Matcher())), ("tfidf", tfidf_ranker)):
        started = time.perf_counter()
        f = figures(ranker(queries, pool), relevant)
        print(f"{name:<8} s@1 {f.success_at_1:.3f}  s@5 {f.success_at_5:.3f}  MRR {f.mrr:.3f}"
              f"  ({time.perf_counter() - started:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
