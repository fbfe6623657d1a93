"""Reading JSON Lines into dataclasses (the CLI tests cover the messages end to end)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from matching import Candidate, InputError, Matcher, Vacancy, read_candidates, read_vacancies


def test_read_full_records(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "c1", "language": "uk", "desired_occupations": ["зварювальник"], '
        '"experience": [{"occupation": "водій вантажівки", "years": 5}], '
        '"skills": ["MIG-зварювання"], "german_level": "A2", "languages": ["uk", "ru"], '
        '"driving_licences": ["B", "CE"], "postcode": "49565", "municipality": "Bramsche", '
        '"max_commute_km": 25, "employment_types": ["full_time"], '
        '"available_from": "2027-01-04", "unknown_field": 1}\n\n{"id": "c2"}\n',
        encoding="utf-8",
    )
    first, second = read_candidates(path)
    assert first.experience[0].years == 5
    assert first.driving_licences == ("B", "CE")
    assert first.available_from == date(2027, 1, 4)
    assert second == Candidate("c2")
    assert second.driving_licences is None  # not said, not "none"


def test_read_vacancy_defaults(tmp_path: Path) -> None:
    path = tmp_path / "v.jsonl"
    path.write_text('{"id": "v1", "title": "Koch", "occupation": null}\n', encoding="utf-8")
    assert read_vacancies(path) == [Vacancy("v1", title="Koch")]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.jsonl"):
        read_candidates(tmp_path / "nothing.jsonl")


def test_vacancy_occupation_id_without_title(matcher: Matcher) -> None:
    match = matcher.score(
        Candidate("c", desired_occupations=("Koch",)), Vacancy("v", occupation="cook")
    )
    assert match.score > 0.9
    assert {"code": "occupation_match", "occupation": "cook"} in [
        r.to_json() for r in match.reasons
    ]
