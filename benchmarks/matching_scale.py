"""Scale benchmark of the matcher: a fair (2,000 × 500) and a county pool (50,000 × 10,000).

Generates seeded synthetic candidates and vacancies from the vocabulary (occupation names in all
languages with typos, skills, German levels, region postcodes, licences), runs the CLI
``python -m matching rank --top 10`` as a subprocess per size (the fair best of three runs),
measures wall and CPU time and the child's peak RSS, and compares with a naive pairwise loop
(every pair scored with the same scoring function, no index) on a sample, extrapolated.
Prints a table; exits 0.

    python benchmarks/matching_scale.py [--sizes fair,county] [--sample 200]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matching import Candidate, Gazetteer, Matcher, Vacancy, load_default_vocabulary  # noqa: E402
from matching.jsonl import read_candidates, read_vacancies  # noqa: E402
from matching.licences import LICENCE_CLASSES  # noqa: E402
from matching.matcher import best_per_row  # noqa: E402
from matching.models import EMPLOYMENT_TYPES, GERMAN_LEVELS  # noqa: E402
from matching.vocabulary import LANGUAGES  # noqa: E402

# The region of the project's first county, handed to the library as the web app does.
REGION_FILES = sorted((ROOT / "config" / "regions").glob("*.json"))

SIZES = {"fair": (2_000, 500), "county": (50_000, 10_000)}
NOISE = ("(m/w/d)", "(w/m/d)", "in Vollzeit", "ab sofort", "- Quereinsteiger willkommen", "")


def typo(text: str, rng: random.Random) -> str:
    """Delete, double or swap one letter."""
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def generate(
    n_candidates: int, n_vacancies: int, seed: int
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Synthetic candidate and vacancy records (JSON-ready)."""
    rng = random.Random(seed)
    vocabulary = load_default_vocabulary()
    occupations = vocabulary.occupations
    skills = [s for s in vocabulary.skills if s.kind != "licence"]
    postcodes = [
        p
        for place in Gazetteer.from_region_files(REGION_FILES).places
        for p in place.postcodes
    ] or ["49565"]

    def name(entry_names: dict[str, tuple[str, ...]], language: str) -> str:
        options = entry_names.get(language) or entry_names.get("de") or ("Helfer",)
        return rng.choice(options)

    candidates: list[dict[str, object]] = []
    for i in range(n_candidates):
        language = rng.choice(LANGUAGES)
        wanted = [
            name(dict(rng.choice(occupations).names), language)
            for _ in range(rng.choice((1, 1, 2, 3)))
        ]
        wanted = [typo(w, rng) if rng.random() < 0.2 else w for w in wanted]
        record: dict[str, object] = {
            "id": f"c{i}",
            "language": language,
            "desired_occupations": wanted,
        }
        if rng.random() < 0.5:
            record["experience"] = [
                {
                    "occupation": name(dict(rng.choice(occupations).names), language),
                    "years": rng.randint(1, 10),
                }
            ]
        if skills and rng.random() < 0.7:
            record["skills"] = [
                name(dict(s.names), language)
                for s in rng.sample(skills, rng.randint(1, min(4, len(skills))))
            ]
        if rng.random() < 0.8:
            record["german_level"] = rng.choice(GERMAN_LEVELS)
        record["languages"] = [language] + (["ru"] if language == "uk" else [])
        if rng.random() < 0.6:
            record["driving_licences"] = rng.sample(["B", "C", "CE", "C1", "BE"], rng.randint(0, 2))
        if rng.random() < 0.9:
            record["postcode"] = rng.choice(postcodes)
            record["max_commute_km"] = rng.choice((10, 15, 25, 40))
        record["employment_types"] = rng.sample(EMPLOYMENT_TYPES, rng.randint(1, 2))
        if rng.random() < 0.5:
            record["available_from"] = f"2027-0{rng.randint(1, 6)}-0{rng.randint(1, 9)}"
        candidates.append(record)

    vacancies: list[dict[str, object]] = []
    for i in range(n_vacancies):
        occupation = rng.choice(occupations)
        title = f"{name(dict(occupation.names), 'de')} {rng.choice(NOISE)}".strip()
        vacancy: dict[str, object] = {"id": f"v{i}", "employer": f"Firma {i % 700}", "title": title}
        if skills:
            vacancy["required_skills"] = [
                name(dict(s.names), "de") for s in rng.sample(skills, rng.randint(0, 3))
            ]
            vacancy["optional_skills"] = [
                name(dict(s.names), "de") for s in rng.sample(skills, rng.randint(0, 2))
            ]
        vacancy["german_level_min"] = rng.choice(("A1", "A2", "A2", "B1", "B1", "B2"))
        if rng.random() < 0.2:
            vacancy["driving_licences_required"] = [rng.choice(LICENCE_CLASSES[4:10])]
        vacancy["postcode"] = rng.choice(postcodes)
        vacancy["employment_type"] = rng.choice(EMPLOYMENT_TYPES)
        vacancy["openings"] = rng.randint(1, 3)
        vacancy["start_date"] = f"2027-0{rng.randint(1, 6)}-01"
        vacancies.append(vacancy)
    return candidates, vacancies


