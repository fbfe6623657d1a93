"""Quality figures: ``python -m matching evaluate`` (matcher and both baselines), then the same
queries through ``python -m matching rank --top 5`` as an outside evaluation would call it
(candidates ``{"id", "desired_occupations": [text]}``, vacancies ``{"id", "title"}``).

    python benchmarks/evaluate_matching.py [--json] [--queries Q --titles T ...]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "benchmarks" / "eval"


def read(path: Path) -> list[dict[str, str]]:
    """JSON objects of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def cli_top5() -> str:
    """Per language the share of queries with a title of the right label in the CLI's top 5."""
    queries, titles = read(EVAL / "queries.jsonl"), read(EVAL / "vacancy_titles.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        candidates, vacancies = Path(tmp) / "c.jsonl", Path(tmp) / "v.jsonl"
        candidates.write_text("".join(
            json.dumps({"id": q["id"], "desired_occupations": [q["text"]]}, ensure_ascii=False)
            + "\n" for q in queries), encoding="utf-8")  # fmt: skip
        vacancies.write_text("".join(
            json.dumps({"id": t["id"], "title": t["title"]}, ensure_ascii=False) + "\n"
            for t in titles), encoding="utf-8")  # fmt: skip
        output = subprocess.run(
            [sys.executable, "-m", "matching", "rank", "--candidates", str(candidates),
             "--vacancies", str(vacancies), "--top", "5"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    label = {t["id"]: t["label"] for t in titles}
    query = {q["id"]: q for q in queries}
    hits: dict[str, list[bool]] = defaultdict(list)
    for line in map(json.loads, output.splitlines()):
        q = query[line["candidate"]]
        hit = any(label[m["vacancy"]] == q["label"] for m in line["matches"])
        hits[q["language"]].append(hit)
        hits["all"].append(hit)
    rows = ["language   n   top-5 success (CLI, --top 5)"]
    for language in sorted(hits, key=lambda k: (k == "all", k)):
        share = sum(hits[language]) / len(hits[language])
        rows.append(f"{language:<8}{len(hits[language]):>4}   {share:.3f}")
    return "\n".join(rows)


if __name__ == "__main__":
    command = [sys.executable, "-m", "matching", "evaluate", *sys.argv[1:]]
    status = subprocess.run(command, cwd=ROOT, check=False).returncode
    if status == 0 and "--json" not in sys.argv and (EVAL / "queries.jsonl").exists():
        print()
        print(cli_top5())
    sys.exit(status)
