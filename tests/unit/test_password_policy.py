"""The password policy: length in characters of any script, common passwords refused."""

from __future__ import annotations

import pytest

from jobsforyou.accounts.policy import PasswordIssue, common_passwords, password_issue


def test_the_common_password_list_is_large_and_has_german_entries() -> None:
    passwords = common_passwords()
    assert len(passwords) >= 1000
    assert {"123456", "password", "passwort", "hallo123", "schalke04"} <= passwords


@pytest.mark.parametrize(
    ("password", "issue"),
    [
        ("Passwort", PasswordIssue.COMMON),
        ("QWERTZUIOP", PasswordIssue.COMMON),
        ("kurz", PasswordIssue.TOO_SHORT),
        ("ä" * 7, PasswordIssue.TOO_SHORT),
        ("ä" * 8, None),
        ("مفتاح" * 25 + "abc", None),  # 128 characters, far more bytes
        ("x" * 129, PasswordIssue.TOO_LONG),
        ("Lagerhalle am Kanal", None),
    ],
)
def test_password_rules(password: str, issue: PasswordIssue | None) -> None:
    assert password_issue(password) is issue
