"""Fixtures of the matching tests: a tiny vocabulary and region, and the real data if present."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching import Gazetteer, Matcher, Vocabulary
from matching.vocabulary import DATA_DIR

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_VOCABULARY = FIXTURES / "vocabulary"
FIXTURE_REGION = FIXTURES / "region.json"


def real_data_present() -> bool:
    """Whether the shipped vocabulary files exist yet."""
    return any(DATA_DIR.glob("occupations_*.jsonl"))


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return Vocabulary.from_directory(FIXTURE_VOCABULARY)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_region_files([FIXTURE_REGION])


@pytest.fixture(scope="session")
def matcher(vocabulary: Vocabulary, gazetteer: Gazetteer) -> Matcher:
    return Matcher(vocabulary, gazetteer)


@pytest.fixture(scope="session")
def real_vocabulary() -> Vocabulary:
    assert real_data_present(), "the shipped vocabulary files in matching/data are missing"
    from matching import load_default_vocabulary

    return load_default_vocabulary()


@pytest.fixture(scope="session")
def real_matcher(real_vocabulary: Vocabulary) -> Matcher:
    return Matcher(real_vocabulary)