def write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_cli(candidates: Path, vacancies: Path, top: int) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (MB) of the child, number of output lines."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "matching", "rank", "--candidates", str(candidates),
         "--vacancies", str(vacancies), "--top", str(top),
         *(argument for path in REGION_FILES for argument in ("--region", str(path)))],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, after.ru_maxrss / 1024, len(result.stdout.splitlines())


def sample_seconds(
    candidates: list[Candidate], vacancies: list[Vacancy], sample: int, top: int
) -> tuple[float, float]:
    """Seconds to rank ``sample`` candidates against all vacancies: (indexed, naive).

    Indexed: ``Matcher.rank_vacancies`` (shortlist, score, top, explain). Naive: every pair
    scored with the same ``score_pairs``, then the same top selection and explanations.
    Texts are resolved before either is timed, so both measure ranking, not resolution.
    """
    matcher = Matcher(gazetteer=Gazetteer.from_region_files(REGION_FILES))
    chosen = candidates[:sample]
    tables = matcher.tables(chosen, vacancies)
    start = time.perf_counter()
    list(matcher.iter_rank_tables(tables, chosen, vacancies, top))
    indexed = time.perf_counter() - start
    start = time.perf_counter()
    step = max(1, 500_000 // max(len(vacancies), 1))
    for lo in range(0, len(chosen), step):
        rows = np.arange(lo, min(lo + step, len(chosen)))
        ci = np.repeat(rows, len(vacancies))
        vi = np.tile(np.arange(len(vacancies)), len(rows))
        scores = matcher.score_pairs(tables, ci, vi)
        best = best_per_row(scores, top)
        matcher.explained_matches(tables, scores, best, chosen, vacancies)
    naive = time.perf_counter() - start
    return indexed, naive


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="fair,county")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3, help="CLI runs of the fair (best kept)")
    args = parser.parse_args()
    rows = []
    load_default_vocabulary()  # builds the on-disk index cache once, as any earlier run would
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            n_c, n_v = SIZES[size]
            cands, vacs = generate(n_c, n_v, seed=7)
            c_path, v_path = Path(tmp) / f"{size}_c.jsonl", Path(tmp) / f"{size}_v.jsonl"
            write(c_path, cands)
            write(v_path, vacs)
            # best of --repeat runs for the small size (the machine may be shared), one for the
            # county pool
            runs = [
                run_cli(c_path, v_path, args.top) for _ in range(args.repeat if n_c <= 5000 else 1)
            ]
            wall, cpu, peak, lines = min(runs)
            indexed, naive = sample_seconds(
                read_candidates(c_path), read_vacancies(v_path), args.sample, args.top
            )
            scale = n_c / min(args.sample, n_c)
            rows.append((size, n_c, n_v, wall, cpu, peak, lines, indexed * scale, naive * scale))
    print(
        f"{'size':<8}{'cands':>8}{'vacs':>8}{'CLI s':>8}{'CPU s':>8}{'peak MB':>9}{'lines':>8}"
        f"{'index s*':>10}{'naive s*':>10}{'naive/index':>13}"
    )
    for size, n_c, n_v, wall, cpu, peak, lines, indexed, naive in rows:
        print(
            f"{size:<8}{n_c:>8}{n_v:>8}{wall:>8.2f}{cpu:>8.2f}{peak:>9.0f}{lines:>8}"
            f"{indexed:>10.1f}{naive:>10.1f}{naive / indexed:>13.1f}"
        )
    print(
        f"* ranking only (texts already resolved), measured on {args.sample} candidates × all "
        "vacancies and extrapolated to all candidates; naive = every pair scored with the "
        "same scoring function, same top-k and explanations, no index."
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
