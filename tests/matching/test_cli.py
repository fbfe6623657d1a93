"""The command line end to end (subprocess): output format, both directions, invalid input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.matching.conftest import FIXTURE_REGION, FIXTURE_VOCABULARY, FIXTURES

CANDIDATES = [
    {
        "id": "c1",
        "language": "uk",
        "desired_occupations": ["водій фури"],
        "german_level": "A2",
        "driving_licences": ["B", "CE"],
        "postcode": "49565",
        "max_commute_km": 25,
        "employment_types": ["full_time"],
        "available_from": "2027-01-04",
        "extra": "ignored",
    },
    {"id": "c2", "desired_occupations": ["حلاق"]},
    {"id": "c3"},
]
VACANCIES = [
    {
        "id": "v1",
        "employer": "Muster",
        "title": "Berufskraftfahrer (m/w/d)",
        "occupation": None,
        "german_level_min": "B1",
        "driving_licences_required": ["CE"],
        "postcode": "49124",
        "employment_type": "full_time",
        "openings": 2,
        "start_date": "2027-01-01",
    },
    {"id": "v2", "title": "Friseur/in"},
]


def write_jsonl(path: Path, rows: list[dict[str, object]], blank_line: bool = True) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if blank_line:
        lines.insert(1, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matching", *args],
        capture_output=True, text=True, check=False, cwd=Path(__file__).parents[2],
    )  # fmt: skip


def rank(
    tmp_path: Path,
    candidates: list[dict[str, object]],
    vacancies: list[dict[str, object]],
    *extra: str,
) -> subprocess.CompletedProcess[str]:
    c = write_jsonl(tmp_path / "candidates.jsonl", candidates)
    v = write_jsonl(tmp_path / "vacancies.jsonl", vacancies)
    return run(
        "rank",
        "--candidates",
        str(c),
        "--vacancies",
        str(v),
        "--vocabulary",
        str(FIXTURE_VOCABULARY),
        "--region",
        str(FIXTURE_REGION),
        *extra,
    )


def test_rank_for_candidates(tmp_path: Path) -> None:
    result = rank(tmp_path, CANDIDATES, VACANCIES)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["candidate"] for line in lines] == ["c1", "c2", "c3"]  # no line dropped
    first = lines[0]["matches"][0]
    assert first["vacancy"] == "v1"
    assert set(first) == {"vacancy", "score", "reasons", "gaps"}
    assert 0 <= first["score"] <= 1 and round(first["score"], 3) == first["score"]
    gaps = {g["code"]: g for g in first["gaps"]}
    assert gaps["german_level_below"] == {
        "code": "german_level_below",
        "required": "B1",
        "actual": "A2",
        "levels_missing": 1,
    }
    assert {"code": "occupation_match", "occupation": "truck_driver"} in first["reasons"]
    assert lines[2]["matches"] == []


def test_rank_for_vacancies_and_top(tmp_path: Path) -> None:
    result = rank(tmp_path, CANDIDATES, VACANCIES, "--for", "vacancies", "--top", "1")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["vacancy"] for line in lines] == ["v1", "v2"]
    assert [m["candidate"] for m in lines[0]["matches"]] == ["c1"]
    assert [m["candidate"] for m in lines[1]["matches"]] == ["c2"]


INVALID = [
    (
        {"id": "c9", "german_level": "B3"},
        "candidates.jsonl line 3: field 'german_level': "
        "'B3' is not one of none, A1, A2, B1, B2, C1, C2",
    ),
    ({"id": "c9", "employment_types": ["always"]}, "line 3: field 'employment_types'"),
    ({"id": "c9", "driving_licences": ["Z"]}, "line 3: field 'driving_licences'"),
    ({"id": "c9", "available_from": "soon"}, "line 3: field 'available_from'"),
    ({"id": "c9", "max_commute_km": "far"}, "line 3: field 'max_commute_km'"),
    ({"id": "c9", "desired_occupations": "Koch"}, "line 3: field 'desired_occupations'"),
    ({"german_level": "A1"}, "line 3: field 'id': is required"),
    ({"id": "c1"}, "line 3: field 'id': duplicate id 'c1'"),
    (
        {"id": "c9", "qualifications": [{"name": "x", "recognition": "maybe"}]},
        "line 3: field 'recognition'",
    ),
]


@pytest.mark.parametrize(("bad", "message"), INVALID)
def test_invalid_candidate_line(tmp_path: Path, bad: dict[str, object], message: str) -> None:
    result = rank(tmp_path, [CANDIDATES[0], bad], VACANCIES)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_invalid_vacancy_and_bad_json(tmp_path: Path) -> None:
    result = rank(tmp_path, CANDIDATES, [VACANCIES[0], {"id": "v9", "openings": 0}])
    assert result.returncode == 2
    assert "vacancies.jsonl line 3: field 'openings'" in result.stderr
    c = tmp_path / "c.jsonl"
    c.write_text('{"id": "c1"}\n{"id": "c2",\n', encoding="utf-8")
    v = write_jsonl(tmp_path / "v.jsonl", VACANCIES)
    result = run(
        "rank",
        "--candidates",
        str(c),
        "--vacancies",
        str(v),
        "--vocabulary",
        str(FIXTURE_VOCABULARY),
        "--region",
        str(FIXTURE_REGION),
    )
    assert result.returncode == 2
    assert "c.jsonl line 2: invalid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_evaluate_on_fixture() -> None:
    eval_dir = FIXTURES / "eval"
    result = run(
        "evaluate",
        "--json",
        "--vocabulary",
        str(FIXTURE_VOCABULARY),
        "--queries",
        str(eval_dir / "queries.jsonl"),
        "--titles",
        str(eval_dir / "vacancy_titles.jsonl"),
        "--german-titles",
        str(eval_dir / "german_titles.jsonl"),
        "--labels",
        str(eval_dir / "labels.jsonl"),
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures["queries"]) == {"matcher", "rapidfuzz", "tfidf"}
    assert figures["queries"]["matcher"]["all"]["n"] == 4
    assert figures["queries"]["matcher"]["all"]["success_at_5"] == 1.0
    assert figures["german_titles"]["matcher"]["mrr"] == 1.0
