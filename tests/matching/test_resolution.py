"""Resolution of free text to vocabulary occupations, across languages and spellings."""

from __future__ import annotations

import pytest

from matching import Vocabulary

FIXTURE_CASES = [
    ("водій фури", "truck_driver"),
    ("voditel fury", "truck_driver"),
    ("водитель фуры", "truck_driver"),
    ("حلاق", "hairdresser"),
    ("forklift driver", "forklift_driver"),
    ("Kommissionierer Tiefkühllager (m/w/d)", "warehouse_picker"),
    ("Lagermitarbeiter", "warehouse_worker"),
    ("Produktionshelfer in Vollzeit ab sofort", "production_helper"),
    ("Schweiser", "welder"),  # typo
    ("kuafor", "hairdresser"),  # tr without ü
    ("راننده كاميون", "truck_driver"),  # fa with Arabic kaf / yeh
    ("Köchin", "cook"),
    ("Elektrikerin", "electrician"),
]


@pytest.mark.parametrize(("text", "expected"), FIXTURE_CASES)
def test_fixture_resolution(vocabulary: Vocabulary, text: str, expected: str) -> None:
    best, confidence = vocabulary.resolve_occupation(text)[0]
    assert best.id == expected
    assert 0.0 < confidence <= 1.0


def test_exact_name_has_full_confidence(vocabulary: Vocabulary) -> None:
    assert vocabulary.resolve_occupation("Berufskraftfahrer/in")[0][1] == 1.0


def test_unknown_text_still_returns_neighbours(vocabulary: Vocabulary) -> None:
    hits = vocabulary.resolve_occupation("Imker", limit=3)
    assert len(hits) <= 3
    assert all(confidence < 0.8 for _, confidence in hits)


# Real data: assert by ISCO unit group so the tests do not depend on id spelling.
REAL_CASES = [
    ("водій фури", {"8332"}),
    ("voditel fury", {"8332"}),
    ("حلاق", {"5141"}),
    ("forklift driver", {"8344"}),
    ("Kommissionierer Tiefkühllager (m/w/d)", {"9333", "4321"}),
    ("Produktionshelfer", {"9329"}),
    ("Berufskraftfahrer/Berufskraftfahrerin", {"8332"}),
]


@pytest.mark.parametrize(("text", "isco"), REAL_CASES)
def test_real_resolution(real_vocabulary: Vocabulary, text: str, isco: set[str]) -> None:
    hits = real_vocabulary.resolve_occupation(text, limit=3)
    assert any(o.isco in isco for o in real_vocabulary.occupations), f"no ISCO {isco} occupation"
    assert hits[0][0].isco in isco, [(o.id, round(c, 2)) for o, c in hits]
