"""Small pure parts: phone numbers, skills lists, redirect targets, tokens, locale tags."""

from __future__ import annotations

import pytest

from jobsforyou.formfields import split_skills
from jobsforyou.i18n import supported_language
from jobsforyou.registration.phones import normalize_phone
from jobsforyou.security import new_token, safe_next_url, token_digest


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0176 123 45 67", "+491761234567"),
        ("+49 (0)176-1234567", "+491761234567"),
        ("0049 176 1234567", "+491761234567"),
        ("+380 67 123 4567", "+380671234567"),
        ("05461/12345", "+49546112345"),
        ("12", None),
        ("call me", None),
        ("٠١٧٦١٢٣٤٥٦٧", "+491761234567"),
        ("۰۱۷۶ ۱۲۳۴۵۶۷", "+491761234567"),
    ],
)
def test_normalize_phone(raw: str, expected: str | None) -> None:
    assert normalize_phone(raw) == expected


def test_split_skills_accepts_lines_commas_and_arabic_commas() -> None:
    assert split_skills("Stapler, MAG-Schweißen\nKasse;stapler، قيادة") == (
        "Stapler",
        "MAG-Schweißen",
        "Kasse",
        "قيادة",
    )


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/fairs/1", "/fairs/1"),
        ("https://evil.example/", None),
        ("//evil.example", None),
        ("javascript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_next_url(target: str | None, expected: str | None) -> None:
    assert safe_next_url(target) == expected


def test_tokens_are_long_random_and_stored_as_digest() -> None:
    first, second = new_token(), new_token()
    assert first != second
    assert len(first) >= 32  # 192 bits in URL-safe base64
    assert token_digest(first) != first and len(token_digest(first)) == 64


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("prs", "fa"),
        ("fa_AF", "fa"),
        ("fa-IR", "fa"),
        ("kmr", "ku"),
        ("ckb", None),
        ("uk-UA", "uk"),
        ("pt", None),
        (None, None),
    ],
)
def test_supported_language(tag: str | None, expected: str | None) -> None:
    assert supported_language(tag) == expected
