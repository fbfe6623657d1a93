"""Password hashing with argon2id (OWASP parameters: 19 MiB memory, 2 iterations or more)."""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

HASHER = PasswordHasher(time_cost=3, memory_cost=19 * 1024 + 512, parallelism=1, type=Type.ID)


def hash_password(password: str) -> str:
    """Hash a password with argon2id; the whole Unicode string counts, nothing is truncated."""
    return HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether the password matches the stored hash."""
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether a stored hash was made with weaker parameters than today's."""
    return HASHER.check_needs_rehash(password_hash)
