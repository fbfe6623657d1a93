"""The held-out evaluation set is committed once and never changed (hashes in its README)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

FROZEN = Path(__file__).resolve().parents[2] / "benchmarks" / "eval-frozen"
FILES = ("german_titles.jsonl", "labels.jsonl", "queries.jsonl", "vacancy_titles.jsonl")


def test_the_frozen_set_is_unchanged() -> None:
    readme = (FROZEN / "README.md").read_text(encoding="utf-8")
    listed = {name: digest for digest, name in re.findall(r"([0-9a-f]{64})  (\S+\.jsonl)", readme)}
    assert set(listed) == set(FILES)
    for name in FILES:
        assert hashlib.sha256((FROZEN / name).read_bytes()).hexdigest() == listed[name], name
