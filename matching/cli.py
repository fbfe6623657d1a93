"""Command line: ``python -m matching rank ...`` and ``python -m matching evaluate ...``."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from matching.evaluate import format_table, run_evaluation
from matching.geo import Gazetteer, RegionFileError
from matching.jsonl import InputError, read_candidates, read_vacancies
from matching.matcher import Matcher
from matching.vocabulary import DATA_DIR, Vocabulary, VocabularyError, load_default_vocabulary

EVAL_DIR = Path(__file__).resolve().parent.parent / "benchmarks" / "eval"


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m matching``."""
    parser = argparse.ArgumentParser(prog="python -m matching", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--region",
            action="append",
            type=Path,
            default=None,
            help="region JSON file (repeatable); without one, distance is not scored",
        )
        sub.add_argument(
            "--vocabulary",
            type=Path,
            default=None,
            help=f"directory with occupations_*.jsonl, skills_*.jsonl ({DATA_DIR})",
        )

    rank = commands.add_parser("rank", help="rank vacancies per candidate (or the reverse)")
    rank.add_argument("--candidates", type=Path, required=True)
    rank.add_argument("--vacancies", type=Path, required=True)
    rank.add_argument("--top", type=_positive, default=10)
    rank.add_argument(
        "--for", dest="for_", choices=("candidates", "vacancies"), default="candidates"
    )
    common(rank)

    evaluate = commands.add_parser("evaluate", help="quality figures against two baselines")
    evaluate.add_argument("--queries", type=Path, default=EVAL_DIR / "queries.jsonl")
    evaluate.add_argument("--titles", type=Path, default=EVAL_DIR / "vacancy_titles.jsonl")
    evaluate.add_argument("--german-titles", type=Path, default=EVAL_DIR / "german_titles.jsonl")
    evaluate.add_argument("--labels", type=Path, default=EVAL_DIR / "labels.jsonl")
    evaluate.add_argument("--json", action="store_true", help="print machine-readable JSON")
    common(evaluate)
    return parser


def _matcher(args: argparse.Namespace) -> Matcher:
    vocabulary = (
        Vocabulary.from_directory(args.vocabulary) if args.vocabulary
        else load_default_vocabulary()
    )  # fmt: skip
    return Matcher(vocabulary, Gazetteer.from_region_files(args.region or ()))


def _rank(args: argparse.Namespace) -> None:
    candidates = read_candidates(args.candidates)
    vacancies = read_vacancies(args.vacancies)
    matcher = _matcher(args)
    out = sys.stdout
    if args.for_ == "vacancies":
        for vacancy_result in matcher.iter_rank_candidates(candidates, vacancies, args.top):
            out.write(json.dumps(vacancy_result.to_json(), ensure_ascii=False) + "\n")
    else:
        for candidate_result in matcher.iter_rank_vacancies(candidates, vacancies, args.top):
            out.write(json.dumps(candidate_result.to_json(), ensure_ascii=False) + "\n")
    out.flush()


def _evaluate(args: argparse.Namespace) -> None:
    for path in (args.queries, args.titles):
        if not path.exists():
            raise InputError(f"{path}: file not found")
    result = run_evaluation(
        _matcher(args), args.queries, args.titles, args.german_titles, args.labels
    )
    print(json.dumps(result, indent=2) if args.json else format_table(result))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (2 on invalid input, with one message on stderr)."""
    args = build_parser().parse_args(argv)
    # A batch run builds millions of small acyclic objects that reference counting frees; the
    # cyclic collector would rescan the vocabulary and inputs again and again (~30 % of a fair).
    gc.disable()
    try:
        if args.command == "rank":
            _rank(args)
        else:
            _evaluate(args)
    except (InputError, VocabularyError, RegionFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    finally:
        gc.enable()
    return 0
