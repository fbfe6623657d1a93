"""Password rules: 8 to 128 characters of any script, not one of the commonly used passwords."""

from __future__ import annotations

import enum
from functools import cache
from pathlib import Path

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent / "data" / "common_passwords.txt"


class PasswordIssue(enum.StrEnum):
    """Why a password is refused."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    COMMON = "common"


@cache
def common_passwords() -> frozenset[str]:
    """The list of frequently used passwords, case-folded (read once per process)."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip())


def password_issue(password: str) -> PasswordIssue | None:
    """The first rule the password breaks, or None if it is acceptable."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return PasswordIssue.TOO_SHORT
    if len(password) > PASSWORD_MAX_LENGTH:
        return PasswordIssue.TOO_LONG
    if password.strip().casefold() in common_passwords():
        return PasswordIssue.COMMON
    return None
