"""Vocabulary loading, lookup and the consistency of the shipped data files.

The consistency tests read the real files in matching/data and are the place that catches data
errors; the data ships with the library, so a missing file fails them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from matching import Vocabulary
from matching.licences import LICENCE_CLASSES
from matching.vocabulary import DATA_DIR, LANGUAGES, VocabularyError

LEVEL_DIGIT = {"helper": "1", "skilled": "2", "specialist": "3", "expert": "4"}
SKILL_KINDS = {"skill", "tool", "software", "licence", "certificate", "language_skill"}


def _records(pattern: str) -> list[tuple[str, int, dict[str, object]]]:
    out = []
    for path in sorted(DATA_DIR.glob(pattern)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append((path.name, number, json.loads(line)))
    assert out, f"no {pattern} in {DATA_DIR}"
    return out


def test_fixture_vocabulary_loads(vocabulary: Vocabulary) -> None:
    assert vocabulary.occupation("cook") is not None
    assert vocabulary.occupation("nope") is None
    cook = vocabulary.occupation("cook")
    assert cook is not None and cook.display_name("uk") == "кухар"
    assert cook.display_name("xx") == "Koch/Köchin"
    assert vocabulary.skill("licence_ce") is not None


def test_suggest_occupations_by_prefix(vocabulary: Vocabulary) -> None:
    ids = [o.id for o in vocabulary.suggest_occupations("Lager", "de", 3)]
    assert "warehouse_worker" in ids
    assert [o.id for o in vocabulary.suggest_occupations("перук", "uk", 1)] == ["hairdresser"]


def test_malformed_vocabulary_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "occupations_x.jsonl").write_text('{"id": "a", "names": {}}\n{oops\n')
    with pytest.raises(VocabularyError, match="occupations_x.jsonl line 2"):
        Vocabulary.from_directory(tmp_path)


def test_data_ids_unique_across_files() -> None:
    records = _records("*.jsonl")
    counts = Counter(str(r["id"]) for _, _, r in records)
    duplicates = {
        i: [f"{f}:{n}" for f, n, r in records if r["id"] == i] for i, c in counts.items() if c > 1
    }
    assert not duplicates, f"duplicate ids: {duplicates}"


def test_data_occupations_are_well_formed() -> None:
    problems = []
    for name, number, r in _records("occupations_*.jsonl"):
        where = f"{name}:{number} {r.get('id')}"
        if not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", str(r.get("id"))):
            problems.append(f"{where}: id not snake_case")
        if not re.fullmatch(r"\d{4}", str(r.get("isco"))):
            problems.append(f"{where}: isco {r.get('isco')!r} not 4 digits")
        kldb = str(r.get("kldb"))
        if not re.fullmatch(r"\d{5}", kldb):
            problems.append(f"{where}: kldb {kldb!r} not 5 digits")
        level = str(r.get("level"))
        if level not in LEVEL_DIGIT:
            problems.append(f"{where}: level {level!r}")
        elif kldb[-1:] != LEVEL_DIGIT[level]:
            problems.append(f"{where}: kldb {kldb} last digit does not match level {level}")
        names = r.get("names")
        assert isinstance(names, dict)
        for lang in LANGUAGES:
            if not names.get(lang):
                problems.append(f"{where}: no names in {lang}")
    assert not problems, "\n".join(problems)


def test_data_related_ids_exist() -> None:
    occupation_ids = {str(r["id"]) for _, _, r in _records("occupations_*.jsonl")}
    skill_ids = {str(r["id"]) for _, _, r in _records("skills_*.jsonl")}
    problems = [
        f"{f}:{n} {r['id']} -> {rel}"
        for f, n, r in _records("occupations_*.jsonl")
        for rel in r.get("related") or []  # type: ignore[attr-defined]
        if rel not in occupation_ids
    ]
    problems += [
        f"{f}:{n} {r['id']} -> {rel}"
        for f, n, r in _records("skills_*.jsonl")
        for rel in r.get("related") or []  # type: ignore[attr-defined]
        if rel not in skill_ids
    ]
    assert not problems, "unknown related ids:\n" + "\n".join(problems)


def test_data_skills_are_well_formed() -> None:
    problems = []
    for name, number, r in _records("skills_*.jsonl"):
        where = f"{name}:{number} {r.get('id')}"
        if r.get("kind") not in SKILL_KINDS:
            problems.append(f"{where}: kind {r.get('kind')!r}")
        if r.get("kind") == "licence" and r.get("code") not in LICENCE_CLASSES:
            problems.append(f"{where}: licence code {r.get('code')!r}")
        names = r.get("names")
        assert isinstance(names, dict)
        for lang in LANGUAGES:
            if not names.get(lang):
                problems.append(f"{where}: no names in {lang}")
    assert not problems, "\n".join(problems)


def test_real_vocabulary_loads(real_vocabulary: Vocabulary) -> None:
    assert len(real_vocabulary.occupations) > 10
    languages = {lang for o in real_vocabulary.occupations for lang in o.names}
    assert set(LANGUAGES) <= languages
